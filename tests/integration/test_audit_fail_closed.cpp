// Principle 4 against the real server: when the audit entry cannot be written, nothing is
// evaluated and nothing changes. The audit is broken from outside with a trigger on audit_log.
#include "TestServer.h"

#include <QJsonArray>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace vigil::test;

namespace {
const QString kConnection = QStringLiteral("fail-closed-test");
} // namespace

class TestAuditFailClosed : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void wrongAnswerWithoutAudit();
    void correctAnswerWithoutAudit();
    void otherWritesWithoutAudit();

private:
    bool blockAudit(bool block);
    QVariant scalar(const QString &sql, const QVariantList &values = {});
    HttpResponse start(const QString &profile) const;
    HttpResponse answer(const HttpResponse &started, const QString &profile, bool correct) const;

    QTemporaryDir m_dir;
    TestServer m_server;
    QByteArray m_tech1;
    QStringList m_profiles;
};

void TestAuditFailClosed::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QVERIFY2(!TestServer::binary().isEmpty(), "VIGIL_SERVER_BIN is not set");
    QString error;
    QVERIFY2(m_server.createDemo(m_dir.filePath(QStringLiteral("data")), 20, &error), qPrintable(error));
    QVERIFY2(m_server.start(&error), qPrintable(error));
    m_tech1 = m_server.login(QStringLiteral("tech1"));
    QVERIFY(!m_tech1.isEmpty());
    m_profiles = m_server.profileIds(
            [](const QJsonObject &answers) { return answers.contains(QStringLiteral("secret")); });
    QVERIFY(m_profiles.size() >= 3);
    auto db = m_server.openStore(kConnection);
    QVERIFY2(db.isOpen(), qPrintable(db.lastError().text()));
}

void TestAuditFailClosed::cleanupTestCase()
{
    QSqlDatabase::database(kConnection, false).close();
    QSqlDatabase::removeDatabase(kConnection);
    QCOMPARE(m_server.stop(), 0);
}

bool TestAuditFailClosed::blockAudit(bool block)
{
    QSqlQuery query(QSqlDatabase::database(kConnection, false));
    bool ok = false;
    if (m_server.usesPostgres()) {
        ok = block ? query.exec(QStringLiteral(
                             "CREATE OR REPLACE FUNCTION block_audit() RETURNS trigger LANGUAGE plpgsql AS"
                             " $$ BEGIN RAISE EXCEPTION 'audit disabled'; END $$"))
                        && query.exec(QStringLiteral("CREATE TRIGGER block_audit BEFORE INSERT ON audit_log"
                                                     " FOR EACH ROW EXECUTE FUNCTION block_audit()"))
                   : query.exec(QStringLiteral("DROP TRIGGER block_audit ON audit_log"));
    } else {
        ok = query.exec(block ? QStringLiteral("CREATE TRIGGER block_audit BEFORE INSERT ON audit_log"
                                               " BEGIN SELECT RAISE(ABORT, 'audit disabled'); END")
                              : QStringLiteral("DROP TRIGGER block_audit"));
    }
    if (!ok)
        qWarning() << query.lastError().text();
    return ok;
}

QVariant TestAuditFailClosed::scalar(const QString &sql, const QVariantList &values)
{
    QSqlQuery query(QSqlDatabase::database(kConnection, false));
    query.prepare(sql);
    for (const auto &value : values)
        query.addBindValue(value);
    if (!query.exec() || !query.next()) {
        qWarning() << sql << query.lastError().text();
        return {};
    }
    return query.value(0);
}

HttpResponse TestAuditFailClosed::start(const QString &profile) const
{
    return m_server.client().postEmpty(QStringLiteral("/v1/profiles/%1/verifications").arg(profile), m_tech1);
}

HttpResponse TestAuditFailClosed::answer(const HttpResponse &started, const QString &profile,
                                         bool correct) const
{
    const QJsonObject answers = m_server.answersOf(profile);
    return m_server.client().post(QStringLiteral("/v1/verifications/%1/answers")
                                          .arg(started.json.value(QStringLiteral("id")).toString()),
                                  answersBody(started.json.value(QStringLiteral("questions")).toArray(),
                                              [&](const QString &field) {
                                                  return correct ? answers.value(field).toString()
                                                                 : QStringLiteral("zebra-quartz-1234");
                                              }),
                                  m_tech1);
}

void TestAuditFailClosed::wrongAnswerWithoutAudit()
{
    const QString profile = m_profiles.at(0);
    const auto started = start(profile);
    QVERIFY2(started.status == 201, started.describe());
    const QString id = started.json.value(QStringLiteral("id")).toString();
    const QVariant entriesBefore = scalar(QStringLiteral("SELECT COUNT(*) FROM audit_log"));

    QVERIFY(blockAudit(true));
    for (int i = 0; i < 4; ++i) { // more than max_failed_attempts: none of them may count
        const auto refused = answer(started, profile, false);
        QVERIFY2(refused.status == 503, refused.describe());
        QCOMPARE(refused.errorCode(), QStringLiteral("unavailable"));
    }
    QCOMPARE(scalar(QStringLiteral("SELECT failed_count FROM profiles WHERE id = ?"), {profile}).toInt(), 0);
    QVERIFY(scalar(QStringLiteral("SELECT locked_until FROM profiles WHERE id = ?"), {profile}).isNull());
    QCOMPARE(scalar(QStringLiteral("SELECT state FROM verifications WHERE id = ?"), {id}).toString(),
             QStringLiteral("open"));
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM audit_log")), entriesBefore);
    QVERIFY(blockAudit(false));

    const auto answered = answer(started, profile, false);
    QVERIFY2(answered.status == 200, answered.describe());
    QCOMPARE(answered.json.value(QStringLiteral("result")).toString(), QStringLiteral("failed"));
    QCOMPARE(answered.json.value(QStringLiteral("attempts_remaining")).toInt(), 2);
    QCOMPARE(scalar(QStringLiteral("SELECT failed_count FROM profiles WHERE id = ?"), {profile}).toInt(), 1);
}

void TestAuditFailClosed::correctAnswerWithoutAudit()
{
    const QString profile = m_profiles.at(1);
    const auto started = start(profile);
    QVERIFY2(started.status == 201, started.describe());
    const QString id = started.json.value(QStringLiteral("id")).toString();

    QVERIFY(blockAudit(true));
    const auto refused = answer(started, profile, true);
    QVERIFY2(refused.status == 503, refused.describe());
    QCOMPARE(refused.errorCode(), QStringLiteral("unavailable"));
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM grants WHERE verification_id = ?"), {id}).toInt(),
             0);
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM grants WHERE profile_id = ?"), {profile}).toInt(),
             0);
    QCOMPARE(scalar(QStringLiteral("SELECT state FROM verifications WHERE id = ?"), {id}).toString(),
             QStringLiteral("open"));
    const auto view = m_server.client().get(QStringLiteral("/v1/profiles/") + profile, m_tech1);
    QVERIFY2(view.status == 403, view.describe());
    QVERIFY(blockAudit(false));

    const auto passed = answer(started, profile, true);
    QVERIFY2(passed.status == 200, passed.describe());
    QCOMPARE(passed.json.value(QStringLiteral("result")).toString(), QStringLiteral("passed"));
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM grants WHERE verification_id = ?"), {id}).toInt(),
             1);

    // With a live grant, the view itself is audited first: no audit, no profile.
    QVERIFY(blockAudit(true));
    const auto blindView = m_server.client().get(QStringLiteral("/v1/profiles/") + profile, m_tech1);
    QVERIFY(blockAudit(false));
    QVERIFY2(blindView.status == 503, blindView.describe());
    QVERIFY(!blindView.body.contains("email\""));
    const auto view2 = m_server.client().get(QStringLiteral("/v1/profiles/") + profile, m_tech1);
    QVERIFY2(view2.status == 200, view2.describe());
}

void TestAuditFailClosed::otherWritesWithoutAudit()
{
    const QString profile = m_profiles.at(2);
    QVERIFY(blockAudit(true));
    const auto startRefused = start(profile);
    const auto loginRefused = m_server.client().post(
            QStringLiteral("/v1/auth/login"),
            {{QStringLiteral("username"), QStringLiteral("tech2")},
             {QStringLiteral("password"), m_server.password(QStringLiteral("tech2"))}});
    const qlonglong verifications =
            scalar(QStringLiteral("SELECT COUNT(*) FROM verifications WHERE profile_id = ?"), {profile})
                    .toLongLong();
    const qlonglong sessions = scalar(QStringLiteral("SELECT COUNT(*) FROM sessions")).toLongLong();
    QVERIFY(blockAudit(false));
    QVERIFY2(startRefused.status == 503, startRefused.describe());
    QVERIFY2(loginRefused.status == 503, loginRefused.describe());
    QCOMPARE(verifications, 0);
    QCOMPARE(sessions, 1); // only tech1's
    QVERIFY(m_server.isRunning());
    const auto verify = m_server.cli({QStringLiteral("audit"), QStringLiteral("verify")});
    QVERIFY2(verify.exitCode == 0, verify.output().constData());
}

QTEST_GUILESS_MAIN(TestAuditFailClosed)
#include "test_audit_fail_closed.moc"
