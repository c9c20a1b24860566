// Principle 3 against the real server: many wrong answers racing on one profile never get more
// than max_failed_attempts evaluated.
#include "TestServer.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

#include <atomic>
#include <barrier>
#include <mutex>
#include <thread>
#include <vector>

using namespace vigil::test;

namespace {
constexpr int kVerifications = 200;
constexpr int kThreads = 50;
constexpr int kMaxFailedAttempts = 3;
} // namespace

class TestConcurrency : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void racingWrongAnswers_data();
    void racingWrongAnswers();

private:
    QTemporaryDir m_dir;
    TestServer m_server;
    QByteArray m_tech1;
    QByteArray m_auditor;
    QStringList m_profiles;
};

void TestConcurrency::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QVERIFY2(!TestServer::binary().isEmpty(), "VIGIL_SERVER_BIN is not set");
    QString error;
    QVERIFY2(m_server.createDemo(m_dir.filePath(QStringLiteral("data")), 20, &error), qPrintable(error));
    QVERIFY2(m_server.setPolicy({QStringLiteral("max_failed_attempts=%1").arg(kMaxFailedAttempts)}, &error),
             qPrintable(error));
    QVERIFY2(m_server.start(&error), qPrintable(error));
    m_tech1 = m_server.login(QStringLiteral("tech1"));
    m_auditor = m_server.login(QStringLiteral("audit1"));
    QVERIFY(!m_tech1.isEmpty());
    QVERIFY(!m_auditor.isEmpty());
    m_profiles = m_server.profileIds(
            [](const QJsonObject &answers) { return answers.contains(QStringLiteral("secret")); });
    QVERIFY(m_profiles.size() >= 2);
}

void TestConcurrency::cleanupTestCase()
{
    QCOMPARE(m_server.stop(), 0);
}

void TestConcurrency::racingWrongAnswers_data()
{
    QTest::addColumn<int>("profileIndex");
    QTest::newRow("first race") << 0;
    QTest::newRow("second race, another profile") << 1;
}

void TestConcurrency::racingWrongAnswers()
{
    QFETCH(int, profileIndex);
    const QString profile = m_profiles.at(profileIndex);
    const HttpsClient client = m_server.client();

    QList<QString> ids;
    QList<QByteArray> bodies;
    for (int i = 0; i < kVerifications; ++i) {
        const auto started =
                client.postEmpty(QStringLiteral("/v1/profiles/%1/verifications").arg(profile), m_tech1);
        QVERIFY2(started.status == 201, started.describe());
        ids.append(started.json.value(QStringLiteral("id")).toString());
        const auto body = answersBody(started.json.value(QStringLiteral("questions")).toArray(),
                                      [](const QString &) { return QStringLiteral("zebra-quartz-1234"); });
        bodies.append(QJsonDocument(body).toJson(QJsonDocument::Compact));
    }

    std::vector<HttpResponse> responses(kVerifications);
    std::barrier startLine(kThreads);
    std::atomic<int> next = 0;
    std::vector<std::thread> threads;
    for (int t = 0; t < kThreads; ++t) {
        threads.emplace_back([&] {
            startLine.arrive_and_wait();
            for (int i = next++; i < kVerifications; i = next++) {
                responses[i] =
                        client.request("POST", QStringLiteral("/v1/verifications/%1/answers").arg(ids.at(i)),
                                       m_tech1, bodies.at(i));
            }
        });
    }
    for (auto &thread : threads)
        thread.join();

    int failed = 0;
    int locked = 0;
    QStringList other;
    for (const auto &response : responses) {
        if (response.status == 200
            && response.json.value(QStringLiteral("result")) == QLatin1String("failed"))
            ++failed;
        else if (response.status == 423 && response.errorCode() == QLatin1String("profile_locked"))
            ++locked;
        else
            other.append(QString::fromUtf8(response.describe()));
    }
    QVERIFY2(other.isEmpty(), qPrintable(other.mid(0, 5).join(QLatin1Char('\n'))));
    QCOMPARE(failed, kMaxFailedAttempts - 1);
    QCOMPARE(locked, kVerifications - (kMaxFailedAttempts - 1));

    const QJsonArray entries = m_server.audit(m_auditor, QStringLiteral("limit=1000&profile=") + profile);
    int attemptsFailed = 0;
    int attemptsLocked = 0;
    int attemptsOther = 0;
    int profileLocked = 0;
    for (const auto &value : entries) {
        const QJsonObject entry = value.toObject();
        const QString action = entry.value(QStringLiteral("action")).toString();
        const QString outcome = entry.value(QStringLiteral("outcome")).toString();
        if (action == QLatin1String("PROFILE_LOCKED"))
            ++profileLocked;
        if (action != QLatin1String("HELPDESK_UNLOCK_ATTEMPT"))
            continue;
        if (outcome == QLatin1String("failed"))
            ++attemptsFailed;
        else if (outcome == QLatin1String("locked"))
            ++attemptsLocked;
        else
            ++attemptsOther;
    }
    QCOMPARE(attemptsFailed, kMaxFailedAttempts);
    QCOMPARE(profileLocked, 1);
    QCOMPARE(attemptsLocked, kVerifications - kMaxFailedAttempts);
    QCOMPARE(attemptsOther, 0);

    const auto health = client.get(QStringLiteral("/v1/health"));
    QVERIFY2(health.status == 200, health.describe());
    QCOMPARE(health.json.value(QStringLiteral("status")).toString(), QStringLiteral("ok"));
    const auto search = client.get(QStringLiteral("/v1/profiles?q=silver"), m_tech1);
    QVERIFY2(search.status == 200, search.describe());
    QVERIFY(m_server.isRunning());
    const auto verify = client.get(QStringLiteral("/v1/audit/verify"), m_auditor);
    QVERIFY2(verify.status == 200 && verify.json.value(QStringLiteral("ok")).toBool(), verify.describe());
}

QTEST_GUILESS_MAIN(TestConcurrency)
#include "test_concurrency.moc"
