// Reliability figure 2: one failure short of the lock, one correct and fifty wrong answers arrive
// at once. Whichever order the server takes them in, the profile ends locked with its failures
// on record: a racing pass never erases a failure that was counted after it, and is never
// evaluated once the lock is set.
#include "ReliabilitySupport.h"

#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <barrier>
#include <semaphore>
#include <vector>

using namespace vigil::test;

namespace {
constexpr int kRounds = 20;
constexpr int kWrongAnswers = 50;
constexpr int kMaxFailedAttempts = 3;
constexpr int kPreparing = 16;
} // namespace

class TestReliabilityPassRace : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void racingPassKeepsFailures();

private:
    struct Race
    {
        std::vector<StartedVerification> starts; // index 0: the correct answer
        std::vector<HttpResponse> answers;
    };
    // `passFirst`: the correct answer leaves a few milliseconds before the wrong ones, so that
    // both orders are exercised; otherwise all 51 leave together.
    Race runRace(const QString &profile, bool passFirst);
    // Problems of one round; *passWon tells whether the correct answer was evaluated.
    QStringList runRound(const QString &profile, bool passFirst, bool *passWon);

    QTemporaryDir m_dir;
    TestServer m_server;
    Replicas m_replicas{m_server};
    QList<Agent> m_agents;
    QByteArray m_auditor;
    QStringList m_profiles;
};

void TestReliabilityPassRace::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QVERIFY2(!TestServer::binary().isEmpty(), "VIGIL_SERVER_BIN is not set");
    QString error;
    QVERIFY2(m_server.createDemo(m_dir.filePath(QStringLiteral("data")), kRounds + 8, &error),
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

void TestReliabilityPassRace::cleanupTestCase()
{
    QCOMPARE(m_replicas.stopSecond(), 0);
    if (m_server.isRunning())
        QCOMPARE(m_server.stop(), 0);
}

TestReliabilityPassRace::Race TestReliabilityPassRace::runRace(const QString &profile, bool passFirst)
{
    constexpr int kAnswers = kWrongAnswers + 1;
    const QJsonObject demoAnswers = m_server.answersOf(profile);
    Race race{std::vector<StartedVerification>(kAnswers), std::vector<HttpResponse>(kAnswers)};
    std::counting_semaphore<kPreparing> preparing(kPreparing);
    std::barrier startLine(kAnswers);
    runOnThreads(kAnswers, [&](int i) {
        const HttpsClient client = m_replicas.at(i).client();
        const Agent &agent = m_agents.at(i % m_agents.size());
        preparing.acquire();
        race.starts[i] = startVerification(client, profile, agent.token);
        auto cue = [&] {
            preparing.release();
            startLine.arrive_and_wait();
            if (passFirst && i > 0)
                QThread::msleep(5);
        };
        if (race.starts[i].id.isEmpty()) {
            cue();
            return;
        }
        race.answers[i] = postOnCue(client, answersPath(race.starts[i].id), agent.token,
                                    answersJson(race.starts[i].questions, demoAnswers, i == 0), cue);
    });
    return race;
}

QStringList TestReliabilityPassRace::runRound(const QString &profile, bool passFirst, bool *passWon)
{
    QStringList problems;
    const HttpsClient client = m_server.client();
    const QJsonObject demoAnswers = m_server.answersOf(profile);
    for (int i = 0; i < kMaxFailedAttempts - 1; ++i) {
        const auto started = startVerification(client, profile, m_agents.at(0).token);
        const auto answered = client.request("POST", answersPath(started.id), m_agents.at(0).token,
                                             answersJson(started.questions, demoAnswers, false));
        if (answered.status != 200)
            problems.append(QStringLiteral("set-up failure %1: %2")
                                    .arg(i)
                                    .arg(QString::fromUtf8(answered.describe())));
    }

    const Race race = runRace(profile, passFirst);
    const auto &starts = race.starts;
    const auto &answers = race.answers;
    for (std::size_t i = 0; i < starts.size(); ++i) {
        if (starts[i].id.isEmpty())
            problems.append(QStringLiteral("start %1: %2")
                                    .arg(i)
                                    .arg(QString::fromUtf8(starts[i].response.describe())));
    }

    const HttpResponse &pass = answers[0];
    const bool passed =
            pass.status == 200 && pass.json.value(QStringLiteral("result")) == QLatin1String("passed");
    const bool passRefused = pass.status == 423;
    if (!passed && !passRefused)
        problems.append(QStringLiteral("correct answer: %1").arg(QString::fromUtf8(pass.describe())));
    *passWon = passed;
    int toldFailed = 0;
    for (std::size_t i = 1; i < answers.size(); ++i) {
        const HttpResponse &response = answers[i];
        if (response.status == 200
            && response.json.value(QStringLiteral("result")) == QLatin1String("failed"))
            ++toldFailed;
        else if (response.status != 423)
            problems.append(
                    QStringLiteral("wrong answer %1: %2").arg(i).arg(QString::fromUtf8(response.describe())));
    }

    QString error;
    const auto rows = fetchAudit(client, m_auditor, QStringLiteral("profile=") + profile, &error);
    if (!error.isEmpty())
        problems.append(QStringLiteral("audit: ") + error);
    LockoutReplay replay(kMaxFailedAttempts);
    for (const auto &row : rows)
        replay.apply(row);
    problems += replay.violations();
    // After a winning pass the count starts again from zero and three more failures lock it;
    // after a losing one the very next failure locks it.
    const int expectedFailures = (kMaxFailedAttempts - 1) + (passed ? kMaxFailedAttempts : 1);
    if (replay.passes() != (passed ? 1 : 0))
        problems.append(
                QStringLiteral("%1 passes audited, the client saw %2").arg(replay.passes()).arg(passed));
    if (replay.evaluatedFailures() != expectedFailures)
        problems.append(QStringLiteral("%1 failures evaluated, expected %2")
                                .arg(replay.evaluatedFailures())
                                .arg(expectedFailures));
    if (toldFailed != expectedFailures - (kMaxFailedAttempts - 1) - 1)
        problems.append(QStringLiteral("%1 wrong answers told \"failed\"").arg(toldFailed));
    if (replay.locks() != 1 || !replay.locked() || replay.failedCount() != kMaxFailedAttempts)
        problems.append(QStringLiteral("replay ends with %1 locks, locked %2, count %3")
                                .arg(replay.locks())
                                .arg(replay.locked())
                                .arg(replay.failedCount()));

    StoreConnection store(m_server);
    const ProfileState state = readProfileState(store.db(), profile);
    if (!state.ok || !state.locked || state.failedCount != kMaxFailedAttempts)
        problems.append(QStringLiteral("store ends with failed_count %1, locked %2 (failures erased)")
                                .arg(state.failedCount)
                                .arg(state.locked));
    // A pass that lost the race must not have left a grant behind.
    const QVariant grants =
            storeScalar(store.db(), QStringLiteral("SELECT COUNT(*) FROM grants WHERE verification_id = ?"),
                        {starts[0].id});
    if (grants.toInt() != (passed ? 1 : 0))
        problems.append(QStringLiteral("%1 grants for the correct answer").arg(grants.toInt()));
    return problems;
}

void TestReliabilityPassRace::racingPassKeepsFailures()
{
    QElapsedTimer timer;
    timer.start();
    int violatingRounds = 0;
    int passWon = 0;
    for (int round = 0; round < kRounds; ++round) {
        bool won = false;
        const QStringList problems = runRound(m_profiles.at(round), round % 2 == 1, &won);
        passWon += won ? 1 : 0;
        if (!problems.isEmpty()) {
            ++violatingRounds;
            qWarning().noquote() << "round" << round << "profile" << m_profiles.at(round) << ":"
                                 << problems.mid(0, 8).join(QStringLiteral("\n  "));
        }
    }
    const auto verify = m_server.client().get(QStringLiteral("/v1/audit/verify"), m_auditor);
    const bool chainOk = verify.status == 200 && verify.json.value(QStringLiteral("ok")).toBool();
    reportFigure(
            "pass-race",
            QStringLiteral("rounds %1 (1 correct + %2 wrong answers at once, %3 failures already counted), "
                           "violations %4, ended locked with %5 failures on record %6/%1, pass evaluated "
                           "first %7, pass refused by the lock %8, audit chain %9, %10 s, servers %11")
                    .arg(kRounds)
                    .arg(kWrongAnswers)
                    .arg(kMaxFailedAttempts - 1)
                    .arg(violatingRounds)
                    .arg(kMaxFailedAttempts)
                    .arg(kRounds - violatingRounds)
                    .arg(passWon)
                    .arg(kRounds - passWon)
                    .arg(chainOk ? QStringLiteral("verifies") : QStringLiteral("BROKEN"))
                    .arg(timer.elapsed() / 1000.0, 0, 'f', 1)
                    .arg(m_replicas.count()));
    QCOMPARE(violatingRounds, 0);
    QVERIFY2(chainOk, verify.describe());
}

QTEST_GUILESS_MAIN(TestReliabilityPassRace)
#include "test_reliability_pass_race.moc"
