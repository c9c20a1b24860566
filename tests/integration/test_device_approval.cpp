// Device approval against the real server, with the real vigil-device CLI as the user's phone:
// number matching, denial and wrong numbers counting as failures, forged and replayed
// responses, and expired challenges.
#include "DataDirectory.h"
#include "DeviceResponder.h"
#include "SigningKey.h"
#include "TestServer.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QProcess>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace vigil::test;

class TestDeviceApproval : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void approveWithTheRightNumber();
    void denyCountsAsFailure();
    void wrongNumberIsDeniedAndCounted();
    void forgedAndReplayedResponses();
    void expiredChallenge();
    void noDeviceEnrolled();

private:
    CommandResult device(const QStringList &arguments) const;
    QStringList connection() const;
    QString passVerification(const QString &profileId) const;
    HttpResponse requestChallenge(const QString &verificationId) const;
    QString stateOf(const QString &verificationId, const QString &challengeId, int *level = nullptr) const;
    QString nonceOf(const QString &challengeId) const;
    int attemptsRemaining(const QString &profileId, QString *openedVerification = nullptr) const;
    int auditCount(const QString &action) const;

    QTemporaryDir m_dir;
    TestServer m_server;
    QByteArray m_tech1;
    QByteArray m_auditor;
    QStringList m_profiles;
    QString m_keyPath;
    QString m_deviceId;
    QString m_verification; // a passed verification of m_profiles[0]
};

void TestDeviceApproval::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QVERIFY2(!TestServer::binary().isEmpty(), "VIGIL_SERVER_BIN is not set");
    QString error;
    QVERIFY2(m_server.createDemo(m_dir.filePath(QStringLiteral("data")), 12, &error), qPrintable(error));
    QVERIFY2(m_server.setPolicy({QStringLiteral("max_failed_attempts=3")}, &error), qPrintable(error));
    m_profiles = m_server.profileIds(
            [](const QJsonObject &answers) { return answers.contains(QStringLiteral("secret")); });
    QVERIFY(m_profiles.size() >= 2);

    m_keyPath = m_dir.filePath(QStringLiteral("device.key"));
    const auto init = device({QStringLiteral("init"), QStringLiteral("--key"), m_keyPath});
    QVERIFY2(init.finished && init.exitCode == 0, init.output().constData());
    const QByteArray publicKey = init.out.trimmed();
    QCOMPARE(QByteArray::fromBase64(publicKey).size(), 32);
    const auto enrolled =
            m_server.cli({QStringLiteral("device"), QStringLiteral("enroll"), QStringLiteral("--profile"),
                          m_profiles.at(0), QStringLiteral("--public-key"), QString::fromLatin1(publicKey),
                          QStringLiteral("--name"), QStringLiteral("Test phone")});
    QVERIFY2(enrolled.finished && enrolled.exitCode == 0, enrolled.output().constData());
    static const QRegularExpression idLine(QStringLiteral("Device enrolled: ([0-9a-f]+)"));
    const auto match = idLine.match(QString::fromUtf8(enrolled.out));
    QVERIFY(match.hasMatch());
    m_deviceId = match.captured(1);
    const auto badKey =
            m_server.cli({QStringLiteral("device"), QStringLiteral("enroll"), QStringLiteral("--profile"),
                          m_profiles.at(0), QStringLiteral("--public-key"), QStringLiteral("AAAA"),
                          QStringLiteral("--name"), QStringLiteral("x")});
    QCOMPARE(badKey.exitCode, 1);

    QVERIFY2(m_server.start(&error), qPrintable(error));
    m_tech1 = m_server.login(QStringLiteral("tech1"));
    m_auditor = m_server.login(QStringLiteral("audit1"));
    QVERIFY(!m_tech1.isEmpty() && !m_auditor.isEmpty());
    m_verification = passVerification(m_profiles.at(0));
    QVERIFY(!m_verification.isEmpty());
}

void TestDeviceApproval::cleanupTestCase()
{
    QCOMPARE(m_server.stop(), 0);
}

CommandResult TestDeviceApproval::device(const QStringList &arguments) const
{
    CommandResult result;
    QProcess process;
    process.start(QStringLiteral(VIGIL_DEVICE_BIN), arguments);
    if (!process.waitForStarted(10000) || !process.waitForFinished(30000)) {
        process.kill();
        process.waitForFinished(5000);
        return result;
    }
    result.finished = process.exitStatus() == QProcess::NormalExit;
    result.exitCode = process.exitCode();
    result.out = process.readAllStandardOutput();
    result.err = process.readAllStandardError();
    return result;
}

QStringList TestDeviceApproval::connection() const
{
    return {QStringLiteral("--server"), QStringLiteral("https://127.0.0.1:%1").arg(m_server.port()),
            QStringLiteral("--pin"),    QString::fromLatin1(m_server.client().fingerprint().toHex()),
            QStringLiteral("--device"), m_deviceId};
}

QString TestDeviceApproval::passVerification(const QString &profileId) const
{
    return m_server.passVerification(profileId, m_tech1);
}

HttpResponse TestDeviceApproval::requestChallenge(const QString &verificationId) const
{
    return m_server.client().postEmpty(QStringLiteral("/v1/verifications/%1/device").arg(verificationId),
                                       m_tech1);
}

QString TestDeviceApproval::stateOf(const QString &verificationId, const QString &challengeId,
                                    int *level) const
{
    const auto response = m_server.client().get(
            QStringLiteral("/v1/verifications/%1/device/%2").arg(verificationId, challengeId), m_tech1);
    if (level)
        *level = response.json.value(QStringLiteral("level")).toInt();
    return response.status == 200 ? response.json.value(QStringLiteral("state")).toString() : QString();
}

QString TestDeviceApproval::nonceOf(const QString &challengeId) const
{
    const auto response = m_server.client().get(QStringLiteral("/v1/devices/%1/challenges").arg(m_deviceId));
    for (const auto &value : response.json.value(QStringLiteral("challenges")).toArray()) {
        if (value.toObject().value(QStringLiteral("id")).toString() == challengeId)
            return value.toObject().value(QStringLiteral("nonce")).toString();
    }
    return {};
}

int TestDeviceApproval::attemptsRemaining(const QString &profileId, QString *openedVerification) const
{
    const auto started = m_server.client().postEmpty(
            QStringLiteral("/v1/profiles/%1/verifications").arg(profileId), m_tech1);
    if (openedVerification)
        *openedVerification = started.json.value(QStringLiteral("id")).toString();
    return started.status == 201 ? started.json.value(QStringLiteral("attempts_remaining")).toInt() : -1;
}

int TestDeviceApproval::auditCount(const QString &action) const
{
    return countEntries(m_server.audit(m_auditor, QStringLiteral("limit=500&action=") + action),
                        QStringLiteral("action"), action);
}

void TestDeviceApproval::approveWithTheRightNumber()
{
    const auto challenge = requestChallenge(m_verification);
    QVERIFY2(challenge.status == 201, challenge.describe());
    const QString id = challenge.json.value(QStringLiteral("challenge_id")).toString();
    const int number = challenge.json.value(QStringLiteral("number")).toInt();
    QVERIFY(number >= 10 && number <= 99);
    QCOMPARE(challenge.json.value(QStringLiteral("device_name")).toString(), QStringLiteral("Test phone"));
    QVERIFY(!challenge.json.value(QStringLiteral("expires_at")).toString().isEmpty());
    QCOMPARE(auditCount(QStringLiteral("DEVICE_CHALLENGE_SENT")), 1);

    // The device sees the challenge, but never the number.
    const auto listed = m_server.client().get(QStringLiteral("/v1/devices/%1/challenges").arg(m_deviceId));
    QVERIFY2(listed.status == 200, listed.describe());
    const QJsonArray challenges = listed.json.value(QStringLiteral("challenges")).toArray();
    QCOMPARE(challenges.size(), 1);
    const QJsonObject seen = challenges.at(0).toObject();
    QCOMPARE(seen.value(QStringLiteral("id")).toString(), id);
    QVERIFY(!seen.contains(QStringLiteral("number")));
    QVERIFY(!seen.value(QStringLiteral("agent")).toString().isEmpty());
    QCOMPARE(seen.value(QStringLiteral("nonce")).toString().size(), 32);
    const auto pending = device(QStringList{QStringLiteral("pending")} + connection());
    QVERIFY2(pending.finished && pending.exitCode == 0, pending.output().constData());
    QVERIFY(pending.out.contains(id.toLatin1()));
    QVERIFY(!pending.out.contains("number"));
    QCOMPARE(stateOf(m_verification, id), QStringLiteral("pending"));

    const auto responded = device(QStringList{QStringLiteral("respond"), QStringLiteral("--key"), m_keyPath,
                                              QStringLiteral("--challenge"), id, QStringLiteral("--approve"),
                                              QStringLiteral("--number"), QString::number(number)}
                                  + connection());
    QVERIFY2(responded.finished && responded.exitCode == 0, responded.output().constData());
    int level = 0;
    QCOMPARE(stateOf(m_verification, id, &level), QStringLiteral("approved"));
    QCOMPARE(level, 3);
    QCOMPARE(auditCount(QStringLiteral("DEVICE_APPROVED")), 1);
    // Answered: no longer listed.
    const auto after = device(QStringList{QStringLiteral("pending")} + connection());
    QVERIFY(!after.out.contains(id.toLatin1()));
    // A wrong pin is refused before anything is sent.
    QStringList badPin = connection();
    badPin[3] = QString(64, QLatin1Char('0'));
    const auto pinned = device(QStringList{QStringLiteral("pending")} + badPin);
    QCOMPARE(pinned.exitCode, 1);
    const auto usage = device({QStringLiteral("respond"), QStringLiteral("--approve")});
    QCOMPARE(usage.exitCode, 2);
}

void TestDeviceApproval::denyCountsAsFailure()
{
    const auto challenge = requestChallenge(m_verification);
    QVERIFY2(challenge.status == 201, challenge.describe());
    const QString id = challenge.json.value(QStringLiteral("challenge_id")).toString();
    const auto responded = device(QStringList{QStringLiteral("respond"), QStringLiteral("--key"), m_keyPath,
                                              QStringLiteral("--challenge"), id, QStringLiteral("--deny")}
                                  + connection());
    QVERIFY2(responded.finished && responded.exitCode == 0, responded.output().constData());
    QCOMPARE(stateOf(m_verification, id), QStringLiteral("denied"));
    QCOMPARE(auditCount(QStringLiteral("DEVICE_DENIED")), 1);
    QCOMPARE(attemptsRemaining(m_profiles.at(0)), 2);
}

void TestDeviceApproval::wrongNumberIsDeniedAndCounted()
{
    const auto challenge = requestChallenge(m_verification);
    QVERIFY2(challenge.status == 201, challenge.describe());
    const QString id = challenge.json.value(QStringLiteral("challenge_id")).toString();
    const int number = challenge.json.value(QStringLiteral("number")).toInt();
    const int wrong = number == 99 ? 98 : number + 1;
    const auto responded = device(QStringList{QStringLiteral("respond"), QStringLiteral("--key"), m_keyPath,
                                              QStringLiteral("--challenge"), id, QStringLiteral("--approve"),
                                              QStringLiteral("--number"), QString::number(wrong)}
                                  + connection());
    QVERIFY(responded.finished);
    QCOMPARE(responded.exitCode, 1);
    int level = 0;
    QCOMPARE(stateOf(m_verification, id, &level), QStringLiteral("denied"));
    QCOMPARE(level, 3); // the earlier approval stands
    QCOMPARE(auditCount(QStringLiteral("DEVICE_NUMBER_MISMATCH")), 1);
    QCOMPARE(attemptsRemaining(m_profiles.at(0)), 1);
    // A fresh pass resets the count for the next tests.
    m_verification = passVerification(m_profiles.at(0));
    QVERIFY(!m_verification.isEmpty());
    QCOMPARE(attemptsRemaining(m_profiles.at(0)), 3);
}

void TestDeviceApproval::forgedAndReplayedResponses()
{
    const auto challenge = requestChallenge(m_verification);
    QVERIFY2(challenge.status == 201, challenge.describe());
    const QString id = challenge.json.value(QStringLiteral("challenge_id")).toString();
    const QString number = QString::number(challenge.json.value(QStringLiteral("number")).toInt());
    const QString nonce = nonceOf(id);
    QVERIFY(!nonce.isEmpty());
    const QString path = QStringLiteral("/v1/device-challenges/%1/response").arg(id);

    // Signed by another key.
    const vigil::DeviceResponder impostor(vigil::SigningKey::generate());
    const auto forged = m_server.client().post(path, impostor.response(m_deviceId, id, nonce, true, number));
    QVERIFY2(forged.status == 401, forged.describe());
    QCOMPARE(forged.errorCode(), QStringLiteral("bad_signature"));

    // The right key, one byte of the signature flipped, sent as raw bytes.
    QString error;
    const auto key = vigil::SigningKey::loadFromFile(m_keyPath, &error);
    QVERIFY2(key, qPrintable(error));
    const vigil::DeviceResponder responder(*key);
    QJsonObject body = responder.response(m_deviceId, id, nonce, true, number);
    QByteArray signature =
            QByteArray::fromBase64(body.value(QStringLiteral("signature")).toString().toLatin1());
    signature[10] = static_cast<char>(signature.at(10) ^ 0x01);
    QJsonObject tampered = body;
    tampered.insert(QStringLiteral("signature"), QString::fromLatin1(signature.toBase64()));
    const QByteArray tamperedBytes = QJsonDocument(tampered).toJson(QJsonDocument::Compact);
    const auto client = m_server.client();
    const auto flipped = client.sendRaw(
            client.requestHead("POST", path, {}, tamperedBytes.size(), "application/json") + tamperedBytes);
    QVERIFY2(flipped.status == 401, flipped.describe());
    // Signed for "deny" but sent as "approve".
    QJsonObject swapped = responder.response(m_deviceId, id, nonce, false, {});
    swapped.insert(QStringLiteral("decision"), QStringLiteral("approve"));
    swapped.insert(QStringLiteral("number"), number);
    QCOMPARE(m_server.client().post(path, swapped).status, 401);
    QCOMPARE(stateOf(m_verification, id), QStringLiteral("pending"));
    QVERIFY(auditCount(QStringLiteral("DEVICE_RESPONSE_REJECTED")) >= 3);
    QCOMPARE(attemptsRemaining(m_profiles.at(0)), 3);

    // Another device id, or an unknown challenge: not found.
    QJsonObject otherDevice = body;
    otherDevice.insert(QStringLiteral("device_id"), QStringLiteral("0123456789abcdef0123456789abcdef"));
    QCOMPARE(m_server.client().post(path, otherDevice).status, 404);
    QCOMPARE(m_server.client().post(QStringLiteral("/v1/device-challenges/nope/response"), body).status, 404);
    QCOMPARE(m_server.client().get(QStringLiteral("/v1/devices/nope/challenges")).status, 404);

    const QByteArray signedBytes = QJsonDocument(body).toJson(QJsonDocument::Compact);
    const QByteArray request =
            client.requestHead("POST", path, {}, signedBytes.size(), "application/json") + signedBytes;
    const auto approved = client.sendRaw(request);
    QVERIFY2(approved.status == 200, approved.describe());
    QCOMPARE(approved.json.value(QStringLiteral("result")).toString(), QStringLiteral("approved"));
    const auto replayed = client.sendRaw(request);
    QVERIFY2(replayed.status == 409, replayed.describe());
    QCOMPARE(replayed.errorCode(), QStringLiteral("already_answered"));
    QCOMPARE(stateOf(m_verification, id), QStringLiteral("approved"));
}

void TestDeviceApproval::expiredChallenge()
{
    const auto challenge = requestChallenge(m_verification);
    QVERIFY2(challenge.status == 201, challenge.describe());
    const QString id = challenge.json.value(QStringLiteral("challenge_id")).toString();
    const QString number = QString::number(challenge.json.value(QStringLiteral("number")).toInt());
    const QString nonce = nonceOf(id);
    QVERIFY(!nonce.isEmpty());
    {
        auto db = m_server.openStore(QStringLiteral("expire"));
        QVERIFY(db.isOpen());
        QSqlQuery query(db);
        query.prepare(QStringLiteral("UPDATE device_challenges SET expires_at = ? WHERE id = ?"));
        query.addBindValue(QDateTime::currentSecsSinceEpoch() - 1);
        query.addBindValue(id);
        QVERIFY(query.exec());
        QCOMPARE(query.numRowsAffected(), 1);
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("expire"));
    QCOMPARE(stateOf(m_verification, id), QStringLiteral("expired"));
    QVERIFY(nonceOf(id).isEmpty());
    QString error;
    const auto key = vigil::SigningKey::loadFromFile(m_keyPath, &error);
    QVERIFY(key);
    const auto response = m_server.client().post(
            QStringLiteral("/v1/device-challenges/%1/response").arg(id),
            vigil::DeviceResponder(*key).response(m_deviceId, id, nonce, true, number));
    QVERIFY2(response.status == 410, response.describe());
}

void TestDeviceApproval::noDeviceEnrolled()
{
    const QString verification = passVerification(m_profiles.at(1));
    QVERIFY(!verification.isEmpty());
    const auto response = requestChallenge(verification);
    QVERIFY2(response.status == 409, response.describe());
    QCOMPARE(response.errorCode(), QStringLiteral("no_device"));
    // A verification that has not passed cannot ask for one.
    QString opened;
    QCOMPARE(attemptsRemaining(m_profiles.at(0), &opened), 3);
    QCOMPARE(requestChallenge(opened).status, 403);
}

QTEST_GUILESS_MAIN(TestDeviceApproval)
#include "test_device_approval.moc"
