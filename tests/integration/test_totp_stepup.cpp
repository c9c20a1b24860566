// TOTP read-out against the real server: enrollment through the CLI, codes computed by the
// independent oathtool, replay refusal, the shared lockout ledger, and no plaintext secret at rest.
#include "TestServer.h"
#include "Totp.h"

#include <QDateTime>
#include <QDirIterator>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace vigil::test;

class TestTotpStepUp : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void rightCodeRaisesLevelAndReplayIsRefused();
    void wrongCodesLockTheProfile();
    void noTotpEnrolled();
    void needsPassedVerification();
    void secretNeverStoredInPlaintext();

private:
    QString enroll(const QString &profileId);
    QString passVerification(const QString &profileId) const;
    HttpResponse submit(const QString &verificationId, const QString &code) const;
    static QString oathtoolCode(const QString &base32);

    QTemporaryDir m_dir;
    TestServer m_server;
    QByteArray m_tech1;
    QByteArray m_auditor;
    QStringList m_profiles;
    QStringList m_secrets; // base32, as printed by enroll
};

void TestTotpStepUp::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QVERIFY2(!TestServer::binary().isEmpty(), "VIGIL_SERVER_BIN is not set");
    QVERIFY2(!QStandardPaths::findExecutable(QStringLiteral("oathtool")).isEmpty(), "oathtool is missing");
    QString error;
    QVERIFY2(m_server.createDemo(m_dir.filePath(QStringLiteral("data")), 12, &error), qPrintable(error));
    QVERIFY2(m_server.setPolicy({QStringLiteral("max_failed_attempts=3")}, &error), qPrintable(error));
    QVERIFY2(m_server.start(&error), qPrintable(error));
    m_tech1 = m_server.login(QStringLiteral("tech1"));
    m_auditor = m_server.login(QStringLiteral("audit1"));
    QVERIFY(!m_tech1.isEmpty() && !m_auditor.isEmpty());
    m_profiles = m_server.profileIds(
            [](const QJsonObject &answers) { return answers.contains(QStringLiteral("secret")); });
    QVERIFY(m_profiles.size() >= 4);
}

void TestTotpStepUp::cleanupTestCase()
{
    QCOMPARE(m_server.stop(), 0);
}

QString TestTotpStepUp::enroll(const QString &profileId)
{
    const auto result = m_server.cli(
            {QStringLiteral("totp"), QStringLiteral("enroll"), QStringLiteral("--profile"), profileId});
    if (!result.finished || result.exitCode != 0)
        return {};
    static const QRegularExpression secretLine(QStringLiteral("Secret \\(base32\\): ([A-Z2-7=]+)"));
    const auto match = secretLine.match(QString::fromUtf8(result.out));
    if (!match.hasMatch() || !result.out.contains("otpauth://totp/"))
        return {};
    m_secrets.append(match.captured(1));
    return match.captured(1);
}

QString TestTotpStepUp::passVerification(const QString &profileId) const
{
    return m_server.passVerification(profileId, m_tech1);
}

HttpResponse TestTotpStepUp::submit(const QString &verificationId, const QString &code) const
{
    return m_server.client().post(QStringLiteral("/v1/verifications/%1/totp").arg(verificationId),
                                  {{QStringLiteral("code"), code}}, m_tech1);
}

QString TestTotpStepUp::oathtoolCode(const QString &base32)
{
    QProcess oathtool;
    oathtool.start(QStringLiteral("oathtool"), {QStringLiteral("--totp"), QStringLiteral("-b"), base32});
    if (!oathtool.waitForFinished(10000) || oathtool.exitCode() != 0)
        return {};
    return QString::fromLatin1(oathtool.readAllStandardOutput()).trimmed();
}

void TestTotpStepUp::rightCodeRaisesLevelAndReplayIsRefused()
{
    const QString profile = m_profiles.at(0);
    const QString secret = enroll(profile);
    QVERIFY(!secret.isEmpty());
    const QString verification = passVerification(profile);
    QVERIFY(!verification.isEmpty());
    const QString code = oathtoolCode(secret);
    QCOMPARE(code.size(), 6);

    const auto passed = submit(verification, code);
    QVERIFY2(passed.status == 200, passed.describe());
    QCOMPARE(passed.json.value(QStringLiteral("result")).toString(), QStringLiteral("passed"));
    QCOMPARE(passed.json.value(QStringLiteral("level")).toInt(), 2);
    QVERIFY(!passed.body.contains(secret.toLatin1()));

    // The same code again is a replay: refused, and it counts as a failure.
    const auto replay = submit(verification, code);
    QVERIFY2(replay.status == 200, replay.describe());
    QCOMPARE(replay.json.value(QStringLiteral("result")).toString(), QStringLiteral("failed"));
    QCOMPARE(replay.json.value(QStringLiteral("attempts_remaining")).toInt(), 2);

    const auto entries =
            m_server.audit(m_auditor, QStringLiteral("limit=100&action=STEPUP_ATTEMPT&profile=") + profile);
    QCOMPARE(countEntries(entries, QStringLiteral("outcome"), QStringLiteral("passed")), 1);
    QCOMPARE(countEntries(entries, QStringLiteral("outcome"), QStringLiteral("failed")), 1);
    for (const auto &entry : entries)
        QCOMPARE(entry.toObject()
                         .value(QStringLiteral("details"))
                         .toObject()
                         .value(QStringLiteral("method"))
                         .toString(),
                 QStringLiteral("totp"));
    QCOMPARE(
            countEntries(m_server.audit(m_auditor, QStringLiteral("action=TOTP_ENROLLED&profile=") + profile),
                         QStringLiteral("action"), QStringLiteral("TOTP_ENROLLED")),
            1);
}

void TestTotpStepUp::wrongCodesLockTheProfile()
{
    const QString profile = m_profiles.at(1);
    const QString secret = enroll(profile);
    QVERIFY(!secret.isEmpty());
    const QString verification = passVerification(profile);
    QVERIFY(!verification.isEmpty());
    const QByteArray raw = *vigil::Totp::base32Decode(secret);
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    QStringList near;
    for (qint64 t = now - 90; t <= now + 90; t += 30)
        near.append(vigil::Totp::code(raw, t));
    int candidate = 123456;
    while (near.contains(QStringLiteral("%1").arg(candidate, 6, 10, QLatin1Char('0'))))
        ++candidate;
    const QString wrong = QStringLiteral("%1").arg(candidate, 6, 10, QLatin1Char('0'));

    for (int remaining = 2; remaining >= 1; --remaining) {
        const auto failed = submit(verification, wrong);
        QVERIFY2(failed.status == 200, failed.describe());
        QCOMPARE(failed.json.value(QStringLiteral("result")).toString(), QStringLiteral("failed"));
        QCOMPARE(failed.json.value(QStringLiteral("attempts_remaining")).toInt(), remaining);
    }
    const auto locked = submit(verification, wrong);
    QVERIFY2(locked.status == 423, locked.describe());
    QCOMPARE(locked.errorCode(), QStringLiteral("profile_locked"));
    // Locked: even the right code is refused without evaluation.
    const auto refused = submit(verification, oathtoolCode(secret));
    QVERIFY2(refused.status == 423, refused.describe());
    QCOMPARE(countEntries(
                     m_server.audit(m_auditor, QStringLiteral("action=PROFILE_LOCKED&profile=") + profile),
                     QStringLiteral("action"), QStringLiteral("PROFILE_LOCKED")),
             1);
}

void TestTotpStepUp::noTotpEnrolled()
{
    const QString verification = passVerification(m_profiles.at(2));
    QVERIFY(!verification.isEmpty());
    const auto response = submit(verification, QStringLiteral("123456"));
    QVERIFY2(response.status == 409, response.describe());
    QCOMPARE(response.errorCode(), QStringLiteral("no_totp"));
}

void TestTotpStepUp::needsPassedVerification()
{
    const QString profile = m_profiles.at(3);
    QVERIFY(!enroll(profile).isEmpty());
    const auto started = m_server.client().postEmpty(
            QStringLiteral("/v1/profiles/%1/verifications").arg(profile), m_tech1);
    QVERIFY2(started.status == 201, started.describe());
    const auto response =
            submit(started.json.value(QStringLiteral("id")).toString(), QStringLiteral("123456"));
    QVERIFY2(response.status == 403, response.describe());
    const auto unknown = submit(QStringLiteral("nope"), QStringLiteral("123456"));
    QCOMPARE(unknown.status, 404);
    const auto noToken = m_server.client().post(QStringLiteral("/v1/verifications/nope/totp"),
                                                {{QStringLiteral("code"), QStringLiteral("123456")}});
    QCOMPARE(noToken.status, 401);
}

void TestTotpStepUp::secretNeverStoredInPlaintext()
{
    QVERIFY(!m_secrets.isEmpty());
    QList<QByteArray> needles;
    for (const auto &secret : m_secrets) {
        QString unpadded = secret;
        while (unpadded.endsWith(QLatin1Char('=')))
            unpadded.chop(1);
        needles << unpadded.toLatin1() << unpadded.toLower().toLatin1() << *vigil::Totp::base32Decode(secret)
                << vigil::Totp::base32Decode(secret)->toHex()
                << vigil::Totp::base32Decode(secret)->toBase64();
    }
    QStringList scanned;
    QDirIterator files(m_server.dataDir(), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (files.hasNext()) {
        const QString path = files.next();
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray bytes = file.readAll();
        scanned.append(path);
        for (const auto &needle : needles)
            QVERIFY2(!bytes.contains(needle), qPrintable(QStringLiteral("secret found in %1").arg(path)));
    }
    QVERIFY(scanned.filter(QStringLiteral("-wal")).size() + scanned.size() > 1);
    const QByteArray log = m_server.log();
    for (const auto &needle : needles)
        QVERIFY(!log.contains(needle));
}

QTEST_GUILESS_MAIN(TestTotpStepUp)
#include "test_totp_stepup.moc"
