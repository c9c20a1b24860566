// Reliability figure 6: the disk fills up, or turns read-only, under the SQLite store while
// attempts come in. Every write that cannot be stored answers 503 and leaves nothing behind (no
// counter step, no verification state change, no audit entry); reads go on; and once space
// returns the same server process takes writes again at once, without a restart.
//
// The faults come from fault_injection_shim (LD_PRELOAD into `serve` only): while the control
// file exists, writes and syncs on vigil.db* fail with ENOSPC or EROFS.
#include "ReliabilitySupport.h"

#include <QElapsedTimer>
#include <QFile>
#include <QRandomGenerator>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <atomic>
#include <vector>

using namespace vigil::test;

namespace {
constexpr int kMaxFailedAttempts = 100; // the load below never reaches a lock
constexpr int kLoadThreads = 4;
constexpr int kLoadSeconds = 8;
constexpr int kFlipMs = 250;

// What the store holds that a refused write could have changed.
struct StoreSnapshot
{
    int failedCount = 0;
    bool locked = false;
    qint64 auditHead = 0;
    qint64 auditRows = 0;
    qint64 verifications = 0;
    qint64 sessions = 0;
    qint64 grants = 0;
    QString wrongState;
    QString rightState;

    bool operator==(const StoreSnapshot &) const = default;
    QString text() const
    {
        return QStringLiteral("count %1 locked %2 head %3 rows %4 verifications %5 sessions %6 grants %7 "
                              "states %8/%9")
                .arg(failedCount)
                .arg(locked)
                .arg(auditHead)
                .arg(auditRows)
                .arg(verifications)
                .arg(sessions)
                .arg(grants)
                .arg(wrongState, rightState);
    }
};

struct Sent
{
    bool isStart = true;
    QString profile;
    QString verification;
    bool correct = false;
    HttpResponse response;
};
} // namespace

class TestReliabilityStoreFaults : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void faultRefusesAndRecovers_data();
    void faultRefusesAndRecovers();
    void flappingFaultsUnderLoad();
    void report();

private:
    // Both may run on the load test's fault thread, so they report instead of using QVERIFY.
    bool arm(const QByteArray &mode);
    bool disarm();
    static StoreSnapshot snapshot(QSqlDatabase &db, const QString &profile, const StartedVerification &wrong,
                                  const StartedVerification &right);
    QList<HttpResponse> writeEverything(const QString &profile, const QString &passing,
                                        const StartedVerification &wrong, const StartedVerification &right);
    std::vector<Sent> runFlappingLoad(int *faultWindows, bool *controlOk);

    QTemporaryDir m_dir;
    TestServer m_server;
    QString m_control;
    QList<Agent> m_agents;
    QStringList m_profiles;
    qint64 m_pid = 0;
    QStringList m_figures;
    QElapsedTimer m_timer;
};

void TestReliabilityStoreFaults::initTestCase()
{
    m_timer.start();
    QVERIFY(m_dir.isValid());
    QVERIFY2(!TestServer::binary().isEmpty(), "VIGIL_SERVER_BIN is not set");
    if (!TestServer::postgresServer().isEmpty()) {
        // TODO(PostgreSQL): the shim only reaches a store inside the server process. For
        // PostgreSQL, a full disk is a tablespace on a small filesystem (or a cluster whose
        // pg_wal cannot grow), and a read-only store is `ALTER SYSTEM SET
        // default_transaction_read_only = on` + pg_reload_conf() followed by ending the server's
        // sessions (pg_terminate_backend), so that its pooled connections reconnect read-only.
        QSKIP("disk faults are injected into SQLite files only");
    }
    QString error;
    QVERIFY2(m_server.createDemo(m_dir.filePath(QStringLiteral("data")), 12, &error), qPrintable(error));
    QVERIFY2(m_server.setPolicy({QStringLiteral("max_failed_attempts=%1").arg(kMaxFailedAttempts)}, &error),
             qPrintable(error));
    m_control = m_dir.filePath(QStringLiteral("fault-control"));
    // Only `serve` gets the shim; the commands the test runs itself see a healthy disk.
    const QByteArray asanOptions = qgetenv("ASAN_OPTIONS");
    qputenv("LD_PRELOAD", VIGIL_FAULT_SHIM);
    qputenv("VIGIL_FAULT_CONTROL", m_control.toUtf8());
    // ASan insists on coming first in the preload list; the shim does not care.
    qputenv("ASAN_OPTIONS", asanOptions + (asanOptions.isEmpty() ? "" : ":") + "verify_asan_link_order=0");
    m_server.setExtraServeArguments({QStringLiteral("--outbox-interval"), QStringLiteral("0")});
    const bool started = m_server.start(&error);
    qunsetenv("LD_PRELOAD");
    qunsetenv("VIGIL_FAULT_CONTROL");
    if (asanOptions.isEmpty())
        qunsetenv("ASAN_OPTIONS");
    else
        qputenv("ASAN_OPTIONS", asanOptions);
    QVERIFY2(started, qPrintable(error));
    m_pid = m_server.pid();
    m_agents = loginAgents(m_server,
                           {QStringLiteral("tech1"), QStringLiteral("tech2"), QStringLiteral("super1"),
                            QStringLiteral("super2")});
    for (const auto &agent : m_agents)
        QVERIFY2(!agent.token.isEmpty(), qPrintable(agent.username));
    m_profiles = m_server.profileIds([](const QJsonObject &answers) {
                             return answers.contains(QStringLiteral("secret"));
                         })
                         .mid(0, 6);
    QCOMPARE(m_profiles.size(), 6);
}

void TestReliabilityStoreFaults::cleanupTestCase()
{
    if (QFile::exists(m_control))
        QVERIFY(disarm());
    if (m_server.isRunning())
        QCOMPARE(m_server.stop(), 0);
}

bool TestReliabilityStoreFaults::arm(const QByteArray &mode)
{
    const QString staging = m_control + QStringLiteral(".new");
    QFile file(staging);
    if (!file.open(QIODevice::WriteOnly) || file.write(mode) != mode.size())
        return false;
    file.close();
    return QFile::rename(staging, m_control); // appears whole: the shim never reads half a mode
}

bool TestReliabilityStoreFaults::disarm()
{
    return QFile::remove(m_control);
}

void TestReliabilityStoreFaults::faultRefusesAndRecovers_data()
{
    QTest::addColumn<QByteArray>("mode");
    QTest::addColumn<int>("firstProfile");
    QTest::newRow("disk full") << QByteArray("ENOSPC") << 0;
    QTest::newRow("read-only") << QByteArray("EROFS") << 2;
}

StoreSnapshot TestReliabilityStoreFaults::snapshot(QSqlDatabase &db, const QString &profile,
                                                   const StartedVerification &wrong,
                                                   const StartedVerification &right)
{
    auto number = [&db](const QString &sql, const QVariantList &values = {}) {
        return storeScalar(db, sql, values).toLongLong();
    };
    auto state = [&db](const StartedVerification &started) {
        return storeScalar(db, QStringLiteral("SELECT state FROM verifications WHERE id = ?"), {started.id})
                .toString();
    };
    const ProfileState counter = readProfileState(db, profile);
    return {counter.failedCount,
            counter.locked,
            auditHeadSeq(db),
            number(QStringLiteral("SELECT COUNT(*) FROM audit_log")),
            number(QStringLiteral("SELECT COUNT(*) FROM verifications")),
            number(QStringLiteral("SELECT COUNT(*) FROM sessions")),
            number(QStringLiteral("SELECT COUNT(*) FROM grants")),
            state(wrong),
            state(right)};
}

// Three wrong answers, a right one, a start and a login: every kind of write the lockout needs.
QList<HttpResponse> TestReliabilityStoreFaults::writeEverything(const QString &profile,
                                                                const QString &passing,
                                                                const StartedVerification &wrong,
                                                                const StartedVerification &right)
{
    const HttpsClient client = m_server.client();
    const QByteArray &token = m_agents.at(0).token;
    QList<HttpResponse> responses;
    for (int i = 0; i < 3; ++i)
        responses.append(client.request("POST", answersPath(wrong.id), token,
                                        answersJson(wrong.questions, {}, false)));
    responses.append(client.request("POST", answersPath(right.id), token,
                                    answersJson(right.questions, m_server.answersOf(passing), true)));
    responses.append(client.postEmpty(QStringLiteral("/v1/profiles/%1/verifications").arg(profile), token));
    responses.append(
            client.post(QStringLiteral("/v1/auth/login"),
                        {{QStringLiteral("username"), QStringLiteral("audit1")},
                         {QStringLiteral("password"), m_server.password(QStringLiteral("audit1"))}}));
    return responses;
}

void TestReliabilityStoreFaults::faultRefusesAndRecovers()
{
    QFETCH(QByteArray, mode);
    QFETCH(int, firstProfile);
    const HttpsClient client = m_server.client();
    const QByteArray &token = m_agents.at(0).token;
    const QString profile = m_profiles.at(firstProfile);
    const QString passing = m_profiles.at(firstProfile + 1);
    const auto wrong = startVerification(client, profile, token);
    const auto right = startVerification(client, passing, token);
    QVERIFY2(!wrong.id.isEmpty() && !right.id.isEmpty(),
             QByteArray(wrong.response.describe() + right.response.describe()).constData());
    StoreConnection store(m_server);
    QVERIFY2(store.isOpen(), qPrintable(store.lastError()));
    const StoreSnapshot before = snapshot(store.db(), profile, wrong, right);

    QVERIFY(arm(mode));
    const QList<HttpResponse> refused = writeEverything(profile, passing, wrong, right);
    const auto health = client.get(QStringLiteral("/v1/health"));
    const auto search = client.get(QStringLiteral("/v1/profiles?q=silver"), token);
    const StoreSnapshot during = snapshot(store.db(), profile, wrong, right); // the fault still on
    QByteArray chainOutput;
    const bool chainDuring = auditVerifies(m_server, &chainOutput);

    // Space returns: the same process, no restart.
    QVERIFY(disarm());
    QElapsedTimer recovery;
    recovery.start();
    const auto failedAfter =
            client.request("POST", answersPath(wrong.id), token, answersJson(wrong.questions, {}, false));
    const qint64 recoveryMs = recovery.elapsed();
    const auto passedAfter = client.request("POST", answersPath(right.id), token,
                                            answersJson(right.questions, m_server.answersOf(passing), true));

    for (const auto &response : refused)
        QVERIFY2(response.status == 503 && response.errorCode() == QLatin1String("unavailable"),
                 response.describe());
    // The refusals came from the disk, through SQLite, and not from anything else.
    const QByteArray sqliteError = mode == "EROFS" ? "disk I/O error" : "database or disk is full";
    QVERIFY2(m_server.stderrLog().contains(sqliteError), m_server.stderrLog().right(2000).constData());
    QVERIFY2(during == before,
             qPrintable(QStringLiteral("before: %1\nduring: %2").arg(before.text(), during.text())));
    QCOMPARE(during.wrongState, QStringLiteral("open"));
    QVERIFY2(health.status == 200, health.describe());
    QVERIFY2(chainDuring, chainOutput.constData());

    QVERIFY2(failedAfter.status == 200, failedAfter.describe());
    QCOMPARE(failedAfter.json.value(QStringLiteral("result")).toString(), QStringLiteral("failed"));
    QCOMPARE(failedAfter.json.value(QStringLiteral("attempts_remaining")).toInt(),
             kMaxFailedAttempts - before.failedCount - 1);
    QVERIFY2(passedAfter.status == 200, passedAfter.describe());
    QCOMPARE(passedAfter.json.value(QStringLiteral("result")).toString(), QStringLiteral("passed"));
    QCOMPARE(readProfileState(store.db(), profile).failedCount, before.failedCount + 1);
    QString error;
    const auto outcomes = attemptOutcomes(readAudit(store.db(), before.auditHead, &error));
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(outcomes.value(wrong.id), QStringList{QStringLiteral("failed")});
    QCOMPARE(outcomes.value(right.id), QStringList{QStringLiteral("passed")});
    QCOMPARE(m_server.pid(), m_pid);
    QVERIFY(auditVerifies(m_server));

    m_figures.append(
            QStringLiteral("%1: %2/%2 writes refused with 503, counter, verification states, grants, "
                           "sessions and audit unchanged, reads served (health %3, search %4), chain "
                           "verifies; first write after the fault cleared succeeded in %5 ms, same "
                           "process")
                    .arg(QLatin1String(QTest::currentDataTag()))
                    .arg(refused.size())
                    .arg(health.status)
                    .arg(search.status)
                    .arg(recoveryMs));
}

// Four agents start and answer verifications while the disk fills, frees, turns read-only and
// frees again, every quarter of a second.
std::vector<Sent> TestReliabilityStoreFaults::runFlappingLoad(int *faultWindows, bool *controlOk)
{
    std::vector<std::vector<Sent>> perThread(kLoadThreads);
    std::atomic_bool done = false;
    std::atomic_bool faultsOk = true;
    runOnThreads(kLoadThreads + 1, [&](int t) {
        if (t == kLoadThreads) {
            QElapsedTimer elapsed;
            elapsed.start();
            for (int flip = 0; elapsed.elapsed() < kLoadSeconds * 1000; ++flip) {
                const bool ok = flip % 2 == 1 ? disarm() : arm(flip % 4 == 0 ? "ENOSPC" : "EROFS");
                faultsOk = faultsOk && ok;
                *faultWindows += flip % 2 == 0 ? 1 : 0;
                QThread::msleep(kFlipMs);
            }
            if (QFile::exists(m_control))
                faultsOk = disarm() && faultsOk;
            done = true;
            return;
        }
        const HttpsClient client = m_server.client();
        const Agent &agent = m_agents.at(t);
        for (int i = 0; !done; ++i) {
            const QString profile = m_profiles.at((t + i) % m_profiles.size());
            const auto started = startVerification(client, profile, agent.token);
            perThread[t].push_back({true, profile, started.id, false, started.response});
            if (started.id.isEmpty()) {
                QThread::msleep(10);
                continue;
            }
            // A technician reads the questions out before answering: the answer comes at any
            // phase of the fault cycle, not in the same quiet window as its start.
            QThread::msleep(QRandomGenerator::global()->bounded(kFlipMs));
            const bool correct = i % 4 == 0;
            perThread[t].push_back(
                    {false, profile, started.id, correct,
                     client.request("POST", answersPath(started.id), agent.token,
                                    answersJson(started.questions, m_server.answersOf(profile), correct))});
        }
    });
    *controlOk = faultsOk;
    std::vector<Sent> all;
    for (auto &thread : perThread)
        all.insert(all.end(), thread.begin(), thread.end());
    return all;
}

void TestReliabilityStoreFaults::flappingFaultsUnderLoad()
{
    int faultWindows = 0;
    bool controlOk = false;
    const std::vector<Sent> sent = runFlappingLoad(&faultWindows, &controlOk);
    QVERIFY(controlOk);

    StoreConnection store(m_server);
    QVERIFY2(store.isOpen(), qPrintable(store.lastError()));
    QString error;
    const auto rows = readAudit(store.db(), 0, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QSet<QString> startedIds;
    for (const auto &row : rows) {
        if (row.action == QLatin1String("VERIFICATION_STARTED"))
            startedIds.insert(row.verification);
    }
    const auto outcomes = attemptOutcomes(rows);
    QStringList problems;
    AnswerTally answers;
    int startsStored = 0;
    int refusedStarts = 0;
    int refusedAnswers = 0;
    int refusedClean = 0; // refused answers whose verification is still open and unaudited
    for (const auto &request : sent) {
        const QStringList audited = outcomes.value(request.verification);
        if (request.response.status == 503 && request.isStart) {
            ++refusedStarts;
        } else if (request.response.status == 503) {
            ++refusedAnswers;
            const QVariant state =
                    storeScalar(store.db(), QStringLiteral("SELECT state FROM verifications WHERE id = ?"),
                                {request.verification});
            if (audited.isEmpty() && state == QStringLiteral("open"))
                ++refusedClean;
            else
                problems.append(
                        QStringLiteral("a refused answer on %1 left [%2] behind, state %3")
                                .arg(request.verification, audited.join(QLatin1Char(',')), state.toString()));
        } else if (request.isStart) {
            const bool stored = request.response.status == 201 && startedIds.contains(request.verification);
            startsStored += stored ? 1 : 0;
            if (!stored)
                problems.append(
                        QStringLiteral("start: %1").arg(QString::fromUtf8(request.response.describe())));
        } else {
            answers.add(request.verification, request.response, audited);
        }
    }
    problems += answers.problems;
    QHash<QString, LockoutReplay> replays;
    replayByProfile(&replays, rows, kMaxFailedAttempts);
    problems += checkCounters(store.db(), m_profiles, replays, kMaxFailedAttempts);
    const bool chainOk = auditVerifies(m_server);
    const auto health = m_server.client().get(QStringLiteral("/v1/health"));
    const auto after = startVerification(m_server.client(), m_profiles.at(0), m_agents.at(0).token);
    const int answersStored = answers.failed + answers.passed;

    m_figures.append(QStringLiteral("flapping: %1 s of load, %2 fault windows of %3 ms (ENOSPC and EROFS by "
                                    "turns), %4 requests: %5 answers refused with 503 (left unevaluated and "
                                    "unaudited %6/%5), %7 starts refused with 503, %8 acknowledged (stored "
                                    "%9/%8), problems %10, chain %11, server restarts %12")
                             .arg(kLoadSeconds)
                             .arg(faultWindows)
                             .arg(kFlipMs)
                             .arg(sent.size())
                             .arg(refusedAnswers)
                             .arg(refusedClean)
                             .arg(refusedStarts)
                             .arg(static_cast<int>(sent.size()) - refusedAnswers - refusedStarts)
                             .arg(startsStored + answersStored)
                             .arg(problems.size())
                             .arg(chainOk ? QStringLiteral("verifies") : QStringLiteral("BROKEN"))
                             .arg(m_server.pid() == m_pid && m_server.isRunning() ? 0 : 1));
    if (!problems.isEmpty())
        qWarning().noquote() << problems.mid(0, 20).join(QLatin1Char('\n'));
    QVERIFY2(problems.isEmpty(), qPrintable(problems.value(0)));
    QVERIFY(refusedAnswers > 0 && answersStored > 0);
    QVERIFY(chainOk);
    QVERIFY2(health.status == 200, health.describe());
    QVERIFY2(!after.id.isEmpty(), after.response.describe());
    QCOMPARE(m_server.pid(), m_pid);
}

void TestReliabilityStoreFaults::report()
{
    reportFigure("store-faults",
                 m_figures.join(QStringLiteral("; "))
                         + QStringLiteral("; %1 s").arg(m_timer.elapsed() / 1000.0, 0, 'f', 1));
}

QTEST_GUILESS_MAIN(TestReliabilityStoreFaults)
#include "test_reliability_store_faults.moc"
