#include "Database.h"

#include "Migrations.h"

#include <libpq-fe.h>

#include <QLoggingCategory>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>
#include <QThread>
#include <QUrl>
#include <QUrlQuery>
#include <QUuid>

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
} // namespace

Database::Database(QString location)
    : m_location(std::move(location))
    , m_kind(isPostgresUrl(m_location) ? Kind::Postgres : Kind::Sqlite)
    , m_prefix(QStringLiteral("vigil-") + QUuid::createUuid().toString(QUuid::WithoutBraces)
               + QLatin1Char('-'))
{
    m_path = m_kind == Kind::Postgres ? QUrl(m_location).toString(QUrl::RemovePassword) : m_location;
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
    : m_lock(&database.writerMutex())
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
    return true;
}

void WriteTransaction::rollback()
{
    QSqlQuery query(m_db);
    query.exec(QStringLiteral("ROLLBACK"));
    m_active = false;
}

} // namespace vigil
