#pragma once

// Shared by the reliability-figure tests (docs/reliability.md). Everything here reaches
// the store only through the HTTP API, the CLI or TestServer::openStore with portable SQL, so the
// same tests run on SQLite and on PostgreSQL.

#include "TestServer.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>
#include <QVariant>

#include <functional>

namespace vigil::test {

// The servers a figure runs against: one on SQLite; on PostgreSQL two replicas of one store, as IT
// scales out, with requests spread over both (at(i) alternates). Sessions, locks and the audit
// chain live in the store, so a token from one replica works on the other.
class Replicas
{
public:
    explicit Replicas(TestServer &primary);
    // Starts the second replica on PostgreSQL (same serve options as the primary's, given again
    // here); does nothing on SQLite. Call after the primary has started.
    bool startSecond(int unlockIntervalSeconds, QString *error);
    int count() const { return m_second.isRunning() || m_secondStarted ? 2 : 1; }
    TestServer &at(int i) { return i % count() == 0 ? m_primary : m_second; }
    // Stops the second replica if it runs; returns its exit code (0 for a clean stop, or when none).
    int stopSecond();

private:
    TestServer &m_primary;
    TestServer m_second;
    bool m_secondStarted = false;
};

// A signed-in agent of the demo data.
struct Agent
{
    QString username;
    QByteArray token;
};

// Logs each of `usernames` in; empty tokens when a login failed.
QList<Agent> loginAgents(const TestServer &server, const QStringList &usernames);

struct StartedVerification
{
    HttpResponse response;
    QString id; // empty unless the start answered 201
    QJsonArray questions;
};

StartedVerification startVerification(const HttpsClient &client, const QString &profileId,
                                      const QByteArray &token);
QString answersPath(const QString &verificationId);
// The answers body: the demo answers when `correct`, else the same wrong word for every question.
QByteArray answersJson(const QJsonArray &questions, const QJsonObject &demoAnswers, bool correct);

// POST of `body` to `path`, sent only when `cue` returns: the TLS connection is opened first, so
// that requests prepared on many threads reach the server together rather than at the pace of
// their handshakes.
HttpResponse postOnCue(const HttpsClient &client, const QString &path, const QByteArray &token,
                       const QByteArray &body, const std::function<void()> &cue);

// Runs task(i) for every i in [0, count) on its own thread and returns once all have finished.
void runOnThreads(int count, const std::function<void(int)> &task);

// One audit entry, as the API lists it or the store holds it.
struct AuditRow
{
    qint64 seq = 0;
    QString action;
    QString agent;
    QString profile;
    QString verification;
    QString outcome;
    QJsonObject details;
};

// Every entry matching `query` (e.g. "profile=7"), following `after` past the API's page limit.
QList<AuditRow> fetchAudit(const HttpsClient &client, const QByteArray &token, const QString &query,
                           QString *error);
// Every entry after `afterSeq`, read from the store.
QList<AuditRow> readAudit(QSqlDatabase &db, qint64 afterSeq, QString *error);
qint64 auditHeadSeq(QSqlDatabase &db);

// The lockout rules, replayed over one profile's audit entries in `seq` order. Each failed attempt
// names the count it saw (details.failed_attempts) and PROFILE_LOCKED the count it locked at; both
// are read in the transaction that wrote the entry, so a failure that was evaluated but not
// counted, counted twice, or erased by a racing pass shows up as a violation here.
class LockoutReplay
{
public:
    explicit LockoutReplay(int maxFailedAttempts = 3)
        : m_max(maxFailedAttempts)
    {
    }

    void apply(const AuditRow &row);

    int failedCount() const { return m_count; }
    bool locked() const { return m_locked; }
    int evaluatedFailures() const { return m_failures; }
    int passes() const { return m_passes; }
    int refusals() const { return m_refusals; }
    int locks() const { return m_locks; }
    int unblocks() const { return m_unblocks; }
    const QStringList &violations() const { return m_violations; }

private:
    void violation(const AuditRow &row, const QString &what);

    int m_max;
    int m_count = 0;
    bool m_locked = false;
    bool m_lockDue = false; // the last failure reached the limit: PROFILE_LOCKED must follow
    int m_failures = 0;
    int m_passes = 0;
    int m_refusals = 0;
    int m_locks = 0;
    int m_unblocks = 0;
    QStringList m_violations;
};

// Feeds each row to the replay of its profile (rows without a profile are skipped).
void replayByProfile(QHash<QString, LockoutReplay> *replays, const QList<AuditRow> &rows,
                     int maxFailedAttempts);
// Attempt outcomes (HELPDESK_UNLOCK_ATTEMPT) per verification id.
QHash<QString, QStringList> attemptOutcomes(const QList<AuditRow> &rows);

// Sorts the answers the client saw acknowledged by what the audit log holds for each one's
// verification (`audited`: its HELPDESK_UNLOCK_ATTEMPT outcomes, see attemptOutcomes()).
struct AnswerTally
{
    void add(const QString &verificationId, const HttpResponse &response, const QStringList &audited);
    int evaluatedFailures() const { return failed + lockedByOwnFailure; }

    int failed = 0; // 200 "failed"
    int lockedByOwnFailure = 0; // 423 on the failure that set the lock
    int refusedLocked = 0; // 423, refused without evaluation
    int passed = 0;
    int cancelled = 0; // 410: an unblock cancelled it before it was answered
    int missing = 0; // acknowledged, yet its audit entry is not there
    QStringList problems; // missing entries and unexpected answers
};

// Every profile whose stored failed_count or lock differs from its replay, and (unless a caller
// that replays piece by piece collects them itself) the replays' violations.
QStringList checkCounters(QSqlDatabase &db, const QStringList &profiles,
                          const QHash<QString, LockoutReplay> &replays, int maxFailedAttempts,
                          bool withViolations = true);

// openStore() under a connection name of its own, closed and removed again when destroyed.
class StoreConnection
{
public:
    explicit StoreConnection(const TestServer &server);
    ~StoreConnection();
    StoreConnection(const StoreConnection &) = delete;
    StoreConnection &operator=(const StoreConnection &) = delete;

    QSqlDatabase &db() { return m_db; }
    bool isOpen() const { return m_db.isOpen(); }
    QString lastError() const;

private:
    QString m_name;
    QSqlDatabase m_db;
};

// The first column of the first row, or an invalid QVariant.
QVariant storeScalar(QSqlDatabase &db, const QString &sql, const QVariantList &values = {});

struct ProfileState
{
    bool ok = false;
    int failedCount = 0;
    bool locked = false;
};
ProfileState readProfileState(QSqlDatabase &db, const QString &profileId);

// `vigil-server audit verify` against the server's store: true when it exits 0.
bool auditVerifies(const TestServer &server, QByteArray *output = nullptr);

// Prints one figure for docs/reliability-figures.md, e.g. "figure lockout-race: rounds 50, …".
void reportFigure(const char *name, const QString &text);

} // namespace vigil::test
