#include "ServerContext.h"

#include "Blake2b.h"
#include "SecureMemory.h"
#include "TlsIdentity.h"

#include <QDir>
#include <QFile>
#include <QHostInfo>
#include <QSqlQuery>

namespace vigil {

ServerContext::ServerContext(DataDirectory dir, SigningKey policyKey, SigningKey auditKey,
                             const QString &databaseUrl)
    : m_dir(std::move(dir))
    , m_database(std::make_unique<Database>(databaseUrl.isEmpty() ? m_dir.databasePath() : databaseUrl))
    , m_policyKey(std::move(policyKey))
    , m_auditKey(std::move(auditKey))
{
    // The employee-id lookup key is derived, so there is no third key file to lose or leak.
    QByteArray seed = m_policyKey.secretKey().left(32);
    m_lookupKey = Blake2b::keyedHash256(seed, "vigil-employee-lookup-v1");
    SecureMemory::wipe(seed);
}

bool ServerContext::initialise(const QString &dataDir, QString *error, const QString &databaseUrl)
{
    DataDirectory dir(dataDir);
    if ((databaseUrl.isEmpty() && QFile::exists(dir.databasePath())) || QFile::exists(dir.auditKeyPath())) {
        *error = QStringLiteral("%1 already holds a Vigil data folder").arg(dir.root());
        return false;
    }
    // A shared store is initialised once; further replicas get a copy of this folder's keys.
    // Checked before any key is made, so a refused init leaves nothing behind.
    if (!databaseUrl.isEmpty()) {
        Database store(databaseUrl);
        if (!store.migrate(error))
            return false;
        auto db = store.connection();
        QSqlQuery existing(db);
        if (!existing.exec(QStringLiteral("SELECT COUNT(*) FROM audit_log")) || !existing.next()
            || existing.value(0).toLongLong() > 0) {
            *error = QStringLiteral("the database already holds a Vigil store; copy the data folder of the"
                                    " server that initialised it instead");
            return false;
        }
    }
    QDir root(dir.root());
    for (const auto &sub : {QStringLiteral("tls"), QStringLiteral("keys")}) {
        if (!root.mkpath(sub)) {
            *error = QStringLiteral("cannot create %1/%2").arg(dir.root(), sub);
            return false;
        }
        QFile::setPermissions(root.filePath(sub), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    }
    if (!SigningKey::generate().saveToFile(dir.policyKeyPath(), error)
        || !SigningKey::generate().saveToFile(dir.auditKeyPath(), error))
        return false;
    QStringList hosts{QHostInfo::localHostName()};
    if (!TlsIdentity::generate(dir.certificatePath(), dir.certificateKeyPath(), hosts, error))
        return false;
    auto context = open(dataDir, error, databaseUrl);
    if (!context)
        return false;
    auto db = context->database().connection();
    if (databaseUrl.isEmpty())
        QFile::setPermissions(dir.databasePath(), QFile::ReadOwner | QFile::WriteOwner);

    WriteTransaction tx(context->database());
    if (!tx.isActive() || !savePolicy(tx.db(), Policy{})
        || !context->audit(tx.db(),
                           {QStringLiteral("SERVER_INITIALISED"),
                            QStringLiteral("system:init"),
                            {},
                            {},
                            QStringLiteral("ok"),
                            {}})
        || !tx.commit()) {
        *error = QStringLiteral("cannot write the initial policy");
        return false;
    }
    return true;
}

std::unique_ptr<ServerContext> ServerContext::open(const QString &dataDir, QString *error,
                                                   const QString &databaseUrl)
{
    DataDirectory dir(dataDir);
    if (!dir.isInitialised()) {
        *error = QStringLiteral("%1 is not a Vigil data folder (run `vigil-server init --data %1` first)")
                         .arg(dir.root());
        return nullptr;
    }
    auto policyKey = SigningKey::loadFromFile(dir.policyKeyPath(), error);
    if (!policyKey)
        return nullptr;
    auto auditKey = SigningKey::loadFromFile(dir.auditKeyPath(), error);
    if (!auditKey)
        return nullptr;
    std::unique_ptr<ServerContext> context(
            new ServerContext(dir, std::move(*policyKey), std::move(*auditKey), databaseUrl));
    // Folders made before the data key existed get one on first open.
    context->m_dataKey = DataKey::loadOrCreate(context->dataDirectory().dataKeyPath(), error);
    if (!context->m_dataKey)
        return nullptr;
    if (!context->database().migrate(error))
        return nullptr;
    return context;
}

std::optional<Policy> ServerContext::policy(QSqlDatabase &db) const
{
    QSqlQuery query(db);
    query.prepare(QStringLiteral("SELECT value FROM settings WHERE key = 'policy'"));
    if (!query.exec())
        return std::nullopt;
    if (!query.next())
        return Policy{};
    QString error;
    return Policy::fromBytes(query.value(0).toByteArray(), &error);
}

bool ServerContext::savePolicy(QSqlDatabase &db, const Policy &policy)
{
    QSqlQuery query(db);
    query.prepare(QStringLiteral("INSERT INTO settings (key, value) VALUES ('policy', ?)"
                                 " ON CONFLICT(key) DO UPDATE SET value = excluded.value"));
    query.addBindValue(QString::fromUtf8(policy.toBytes()));
    return query.exec();
}

QString ServerContext::isoTime(qint64 secondsSinceEpoch)
{
    return QDateTime::fromSecsSinceEpoch(secondsSinceEpoch, Qt::UTC).toString(Qt::ISODate);
}

} // namespace vigil
