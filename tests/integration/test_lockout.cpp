// Lockout against the real server: the attempt budget, the lock itself, what a lock refuses,
// the reset on success, and the `unlock-expired` job.
#include "TestServer.h"

#include <QDateTime>
#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QUrl>

using namespace vigil::test;

namespace {
const QString kWrong = QStringLiteral("zebra-quartz-1234");
} // namespace

class TestLockout : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void lockAfterMaxFailures();
    void passResetsFailureCount();
    void expiredLockNeedsUnlockJob();
    void inProcessTimerUnblocksExpiredLocks();

private:
    HttpResponse start(const QString &profileId) const;
    HttpResponse answer(const HttpResponse &started, const QString &profileId, bool correct) const;
    bool searchShowsLocked(const QString &profileId, bool *locked) const;
    QJsonArray auditFor(const QString &profileId) const;

    QTemporaryDir m_dir;
    TestServer m_server;
    QByteArray m_tech1;
    QByteArray m_auditor;
    QStringList m_profiles; // profiles with a secret, one per test
};

void TestLockout::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QVERIFY2(!TestServer::binary().isEmpty(), "VIGIL_SERVER_BIN is not set");
    QString error;
    QVERIFY2(m_server.createDemo(m_dir.filePath(QStringLiteral("data")), 40, &error), qPrintable(error));
    QVERIFY2(m_server.setPolicy({QStringLiteral("max_failed_attempts=3")}, &error), qPrintable(error));
    QVERIFY2(m_server.start(&error), qPrintable(error));
    m_tech1 = m_server.login(QStringLiteral("tech1"));
    m_auditor = m_server.login(QStringLiteral("audit1"));
    QVERIFY(!m_tech1.isEmpty());
    QVERIFY(!m_auditor.isEmpty());
    m_profiles = m_server.profileIds(
            [](const QJsonObject &answers) { return answers.contains(QStringLiteral("secret")); });
    QVERIFY(m_profiles.size() >= 4);
}

void TestLockout::cleanupTestCase()
{
    QCOMPARE(m_server.stop(), 0);
}

HttpResponse TestLockout::start(const QString &profileId) const
{
    return m_server.client().postEmpty(QStringLiteral("/v1/profiles/%1/verifications").arg(profileId),
                                       m_tech1);
}

HttpResponse TestLockout::answer(const HttpResponse &started, const QString &profileId, bool correct) const
{
    const QJsonObject answers = m_server.answersOf(profileId);
    const auto body =
            answersBody(started.json.value(QStringLiteral("questions")).toArray(), [&](const QString &field) {
                return correct ? answers.value(field).toString() : kWrong;
            });
    return m_server.client().post(QStringLiteral("/v1/verifications/%1/answers")
                                          .arg(started.json.value(QStringLiteral("id")).toString()),
                                  body, m_tech1);
}

bool TestLockout::searchShowsLocked(const QString &profileId, bool *locked) const
{
    const QString name = m_server.displayNameOf(profileId);
    const auto response = m_server.client().get(QStringLiteral("/v1/profiles?limit=50&q=")
                                                        + QString::fromLatin1(QUrl::toPercentEncoding(name)),
                                                m_tech1);
    if (response.status != 200)
        return false;
    for (const auto &result : response.json.value(QStringLiteral("results")).toArray()) {
        if (result.toObject().value(QStringLiteral("id")).toString() == profileId) {
            *locked = result.toObject().value(QStringLiteral("locked")).toBool();
            return true;
        }
    }
    return false;
}

QJsonArray TestLockout::auditFor(const QString &profileId) const
{
    return m_server.audit(m_auditor, QStringLiteral("limit=1000&profile=") + profileId);
}

void TestLockout::lockAfterMaxFailures()
{
    const QString profile = m_profiles.at(0);
    // Verifications opened before the lock, to be answered after it.
    QList<HttpResponse> started;
    for (int i = 0; i < 5; ++i) {
        started.append(start(profile));
        QVERIFY2(started.last().status == 201, started.last().describe());
        QCOMPARE(started.last().json.value(QStringLiteral("attempts_remaining")).toInt(), 3);
    }

    auto first = answer(started.at(0), profile, false);
    QVERIFY2(first.status == 200, first.describe());
    QCOMPARE(first.json.value(QStringLiteral("result")).toString(), QStringLiteral("failed"));
    QCOMPARE(first.json.value(QStringLiteral("attempts_remaining")).toInt(), 2);
    // Blind verification: nothing says which answer was wrong.
    QCOMPARE(first.json.keys(),
             (QStringList{QStringLiteral("attempts_remaining"), QStringLiteral("result")}));

    auto second = answer(started.at(1), profile, false);
    QVERIFY2(second.status == 200, second.describe());
    QCOMPARE(second.json.value(QStringLiteral("result")).toString(), QStringLiteral("failed"));
    QCOMPARE(second.json.value(QStringLiteral("attempts_remaining")).toInt(), 1);

    auto third = answer(started.at(2), profile, false);
    QVERIFY2(third.status == 423, third.describe());
    QCOMPARE(third.errorCode(), QStringLiteral("profile_locked"));
    const QDateTime lockedUntil =
            QDateTime::fromString(third.json.value(QStringLiteral("locked_until")).toString(), Qt::ISODate);
    QVERIFY2(lockedUntil.isValid(), third.describe());
    // Default lockout is 1800 s.
    QVERIFY(lockedUntil > QDateTime::currentDateTimeUtc().addSecs(1700));

    // Correct answers on a verification opened before the lock are refused unevaluated.
    auto late = answer(started.at(3), profile, true);
    QVERIFY2(late.status == 423, late.describe());
    QCOMPARE(late.errorCode(), QStringLiteral("profile_locked"));
    auto lateWrong = answer(started.at(4), profile, false);
    QVERIFY2(lateWrong.status == 423, lateWrong.describe());

    auto again = start(profile);
    QVERIFY2(again.status == 423, again.describe());
    QCOMPARE(again.errorCode(), QStringLiteral("profile_locked"));
    QVERIFY(again.json.contains(QStringLiteral("locked_until")));

    auto view = m_server.client().get(QStringLiteral("/v1/profiles/") + profile, m_tech1);
    QVERIFY2(view.status == 403, view.describe());

    bool locked = false;
    QVERIFY(searchShowsLocked(profile, &locked));
    QVERIFY(locked);

    const QJsonArray entries = auditFor(profile);
    int lockedEntries = 0;
    int failed = 0;
    int refused = 0;
    int passed = 0;
    for (const auto &value : entries) {
        const QJsonObject entry = value.toObject();
        const QString action = entry.value(QStringLiteral("action")).toString();
        const QString outcome = entry.value(QStringLiteral("outcome")).toString();
        if (action == QLatin1String("PROFILE_LOCKED"))
            ++lockedEntries;
        if (action != QLatin1String("HELPDESK_UNLOCK_ATTEMPT"))
            continue;
        failed += outcome == QLatin1String("failed") ? 1 : 0;
        refused += outcome == QLatin1String("locked") ? 1 : 0;
        passed += outcome == QLatin1String("passed") ? 1 : 0;
        const QString verification = entry.value(QStringLiteral("verification")).toString();
        for (int i = 3; i < 5; ++i) {
            if (verification == started.at(i).json.value(QStringLiteral("id")).toString())
                QCOMPARE(outcome, QStringLiteral("locked"));
        }
    }
    QCOMPARE(lockedEntries, 1);
    QCOMPARE(failed, 3);
    QCOMPARE(passed, 0);
    QCOMPARE(refused, 3); // two answers after the lock and one start
}

void TestLockout::passResetsFailureCount()
{
    const QString profile = m_profiles.at(1);
    for (int round = 0; round < 2; ++round) {
        for (int i = 0; i < 2; ++i) {
            auto started = start(profile);
            QVERIFY2(started.status == 201, started.describe());
            auto failed = answer(started, profile, false);
            QVERIFY2(failed.status == 200, failed.describe());
            QCOMPARE(failed.json.value(QStringLiteral("result")).toString(), QStringLiteral("failed"));
            QCOMPARE(failed.json.value(QStringLiteral("attempts_remaining")).toInt(), 2 - i);
        }
        if (round == 1)
            break;
        auto started = start(profile);
        QVERIFY2(started.status == 201, started.describe());
        QCOMPARE(started.json.value(QStringLiteral("attempts_remaining")).toInt(), 1);
        auto passed = answer(started, profile, true);
        QVERIFY2(passed.status == 200, passed.describe());
        QCOMPARE(passed.json.value(QStringLiteral("result")).toString(), QStringLiteral("passed"));
    }
    bool locked = true;
    QVERIFY(searchShowsLocked(profile, &locked));
    QVERIFY(!locked);
    auto started = start(profile);
    QVERIFY2(started.status == 201, started.describe());
    QCOMPARE(started.json.value(QStringLiteral("attempts_remaining")).toInt(), 1);
    QCOMPARE(countEntries(auditFor(profile), QStringLiteral("action"), QStringLiteral("PROFILE_LOCKED")), 0);
}

void TestLockout::expiredLockNeedsUnlockJob()
{
    const QString profile = m_profiles.at(2);
    QString error;
    QVERIFY2(m_server.setPolicy({QStringLiteral("lockout_seconds=2")}, &error), qPrintable(error));
    for (int i = 0; i < 3; ++i) {
        auto started = start(profile);
        QVERIFY2(started.status == 201, started.describe());
        auto failed = answer(started, profile, false);
        QVERIFY2(failed.status == (i < 2 ? 200 : 423), failed.describe());
    }
    QThread::msleep(3000);

    // The in-process job is off (--unlock-interval 0), so the expired lock stays until the job runs.
    bool locked = false;
    QVERIFY(searchShowsLocked(profile, &locked));
    QVERIFY(locked);

    const auto job = m_server.cli({QStringLiteral("unlock-expired")});
    QVERIFY2(job.finished && job.exitCode == 0, job.err.constData());
    QVERIFY2(job.out.startsWith("Unblocked 1 profile(s).\n"), job.out.constData());

    QVERIFY(searchShowsLocked(profile, &locked));
    QVERIFY(!locked);
    const QJsonArray entries = auditFor(profile);
    int unblocked = 0;
    for (const auto &value : entries) {
        const QJsonObject entry = value.toObject();
        if (entry.value(QStringLiteral("action")).toString() == QLatin1String("PROFILE_UNBLOCKED")) {
            ++unblocked;
            QCOMPARE(entry.value(QStringLiteral("agent")).toString(), QStringLiteral("system:unlock-job"));
        }
    }
    QCOMPARE(unblocked, 1);

    const auto rerun = m_server.cli({QStringLiteral("unlock-expired")});
    QVERIFY2(rerun.finished && rerun.exitCode == 0, rerun.err.constData());
    QVERIFY2(rerun.out.startsWith("Unblocked 0 profile(s).\n"), rerun.out.constData());
    QCOMPARE(countEntries(auditFor(profile), QStringLiteral("action"), QStringLiteral("PROFILE_UNBLOCKED")),
             1);

    // The first profile's 1800 s lock from lockAfterMaxFailures is untouched by the job.
    bool firstLocked = false;
    QVERIFY(searchShowsLocked(m_profiles.at(0), &firstLocked));
    QVERIFY(firstLocked);

    // A fresh start has the whole budget again.
    auto started = start(profile);
    QVERIFY2(started.status == 201, started.describe());
    QCOMPARE(started.json.value(QStringLiteral("attempts_remaining")).toInt(), 3);
    QVERIFY(m_server.setPolicy({QStringLiteral("lockout_seconds=1800")}));
}

void TestLockout::inProcessTimerUnblocksExpiredLocks()
{
    // Restart the server with its unlock job running every second.
    QCOMPARE(m_server.stop(), 0);
    m_server.setUnlockInterval(1);
    QString error;
    QVERIFY2(m_server.start(&error), qPrintable(error));
    const QString profile = m_profiles.at(3);
    QVERIFY2(m_server.setPolicy({QStringLiteral("lockout_seconds=1")}, &error), qPrintable(error));
    for (int i = 0; i < 3; ++i) {
        auto started = start(profile);
        QVERIFY2(started.status == 201, started.describe());
        auto failed = answer(started, profile, false);
        QVERIFY2(failed.status == (i < 2 ? 200 : 423), failed.describe());
    }
    bool locked = true;
    for (int i = 0; i < 50 && locked; ++i) {
        QThread::msleep(200);
        QVERIFY(searchShowsLocked(profile, &locked));
    }
    QVERIFY2(!locked, "the in-process unlock job did not unblock the expired lock within 10 s");
    const QJsonArray entries = auditFor(profile);
    int unblocked = 0;
    for (const auto &value : entries) {
        const QJsonObject entry = value.toObject();
        if (entry.value(QStringLiteral("action")).toString() == QLatin1String("PROFILE_UNBLOCKED")) {
            ++unblocked;
            QCOMPARE(entry.value(QStringLiteral("agent")).toString(), QStringLiteral("system:unlock-job"));
        }
    }
    QCOMPARE(unblocked, 1);
    QVERIFY(m_server.setPolicy({QStringLiteral("lockout_seconds=1800")}));
}

QTEST_GUILESS_MAIN(TestLockout)
#include "test_lockout.moc"
