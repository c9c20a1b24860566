// Reliability figure 1: 200 wrong answers on one profile arrive at once, from four agents on
// 200 connections; exactly max_failed_attempts are evaluated, the counter stops there and the
// profile is locked once. Fifty rounds, each on a fresh profile, without a single violation. On
// PostgreSQL the answers are spread over two replicas of the store.
#include "ReliabilitySupport.h"

#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QTest>

#include <barrier>
#include <semaphore>
#include <vector>

using namespace vigil::test;

namespace {
constexpr int kRounds = 50;
constexpr int kRoundsPerBatch = 10; // one test function call each, well inside QTest's watchdog
constexpr int kAnswers = 200;
constexpr int kMaxFailedAttempts = 3;
// Starts and handshakes in flight at once while a round is prepared: more would only overflow
// the server's listen backlog (50) and cost SYN retries; the race itself still has all 200.
constexpr int kPreparing = 16;
} // namespace

class TestReliabilityLockoutRace : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void concurrentWrongAnswersLockOnce_data();
    void concurrentWrongAnswersLockOnce();
    void report();

private:
    // Problems found in one round on `profile`; empty when the round held every invariant.
    QStringList runRound(const QString &profile, int *evaluated);

    QTemporaryDir m_dir;
    TestServer m_server;
    Replicas m_replicas{m_server};
    QList<Agent> m_agents;
    QByteArray m_auditor;
    QStringList m_profiles;
    QElapsedTimer m_timer;
    int m_rounds = 0;
    int m_violatingRounds = 0;
    int m_evaluatedTotal = 0;
    int m_evaluatedMin = kAnswers;
    int m_evaluatedMax = 0;
};

void TestReliabilityLockoutRace::initTestCase()
{
    m_timer.start();
    QVERIFY(m_dir.isValid());
    QVERIFY2(!TestServer::binary().isEmpty(), "VIGIL_SERVER_BIN is not set");
    QString error;
    QVERIFY2(m_server.createDemo(m_dir.filePath(QStringLiteral("data")), kRounds + 12, &error),
             qPrintable(error));
    QVERIFY2(m_server.setPolicy({QStringLiteral("max_failed_attempts=%1").arg(kMaxFailedAttempts)}, &error),
             qPrintable(error));
    QVERIFY2(m_server.start(&error), qPrintable(error));
    QVERIFY2(m_replicas.startSecond(0, &error), qPrintable(error));
    m_agents = loginAgents(m_server,
                           {QStringLiteral("tech1"), QStringLiteral("tech2"), QStringLiteral("super1"),
                            QStringLiteral("super2")});
    for (const auto &agent : m_agents)
        QVERIFY2(!agent.token.isEmpty(), qPrintable(agent.username));
    m_auditor = m_server.login(QStringLiteral("audit1"));
    QVERIFY(!m_auditor.isEmpty());
    m_profiles = m_server.profileIds(
            [](const QJsonObject &answers) { return answers.contains(QStringLiteral("secret")); });
    QVERIFY(m_profiles.size() >= kRounds);
}

void TestReliabilityLockoutRace::cleanupTestCase()
{
    QCOMPARE(m_replicas.stopSecond(), 0);
    if (m_server.isRunning())
        QCOMPARE(m_server.stop(), 0);
}

QStringList TestReliabilityLockoutRace::runRound(const QString &profile, int *evaluated)
{
    QStringList problems;
    std::vector<StartedVerification> starts(kAnswers);
    std::vector<HttpResponse> answers(kAnswers);
    std::counting_semaphore<kPreparing> preparing(kPreparing);
    std::barrier startLine(kAnswers);
    runOnThreads(kAnswers, [&](int i) {
        const HttpsClient client = m_replicas.at(i).client(); // one client per thread
        const Agent &agent = m_agents.at(i % m_agents.size());
        preparing.acquire();
        starts[i] = startVerification(client, profile, agent.token);
        auto cue = [&] {
            preparing.release();
            startLine.arrive_and_wait();
        };
        if (starts[i].id.isEmpty()) {
            cue();
            return;
        }
        answers[i] = postOnCue(client, answersPath(starts[i].id), agent.token,
                               answersJson(starts[i].questions, {}, false), cue);
    });

    int failed = 0;
    int refused = 0;
    for (int i = 0; i < kAnswers; ++i) {
        if (starts[i].id.isEmpty()) {
            problems.append(QStringLiteral("start %1: %2")
                                    .arg(i)
                                    .arg(QString::fromUtf8(starts[i].response.describe())));
            continue;
        }
        const HttpResponse &response = answers[i];
        if (response.status == 200
            && response.json.value(QStringLiteral("result")) == QLatin1String("failed"))
            ++failed;
        else if (response.status == 423 && response.errorCode() == QLatin1String("profile_locked"))
            ++refused;
        else
            problems.append(
                    QStringLiteral("answer %1: %2").arg(i).arg(QString::fromUtf8(response.describe())));
    }
    // The answer that reaches the limit is told 423 along with everyone after it.
    if (failed != kMaxFailedAttempts - 1)
        problems.append(QStringLiteral("%1 answers were told \"failed\", expected %2")
                                .arg(failed)
                                .arg(kMaxFailedAttempts - 1));

    QString error;
    const auto rows = fetchAudit(m_server.client(), m_auditor, QStringLiteral("profile=") + profile, &error);
    if (!error.isEmpty())
        problems.append(QStringLiteral("audit: ") + error);
    LockoutReplay replay(kMaxFailedAttempts);
    for (const auto &row : rows)
        replay.apply(row);
    problems += replay.violations();
    *evaluated = replay.evaluatedFailures() + replay.passes();
    if (replay.evaluatedFailures() != kMaxFailedAttempts || replay.passes() != 0)
        problems.append(
                QStringLiteral("%1 answers evaluated, expected %2").arg(*evaluated).arg(kMaxFailedAttempts));
    if (replay.locks() != 1)
        problems.append(QStringLiteral("%1 PROFILE_LOCKED entries").arg(replay.locks()));
    if (replay.refusals() != kAnswers - kMaxFailedAttempts)
        problems.append(QStringLiteral("%1 refusals audited, expected %2")
                                .arg(replay.refusals())
                                .arg(kAnswers - kMaxFailedAttempts));
    if (failed + refused == kAnswers && replay.refusals() + replay.evaluatedFailures() != kAnswers)
        problems.append(QStringLiteral("audited attempts do not add up to the answers sent"));

    StoreConnection store(m_server);
    const ProfileState state = readProfileState(store.db(), profile);
    if (!state.ok || state.failedCount != kMaxFailedAttempts || !state.locked)
        problems.append(
                QStringLiteral("store: failed_count %1, locked %2").arg(state.failedCount).arg(state.locked));
    return problems;
}

void TestReliabilityLockoutRace::concurrentWrongAnswersLockOnce_data()
{
    QTest::addColumn<int>("firstRound");
    for (int first = 0; first < kRounds; first += kRoundsPerBatch)
        QTest::addRow("rounds %d-%d", first + 1, first + kRoundsPerBatch) << first;
}

void TestReliabilityLockoutRace::concurrentWrongAnswersLockOnce()
{
    QFETCH(int, firstRound);
    int violatingRounds = 0;
    for (int round = firstRound; round < firstRound + kRoundsPerBatch; ++round) {
        int evaluated = 0;
        const QStringList problems = runRound(m_profiles.at(round), &evaluated);
        ++m_rounds;
        m_evaluatedTotal += evaluated;
        m_evaluatedMin = std::min(m_evaluatedMin, evaluated);
        m_evaluatedMax = std::max(m_evaluatedMax, evaluated);
        if (!problems.isEmpty()) {
            ++violatingRounds;
            qWarning().noquote() << "round" << round + 1 << "profile" << m_profiles.at(round) << ":"
                                 << problems.mid(0, 8).join(QStringLiteral("\n  "));
        }
    }
    m_violatingRounds += violatingRounds;
    QCOMPARE(violatingRounds, 0);
}

void TestReliabilityLockoutRace::report()
{
    const auto verify = m_server.client().get(QStringLiteral("/v1/audit/verify"), m_auditor);
    const bool chainOk = verify.status == 200 && verify.json.value(QStringLiteral("ok")).toBool();
    const QString evaluatedText = m_evaluatedMin == m_evaluatedMax
            ? QStringLiteral("evaluated %1/%2 in every round").arg(m_evaluatedMin).arg(kMaxFailedAttempts)
            : QStringLiteral("evaluated between %1 and %2 (limit %3)")
                      .arg(m_evaluatedMin)
                      .arg(m_evaluatedMax)
                      .arg(kMaxFailedAttempts);
    reportFigure("lockout-race",
                 QStringLiteral("rounds %1, answers per round %2, violations %3, %4, %5 of %6 answers "
                                "evaluated, audit chain %7, %8 s, servers %9")
                         .arg(m_rounds)
                         .arg(kAnswers)
                         .arg(m_violatingRounds)
                         .arg(evaluatedText)
                         .arg(m_evaluatedTotal)
                         .arg(m_rounds * kAnswers)
                         .arg(chainOk ? QStringLiteral("verifies") : QStringLiteral("BROKEN"))
                         .arg(m_timer.elapsed() / 1000.0, 0, 'f', 1)
                         .arg(m_replicas.count()));
    QCOMPARE(m_rounds, kRounds);
    QCOMPARE(m_violatingRounds, 0);
    QVERIFY2(chainOk, verify.describe());
}

QTEST_GUILESS_MAIN(TestReliabilityLockoutRace)
#include "test_reliability_lockout_race.moc"
