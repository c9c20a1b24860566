// Reliability figure 4: `kill -9` of the server at a random moment under a load of starts,
// answers and unblocks, a hundred times. Every request the client saw answered must have its
// effect in the store (verification, audit entry, counter step), the audit chain must verify
// after each kill, and the counters must match a replay of the whole audit log.
#include "ReliabilitySupport.h"

#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <atomic>
#include <barrier>
#include <csignal>
#include <vector>

using namespace vigil::test;

namespace {
constexpr int kKills = 100;
constexpr int kKillsPerBatch = 25; // one test function call each, well inside QTest's watchdog
constexpr int kLoadThreads = 6;
constexpr int kProfiles = 6;
constexpr int kMaxFailedAttempts = 4;
// The kill comes 0–400 ms after the load starts (even kills) or after its first answered
// verification (odd kills).
constexpr int kLongestRunMs = 400;

enum class Kind { Start, Answer, Unblock };

struct Sent
{
    Kind kind = Kind::Start;
    QString profile;
    QString verification;
    bool correct = false;
    HttpResponse response;
};

struct Tally
{
    int acknowledged = 0;
    int starts = 0;
    AnswerTally answers;
    int unblocks = 0;
    int missing = 0; // acknowledged starts and grants not in the store (answers: answers.missing)
    int inDoubt = 0; // sent, but no answer before the kill
    int inDoubtCommitted = 0;
    int chainFailures = 0;
};
} // namespace

class TestReliabilityCrash : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void killedUnderLoad_data();
    void killedUnderLoad();
    void report();

private:
    std::vector<Sent> runUntilKilled(TestServer &victim, int iteration, int killAfterMs);
    QStringList checkIteration(const std::vector<Sent> &sent, qint64 afterSeq, Tally *tally);
    static QStringList checkAcknowledged(QSqlDatabase &db, const Sent &request,
                                         const QSet<QString> &startedIds, const QStringList &audited,
                                         Tally *tally);

    QTemporaryDir m_dir;
    TestServer m_server;
    Replicas m_replicas{m_server};
    QList<Agent> m_agents;
    QStringList m_profiles;
    quint32 m_seed = 0;
    QHash<QString, LockoutReplay> m_replays; // over the whole log, kill after kill
    QRandomGenerator m_random;
    Tally m_tally;
    int m_kills = 0;
    int m_violatingKills = 0;
    qint64 m_afterSeq = 0;
    QElapsedTimer m_timer;
};

void TestReliabilityCrash::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QVERIFY2(!TestServer::binary().isEmpty(), "VIGIL_SERVER_BIN is not set");
    QString error;
    QVERIFY2(m_server.createDemo(m_dir.filePath(QStringLiteral("data")), 12, &error), qPrintable(error));
    QVERIFY2(m_server.setPolicy({QStringLiteral("max_failed_attempts=%1").arg(kMaxFailedAttempts)}, &error),
             qPrintable(error));
    QVERIFY2(m_server.start(&error), qPrintable(error));
    QVERIFY2(m_replicas.startSecond(0, &error), qPrintable(error));
    // Technicians and supervisors alike verify; supervisors also unblock what they find locked.
    m_agents = loginAgents(m_server,
                           {QStringLiteral("tech1"), QStringLiteral("super1"), QStringLiteral("tech2"),
                            QStringLiteral("super2")});
    for (const auto &agent : m_agents)
        QVERIFY2(!agent.token.isEmpty(), qPrintable(agent.username));
    m_profiles = m_server.profileIds([](const QJsonObject &answers) {
                             return answers.contains(QStringLiteral("secret"));
                         })
                         .mid(0, kProfiles);
    QCOMPARE(m_profiles.size(), kProfiles);
    m_seed = qEnvironmentVariableIsSet("VIGIL_RELIABILITY_SEED")
            ? static_cast<quint32>(qEnvironmentVariableIntValue("VIGIL_RELIABILITY_SEED"))
            : QRandomGenerator::global()->generate();
    qInfo("seed %u (set VIGIL_RELIABILITY_SEED to repeat the kill moments)", m_seed);
    m_random.seed(m_seed);
    m_timer.start();
}

void TestReliabilityCrash::cleanupTestCase()
{
    QCOMPARE(m_replicas.stopSecond(), 0);
    if (m_server.isRunning())
        QCOMPARE(m_server.stop(), 0);
}

std::vector<Sent> TestReliabilityCrash::runUntilKilled(TestServer &victim, int iteration, int killAfterMs)
{
    std::vector<std::vector<Sent>> perThread(kLoadThreads);
    std::atomic_bool killed = false;
    std::atomic_bool answerAcknowledged = false;
    std::barrier startLine(kLoadThreads + 1);
    const qint64 pid = victim.pid();
    runOnThreads(kLoadThreads + 1, [&](int t) {
        if (t == kLoadThreads) {
            startLine.arrive_and_wait();
            // Every other kill counts from the first answered verification rather than from the
            // start of the load: on a loaded machine (sanitizers, parallel tests) the first answers
            // can take longer than kLongestRunMs, and the figure must still kill evaluations.
            if (iteration % 2 == 1) {
                QDeadlineTimer patience(10000);
                while (!answerAcknowledged && !patience.hasExpired())
                    QThread::msleep(1);
            }
            QThread::msleep(killAfterMs);
            ::kill(static_cast<pid_t>(pid), SIGKILL);
            killed = true;
            return;
        }
        const HttpsClient client = m_replicas.at(t).client();
        const Agent &agent = m_agents.at(t % m_agents.size());
        const bool supervisor = agent.username.startsWith(QLatin1String("super"));
        QRandomGenerator random(m_seed ^ static_cast<quint32>(iteration * 131 + t));
        auto &sent = perThread[t];
        startLine.arrive_and_wait();
        while (!killed) {
            const QString profile = m_profiles.at(random.bounded(kProfiles));
            const auto started = startVerification(client, profile, agent.token);
            sent.push_back({Kind::Start, profile, started.id, false, started.response});
            if (started.response.status == 0)
                break;
            if (started.response.status == 423 && supervisor) {
                const auto unblocked =
                        client.postEmpty(QStringLiteral("/v1/profiles/%1/unblock").arg(profile), agent.token);
                sent.push_back({Kind::Unblock, profile, {}, false, unblocked});
                continue;
            }
            if (started.id.isEmpty())
                continue;
            const bool correct = random.bounded(5) == 0;
            const auto answered =
                    client.request("POST", answersPath(started.id), agent.token,
                                   answersJson(started.questions, m_server.answersOf(profile), correct));
            sent.push_back({Kind::Answer, profile, started.id, correct, answered});
            if (answered.status == 0)
                break;
            answerAcknowledged = true;
        }
    });
    std::vector<Sent> all;
    for (auto &thread : perThread)
        all.insert(all.end(), thread.begin(), thread.end());
    return all;
}

// A request the client saw answered before the kill: its effect must be in the store.
QStringList TestReliabilityCrash::checkAcknowledged(QSqlDatabase &db, const Sent &request,
                                                    const QSet<QString> &startedIds,
                                                    const QStringList &audited, Tally *tally)
{
    QStringList problems;
    const HttpResponse &response = request.response;
    auto count = [&](const QString &sql) {
        return storeScalar(db, sql, {request.verification}).toInt();
    };
    if (request.kind == Kind::Start) {
        if (response.status == 201) {
            ++tally->starts;
            if (!startedIds.contains(request.verification)
                || count(QStringLiteral("SELECT COUNT(*) FROM verifications WHERE id = ?")) != 1) {
                ++tally->missing;
                problems.append(QStringLiteral("acknowledged start of %1 is not in the store")
                                        .arg(request.verification));
            }
        } else if (response.status != 423) {
            problems.append(QStringLiteral("start answered %1").arg(QString::fromUtf8(response.describe())));
        }
        return problems;
    }
    tally->answers.add(request.verification, response, audited);
    const bool passed = response.status == 200
            && response.json.value(QStringLiteral("result")) == QLatin1String("passed");
    if (passed && count(QStringLiteral("SELECT COUNT(*) FROM grants WHERE verification_id = ?")) != 1) {
        ++tally->missing;
        problems.append(QStringLiteral("the grant of acknowledged pass %1 is not in the store")
                                .arg(request.verification));
    }
    if (passed && !request.correct)
        problems.append(QStringLiteral("a wrong answer passed"));
    return problems;
}

QStringList TestReliabilityCrash::checkIteration(const std::vector<Sent> &sent, qint64 afterSeq, Tally *tally)
{
    StoreConnection store(m_server);
    if (!store.isOpen())
        return {QStringLiteral("store: ") + store.lastError()};
    QString error;
    const auto rows = readAudit(store.db(), afterSeq, &error);
    QStringList problems;
    if (!error.isEmpty())
        problems.append(QStringLiteral("audit: ") + error);
    QSet<QString> startedIds;
    for (const auto &row : rows) {
        if (row.action == QLatin1String("VERIFICATION_STARTED"))
            startedIds.insert(row.verification);
    }
    const auto outcomes = attemptOutcomes(rows);
    const int answerProblems = static_cast<int>(tally->answers.problems.size());
    for (const auto &request : sent) {
        if (request.kind == Kind::Unblock) {
            tally->unblocks += request.response.status == 204 ? 1 : 0;
        } else if (request.response.status != 0) {
            ++tally->acknowledged;
            problems += checkAcknowledged(store.db(), request, startedIds,
                                          outcomes.value(request.verification), tally);
        } else if (!request.response.transportError.startsWith(QLatin1String("TLS connection failed"))) {
            // Sent, but cut off by the kill (refused or cut off before TLS was up: never sent).
            // A start that got no answer has no id to look for; an answer can be looked up.
            ++tally->inDoubt;
            if (request.kind == Kind::Answer && !outcomes.value(request.verification).isEmpty())
                ++tally->inDoubtCommitted;
        }
    }
    problems += tally->answers.problems.mid(answerProblems);

    replayByProfile(&m_replays, rows, kMaxFailedAttempts);
    // Violations stay with the replay for good; they are reported once, at the end.
    problems += checkCounters(store.db(), m_profiles, m_replays, kMaxFailedAttempts, false);
    return problems;
}

void TestReliabilityCrash::killedUnderLoad_data()
{
    QTest::addColumn<int>("firstKill");
    for (int first = 0; first < kKills; first += kKillsPerBatch)
        QTest::addRow("kills %d-%d", first + 1, first + kKillsPerBatch) << first;
}

void TestReliabilityCrash::killedUnderLoad()
{
    QFETCH(int, firstKill);
    int violatingKills = 0;
    for (int kill = firstKill; kill < firstKill + kKillsPerBatch; ++kill) {
        QString error;
        for (int r = 0; r < m_replicas.count(); ++r) {
            if (!m_replicas.at(r).isRunning())
                QVERIFY2(m_replicas.at(r).restartOnSamePort(&error), qPrintable(error));
        }
        // With two replicas (PostgreSQL) the kills alternate between them, under load on both.
        TestServer &victim = m_replicas.at(kill);
        const int killAfterMs = static_cast<int>(m_random.bounded(kLongestRunMs + 1));
        const auto sent = runUntilKilled(victim, kill, killAfterMs);
        QCOMPARE(victim.stop(), -1); // reaps the killed process
        ++m_kills;

        QByteArray output;
        const bool chainOk = auditVerifies(m_server, &output);
        m_tally.chainFailures += chainOk ? 0 : 1;
        QStringList problems = checkIteration(sent, m_afterSeq, &m_tally);
        if (!chainOk)
            problems.prepend(QStringLiteral("audit verify: ") + QString::fromUtf8(output));
        {
            StoreConnection store(m_server);
            m_afterSeq = auditHeadSeq(store.db());
        }
        if (!problems.isEmpty()) {
            ++violatingKills;
            qWarning().noquote() << "kill" << kill + 1 << "after" << killAfterMs
                                 << "ms:" << problems.mid(0, 8).join(QStringLiteral("\n  "));
        }
    }
    m_violatingKills += violatingKills;
    QCOMPARE(violatingKills, 0);
}

void TestReliabilityCrash::report()
{
    const Tally &tally = m_tally;
    QStringList replayViolations;
    int locks = 0;
    for (auto it = m_replays.begin(); it != m_replays.end(); ++it) {
        locks += it->locks();
        for (const auto &violation : it->violations())
            replayViolations.append(QStringLiteral("profile %1: %2").arg(it.key(), violation));
    }
    const AnswerTally &answers = tally.answers;
    reportFigure(
            "crash",
            QStringLiteral("kills %1 (kill -9 0-%2 ms into a load of %3 threads, or after its first answer), "
                           "acknowledged requests %4 "
                           "(%5 starts, %6 evaluated failures, %7 passes, %8 refused as locked, %9 "
                           "cancelled by an unblock, %10 unblocks), missing from the store %11, in "
                           "flight at the kill %12 (answers among them found committed anyway %13), "
                           "locks %14, audit verify failed after %15 of %1 kills, replay violations %16, "
                           "kills followed by a violation %17, %18 s")
                    .arg(m_kills)
                    .arg(kLongestRunMs)
                    .arg(kLoadThreads)
                    .arg(tally.acknowledged + tally.unblocks)
                    .arg(tally.starts)
                    .arg(answers.evaluatedFailures())
                    .arg(answers.passed)
                    .arg(answers.refusedLocked)
                    .arg(answers.cancelled)
                    .arg(tally.unblocks)
                    .arg(tally.missing + answers.missing)
                    .arg(tally.inDoubt)
                    .arg(tally.inDoubtCommitted)
                    .arg(locks)
                    .arg(tally.chainFailures)
                    .arg(replayViolations.size())
                    .arg(m_violatingKills)
                    .arg(m_timer.elapsed() / 1000.0, 0, 'f', 1));
    if (!replayViolations.isEmpty())
        qWarning().noquote() << replayViolations.mid(0, 20).join(QLatin1Char('\n'));
    QCOMPARE(tally.missing + answers.missing, 0);
    QCOMPARE(tally.chainFailures, 0);
    QVERIFY(replayViolations.isEmpty());
    QCOMPARE(m_kills, kKills);
    QCOMPARE(m_violatingKills, 0);
    QVERIFY(answers.evaluatedFailures() > 0 && answers.passed > 0 && tally.starts > 0);

    // The store still serves after a hundred crashes.
    QString error;
    if (!m_server.isRunning())
        QVERIFY2(m_server.restartOnSamePort(&error), qPrintable(error));
    const auto health = m_server.client().get(QStringLiteral("/v1/health"));
    QVERIFY2(health.status == 200, health.describe());
}

QTEST_GUILESS_MAIN(TestReliabilityCrash)
#include "test_reliability_crash.moc"
