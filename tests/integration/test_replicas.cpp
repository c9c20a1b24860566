// Two `serve` processes on one store (PostgreSQL replicas under VIGIL_TEST_POSTGRES; two
// processes on one SQLite file otherwise): sessions, grants, escalations, the lockout count and
// the audit chain behave as on one server.
#include "TestServer.h"
#include "Totp.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <atomic>
#include <barrier>
#include <thread>
#include <vector>

using namespace vigil::test;

namespace {
constexpr int kMaxFailedAttempts = 3;
constexpr int kRounds = 10;
constexpr int kAnswers = 200;
constexpr int kThreads = 40;
} // namespace

class TestReplicas : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void sessionsAndGrantsWorkOnEitherReplica();
    void wrongAnswersRacingOnBothReplicasLockOnce();
    void escalationRequestedOnOneApprovedOnTheOther();
    void oneGapFreeAuditChain();

private:
    QTemporaryDir m_dir;
    TestServer m_primary;
    TestServer m_replica;
    QByteArray m_tech1;
    QByteArray m_auditor;
    QStringList m_profiles;
};

void TestReplicas::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QString error;
    QVERIFY2(m_primary.createDemo(m_dir.filePath(QStringLiteral("data")), 40, &error), qPrintable(error));
    QVERIFY2(m_primary.setPolicy({QStringLiteral("max_failed_attempts=%1").arg(kMaxFailedAttempts),
                                  QStringLiteral("actions.reset_password.level=1")},
                                 &error),
             qPrintable(error));
    QVERIFY2(m_primary.start(&error), qPrintable(error));
    m_replica.shareStoreWith(m_primary);
    QVERIFY2(m_replica.start(&error), qPrintable(error));
    QVERIFY(m_primary.port() != m_replica.port());
    qInfo("store: %s; replicas on ports %d and %d", m_primary.usesPostgres() ? "PostgreSQL" : "SQLite",
          m_primary.port(), m_replica.port());
    m_tech1 = m_primary.login(QStringLiteral("tech1"));
    m_auditor = m_replica.login(QStringLiteral("audit1"));
    QVERIFY(!m_tech1.isEmpty() && !m_auditor.isEmpty());
    m_profiles = m_primary.profileIds(
            [](const QJsonObject &answers) { return answers.contains(QStringLiteral("secret")); });
    QVERIFY(m_profiles.size() >= kRounds + 3);
}

void TestReplicas::cleanupTestCase()
{
    QCOMPARE(m_replica.stop(), 0);
    QCOMPARE(m_primary.stop(), 0);
}

void TestReplicas::sessionsAndGrantsWorkOnEitherReplica()
{
    // A token from one replica is good on the other; so is the grant of a pass.
    const QString profile = m_profiles.takeFirst();
    const QString verification = m_primary.passVerification(profile, m_tech1);
    QVERIFY(!verification.isEmpty());
    const auto details = m_replica.client().get(QStringLiteral("/v1/profiles/") + profile, m_tech1);
    QVERIFY2(details.status == 200, details.describe());
    QCOMPARE(details.json.value(QStringLiteral("verification")).toString(), verification);
    // Logging out on one replica ends the session on both.
    const QByteArray other = m_replica.login(QStringLiteral("tech2"));
    QCOMPARE(m_primary.client().postEmpty(QStringLiteral("/v1/auth/logout"), other).status, 204);
    QCOMPARE(m_replica.client().get(QStringLiteral("/v1/policy"), other).status, 401);
}

void TestReplicas::wrongAnswersRacingOnBothReplicasLockOnce()
{
    const HttpsClient clients[] = {m_primary.client(), m_replica.client()};
    int violations = 0;
    for (int round = 0; round < kRounds; ++round) {
        const QString profile = m_profiles.takeFirst();
        QStringList ids;
        QList<QByteArray> bodies;
        for (int i = 0; i < kAnswers; ++i) {
            const auto started = clients[i % 2].postEmpty(
                    QStringLiteral("/v1/profiles/%1/verifications").arg(profile), m_tech1);
            QVERIFY2(started.status == 201, started.describe());
            ids.append(started.json.value(QStringLiteral("id")).toString());
            bodies.append(
                    QJsonDocument(answersBody(started.json.value(QStringLiteral("questions")).toArray(),
                                              [](const QString &) { return QStringLiteral("wrong-1"); }))
                            .toJson(QJsonDocument::Compact));
        }
        std::vector<HttpResponse> responses(kAnswers);
        std::barrier startLine(kThreads);
        std::atomic<int> next = 0;
        std::vector<std::thread> threads;
        for (int t = 0; t < kThreads; ++t) {
            threads.emplace_back([&, t] {
                startLine.arrive_and_wait();
                for (int i = next++; i < kAnswers; i = next++)
                    responses[i] = clients[(i + t) % 2].request(
                            "POST", QStringLiteral("/v1/verifications/%1/answers").arg(ids.at(i)), m_tech1,
                            bodies.at(i));
            });
        }
        for (auto &thread : threads)
            thread.join();
        int failed = 0;
        int locked = 0;
        for (const auto &response : responses) {
            if (response.status == 200)
                ++failed;
            else if (response.status == 423)
                ++locked;
        }
        const QJsonArray entries =
                m_primary.audit(m_auditor, QStringLiteral("limit=1000&profile=") + profile);
        const int lockEntries =
                countEntries(entries, QStringLiteral("action"), QStringLiteral("PROFILE_LOCKED"));
        int evaluated = 0;
        for (const auto &value : entries) {
            const QJsonObject entry = value.toObject();
            if (entry.value(QStringLiteral("action")).toString() == QLatin1String("HELPDESK_UNLOCK_ATTEMPT")
                && entry.value(QStringLiteral("outcome")).toString() == QLatin1String("failed"))
                ++evaluated;
        }
        // The failure that locks answers 423; the ones before it answer 200 failed.
        const bool ok = failed == kMaxFailedAttempts - 1 && locked == kAnswers - failed && lockEntries == 1
                && evaluated == kMaxFailedAttempts;
        if (!ok) {
            ++violations;
            qWarning("round %d: %d failed, %d locked, %d PROFILE_LOCKED, %d evaluated", round, failed, locked,
                     lockEntries, evaluated);
        }
    }
    qInfo("replicas: %d rounds of %d racing wrong answers, %d violations", kRounds, kAnswers, violations);
    QCOMPARE(violations, 0);
}

void TestReplicas::escalationRequestedOnOneApprovedOnTheOther()
{
    static const QRegularExpression secretLine(QStringLiteral("Secret \\(base32\\): ([A-Z2-7]+)"));
    const auto enrolled = m_primary.cli({QStringLiteral("totp"), QStringLiteral("enroll"),
                                         QStringLiteral("--agent"), QStringLiteral("super1")});
    const auto match = secretLine.match(QString::fromUtf8(enrolled.out));
    QVERIFY2(match.hasMatch(), enrolled.output().constData());
    const auto secret = vigil::Totp::base32Decode(match.captured(1));
    QVERIFY(secret);

    const QString profile = m_profiles.takeFirst();
    const QString verification = m_primary.passVerification(profile, m_tech1);
    QVERIFY(!verification.isEmpty());
    const auto requested =
            m_primary.client().post(QStringLiteral("/v1/profiles/%1/actions").arg(profile),
                                    {{QStringLiteral("action"), QStringLiteral("reset_password")},
                                     {QStringLiteral("verification_id"), verification},
                                     {QStringLiteral("reason"), QStringLiteral("Forgotten after a holiday")},
                                     {QStringLiteral("ticket"), QStringLiteral("INC-77")}},
                                    m_tech1);
    QVERIFY2(requested.status == 201, requested.describe());
    const QString id = requested.json.value(QStringLiteral("id")).toString();

    const QByteArray supervisor = m_replica.login(QStringLiteral("super1"));
    const auto factor = m_replica.client().post(
            QStringLiteral("/v1/auth/second-factor"),
            {{QStringLiteral("code"), vigil::Totp::code(*secret, QDateTime::currentSecsSinceEpoch())}},
            supervisor);
    QVERIFY2(factor.status == 200, factor.describe());
    const auto queue = m_replica.client().get(QStringLiteral("/v1/actions?scope=queue"), supervisor);
    QCOMPARE(countEntries(queue.json.value(QStringLiteral("actions")).toArray(), QStringLiteral("id"), id),
             1);
    // Both replicas race to approve the same escalation for the same supervisor: one approval counts.
    HttpResponse first;
    HttpResponse second;
    const QJsonObject reason{{QStringLiteral("reason"), QStringLiteral("Checked with the manager")}};
    std::thread a([&] {
        first = m_primary.client().post(QStringLiteral("/v1/actions/%1/approve").arg(id), reason, supervisor);
    });
    std::thread b([&] {
        second =
                m_replica.client().post(QStringLiteral("/v1/actions/%1/approve").arg(id), reason, supervisor);
    });
    a.join();
    b.join();
    QVERIFY2((first.status == 200) != (second.status == 200),
             QByteArray(first.describe() + second.describe()).constData());
    const auto done = m_primary.client().get(QStringLiteral("/v1/actions/") + id, m_tech1);
    QCOMPARE(done.json.value(QStringLiteral("state")).toString(), QStringLiteral("done"));
    QCOMPARE(done.json.value(QStringLiteral("approvals")).toArray().size(), 1);
}

void TestReplicas::oneGapFreeAuditChain()
{
    for (const TestServer *server : {&m_primary, &m_replica}) {
        const auto verified = server->client().get(QStringLiteral("/v1/audit/verify"), m_auditor);
        QVERIFY2(verified.status == 200 && verified.json.value(QStringLiteral("ok")).toBool(),
                 verified.describe());
    }
    const auto cli = m_primary.cli({QStringLiteral("audit"), QStringLiteral("verify")});
    QVERIFY2(cli.exitCode == 0, cli.output().constData());
    // The page of newest entries holds consecutive sequence numbers: no gap, no duplicate.
    const auto entries = m_primary.audit(m_auditor, QStringLiteral("limit=1000"));
    QVERIFY(entries.size() > 100);
    QList<qint64> seqs;
    for (const auto &entry : entries)
        seqs.append(entry.toObject().value(QStringLiteral("seq")).toInteger());
    std::sort(seqs.begin(), seqs.end());
    for (qsizetype i = 1; i < seqs.size(); ++i)
        QCOMPARE(seqs.at(i), seqs.at(i - 1) + 1);
}

QTEST_GUILESS_MAIN(TestReplicas)
#include "test_replicas.moc"
