// The notification outbox against the real server: with the SMTP relay down a queued code stays
// unsent, is retried with backoff and audited as failed; once the relay is up it is delivered
// exactly once, across server restarts.
#include "DataDirectory.h"
#include "SmtpSink.h"
#include "TestServer.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace vigil::test;

namespace {
struct OutboxRow
{
    bool found = false;
    int attempts = 0;
    bool sent = false;
    QString lastError;
};
} // namespace

class TestOutboxDelivery : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void retriesUntilRelayIsUpThenSendsOnce();
    void severalRowsEachSentOnce();

private:
    QString passVerification(const QString &profileId) const;
    QString requestCode(const QString &verificationId) const;
    OutboxRow row(const QString &dedupeKey) const;
    QJsonArray auditAction(const QString &action) const;
    bool waitForAudit(const QString &action, qsizetype count, int timeoutMs) const;

    QTemporaryDir m_dir;
    TestServer m_server;
    std::unique_ptr<SmtpSink> m_sink;
    quint16 m_smtpPort = 0;
    QByteArray m_tech1;
    QByteArray m_auditor;
    QStringList m_profiles;
};

void TestOutboxDelivery::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QString error;
    QVERIFY2(m_server.createDemo(m_dir.filePath(QStringLiteral("data")), 20, &error), qPrintable(error));
    m_smtpPort = SmtpSink::freePort(); // nothing listens there until the sink starts
    QVERIFY(m_smtpPort != 0);
    const auto configured = m_server.cli({QStringLiteral("notify"), QStringLiteral("set"),
                                          QStringLiteral("smtp_url=smtp://127.0.0.1:%1").arg(m_smtpPort),
                                          QStringLiteral("smtp_from=vigil@acme.example")});
    QVERIFY2(configured.exitCode == 0, configured.output());
    m_sink = std::make_unique<SmtpSink>(m_dir.filePath(QStringLiteral("maildir")));
    m_server.setExtraServeArguments({QStringLiteral("--outbox-interval"), QStringLiteral("1")});
    QVERIFY2(m_server.start(&error), qPrintable(error));
    m_tech1 = m_server.login(QStringLiteral("tech1"));
    m_auditor = m_server.login(QStringLiteral("audit1"));
    QVERIFY(!m_tech1.isEmpty() && !m_auditor.isEmpty());
    m_profiles = m_server.profileIds(
            [](const QJsonObject &answers) { return answers.contains(QStringLiteral("secret")); });
    QVERIFY(m_profiles.size() >= 2);
}

void TestOutboxDelivery::cleanupTestCase()
{
    if (m_server.isRunning())
        QCOMPARE(m_server.stop(), 0);
    if (m_sink)
        m_sink->stop();
}

QString TestOutboxDelivery::passVerification(const QString &profileId) const
{
    return m_server.passVerification(profileId, m_tech1);
}

QString TestOutboxDelivery::requestCode(const QString &verificationId) const
{
    const auto sent = m_server.client().post(QStringLiteral("/v1/verifications/%1/otp").arg(verificationId),
                                             {{QStringLiteral("channel"), QStringLiteral("email")}}, m_tech1);
    return sent.status == 201 ? sent.json.value(QStringLiteral("challenge_id")).toString() : QString();
}

OutboxRow TestOutboxDelivery::row(const QString &dedupeKey) const
{
    OutboxRow result;
    {
        auto db = m_server.openStore(QStringLiteral("outbox-read"));
        if (db.isOpen()) {
            QSqlQuery query(db);
            query.prepare(
                    QStringLiteral("SELECT attempts, sent_at, last_error FROM outbox WHERE dedupe_key = ?"));
            query.addBindValue(dedupeKey);
            if (query.exec() && query.next()) {
                result.found = true;
                result.attempts = query.value(0).toInt();
                result.sent = !query.value(1).isNull();
                result.lastError = query.value(2).toString();
            }
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("outbox-read"));
    return result;
}

QJsonArray TestOutboxDelivery::auditAction(const QString &action) const
{
    return m_server.audit(m_auditor, QStringLiteral("limit=1000&action=") + action);
}

bool TestOutboxDelivery::waitForAudit(const QString &action, qsizetype count, int timeoutMs) const
{
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < timeoutMs) {
        if (auditAction(action).size() >= count)
            return true;
        QTest::qWait(250);
    }
    return false;
}

void TestOutboxDelivery::retriesUntilRelayIsUpThenSendsOnce()
{
    const QString verification = passVerification(m_profiles.at(0));
    QVERIFY(!verification.isEmpty());
    const QString challenge = requestCode(verification);
    QVERIFY(!challenge.isEmpty());
    const QString key = QStringLiteral("otp:") + challenge;

    QVERIFY(waitForAudit(QStringLiteral("NOTIFICATION_FAILED"), 1, 10000));
    const OutboxRow failing = row(key);
    QVERIFY(failing.found);
    QVERIFY(!failing.sent);
    QVERIFY(failing.attempts >= 1);
    QVERIFY(!failing.lastError.isEmpty());
    QVERIFY(!failing.lastError.contains(QStringLiteral("code is")));
    const QJsonObject details = auditAction(QStringLiteral("NOTIFICATION_FAILED"))
                                        .at(0)
                                        .toObject()
                                        .value(QStringLiteral("details"))
                                        .toObject();
    QCOMPARE(details.value(QStringLiteral("dedupe_key")).toString(), key);
    QCOMPARE(details.value(QStringLiteral("channel")).toString(), QStringLiteral("email"));
    QVERIFY(details.value(QStringLiteral("recipient_hint")).toString().contains(QStringLiteral("***@")));
    QVERIFY(details.value(QStringLiteral("attempt")).toInt() >= 1);
    QVERIFY(m_sink->messages().isEmpty());

    // Restart mid-way: the row survives in the store, and the relay comes up meanwhile.
    QCOMPARE(m_server.stop(), 0);
    QString error;
    QVERIFY2(m_sink->start(m_smtpPort, &error), qPrintable(error));
    QVERIFY2(m_server.start(&error), qPrintable(error));

    const auto delivered = m_sink->waitForMessages(1, 20000);
    QCOMPARE(delivered.size(), 1);
    QVERIFY(QRegularExpression(QStringLiteral("your code is \\d{6}\\."))
                    .match(QString::fromUtf8(delivered.at(0)))
                    .hasMatch());
    // Well past several retry intervals, then a restart: still exactly one.
    QTest::qWait(5000);
    QCOMPARE(m_server.stop(), 0);
    QVERIFY2(m_server.start(&error), qPrintable(error));
    QTest::qWait(4000);
    QCOMPARE(m_sink->messages().size(), 1);
    const OutboxRow done = row(key);
    QVERIFY(done.sent);
    QVERIFY(done.attempts >= 2);
    QCOMPARE(auditAction(QStringLiteral("NOTIFICATION_SENT")).size(), 1);
}

void TestOutboxDelivery::severalRowsEachSentOnce()
{
    const qsizetype before = m_sink->messages().size();
    const QString verification = passVerification(m_profiles.at(1));
    QVERIFY(!verification.isEmpty());
    QStringList keys;
    for (int i = 0; i < 3; ++i) {
        const QString challenge = requestCode(verification);
        QVERIFY(!challenge.isEmpty());
        keys.append(QStringLiteral("otp:") + challenge);
    }
    const auto delivered = m_sink->waitForMessages(before + 3, 15000);
    QCOMPARE(delivered.size(), before + 3);
    QTest::qWait(4000);
    const auto settled = m_sink->messages();
    QCOMPARE(settled.size(), before + 3);
    QSet<QByteArray> messageIds;
    static const QRegularExpression idPattern(QStringLiteral("\\nMessage-ID: (<[^>]+>)"));
    for (const auto &message : settled)
        messageIds.insert(idPattern.match(QString::fromUtf8(message)).captured(1).toUtf8());
    QCOMPARE(messageIds.size(), settled.size());
    for (const auto &key : keys)
        QVERIFY(row(key).sent);
    QCOMPARE(auditAction(QStringLiteral("NOTIFICATION_SENT")).size(), before + 3);
}

QTEST_GUILESS_MAIN(TestOutboxDelivery)
#include "test_outbox_delivery.moc"
