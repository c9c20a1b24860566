#include "Database.h"

#include "Migrations.h"

#include <libpq-fe.h>

#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QLoggingCategory>
#include <QRandomGenerator>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>
#include <QThread>
#include <QUrl>
#include <QUrlQuery>
#include <QUuid>

#include <fcntl.h>
#include <unistd.h>

Q_LOGGING_CATEGORY(lcStore, "vigil.server.store")

namespace vigil {

bool Database::isPostgresUrl(const QString &location)
{
    const QUrl url(location, QUrl::StrictMode);
    return url.isValid()
            && (url.scheme() == QLatin1String("postgresql") || url.scheme() == QLatin1String("postgres"))
            && !url.host().isEmpty() && url.path().size() > 1;
}

namespace {
bool isConnectionAlive(const QSqlDatabase &db)
{
    const QVariant handle = db.driver()->handle();
    if (!handle.isValid() || qstrcmp(handle.typeName(), "PGconn*") != 0)
        return true;
    auto *connection = *static_cast<PGconn *const *>(handle.data());
    return connection && PQstatus(connection) == CONNECTION_OK;
}

// An evaluator id: 16 hex digits of a random number below 2^62, so that on SQLite it is also a
// valid byte offset in the lock file.
QString randomEvaluatorId()
{
    return QStringLiteral("%1").arg(QRandomGenerator::system()->generate64() >> 2, 16, 16, QLatin1Char('0'));
}

// SQLite's evaluator locks. POSIX record locks belong to the process, and closing any descriptor of
// the file drops all of them, so each lock file is opened once per process and never closed; every
// Database on the same file in this process shares its descriptor and its id.
struct EvaluatorLockFile
{
    int fd = -1;
    QString id; // empty until this process has locked its byte
};

QMutex g_lockFilesMutex;
QHash<QString, EvaluatorLockFile> &lockFiles()
{
    static QHash<QString, EvaluatorLockFile> files;
    return files;
}

// The lock file of the SQLite database at `path`, opened on first use; called under g_lockFilesMutex.
EvaluatorLockFile *lockFileFor(const QString &path)
{
    const QString canonical = QFileInfo(path).canonicalFilePath();
    if (canonical.isEmpty())
        return nullptr;
    auto it = lockFiles().find(canonical);
    if (it == lockFiles().end()) {
        const int fd = ::open(QFile::encodeName(canonical + QStringLiteral("-evaluators")).constData(),
                              O_RDWR | O_CREAT | O_CLOEXEC, 0600);
        if (fd < 0) {
            qCWarning(lcStore) << "cannot open the evaluator lock file beside" << canonical;
            return nullptr;
        }
        it = lockFiles().insert(canonical, EvaluatorLockFile{fd, {}});
    }
    return &*it;
}

struct flock byteLock(short type, qint64 offset)
{
    struct flock lock = {};
    lock.l_type = type;
    lock.l_whence = SEEK_SET;
    lock.l_start = static_cast<off_t>(offset);
    lock.l_len = 1;
    return lock;
}
} // namespace

Database::Database(QString location)
    : m_location(std::move(location))
    , m_kind(isPostgresUrl(m_location) ? Kind::Postgres : Kind::Sqlite)
    , m_prefix(QStringLiteral("vigil-") + QUuid::createUuid().toString(QUuid::WithoutBraces)
               + QLatin1Char('-'))
{
    m_path = m_kind == Kind::Postgres ? QUrl(m_location).toString(QUrl::RemovePassword) : m_location;
    if (m_kind == Kind::Postgres)
        m_postgresEvaluator = randomEvaluatorId();
}

Database::~Database()
{
    for (const auto &name : QSqlDatabase::connectionNames()) {
        if (name.startsWith(m_prefix))
            QSqlDatabase::removeDatabase(name);
    }
}

QString Database::connectionName() const
{
    return m_prefix + QString::number(reinterpret_cast<quintptr>(QThread::currentThread()), 16);
}

QSqlDatabase Database::connection()
{
    const auto name = connectionName();
    if (QSqlDatabase::contains(name)) {
        auto existing = QSqlDatabase::database(name, false);
        if (m_kind == Kind::Sqlite)
            return existing;
        // A PostgreSQL connection dropped by a restart, a failover or an administrator is opened
        // again on next use: libpq marks it bad after the first query that failed on it.
        if (existing.isOpen() && isConnectionAlive(existing))
            return existing;
        existing.close();
        if (!existing.open())
            return existing;
        QSqlQuery setup(existing);
        setup.exec(QStringLiteral("SET TIME ZONE 'UTC'"));
        setup.exec(QStringLiteral("SET client_min_messages = warning"));
        setup.exec(QStringLiteral("SET pg_trgm.word_similarity_threshold = 0.3"));
        return existing;
    }

    if (m_kind == Kind::Postgres) {
        const QUrl url(m_location);
        auto db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), name);
        db.setHostName(url.host());
        db.setPort(url.port(5432));
        db.setUserName(url.userName());
        db.setPassword(url.password());
        db.setDatabaseName(url.path().mid(1));
        // libpq options from the URL's query (sslmode=verify-full, connect_timeout=5, …).
        QStringList options{QStringLiteral("connect_timeout=10")};
        for (const auto &item : QUrlQuery(url).queryItems(QUrl::FullyDecoded))
            options.append(item.first + QLatin1Char('=') + item.second);
        // Last, so that it wins: other replicas tell this process is alive by this name.
        options.append(QStringLiteral("application_name=vigil-") + m_postgresEvaluator);
        db.setConnectOptions(options.join(QLatin1Char(';')));
        if (!db.open()) {
            qCWarning(lcStore) << "cannot open database" << m_path << db.lastError().text();
            return db;
        }
        QSqlQuery setup(db);
        // Search compares words of the query with words of the profile (pg_trgm).
        for (const char *statement : {"SET TIME ZONE 'UTC'", "SET client_min_messages = warning",
                                      "SET pg_trgm.word_similarity_threshold = 0.3"}) {
            if (!setup.exec(QLatin1String(statement)))
                qCWarning(lcStore) << "setting failed" << statement << setup.lastError().text();
        }
        return db;
    }
    auto db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
    db.setDatabaseName(m_path);
    db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
    if (!db.open()) {
        qCWarning(lcStore) << "cannot open database" << m_path << db.lastError().text();
        return db;
    }
    QSqlQuery pragma(db);
    for (const char *statement : {"PRAGMA journal_mode=WAL", "PRAGMA synchronous=FULL",
                                  "PRAGMA foreign_keys=ON", "PRAGMA trusted_schema=OFF"}) {
        if (!pragma.exec(QLatin1String(statement)))
            qCWarning(lcStore) << "pragma failed" << statement << pragma.lastError().text();
    }
    return db;
}

void Database::closeThreadConnection()
{
    const auto name = connectionName();
    if (QSqlDatabase::contains(name)) {
        QSqlDatabase::database(name, false).close();
        QSqlDatabase::removeDatabase(name);
    }
}

QString Database::evaluatorId()
{
    if (m_kind == Kind::Postgres)
        return m_postgresEvaluator;
    QMutexLocker lock(&g_lockFilesMutex);
    EvaluatorLockFile *file = lockFileFor(m_path);
    if (!file)
        return {};
    // A random offset; on the rare clash with a running process, another one.
    for (int attempt = 0; file->id.isEmpty() && attempt < 8; ++attempt) {
        const QString id = randomEvaluatorId();
        struct flock byte = byteLock(F_WRLCK, id.toLongLong(nullptr, 16));
        if (::fcntl(file->fd, F_SETLK, &byte) == 0)
            file->id = id;
    }
    if (file->id.isEmpty())
        qCWarning(lcStore) << "cannot lock a byte of the evaluator lock file beside" << m_path;
    return file->id;
}

bool Database::isEvaluatorRunning(QSqlDatabase &db, const QString &evaluator, bool *ok)
{
    *ok = false;
    if (m_kind == Kind::Postgres) {
        QSqlQuery query(db);
        query.prepare(QStringLiteral("SELECT COUNT(*) FROM pg_stat_activity WHERE application_name = ?"));
        query.addBindValue(QString(QStringLiteral("vigil-") + evaluator));
        if (!query.exec() || !query.next())
            return false;
        *ok = true;
        return query.value(0).toLongLong() > 0;
    }
    bool isNumber = false;
    const qint64 offset = evaluator.toLongLong(&isNumber, 16);
    if (!isNumber || offset <= 0)
        return false;
    QMutexLocker lock(&g_lockFilesMutex);
    EvaluatorLockFile *file = lockFileFor(m_path);
    if (!file)
        return false;
    // F_GETLK reports a lock held by another process; this process's own locks never conflict.
    struct flock byte = byteLock(F_WRLCK, offset);
    if (::fcntl(file->fd, F_GETLK, &byte) != 0)
        return false;
    *ok = true;
    return byte.l_type != F_UNLCK;
}

quint64 Database::commitCount()
{
    QMutexLocker lock(&m_commitMutex);
    return m_commits;
}

void Database::waitForCommit(quint64 seen, int timeoutMs)
{
    QMutexLocker lock(&m_commitMutex);
    if (m_commits == seen)
        m_committed.wait(&m_commitMutex, QDeadlineTimer(timeoutMs));
}

void Database::noteCommit()
{
    QMutexLocker lock(&m_commitMutex);
    ++m_commits;
    m_committed.wakeAll();
}

int Database::schemaVersion()
{
    auto db = connection();
    QSqlQuery query(db);
    const QString sql = m_kind == Kind::Postgres ? QStringLiteral("SELECT version FROM vigil_schema")
                                                 : QStringLiteral("PRAGMA user_version");
    if (!query.exec(sql) || !query.next())
        return -1;
    return query.value(0).toInt();
}

bool Database::migrate(QString *error)
{
    auto db = connection();
    if (!db.isOpen()) {
        *error = QStringLiteral("cannot open %1: %2").arg(m_path, db.lastError().text());
        return false;
    }
    QMutexLocker lock(&m_writerMutex);
    const bool postgres = m_kind == Kind::Postgres;
    const auto steps =
            Migrations::steps(postgres ? Migrations::Dialect::Postgres : Migrations::Dialect::Sqlite);
    QSqlQuery query(db);
    if (!query.exec(postgres ? QStringLiteral("BEGIN") : QStringLiteral("BEGIN IMMEDIATE"))
        || (postgres && !query.exec(QStringLiteral("SELECT pg_advisory_xact_lock(%1)").arg(kWriteLockKey)))) {
        *error = QStringLiteral("cannot lock the database: %1").arg(query.lastError().text());
        query.exec(QStringLiteral("ROLLBACK"));
        return false;
    }
    int version = 0;
    if (postgres) {
        // DDL is transactional on PostgreSQL: the version row and the steps commit together.
        if (!query.exec(QStringLiteral("CREATE TABLE IF NOT EXISTS vigil_schema (version BIGINT NOT NULL)"))
            || !query.exec(QStringLiteral("SELECT version FROM vigil_schema"))) {
            *error = QStringLiteral("cannot read the schema version: %1").arg(query.lastError().text());
            query.exec(QStringLiteral("ROLLBACK"));
            return false;
        }
        if (query.next()) {
            version = query.value(0).toInt();
        } else if (!query.exec(QStringLiteral("INSERT INTO vigil_schema (version) VALUES (0)"))) {
            *error = QStringLiteral("cannot record the schema version: %1").arg(query.lastError().text());
            query.exec(QStringLiteral("ROLLBACK"));
            return false;
        }
    } else if (query.exec(QStringLiteral("PRAGMA user_version")) && query.next()) {
        version = query.value(0).toInt();
    }
    if (version > steps.size()) {
        query.exec(QStringLiteral("ROLLBACK"));
        *error = QStringLiteral("the database schema (version %1) is newer than this vigil-server (%2)")
                         .arg(version)
                         .arg(steps.size());
        return false;
    }
    for (int step = version; step < steps.size(); ++step) {
        for (const auto &statement : steps.at(step)) {
            if (!query.exec(statement)) {
                *error =
                        QStringLiteral("migration %1 failed: %2").arg(step + 1).arg(query.lastError().text());
                query.exec(QStringLiteral("ROLLBACK"));
                return false;
            }
        }
        const QString record = postgres ? QStringLiteral("UPDATE vigil_schema SET version = %1").arg(step + 1)
                                        : QStringLiteral("PRAGMA user_version = %1").arg(step + 1);
        if (!query.exec(record)) {
            *error = query.lastError().text();
            query.exec(QStringLiteral("ROLLBACK"));
            return false;
        }
    }
    if (!query.exec(QStringLiteral("COMMIT"))) {
        *error = query.lastError().text();
        query.exec(QStringLiteral("ROLLBACK"));
        return false;
    }
    return true;
}

WriteTransaction::WriteTransaction(Database &database)
    : m_database(database)
    , m_lock(&database.writerMutex())
    , m_db(database.connection())
{
    if (!m_db.isOpen())
        return;
    QSqlQuery query(m_db);
    if (database.isPostgres()) {
        // One writer at a time across every replica; released by COMMIT or ROLLBACK.
        m_active = query.exec(QStringLiteral("BEGIN"))
                && query.exec(
                        QStringLiteral("SELECT pg_advisory_xact_lock(%1)").arg(Database::kWriteLockKey));
        if (!m_active) {
            QSqlQuery(m_db).exec(QStringLiteral("ROLLBACK"));
            m_db.close(); // reopened by the next connection(), in case the server went away
        }
    } else {
        m_active = query.exec(QStringLiteral("BEGIN IMMEDIATE"));
    }
    if (!m_active)
        qCWarning(lcStore) << "cannot begin a write transaction:" << query.lastError().text();
}

WriteTransaction::~WriteTransaction()
{
    if (m_active)
        rollback();
}

bool WriteTransaction::commit()
{
    if (!m_active)
        return false;
    QSqlQuery query(m_db);
    if (!query.exec(QStringLiteral("COMMIT"))) {
        qCWarning(lcStore) << "commit failed:" << query.lastError().text();
        rollback();
        return false;
    }
    m_active = false;
    m_database.noteCommit();
    return true;
}

void WriteTransaction::rollback()
{
    QSqlQuery query(m_db);
    query.exec(QStringLiteral("ROLLBACK"));
    m_active = false;
}

} // namespace vigil
