#pragma once

#include <QMutex>
#include <QSqlDatabase>
#include <QString>
#include <memory>

namespace vigil {

// Owns the store's location and hands out one QSqlDatabase connection per thread (a QSqlDatabase
// belongs to the thread that opened it). SQLite is the embedded store: WAL, synchronous=FULL,
// a busy timeout, and versioned migrations applied at open. PostgreSQL (a postgresql:// URL) is
// the store several replicas share: every write transaction takes one transaction-scoped
// advisory lock, so writes are serialised across all replicas exactly as BEGIN IMMEDIATE
// serialises them on SQLite, and every invariant (one lockout count, gap-free audit sequence)
// holds across processes.
class Database
{
public:
    enum class Kind { Sqlite, Postgres };
    static constexpr qint64 kWriteLockKey = 0x5649474c; // "VIGL"

    // A file path (SQLite) or postgresql://user[:password]@host[:port]/database[?options].
    explicit Database(QString location);
    static bool isPostgresUrl(const QString &location);
    Kind kind() const { return m_kind; }
    bool isPostgres() const { return m_kind == Kind::Postgres; }
    ~Database();
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;

    // The calling thread's connection, opened on first use. Check isOpen() on the result.
    QSqlDatabase connection();
    // Applies pending migrations; returns false with a message when the schema cannot be brought up.
    bool migrate(QString *error);
    int schemaVersion();

    QString path() const { return m_path; } // for messages: never includes a password
    // SQLite admits one writer at a time; serialising writers in-process keeps threads from
    // spinning in the busy handler. Other processes (cron jobs) still meet the busy timeout.
    QMutex &writerMutex() { return m_writerMutex; }

    // Closes this thread's connection (worker threads call it before they finish).
    void closeThreadConnection();

private:
    QString connectionName() const;

    QString m_path;
    QString m_location;
    Kind m_kind = Kind::Sqlite;
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
