#pragma once

#include <QMutex>
#include <QSqlDatabase>
#include <QString>
#include <memory>

namespace vigil {

// Owns the store's location and hands out one QSqlDatabase connection per thread (a QSqlDatabase
// belongs to the thread that opened it). SQLite is the embedded store: WAL, synchronous=FULL,
// a busy timeout, and versioned migrations applied at open.
class Database
{
public:
    explicit Database(QString sqlitePath);
    ~Database();
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;

    // The calling thread's connection, opened on first use. Check isOpen() on the result.
    QSqlDatabase connection();
    // Applies pending migrations; returns false with a message when the schema cannot be brought up.
    bool migrate(QString *error);
    int schemaVersion();

    QString path() const { return m_path; }
    // SQLite admits one writer at a time; serialising writers in-process keeps threads from
    // spinning in the busy handler. Other processes (cron jobs) still meet the busy timeout.
    QMutex &writerMutex() { return m_writerMutex; }

    // Closes this thread's connection (worker threads call it before they finish).
    void closeThreadConnection();

private:
    QString connectionName() const;

    QString m_path;
    QString m_prefix;
    QMutex m_writerMutex;
};

// RAII write transaction: BEGIN IMMEDIATE under the writer mutex, rollback unless committed.
class WriteTransaction
{
public:
    explicit WriteTransaction(Database &database);
    ~WriteTransaction();
    WriteTransaction(const WriteTransaction &) = delete;
    WriteTransaction &operator=(const WriteTransaction &) = delete;

    bool isActive() const { return m_active; }
    QSqlDatabase &db() { return m_db; }
    bool commit();
    void rollback();

private:
    QMutexLocker<QMutex> m_lock;
    QSqlDatabase m_db;
    bool m_active = false;
};

} // namespace vigil
