// Step-up by one-time code against the real server and a real SMTP server: the code travels
// through the outbox as e-mail, is read back from the delivered message, raises the
// verification to level 2 once, counts wrong and expired codes in the shared lockout, and is
// never stored, logged or audited in plaintext.
#include "DataDirectory.h"
#include "DataKey.h"
#include "SmtpSink.h"
#include "TestServer.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace vigil::test;

class TestOtpStepUp : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void emailedCodeRaisesLevel();
    void refusesWithoutPassedVerification();
    void wrongCodesCountTowardLockout();
    void expiredCodeCountsAsFailure();
    void codeNeverStoredInPlaintext();

private:
    QString passVerification(const QString &profileId) const;
    HttpResponse requestCode(const QString &verificationId,
                             const QString &channel = QStringLiteral("email")) const;
    HttpResponse submit(const QString &verificationId, const QString &challengeId, const QString &code) const;
    // Waits for the next message and returns the code it carries (empty on timeout).
    QString nextCode(QByteArray *message = nullptr);
    QJsonArray auditFor(const QString &profileId) const;

    QTemporaryDir m_dir;
    TestServer m_server;
    std::unique_ptr<SmtpSink> m_sink;
    QByteArray m_tech1;
    QByteArray m_auditor;
    QStringList m_profiles;
    QStringList m_codes; // every code delivered, for the plaintext scan
    QStringList m_challenges;
    qsizetype m_seenMessages = 0;
};

void TestOtpStepUp::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QString error;
    QVERIFY2(m_server.createDemo(m_dir.filePath(QStringLiteral("data")), 30, &error), qPrintable(error));
    QVERIFY2(m_server.setPolicy({QStringLiteral("max_failed_attempts=3")}, &error), qPrintable(error));
    const quint16 smtpPort = SmtpSink::freePort();
    QVERIFY(smtpPort != 0);
    m_sink = std::make_unique<SmtpSink>(m_dir.filePath(QStringLiteral("maildir")));
    QVERIFY2(m_sink->start(smtpPort, &error), qPrintable(error));
    const auto bad = m_server.cli(
            {QStringLiteral("notify"), QStringLiteral("set"), QStringLiteral("smtp_url=ftp://127.0.0.1:1")});
    QCOMPARE(bad.exitCode, 2);
    const auto configured = m_server.cli({QStringLiteral("notify"), QStringLiteral("set"),
                                          QStringLiteral("smtp_url=smtp://127.0.0.1:%1").arg(smtpPort),
                                          QStringLiteral("smtp_from=vigil@acme.example")});
    QVERIFY2(configured.exitCode == 0, configured.output());
    const auto shown = m_server.cli({QStringLiteral("notify"), QStringLiteral("show")});
    QVERIFY2(shown.exitCode == 0 && shown.out.contains("vigil@acme.example"), shown.output());
    m_server.setExtraServeArguments({QStringLiteral("--outbox-interval"), QStringLiteral("1")});
    QVERIFY2(m_server.start(&error), qPrintable(error));
    m_tech1 = m_server.login(QStringLiteral("tech1"));
    m_auditor = m_server.login(QStringLiteral("audit1"));
    QVERIFY(!m_tech1.isEmpty() && !m_auditor.isEmpty());
    m_profiles = m_server.profileIds(
            [](const QJsonObject &answers) { return answers.contains(QStringLiteral("secret")); });
    QVERIFY(m_profiles.size() >= 4);
}

void TestOtpStepUp::cleanupTestCase()
{
    if (m_server.isRunning())
        QCOMPARE(m_server.stop(), 0);
    if (m_sink)
        m_sink->stop();
}

QString TestOtpStepUp::passVerification(const QString &profileId) const
{
    return m_server.passVerification(profileId, m_tech1);
}

HttpResponse TestOtpStepUp::requestCode(const QString &verificationId, const QString &channel) const
{
    return m_server.client().post(QStringLiteral("/v1/verifications/%1/otp").arg(verificationId),
                                  {{QStringLiteral("channel"), channel}}, m_tech1);
}

HttpResponse TestOtpStepUp::submit(const QString &verificationId, const QString &challengeId,
                                   const QString &code) const
{
    return m_server.client().post(
            QStringLiteral("/v1/verifications/%1/otp/%2").arg(verificationId, challengeId),
            {{QStringLiteral("code"), code}}, m_tech1);
}

QString TestOtpStepUp::nextCode(QByteArray *message)
{
    // Lock and unblock notices reach the same mailbox; skip them to the next code.
    static const QRegularExpression pattern(QStringLiteral("your code is (\\d{6})\\."));
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < 20000) {
        const auto messages = m_sink->waitForMessages(m_seenMessages + 1, 20000 - int(timer.elapsed()));
        if (messages.size() <= m_seenMessages)
            return {};
        const QByteArray latest = messages.at(m_seenMessages);
        ++m_seenMessages;
        const auto match = pattern.match(QString::fromUtf8(latest));
        if (!match.hasMatch())
            continue;
        if (message)
            *message = latest;
        m_codes.append(match.captured(1));
        return match.captured(1);
    }
    return {};
}

QJsonArray TestOtpStepUp::auditFor(const QString &profileId) const
{
    return m_server.audit(m_auditor, QStringLiteral("limit=1000&profile=") + profileId);
}

void TestOtpStepUp::emailedCodeRaisesLevel()
{
    const QString profile = m_profiles.at(0);
    const QString verification = passVerification(profile);
    QVERIFY(!verification.isEmpty());
    const auto sent = requestCode(verification);
    QVERIFY2(sent.status == 201, sent.describe());
    const QString challenge = sent.json.value(QStringLiteral("challenge_id")).toString();
    m_challenges.append(challenge);
    QCOMPARE(sent.json.value(QStringLiteral("channel")).toString(), QStringLiteral("email"));
    const QString hint = sent.json.value(QStringLiteral("destination_hint")).toString();
    QVERIFY2(hint.contains(QStringLiteral("***@")), qPrintable(hint));
    QVERIFY(!sent.json.value(QStringLiteral("expires_at")).toString().isEmpty());
    QVERIFY(!sent.body.contains("code\":"));

    QByteArray message;
    const QString code = nextCode(&message);
    QVERIFY2(!code.isEmpty(), message.constData());
    // Proper headers; the recipient is the address on record, which the hint masks.
    for (const QByteArray &header :
         {QByteArray("\nFrom: vigil@acme.example"), QByteArray("\nSubject: "), QByteArray("\nDate: "),
          QByteArray("\nMessage-ID: <"), QByteArray("\nContent-Type: text/plain; charset=utf-8")})
        QVERIFY2(QByteArray("\n" + message).contains(header), header.constData());
    const QByteArray domain = hint.mid(hint.indexOf(QLatin1Char('@'))).toUtf8();
    QVERIFY2(QRegularExpression(
                     QStringLiteral("\\nTo: %1[^\\n]*%2")
                             .arg(hint.left(1), QRegularExpression::escape(QString::fromUtf8(domain))))
                     .match(QString::fromUtf8(message))
                     .hasMatch(),
             message.constData());
    QVERIFY(message.contains("Only read it to the help desk agent who called you"));

    const auto passed = submit(verification, challenge, code);
    QVERIFY2(passed.status == 200, passed.describe());
    QCOMPARE(passed.json.value(QStringLiteral("result")).toString(), QStringLiteral("passed"));
    QCOMPARE(passed.json.value(QStringLiteral("level")).toInt(), 2);

    const auto reused = submit(verification, challenge, code);
    QVERIFY2(reused.status == 410, reused.describe());
    QCOMPARE(reused.errorCode(), QStringLiteral("challenge_used"));

    const auto view = m_server.client().get(QStringLiteral("/v1/profiles/") + profile, m_tech1);
    QVERIFY2(view.status == 200, view.describe());

    // Another agent cannot use this verification at all.
    const QByteArray tech2 = m_server.login(QStringLiteral("tech2"));
    if (!tech2.isEmpty()) {
        const auto foreign =
                m_server.client().post(QStringLiteral("/v1/verifications/%1/otp").arg(verification),
                                       {{QStringLiteral("channel"), QStringLiteral("email")}}, tech2);
        QVERIFY2(foreign.status == 404, foreign.describe());
    }

    const QJsonArray entries = auditFor(profile);
    QCOMPARE(countEntries(entries, QStringLiteral("action"), QStringLiteral("STEPUP_CODE_SENT")), 1);
    int passedAttempts = 0;
    for (const auto &value : entries) {
        const QJsonObject entry = value.toObject();
        if (entry.value(QStringLiteral("action")).toString() == QLatin1String("STEPUP_ATTEMPT")
            && entry.value(QStringLiteral("outcome")).toString() == QLatin1String("passed"))
            ++passedAttempts;
        QVERIFY(!QJsonDocument(entry).toJson().contains(code.toUtf8()));
    }
    QCOMPARE(passedAttempts, 1);
    const auto notifications =
            m_server.audit(m_auditor, QStringLiteral("action=NOTIFICATION_SENT&limit=100"));
    QCOMPARE(notifications.size(), 1);
    const QJsonObject details = notifications.at(0).toObject().value(QStringLiteral("details")).toObject();
    QCOMPARE(details.value(QStringLiteral("dedupe_key")).toString(), QStringLiteral("otp:") + challenge);
    QCOMPARE(details.value(QStringLiteral("recipient_hint")).toString(), hint);
}

void TestOtpStepUp::refusesWithoutPassedVerification()
{
    const auto started = m_server.client().postEmpty(
            QStringLiteral("/v1/profiles/%1/verifications").arg(m_profiles.at(3)), m_tech1);
    QVERIFY2(started.status == 201, started.describe());
    const auto refused = requestCode(started.json.value(QStringLiteral("id")).toString());
    QVERIFY2(refused.status == 403, refused.describe());
    QCOMPARE(refused.errorCode(), QStringLiteral("verification_required"));
    const auto badChannel =
            requestCode(started.json.value(QStringLiteral("id")).toString(), QStringLiteral("fax"));
    QVERIFY2(badChannel.status == 400, badChannel.describe());
}

void TestOtpStepUp::wrongCodesCountTowardLockout()
{
    const QString profile = m_profiles.at(1);
    const QString verification = passVerification(profile);
    QVERIFY(!verification.isEmpty());
    const auto sent = requestCode(verification);
    QVERIFY2(sent.status == 201, sent.describe());
    const QString challenge = sent.json.value(QStringLiteral("challenge_id")).toString();
    m_challenges.append(challenge);
    const QString code = nextCode();
    QVERIFY(!code.isEmpty());
    const QString wrong = QStringLiteral("%1").arg((code.toInt() + 1) % 1000000, 6, 10, QLatin1Char('0'));

    for (int remaining : {2, 1}) {
        const auto failed = submit(verification, challenge, wrong);
        QVERIFY2(failed.status == 200, failed.describe());
        QCOMPARE(failed.json.value(QStringLiteral("result")).toString(), QStringLiteral("failed"));
        QCOMPARE(failed.json.value(QStringLiteral("attempts_remaining")).toInt(), remaining);
    }
    const auto locked = submit(verification, challenge, wrong);
    QVERIFY2(locked.status == 423, locked.describe());
    QCOMPARE(locked.errorCode(), QStringLiteral("profile_locked"));
    // The right code after the lock is refused unevaluated.
    const auto late = submit(verification, challenge, code);
    QVERIFY2(late.status == 423, late.describe());
    const auto another = requestCode(verification);
    QVERIFY2(another.status == 423, another.describe());

    const QJsonArray entries = auditFor(profile);
    QCOMPARE(countEntries(entries, QStringLiteral("action"), QStringLiteral("PROFILE_LOCKED")), 1);
    int failed = 0;
    for (const auto &value : entries) {
        const QJsonObject entry = value.toObject();
        if (entry.value(QStringLiteral("action")).toString() == QLatin1String("STEPUP_ATTEMPT")
            && entry.value(QStringLiteral("outcome")).toString() == QLatin1String("failed"))
            ++failed;
    }
    QCOMPARE(failed, 3);
}

void TestOtpStepUp::expiredCodeCountsAsFailure()
{
    QCOMPARE(m_server.stop(), 0);
    m_server.setExtraServeArguments({QStringLiteral("--outbox-interval"), QStringLiteral("1"),
                                     QStringLiteral("--otp-ttl"), QStringLiteral("2")});
    QString error;
    QVERIFY2(m_server.start(&error), qPrintable(error));
    const QString profile = m_profiles.at(2);
    const QString verification = passVerification(profile);
    QVERIFY(!verification.isEmpty());
    const auto sent = requestCode(verification);
    QVERIFY2(sent.status == 201, sent.describe());
    const QString challenge = sent.json.value(QStringLiteral("challenge_id")).toString();
    m_challenges.append(challenge);
    const QString code = nextCode();
    QVERIFY(!code.isEmpty());
    QTest::qWait(3000);
    const auto expired = submit(verification, challenge, code);
    QVERIFY2(expired.status == 410, expired.describe());
    QCOMPARE(expired.errorCode(), QStringLiteral("challenge_expired"));
    QCOMPARE(expired.json.value(QStringLiteral("attempts_remaining")).toInt(), 2);
    const auto again = submit(verification, challenge, code);
    QVERIFY2(again.status == 410, again.describe());
    QCOMPARE(again.errorCode(), QStringLiteral("challenge_used"));
    int failed = 0;
    for (const auto &value : auditFor(profile)) {
        const QJsonObject entry = value.toObject();
        if (entry.value(QStringLiteral("action")).toString() == QLatin1String("STEPUP_ATTEMPT")
            && entry.value(QStringLiteral("outcome")).toString() == QLatin1String("failed"))
            ++failed;
    }
    QCOMPARE(failed, 1);
}

void TestOtpStepUp::codeNeverStoredInPlaintext()
{
    QVERIFY(m_codes.size() >= 3);
    const vigil::DataDirectory dir(m_server.dataDir());
    // The outbox holds sealed bodies that open with the data key and the row's own dedupe key only.
    {
        QString error;
        const auto key = vigil::DataKey::loadOrCreate(dir.dataKeyPath(), &error);
        QVERIFY2(key.has_value(), qPrintable(error));
        auto db = m_server.openStore(QStringLiteral("scan"));
        QVERIFY(db.isOpen());
        QSqlQuery query(db);
        QVERIFY(query.exec(QStringLiteral("SELECT dedupe_key, body_enc, sent_at FROM outbox WHERE dedupe_key "
                                          "LIKE 'otp:%' ORDER BY id")));
        int rows = 0;
        while (query.next()) {
            const QByteArray sealed = query.value(1).toByteArray();
            QVERIFY(!sealed.contains("help desk"));
            const auto opened = key->decrypt(sealed, "outbox:" + query.value(0).toString().toUtf8());
            QVERIFY(opened.has_value());
            QVERIFY(opened->contains(m_codes.at(rows).toUtf8()));
            QVERIFY(!key->decrypt(sealed, QByteArrayLiteral("outbox:otp:other")).has_value());
            QVERIFY(!query.value(2).isNull());
            ++rows;
        }
        QCOMPARE(rows, m_codes.size());
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("scan"));

    QCOMPARE(m_server.stop(), 0);
    QByteArray bytes = m_server.log();
    for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")}) {
        QFile file(dir.databasePath() + suffix);
        if (file.open(QIODevice::ReadOnly))
            bytes += file.readAll();
    }
    QVERIFY(!bytes.contains("your code is"));
    QVERIFY(!bytes.contains("Only read it to the help desk agent"));
    // A code as a token of its own (hex hashes may contain the digits by chance, inside a run).
    for (const QString &code : m_codes) {
        const QRegularExpression standalone(QStringLiteral("(?<![0-9A-Za-z])%1(?![0-9A-Za-z])").arg(code));
        QVERIFY2(!standalone.match(QString::fromLatin1(bytes)).hasMatch(), qPrintable(code));
    }
}

QTEST_GUILESS_MAIN(TestOtpStepUp)
#include "test_otp_stepup.moc"
