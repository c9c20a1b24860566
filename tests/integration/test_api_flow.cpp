// The v1 API contract (DESIGN.md) walked through against the real server, as the console and
// the admin use it.
#include "TestServer.h"

#include "SigningKey.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

using namespace vigil::test;

class TestApiFlow : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void pinnedCertificateOnly();
    void login();
    void wrongCredentialsLookAlike();
    void repeatedWrongLoginsAreThrottled();
    void search();
    void tokenAndRoleChecks();
    void verificationStart();
    void correctAnswersInOtherForms_data();
    void correctAnswersInOtherForms();
    void grantIsPerAgent();
    void verificationIsAnsweredOnce();
    void otherAgentsVerificationIsInvisible();
    void profileWithoutSecret();
    void retryAvoidsTheLastQuestionSet();
    void grantExpires();
    void verificationExpires();
    void supervisorUnblock();
    void auditListing();
    void signedPolicy();
    void adminSetsSecret();
    void logout();

private:
    HttpResponse start(const QString &profile, const QByteArray &token) const;
    HttpResponse answer(const HttpResponse &started, const QByteArray &token,
                        const std::function<QString(const QString &)> &answerFor) const;
    std::function<QString(const QString &)> correctFor(const QString &profile) const;
    static std::function<QString(const QString &)> wrong();

    QTemporaryDir m_dir;
    TestServer m_server;
    QByteArray m_tech1;
    QByteArray m_tech2;
    QByteArray m_super1;
    QByteArray m_auditor;
    QStringList m_withSecret; // profiles with a secret and 3+ knowledge fields, profile 1 excluded
};

void TestApiFlow::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QVERIFY2(!TestServer::binary().isEmpty(), "VIGIL_SERVER_BIN is not set");
    QString error;
    QVERIFY2(m_server.createDemo(m_dir.filePath(QStringLiteral("data")), 300, &error), qPrintable(error));
    QVERIFY2(m_server.start(&error), qPrintable(error));
    m_tech2 = m_server.login(QStringLiteral("tech2"));
    m_super1 = m_server.login(QStringLiteral("super1"));
    m_auditor = m_server.login(QStringLiteral("audit1"));
    QVERIFY(!m_tech2.isEmpty() && !m_super1.isEmpty() && !m_auditor.isEmpty());
    m_withSecret = m_server.profileIds([](const QJsonObject &answers) {
        int knowledge = 0;
        for (const auto &field : {"title", "middle_initial", "employee_id", "birthday"})
            knowledge += answers.contains(QLatin1String(field)) ? 1 : 0;
        return answers.contains(QStringLiteral("secret")) && knowledge >= 3;
    });
    m_withSecret.removeAll(QStringLiteral("1"));
    QVERIFY(m_withSecret.size() >= 10);
}

void TestApiFlow::cleanupTestCase()
{
    QCOMPARE(m_server.stop(), 0);
}

HttpResponse TestApiFlow::start(const QString &profile, const QByteArray &token) const
{
    return m_server.client().postEmpty(QStringLiteral("/v1/profiles/%1/verifications").arg(profile), token);
}

HttpResponse TestApiFlow::answer(const HttpResponse &started, const QByteArray &token,
                                 const std::function<QString(const QString &)> &answerFor) const
{
    return m_server.client().post(
            QStringLiteral("/v1/verifications/%1/answers")
                    .arg(started.json.value(QStringLiteral("id")).toString()),
            answersBody(started.json.value(QStringLiteral("questions")).toArray(), answerFor), token);
}

std::function<QString(const QString &)> TestApiFlow::correctFor(const QString &profile) const
{
    const QJsonObject answers = m_server.answersOf(profile);
    return [answers](const QString &field) {
        return answers.value(field).toString();
    };
}

std::function<QString(const QString &)> TestApiFlow::wrong()
{
    return [](const QString &) {
        return QStringLiteral("zebra-quartz-1234");
    };
}

void TestApiFlow::pinnedCertificateOnly()
{
    // The harness trusts the server only through the fingerprint it printed.
    const HttpsClient wrongPin(QStringLiteral("127.0.0.1"), m_server.port(), QByteArray(32, '\x5a'));
    const auto refused = wrongPin.get(QStringLiteral("/v1/health"));
    QCOMPARE(refused.status, 0);
    QVERIFY(!refused.transportError.isEmpty());
    const auto health = m_server.client().get(QStringLiteral("/v1/health"));
    QVERIFY2(health.status == 200, health.describe());
    QCOMPARE(health.json.value(QStringLiteral("status")).toString(), QStringLiteral("ok"));
}

void TestApiFlow::login()
{
    const auto response = m_server.client().post(
            QStringLiteral("/v1/auth/login"),
            {{QStringLiteral("username"), QStringLiteral("tech1")},
             {QStringLiteral("password"), m_server.password(QStringLiteral("tech1"))}});
    QVERIFY2(response.status == 200, response.describe());
    m_tech1 = response.json.value(QStringLiteral("token")).toString().toLatin1();
    QVERIFY(m_tech1.size() >= 32);
    QVERIFY(QDateTime::fromString(response.json.value(QStringLiteral("expires_at")).toString(), Qt::ISODate)
            > QDateTime::currentDateTimeUtc());
    const QJsonObject agent = response.json.value(QStringLiteral("agent")).toObject();
    QCOMPARE(agent.value(QStringLiteral("username")).toString(), QStringLiteral("tech1"));
    QVERIFY(!agent.value(QStringLiteral("id")).toString().isEmpty());
    QVERIFY(!agent.value(QStringLiteral("display_name")).toString().isEmpty());
    QCOMPARE(agent.value(QStringLiteral("roles")).toArray(), QJsonArray{QStringLiteral("technician")});
    QCOMPARE(response.header("Content-Type"), QByteArray("application/json"));

    const auto auditor = m_server.client().post(
            QStringLiteral("/v1/auth/login"),
            {{QStringLiteral("username"), QStringLiteral("audit1")},
             {QStringLiteral("password"), m_server.password(QStringLiteral("audit1"))}});
    QCOMPARE(auditor.json.value(QStringLiteral("agent")).toObject().value(QStringLiteral("roles")).toArray(),
             QJsonArray{QStringLiteral("auditor")});
}

void TestApiFlow::wrongCredentialsLookAlike()
{
    const auto wrongPassword =
            m_server.client().post(QStringLiteral("/v1/auth/login"),
                                   {{QStringLiteral("username"), QStringLiteral("super2")},
                                    {QStringLiteral("password"), QStringLiteral("nope-nope")}});
    const auto unknownUser =
            m_server.client().post(QStringLiteral("/v1/auth/login"),
                                   {{QStringLiteral("username"), QStringLiteral("nobody-here")},
                                    {QStringLiteral("password"), QStringLiteral("nope-nope")}});
    QVERIFY2(wrongPassword.status == 401, wrongPassword.describe());
    QVERIFY2(unknownUser.status == 401, unknownUser.describe());
    QCOMPARE(wrongPassword.errorCode(), QStringLiteral("invalid_credentials"));
    QVERIFY(!wrongPassword.json.value(QStringLiteral("message")).toString().isEmpty());
    QCOMPARE(unknownUser.body, wrongPassword.body);
}

void TestApiFlow::repeatedWrongLoginsAreThrottled()
{
    // super2 already has one failure from wrongCredentialsLookAlike.
    for (int i = 2; i <= 5; ++i) {
        const auto response =
                m_server.client().post(QStringLiteral("/v1/auth/login"),
                                       {{QStringLiteral("username"), QStringLiteral("super2")},
                                        {QStringLiteral("password"), QStringLiteral("guess-%1").arg(i)}});
        QVERIFY2(response.status == 401, response.describe());
    }
    const auto sixth = m_server.client().post(QStringLiteral("/v1/auth/login"),
                                              {{QStringLiteral("username"), QStringLiteral("super2")},
                                               {QStringLiteral("password"), QStringLiteral("guess-6")}});
    QVERIFY2(sixth.status == 429, sixth.describe());
    QCOMPARE(sixth.errorCode(), QStringLiteral("rate_limited"));
    // While throttled even the right password is refused, so guessing gains nothing.
    const auto right = m_server.client().post(
            QStringLiteral("/v1/auth/login"),
            {{QStringLiteral("username"), QStringLiteral("super2")},
             {QStringLiteral("password"), m_server.password(QStringLiteral("super2"))}});
    QVERIFY2(right.status == 429, right.describe());
    // Other names are not affected.
    QVERIFY(!m_server.login(QStringLiteral("tech2")).isEmpty());
}

void TestApiFlow::search()
{
    const auto response = m_server.client().get(QStringLiteral("/v1/profiles?q=Jon%20Silvr"), m_tech1);
    QVERIFY2(response.status == 200, response.describe());
    const QJsonArray results = response.json.value(QStringLiteral("results")).toArray();
    QVERIFY(!results.isEmpty());
    const QJsonObject first = results.first().toObject();
    QCOMPARE(first.value(QStringLiteral("id")).toString(), QStringLiteral("1"));
    QCOMPARE(first.value(QStringLiteral("display_name")).toString(), QStringLiteral("John P. Silver"));
    QCOMPARE(first.value(QStringLiteral("email_hint")).toString(), QStringLiteral("j***@acme.example"));
    QCOMPARE(first.value(QStringLiteral("locked")).toBool(), false);
    QCOMPARE(first.value(QStringLiteral("has_secret")).toBool(), true);
    QVERIFY(first.value(QStringLiteral("phone_hint")).toString().contains(QLatin1Char('*')));
    for (const auto &result : results) {
        QVERIFY(!result.toObject().contains(QStringLiteral("email")));
        QVERIFY(!result.toObject().contains(QStringLiteral("phone")));
    }
    QVERIFY(!response.body.contains("john.silver@"));

    const auto limited = m_server.client().get(QStringLiteral("/v1/profiles?q=an&limit=2"), m_tech1);
    QVERIFY2(limited.status == 200, limited.describe());
    QVERIFY(limited.json.value(QStringLiteral("results")).toArray().size() <= 2);
    const auto empty = m_server.client().get(QStringLiteral("/v1/profiles?q="), m_tech1);
    QVERIFY2(empty.status == 400, empty.describe());
    QCOMPARE(empty.errorCode(), QStringLiteral("invalid_request"));
}

void TestApiFlow::tokenAndRoleChecks()
{
    const auto none = m_server.client().get(QStringLiteral("/v1/profiles?q=silver"));
    QVERIFY2(none.status == 401, none.describe());
    QCOMPARE(none.errorCode(), QStringLiteral("unauthorized"));
    const auto bogus = m_server.client().get(QStringLiteral("/v1/profiles?q=silver"), "not-a-real-token");
    QVERIFY2(bogus.status == 401, bogus.describe());
    const auto auditor = m_server.client().get(QStringLiteral("/v1/profiles?q=silver"), m_auditor);
    QVERIFY2(auditor.status == 403, auditor.describe());
    QCOMPARE(auditor.errorCode(), QStringLiteral("forbidden"));
    const auto auditorStart = start(QStringLiteral("1"), m_auditor);
    QVERIFY2(auditorStart.status == 403, auditorStart.describe());
    const auto noSuch = start(QStringLiteral("999999"), m_tech1);
    QVERIFY2(noSuch.status == 404, noSuch.describe());
    QCOMPARE(noSuch.errorCode(), QStringLiteral("not_found"));
}

void TestApiFlow::verificationStart()
{
    const auto response = start(QStringLiteral("1"), m_tech1);
    QVERIFY2(response.status == 201, response.describe());
    QVERIFY(!response.json.value(QStringLiteral("id")).toString().isEmpty());
    QCOMPARE(response.json.value(QStringLiteral("attempts_remaining")).toInt(), 3);
    QVERIFY(QDateTime::fromString(response.json.value(QStringLiteral("expires_at")).toString(), Qt::ISODate)
            > QDateTime::currentDateTimeUtc());
    const QJsonArray questions = response.json.value(QStringLiteral("questions")).toArray();
    QCOMPARE(questions.size(), 3);
    QVERIFY(questionFields(questions).contains(QStringLiteral("secret")));
    QSet<QString> ids;
    for (const auto &value : questions) {
        const QJsonObject question = value.toObject();
        QVERIFY(!question.value(QStringLiteral("prompt")).toString().isEmpty());
        ids.insert(question.value(QStringLiteral("id")).toString());
        // Blind verification: the stored value never travels.
        QVERIFY(!question.contains(QStringLiteral("answer")));
    }
    QCOMPARE(ids.size(), 3);
    for (const auto &value : m_server.answersOf(QStringLiteral("1"))) {
        if (value.toString().size() > 3)
            QVERIFY(!response.body.contains(value.toString().toUtf8()));
    }
}

void TestApiFlow::correctAnswersInOtherForms_data()
{
    QTest::addColumn<QString>("birthday");
    QTest::addColumn<QString>("secret");
    QTest::addColumn<QString>("employeeId");
    QTest::addColumn<QString>("title");
    QTest::addColumn<QString>("middleInitial");
    QTest::newRow("as stored") << "1986-11-11"
                               << "treasure island"
                               << "E-100001"
                               << "Developer"
                               << "P";
    QTest::newRow("US date, upper case") << "11/11/1986"
                                         << "TREASURE ISLAND"
                                         << "e100001"
                                         << "DEVELOPER"
                                         << "p";
    QTest::newRow("long date, extra spaces") << "November 11, 1986"
                                             << "  Treasure   Island  "
                                             << "E 100001"
                                             << " developer "
                                             << "P.";
    QTest::newRow("day month year") << "11 Nov 1986"
                                    << "treasure\tisland"
                                    << "e-100001"
                                    << "Developer"
                                    << "p.";
}

void TestApiFlow::correctAnswersInOtherForms()
{
    QFETCH(QString, birthday);
    QFETCH(QString, secret);
    QFETCH(QString, employeeId);
    QFETCH(QString, title);
    QFETCH(QString, middleInitial);
    const QHash<QString, QString> typed{{QStringLiteral("birthday"), birthday},
                                        {QStringLiteral("secret"), secret},
                                        {QStringLiteral("employee_id"), employeeId},
                                        {QStringLiteral("title"), title},
                                        {QStringLiteral("middle_initial"), middleInitial}};
    const auto started = start(QStringLiteral("1"), m_tech1);
    QVERIFY2(started.status == 201, started.describe());
    const auto response = answer(started, m_tech1, [&](const QString &field) { return typed.value(field); });
    QVERIFY2(response.status == 200, response.describe());
    QCOMPARE(response.json.value(QStringLiteral("result")).toString(), QStringLiteral("passed"));
    QCOMPARE(response.json.value(QStringLiteral("level")).toInt(), 1);
    QVERIFY(QDateTime::fromString(response.json.value(QStringLiteral("grant_expires_at")).toString(),
                                  Qt::ISODate)
            > QDateTime::currentDateTimeUtc());
}

void TestApiFlow::grantIsPerAgent()
{
    const auto mine = m_server.client().get(QStringLiteral("/v1/profiles/1"), m_tech1);
    QVERIFY2(mine.status == 200, mine.describe());
    QCOMPARE(mine.json.value(QStringLiteral("display_name")).toString(), QStringLiteral("John P. Silver"));
    QCOMPARE(mine.json.value(QStringLiteral("email")).toString(), QStringLiteral("john.silver@acme.example"));
    QCOMPARE(mine.json.value(QStringLiteral("id")).toString(), QStringLiteral("1"));
    for (const auto &value : m_server.answersOf(QStringLiteral("1"))) {
        if (value.toString().size() > 3) // a middle initial is in the display name anyway
            QVERIFY2(!mine.body.contains(value.toString().toUtf8()), mine.body.constData());
    }

    const auto theirs = m_server.client().get(QStringLiteral("/v1/profiles/1"), m_tech2);
    QVERIFY2(theirs.status == 403, theirs.describe());
    QCOMPARE(theirs.errorCode(), QStringLiteral("verification_required"));
    const auto other = m_server.client().get(QStringLiteral("/v1/profiles/2"), m_tech1);
    QVERIFY2(other.status == 403, other.describe());
}

void TestApiFlow::verificationIsAnsweredOnce()
{
    const QString profile = m_withSecret.at(0);
    const auto started = start(profile, m_tech1);
    QVERIFY2(started.status == 201, started.describe());
    const auto first = answer(started, m_tech1, correctFor(profile));
    QVERIFY2(first.status == 200, first.describe());
    const auto second = answer(started, m_tech1, correctFor(profile));
    QVERIFY2(second.status == 410, second.describe());
    QCOMPARE(second.errorCode(), QStringLiteral("verification_expired"));
    const auto failedOnce = start(profile, m_tech1);
    const auto failed = answer(failedOnce, m_tech1, wrong());
    QVERIFY2(failed.status == 200, failed.describe());
    const auto again = answer(failedOnce, m_tech1, correctFor(profile));
    QVERIFY2(again.status == 410, again.describe());
    QCOMPARE(again.errorCode(), QStringLiteral("verification_expired"));
}

void TestApiFlow::otherAgentsVerificationIsInvisible()
{
    const QString profile = m_withSecret.at(1);
    const auto started = start(profile, m_tech1);
    QVERIFY2(started.status == 201, started.describe());
    const auto stolen = answer(started, m_tech2, correctFor(profile));
    QVERIFY2(stolen.status == 404, stolen.describe());
    QCOMPARE(stolen.errorCode(), QStringLiteral("not_found"));
    const auto missing = m_server.client().post(QStringLiteral("/v1/verifications/0123456789abcdef/answers"),
                                                {{QStringLiteral("answers"), QJsonObject{}}}, m_tech1);
    QVERIFY2(missing.status == 404, missing.describe());
    // The owner can still use it: the foreign attempt changed nothing.
    const auto own = answer(started, m_tech1, correctFor(profile));
    QVERIFY2(own.status == 200, own.describe());
    QCOMPARE(own.json.value(QStringLiteral("result")).toString(), QStringLiteral("passed"));
    const auto theirs = m_server.client().get(QStringLiteral("/v1/profiles/") + profile, m_tech2);
    QVERIFY2(theirs.status == 403, theirs.describe());
}

void TestApiFlow::profileWithoutSecret()
{
    const QStringList without = m_server.profileIds(
            [](const QJsonObject &answers) { return !answers.contains(QStringLiteral("secret")); });
    QVERIFY(!without.isEmpty());
    const auto response = start(without.first(), m_tech1);
    QVERIFY2(response.status == 409, response.describe());
    QCOMPARE(response.errorCode(), QStringLiteral("no_user_secret"));
    QVERIFY(!response.json.value(QStringLiteral("message")).toString().isEmpty());
}

void TestApiFlow::retryAvoidsTheLastQuestionSet()
{
    for (int i = 2; i < 6; ++i) {
        const QString profile = m_withSecret.at(i);
        const auto first = start(profile, m_tech1);
        QVERIFY2(first.status == 201, first.describe());
        const auto second = start(profile, m_tech1);
        QVERIFY2(second.status == 201, second.describe());
        const QStringList a = questionFields(first.json.value(QStringLiteral("questions")).toArray());
        const QStringList b = questionFields(second.json.value(QStringLiteral("questions")).toArray());
        QVERIFY(a.contains(QStringLiteral("secret")) && b.contains(QStringLiteral("secret")));
        QVERIFY2(a != b, qPrintable(a.join(QLatin1Char(',')) + QStringLiteral(" asked twice in a row")));
        // And after a failed answer.
        const auto failed = answer(second, m_tech1, wrong());
        QVERIFY2(failed.status == 200, failed.describe());
        const auto third = start(profile, m_tech1);
        QVERIFY2(third.status == 201, third.describe());
        QVERIFY(questionFields(third.json.value(QStringLiteral("questions")).toArray()) != b);
        // Leave the profile unlocked and clean for nobody else; answer the open ones.
        QCOMPARE(answer(third, m_tech1, correctFor(profile)).status, 200);
    }
}

void TestApiFlow::grantExpires()
{
    const QString profile = m_withSecret.at(6);
    QString error;
    QVERIFY2(m_server.setPolicy({QStringLiteral("grant_seconds=2")}, &error), qPrintable(error));
    const auto started = start(profile, m_tech1);
    const auto passed = answer(started, m_tech1, correctFor(profile));
    QVERIFY2(passed.status == 200, passed.describe());
    const auto fresh = m_server.client().get(QStringLiteral("/v1/profiles/") + profile, m_tech1);
    QVERIFY2(fresh.status == 200, fresh.describe());
    QThread::msleep(3000);
    const auto stale = m_server.client().get(QStringLiteral("/v1/profiles/") + profile, m_tech1);
    QVERIFY2(m_server.setPolicy({QStringLiteral("grant_seconds=900")}, &error), qPrintable(error));
    QVERIFY2(stale.status == 403, stale.describe());
    QCOMPARE(stale.errorCode(), QStringLiteral("verification_required"));
}

void TestApiFlow::verificationExpires()
{
    const QString profile = m_withSecret.at(7);
    QString error;
    QVERIFY2(m_server.setPolicy({QStringLiteral("verification_ttl_seconds=1")}, &error), qPrintable(error));
    const auto started = start(profile, m_tech1);
    QVERIFY2(started.status == 201, started.describe());
    QThread::msleep(2000);
    const auto late = answer(started, m_tech1, correctFor(profile));
    QVERIFY2(m_server.setPolicy({QStringLiteral("verification_ttl_seconds=300")}, &error), qPrintable(error));
    QVERIFY2(late.status == 410, late.describe());
    QCOMPARE(late.errorCode(), QStringLiteral("verification_expired"));
    QCOMPARE(late.json.value(QStringLiteral("attempts_remaining")).toInt(), 2);

    const QString id = started.json.value(QStringLiteral("id")).toString();
    const QJsonArray entries = m_server.audit(
            m_auditor, QStringLiteral("limit=1000&action=HELPDESK_UNLOCK_ATTEMPT&profile=") + profile);
    int matching = 0;
    for (const auto &value : entries) {
        const QJsonObject entry = value.toObject();
        if (entry.value(QStringLiteral("verification")).toString() != id)
            continue;
        ++matching;
        QCOMPARE(entry.value(QStringLiteral("outcome")).toString(), QStringLiteral("failed"));
        QCOMPARE(entry.value(QStringLiteral("agent")).toString(), QStringLiteral("tech1"));
    }
    QCOMPARE(matching, 1);
    const auto next = start(profile, m_tech1);
    QVERIFY2(next.status == 201, next.describe());
    QCOMPARE(next.json.value(QStringLiteral("attempts_remaining")).toInt(), 2);
}

void TestApiFlow::supervisorUnblock()
{
    const QString profile = m_withSecret.at(8);
    for (int i = 0; i < 3; ++i) {
        const auto failed = answer(start(profile, m_tech1), m_tech1, wrong());
        QVERIFY2(failed.status == (i < 2 ? 200 : 423), failed.describe());
    }
    QVERIFY2(start(profile, m_tech1).status == 423, "the profile did not lock");
    const auto byTechnician =
            m_server.client().postEmpty(QStringLiteral("/v1/profiles/%1/unblock").arg(profile), m_tech1);
    QVERIFY2(byTechnician.status == 403, byTechnician.describe());
    QVERIFY2(start(profile, m_tech1).status == 423, "a technician's unblock had an effect");
    const auto bySupervisor =
            m_server.client().postEmpty(QStringLiteral("/v1/profiles/%1/unblock").arg(profile), m_super1);
    QVERIFY2(bySupervisor.status == 204, bySupervisor.describe());
    QVERIFY(bySupervisor.body.isEmpty());
    const auto after = start(profile, m_tech1);
    QVERIFY2(after.status == 201, after.describe());
    QCOMPARE(after.json.value(QStringLiteral("attempts_remaining")).toInt(), 3);

    const QJsonArray entries =
            m_server.audit(m_auditor, QStringLiteral("action=PROFILE_UNBLOCKED&profile=") + profile);
    QCOMPARE(entries.size(), 1);
    QCOMPARE(entries.first().toObject().value(QStringLiteral("agent")).toString(), QStringLiteral("super1"));
}

void TestApiFlow::auditListing()
{
    const QJsonArray views = m_server.audit(m_auditor, QStringLiteral("action=PROFILE_VIEWED"));
    QVERIFY(!views.isEmpty());
    bool found = false;
    for (const auto &value : views) {
        const QJsonObject entry = value.toObject();
        QCOMPARE(entry.value(QStringLiteral("action")).toString(), QStringLiteral("PROFILE_VIEWED"));
        found = found
                || (entry.value(QStringLiteral("profile")).toString() == QLatin1String("1")
                    && entry.value(QStringLiteral("agent")).toString() == QLatin1String("tech1"));
        QVERIFY(entry.value(QStringLiteral("seq")).toInteger() > 0);
        QVERIFY(!entry.value(QStringLiteral("at")).toString().isEmpty());
    }
    QVERIFY(found);
    const auto asTechnician =
            m_server.client().get(QStringLiteral("/v1/audit?action=PROFILE_VIEWED"), m_tech1);
    QVERIFY2(asTechnician.status == 403, asTechnician.describe());
    const auto asSupervisor =
            m_server.client().get(QStringLiteral("/v1/audit?action=PROFILE_VIEWED"), m_super1);
    QVERIFY2(asSupervisor.status == 200, asSupervisor.describe());
    const auto badAfter = m_server.client().get(QStringLiteral("/v1/audit?after=x"), m_auditor);
    QVERIFY2(badAfter.status == 400, badAfter.describe());
    const QJsonArray byAgent = m_server.audit(m_auditor, QStringLiteral("agent=tech2&limit=1000"));
    QVERIFY(!byAgent.isEmpty());
    QCOMPARE(countEntries(byAgent, QStringLiteral("agent"), QStringLiteral("tech2")), byAgent.size());
}

void TestApiFlow::signedPolicy()
{
    const auto response = m_server.client().get(QStringLiteral("/v1/policy"), m_tech1);
    QVERIFY2(response.status == 200, response.describe());
    const QByteArray policy =
            QByteArray::fromBase64(response.json.value(QStringLiteral("policy")).toString().toLatin1());
    const QByteArray signature =
            QByteArray::fromBase64(response.json.value(QStringLiteral("signature")).toString().toLatin1());
    const QByteArray key =
            QByteArray::fromBase64(response.json.value(QStringLiteral("key")).toString().toLatin1());
    QCOMPARE(key.size(), vigil::SigningKey::publicKeySize);
    QCOMPARE(signature.size(), vigil::SigningKey::signatureSize);
    QVERIFY(vigil::SigningKey::verify(key, policy, signature));
    QByteArray altered = policy;
    altered[altered.size() / 2] = static_cast<char>(altered.at(altered.size() / 2) ^ 1);
    QVERIFY(!vigil::SigningKey::verify(key, altered, signature));
    const QJsonObject json = QJsonDocument::fromJson(policy).object();
    QCOMPARE(json.value(QStringLiteral("max_failed_attempts")).toInt(), 3);
    QCOMPARE(json.value(QStringLiteral("question_count")).toInt(), 3);
    QCOMPARE(json.value(QStringLiteral("grant_seconds")).toInt(), 900);
    const auto anonymous = m_server.client().get(QStringLiteral("/v1/policy"));
    QVERIFY2(anonymous.status == 401, anonymous.describe());
}

void TestApiFlow::adminSetsSecret()
{
    const QString profile = m_withSecret.at(9);
    const QByteArray admin = m_server.login(QStringLiteral("admin"));
    QVERIFY2(!admin.isEmpty(), "the admin password printed by init does not log in");
    const QJsonObject body{{QStringLiteral("secret"), QStringLiteral("copper lighthouse")}};
    const auto byTechnician =
            m_server.client().put(QStringLiteral("/v1/profiles/%1/secret").arg(profile), body, m_tech1);
    QVERIFY2(byTechnician.status == 403, byTechnician.describe());
    const auto bySupervisor =
            m_server.client().put(QStringLiteral("/v1/profiles/%1/secret").arg(profile), body, m_super1);
    QVERIFY2(bySupervisor.status == 403, bySupervisor.describe());
    const auto tooShort = m_server.client().put(QStringLiteral("/v1/profiles/%1/secret").arg(profile),
                                                {{QStringLiteral("secret"), QStringLiteral("ab")}}, admin);
    QVERIFY2(tooShort.status == 400, tooShort.describe());
    const auto saved =
            m_server.client().put(QStringLiteral("/v1/profiles/%1/secret").arg(profile), body, admin);
    QVERIFY2(saved.status == 204, saved.describe());

    const auto correct = correctFor(profile);
    const auto oldSecret = answer(start(profile, m_tech1), m_tech1, correct);
    QVERIFY2(oldSecret.status == 200, oldSecret.describe());
    QCOMPARE(oldSecret.json.value(QStringLiteral("result")).toString(), QStringLiteral("failed"));
    const auto newSecret = answer(start(profile, m_tech1), m_tech1, [&](const QString &field) {
        return field == QLatin1String("secret") ? QStringLiteral("Copper Lighthouse") : correct(field);
    });
    QVERIFY2(newSecret.status == 200, newSecret.describe());
    QCOMPARE(newSecret.json.value(QStringLiteral("result")).toString(), QStringLiteral("passed"));

    // A profile that had no secret can be given one, and is then verifiable.
    const QStringList without = m_server.profileIds(
            [](const QJsonObject &answers) { return !answers.contains(QStringLiteral("secret")); });
    const auto enrolled =
            m_server.client().put(QStringLiteral("/v1/profiles/%1/secret").arg(without.first()), body, admin);
    QVERIFY2(enrolled.status == 204, enrolled.describe());
    const auto nowVerifiable = start(without.first(), m_tech1);
    QVERIFY2(nowVerifiable.status == 201, nowVerifiable.describe());

    const QJsonArray saves = m_server.audit(m_auditor, QStringLiteral("action=SECRET_WORD_SAVED"));
    QCOMPARE(saves.size(), 2);
    QCOMPARE(saves.first().toObject().value(QStringLiteral("agent")).toString(), QStringLiteral("admin"));
    QCOMPARE(saves.first().toObject().value(QStringLiteral("profile")).toString(), profile);
}

void TestApiFlow::logout()
{
    const QByteArray token = m_server.login(QStringLiteral("tech2"));
    QVERIFY(!token.isEmpty());
    QCOMPARE(m_server.client().get(QStringLiteral("/v1/profiles?q=silver"), token).status, 200);
    const auto response = m_server.client().postEmpty(QStringLiteral("/v1/auth/logout"), token);
    QVERIFY2(response.status == 204, response.describe());
    const auto after = m_server.client().get(QStringLiteral("/v1/profiles?q=silver"), token);
    QVERIFY2(after.status == 401, after.describe());
    QCOMPARE(after.errorCode(), QStringLiteral("unauthorized"));
    // Other sessions of the same agent are untouched.
    QCOMPARE(m_server.client().get(QStringLiteral("/v1/profiles?q=silver"), m_tech2).status, 200);
}

QTEST_GUILESS_MAIN(TestApiFlow)
#include "test_api_flow.moc"
