#pragma once

#include <QMutex>
#include <QSqlDatabase>
#include <QString>
#include <QWaitCondition>
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

    // Answers are evaluated outside the write lock, on an evaluation slot that names the process
    // holding it (LockoutLedger). This process's name as an evaluator: 16 hex digits, or empty when
    // it cannot take part (SQLite: the lock file beside the database cannot be locked).
    QString evaluatorId();
    // Whether the process named `evaluator` still runs, so that the slots of a server that died
    // can be told from slots still being worked on. SQLite: that process's lock on one byte of
    // "<database>-evaluators", which the kernel drops when it dies. PostgreSQL: a connection whose
    // application_name carries the id, which the server closes when the process dies. Never asked
    // for evaluatorId() itself: LockoutLedger knows this process's own slots exactly. *ok is false
    // when the question could not be answered.
    bool isEvaluatorRunning(QSqlDatabase &db, const QString &evaluator, bool *ok);

    // Commits of write transactions in this process. A thread waiting for an evaluation slot
    // remembers the count inside its transaction and sleeps until another commit (or the timeout).
    quint64 commitCount();
    void waitForCommit(quint64 seen, int timeoutMs);

private:
    friend class WriteTransaction;
    QString connectionName() const;
    void noteCommit();

    QString m_path;
    QString m_location;
    Kind m_kind = Kind::Sqlite;
    QString m_prefix;
    QString m_postgresEvaluator; // PostgreSQL: this object's evaluator id, in application_name
    QMutex m_writerMutex;
    QMutex m_commitMutex;
    QWaitCondition m_committed;
    quint64 m_commits = 0;
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
    Database &m_database;
    QMutexLocker<QMutex> m_lock;
    QSqlDatabase m_db;
    bool m_active = false;
};

} // namespace vigil
