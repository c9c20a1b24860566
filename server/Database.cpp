#include "Database.h"

#include "Migrations.h"

#include <QLoggingCategory>
#include <QSqlError>
#include <QSqlQuery>
#include <QThread>
#include <QUuid>

Q_LOGGING_CATEGORY(lcStore, "vigil.server.store")

namespace vigil {

Database::Database(QString sqlitePath)
    : m_path(std::move(sqlitePath))
    , m_prefix(QStringLiteral("vigil-") + QUuid::createUuid().toString(QUuid::WithoutBraces)
               + QLatin1Char('-'))
{
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
    if (QSqlDatabase::contains(name))
        return QSqlDatabase::database(name, false);

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
    if (!query.exec(QStringLiteral("PRAGMA user_version")) || !query.next())
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
    const auto &steps = Migrations::steps();
    QSqlQuery query(db);
    if (!query.exec(QStringLiteral("BEGIN IMMEDIATE"))) {
        *error = QStringLiteral("cannot lock the database: %1").arg(query.lastError().text());
        return false;
    }
    int version = 0;
    if (query.exec(QStringLiteral("PRAGMA user_version")) && query.next())
        version = query.value(0).toInt();
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
        if (!query.exec(QStringLiteral("PRAGMA user_version = %1").arg(step + 1))) {
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
    m_active = query.exec(QStringLiteral("BEGIN IMMEDIATE"));
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
