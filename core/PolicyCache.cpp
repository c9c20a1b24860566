#include "PolicyCache.h"

#include "SigningKey.h"

#include <QAtomicInteger>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

// Blocking file I/O: call save() and load() from a worker thread (QtConcurrent), not the GUI thread.
// Each call opens its own connection, named uniquely, in the calling thread and removes it again,
// since a QSqlDatabase connection belongs to the thread that made it.

namespace vigil {

Q_LOGGING_CATEGORY(lcPolicy, "vigil.core.policy")

namespace {

QString nextConnectionName()
{
    static QAtomicInteger<quint64> counter;
    return QStringLiteral("vigil-policy-cache-%1").arg(counter.fetchAndAddRelaxed(1));
}

void setError(QString *error, const QString &text)
{
    if (error)
        *error = text;
}

// Opens the file for the lifetime of the object and removes the connection afterwards.
class CacheConnection
{
public:
    CacheConnection(const QString &path, bool readOnly)
        : m_name(nextConnectionName())
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_name);
        db.setDatabaseName(path);
        db.setConnectOptions(readOnly ? QStringLiteral("QSQLITE_OPEN_READONLY;QSQLITE_BUSY_TIMEOUT=5000")
                                      : QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
        m_open = db.open();
        if (!m_open)
            m_error = db.lastError().text();
    }
    ~CacheConnection()
    {
        {
            QSqlDatabase db = QSqlDatabase::database(m_name, false);
            if (db.isOpen())
                db.close();
        }
        QSqlDatabase::removeDatabase(m_name);
    }
    CacheConnection(const CacheConnection &) = delete;
    CacheConnection &operator=(const CacheConnection &) = delete;

    bool isOpen() const { return m_open; }
    QString errorText() const { return m_error; }
    QSqlDatabase db() const { return QSqlDatabase::database(m_name, false); }

private:
    QString m_name;
    bool m_open = false;
    QString m_error;
};

bool verifyAndParse(const QByteArray &policyBytes, const QByteArray &signature, const QByteArray &publicKey,
                    Policy *policy, QString *error)
{
    if (publicKey.size() != SigningKey::publicKeySize) {
        setError(error, QStringLiteral("no valid policy key is configured"));
        return false;
    }
    if (!SigningKey::verify(publicKey, policyBytes, signature)) {
        setError(error, QStringLiteral("the policy signature does not verify against the policy key"));
        return false;
    }
    QString parseError;
    const auto parsed = Policy::fromBytes(policyBytes, &parseError);
    if (!parsed) {
        setError(error, QStringLiteral("the signed policy is not valid: %1").arg(parseError));
        return false;
    }
    *policy = *parsed;
    return true;
}

} // namespace

PolicyCache::PolicyCache(QString path)
    : m_path(std::move(path))
{
}

bool PolicyCache::save(const QByteArray &policyBytes, const QByteArray &signature,
                       const QByteArray &publicKey, QString *error)
{
    Policy policy;
    if (!verifyAndParse(policyBytes, signature, publicKey, &policy, error)) {
        qCWarning(lcPolicy) << "refused to cache a policy:" << (error ? *error : QString());
        return false;
    }
    CacheConnection connection(m_path, false);
    if (!connection.isOpen()) {
        setError(error,
                 QStringLiteral("cannot open the policy cache %1: %2").arg(m_path, connection.errorText()));
        return false;
    }
    QSqlDatabase db = connection.db();
    QSqlQuery query(db);
    if (!query.exec(QStringLiteral("CREATE TABLE IF NOT EXISTS policy_cache ("
                                   "id INTEGER PRIMARY KEY CHECK (id = 1), policy BLOB NOT NULL, "
                                   "signature BLOB NOT NULL, fetched_at INTEGER NOT NULL)"))) {
        setError(
                error,
                QStringLiteral("cannot write the policy cache %1: %2").arg(m_path, query.lastError().text()));
        return false;
    }
    query.prepare(QStringLiteral("INSERT OR REPLACE INTO policy_cache (id, policy, signature, fetched_at) "
                                 "VALUES (1, ?, ?, ?)"));
    query.addBindValue(policyBytes);
    query.addBindValue(signature);
    query.addBindValue(QDateTime::currentSecsSinceEpoch());
    if (!query.exec()) {
        setError(
                error,
                QStringLiteral("cannot write the policy cache %1: %2").arg(m_path, query.lastError().text()));
        return false;
    }
    qCDebug(lcPolicy) << "cached the policy in" << m_path;
    return true;
}

std::optional<PolicyCache::Entry> PolicyCache::load(const QByteArray &publicKey, QString *error) const
{
    // Opening a missing file would create an empty one; a read-only open reports it instead.
    if (!QFileInfo::exists(m_path)) {
        setError(error, QStringLiteral("no policy has been cached yet"));
        return std::nullopt;
    }
    CacheConnection connection(m_path, true);
    if (!connection.isOpen()) {
        setError(error,
                 QStringLiteral("cannot open the policy cache %1: %2").arg(m_path, connection.errorText()));
        return std::nullopt;
    }
    QSqlQuery query(connection.db());
    if (!query.exec(QStringLiteral("SELECT policy, signature, fetched_at FROM policy_cache WHERE id = 1"))) {
        setError(error,
                 QStringLiteral("the policy cache %1 is unreadable: %2")
                         .arg(m_path, query.lastError().text()));
        return std::nullopt;
    }
    if (!query.next()) {
        setError(error, QStringLiteral("no policy has been cached yet"));
        return std::nullopt;
    }
    Entry entry;
    entry.policyBytes = query.value(0).toByteArray();
    entry.signature = query.value(1).toByteArray();
    bool timeOk = false;
    const qint64 fetchedAt = query.value(2).toLongLong(&timeOk);
    if (!timeOk) {
        setError(error, QStringLiteral("the policy cache %1 is damaged").arg(m_path));
        return std::nullopt;
    }
    entry.fetchedAt = QDateTime::fromSecsSinceEpoch(fetchedAt, Qt::UTC);
    if (!verifyAndParse(entry.policyBytes, entry.signature, publicKey, &entry.policy, error)) {
        qCWarning(lcPolicy) << "the cached policy was rejected:" << (error ? *error : QString());
        return std::nullopt;
    }
    return entry;
}

} // namespace vigil
