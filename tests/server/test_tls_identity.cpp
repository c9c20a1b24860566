#include "TlsIdentity.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QFile>
#include <QRegularExpression>
#include <QSslServer>
#include <QSslSocket>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>

using vigil::TlsIdentity;

namespace {

struct IdentityFiles
{
    QString certPath;
    QString keyPath;
};

IdentityFiles filesIn(const QTemporaryDir &dir, const QString &stem = QStringLiteral("server"))
{
    return {dir.filePath(stem + QStringLiteral(".crt")), dir.filePath(stem + QStringLiteral(".key"))};
}

} // namespace

class TestTlsIdentity : public QObject
{
    Q_OBJECT

private slots:
    void generateThenLoad();
    void keyFileIsOwnerOnly();
    void regenerateReplacesLooseKeyFile();
    void certificateContents();
    void invalidHostNameFails();
    void fingerprintFormat();
    void tlsHandshake_data();
    void tlsHandshake();
    void mismatchedKeyFails();
    void missingFileFails();
    void notACertificateFails();

private:
    std::optional<TlsIdentity> makeIdentity(const QTemporaryDir &dir, const QStringList &hostNames = {});
};

std::optional<TlsIdentity> TestTlsIdentity::makeIdentity(const QTemporaryDir &dir,
                                                         const QStringList &hostNames)
{
    const IdentityFiles files = filesIn(dir);
    QString error;
    if (!TlsIdentity::generate(files.certPath, files.keyPath, hostNames, &error)) {
        qWarning("generate failed: %s", qPrintable(error));
        return std::nullopt;
    }
    auto identity = TlsIdentity::load(files.certPath, files.keyPath, &error);
    if (!identity)
        qWarning("load failed: %s", qPrintable(error));
    return identity;
}

void TestTlsIdentity::generateThenLoad()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const IdentityFiles files = filesIn(dir);
    QString error;
    QVERIFY2(TlsIdentity::generate(files.certPath, files.keyPath, {}, &error), qPrintable(error));

    QFile key(files.keyPath);
    QVERIFY(key.open(QIODevice::ReadOnly));
    QVERIFY(key.readAll().startsWith("-----BEGIN PRIVATE KEY-----")); // PKCS#8, not SEC1

    const auto identity = TlsIdentity::load(files.certPath, files.keyPath, &error);
    QVERIFY2(identity, qPrintable(error));
    QVERIFY(!identity->certificate().isNull());
    const QSslConfiguration configuration = identity->serverConfiguration();
    QCOMPARE(configuration.localCertificate(), identity->certificate());
    QCOMPARE(configuration.privateKey().algorithm(), QSsl::Ec);
    QCOMPARE(configuration.privateKey().type(), QSsl::PrivateKey);
    QCOMPARE(configuration.protocol(), QSsl::TlsV1_2OrLater);
    QCOMPARE(configuration.peerVerifyMode(), QSslSocket::VerifyNone);
}

void TestTlsIdentity::keyFileIsOwnerOnly()
{
#ifndef Q_OS_UNIX
    QSKIP("POSIX file modes only");
#endif
    QTemporaryDir dir;
    QVERIFY(makeIdentity(dir));
    // On Unix the owner is the current user, so Qt reports the Owner and User bits together.
    const QFile::Permissions expected =
            QFile::ReadOwner | QFile::WriteOwner | QFile::ReadUser | QFile::WriteUser;
    QCOMPARE(QFile::permissions(filesIn(dir).keyPath), expected);
}

void TestTlsIdentity::regenerateReplacesLooseKeyFile()
{
#ifndef Q_OS_UNIX
    QSKIP("POSIX file modes only");
#endif
    QTemporaryDir dir;
    const IdentityFiles files = filesIn(dir);
    QFile old(files.keyPath);
    QVERIFY(old.open(QIODevice::WriteOnly));
    old.write("old key");
    old.close();
    QVERIFY(old.setPermissions(old.permissions() | QFile::ReadGroup | QFile::ReadOther));

    QString error;
    QVERIFY2(TlsIdentity::generate(files.certPath, files.keyPath, {}, &error), qPrintable(error));
    QCOMPARE(QFile::permissions(files.keyPath),
             QFile::ReadOwner | QFile::WriteOwner | QFile::ReadUser | QFile::WriteUser);
    QVERIFY(TlsIdentity::load(files.certPath, files.keyPath, &error));
}

void TestTlsIdentity::certificateContents()
{
    QTemporaryDir dir;
    const auto identity = makeIdentity(dir,
                                       {QStringLiteral("vigil.example.test"), QStringLiteral("10.20.30.40"),
                                        QStringLiteral("B\u00fccher.example"), QStringLiteral("localhost")});
    QVERIFY(identity);
    const QSslCertificate certificate = identity->certificate();

    QCOMPARE(certificate.version(), QByteArrayLiteral("3"));
    QCOMPARE(certificate.subjectInfo(QSslCertificate::CommonName),
             QStringList{QStringLiteral("Vigil server")});
    QCOMPARE(certificate.subjectInfo(QSslCertificate::Organization), QStringList{QStringLiteral("Vigil")});
    QCOMPARE(certificate.issuerInfo(QSslCertificate::CommonName),
             QStringList{QStringLiteral("Vigil server")});
    QCOMPARE(certificate.issuerInfo(QSslCertificate::Organization), QStringList{QStringLiteral("Vigil")});
    QCOMPARE(certificate.issuerDisplayName(), certificate.subjectDisplayName());
    // Not isSelfSigned(): Qt asks X509_check_issued(), which also demands keyCertSign in the key
    // usage, and a CA:FALSE server certificate must not have that. Chain verification sees it.
    const QList<QSslError> verifyErrors = QSslCertificate::verify({certificate}, QStringLiteral("localhost"));
    QCOMPARE(verifyErrors.size(), 1);
    QCOMPARE(verifyErrors.first().error(), QSslError::SelfSignedCertificate);
    QCOMPARE(certificate.publicKey().algorithm(), QSsl::Ec);
    QCOMPARE(certificate.publicKey().length(), 256);
    // 128 random bits with the top one set: 16 bytes, printed as 16 colon-separated hex pairs.
    QCOMPARE(certificate.serialNumber().split(':').size(), 16);

    const QDateTime now = QDateTime::currentDateTimeUtc();
    QVERIFY(certificate.effectiveDate() <= now.addSecs(-3500));
    QVERIFY(certificate.effectiveDate() >= now.addSecs(-3700));
    QVERIFY(certificate.expiryDate() > now.addDays(800));
    QCOMPARE(certificate.effectiveDate().daysTo(certificate.expiryDate()), 825);

    const auto names = certificate.subjectAlternativeNames();
    const QStringList dns = names.values(QSsl::DnsEntry);
    const QStringList ips = names.values(QSsl::IpAddressEntry);
    QVERIFY2(dns.contains(QStringLiteral("localhost")), qPrintable(dns.join(u',')));
    QVERIFY2(dns.contains(QStringLiteral("vigil.example.test")), qPrintable(dns.join(u',')));
    QVERIFY2(dns.contains(QStringLiteral("xn--bcher-kva.example")), qPrintable(dns.join(u',')));
    QCOMPARE(dns.count(QStringLiteral("localhost")), 1);
    QVERIFY2(ips.contains(QStringLiteral("127.0.0.1")), qPrintable(ips.join(u',')));
    QVERIFY2(ips.contains(QStringLiteral("::1")), qPrintable(ips.join(u',')));
    QVERIFY2(ips.contains(QStringLiteral("10.20.30.40")), qPrintable(ips.join(u',')));
    QVERIFY(!dns.contains(QStringLiteral("10.20.30.40")));
}

void TestTlsIdentity::invalidHostNameFails()
{
    QTemporaryDir dir;
    const IdentityFiles files = filesIn(dir);
    QString error;
    QVERIFY(!TlsIdentity::generate(files.certPath, files.keyPath, {QStringLiteral("bad host/name")}, &error));
    QVERIFY2(error.contains(QStringLiteral("bad host/name")), qPrintable(error));
    QVERIFY(!QFile::exists(files.keyPath));
    QVERIFY(!QFile::exists(files.certPath));
}

void TestTlsIdentity::fingerprintFormat()
{
    QTemporaryDir dir;
    const auto identity = makeIdentity(dir);
    QVERIFY(identity);
    const QByteArray digest = identity->certificate().digest(QCryptographicHash::Sha256);
    QCOMPARE(identity->sha256Fingerprint(), digest);
    QCOMPARE(identity->sha256Fingerprint().size(), 32);

    const QString text = identity->fingerprintText();
    QCOMPARE(text.size(), 95);
    static const QRegularExpression pattern(QStringLiteral("^[0-9A-F]{2}(:[0-9A-F]{2}){31}$"));
    QVERIFY2(pattern.match(text).hasMatch(), qPrintable(text));
    QCOMPARE(text, TlsIdentity::formatFingerprint(digest));
    QCOMPARE(QByteArray::fromHex(text.toLatin1()), digest);

    QCOMPARE(TlsIdentity::formatFingerprint(QByteArray::fromHex("ab01ff")), QStringLiteral("AB:01:FF"));
}

void TestTlsIdentity::tlsHandshake_data()
{
    QTest::addColumn<bool>("pinMatches");
    QTest::newRow("pinned fingerprint") << true;
    QTest::newRow("wrong fingerprint") << false;
}

void TestTlsIdentity::tlsHandshake()
{
    QFETCH(bool, pinMatches);
    QTemporaryDir dir;
    const auto identity = makeIdentity(dir);
    QVERIFY(identity);

    QSslServer server;
    server.setSslConfiguration(identity->serverConfiguration());
    QByteArray serverReceived;
    connect(&server, &QSslServer::pendingConnectionAvailable, &server, [&] {
        QTcpSocket *peer = server.nextPendingConnection();
        QVERIFY(peer);
        connect(peer, &QTcpSocket::readyRead, peer, [&serverReceived, peer] {
            if (!peer->canReadLine())
                return;
            serverReceived = peer->readLine();
            peer->write("pong\n");
        });
    });
    QVERIFY(server.listen(QHostAddress::LocalHost, 0));

    QByteArray expected = identity->sha256Fingerprint();
    if (!pinMatches)
        expected[0] = char(expected.at(0) ^ 0x01);

    // Trust no CA at all: the only way in is the pinned fingerprint.
    QSslConfiguration clientConfiguration = QSslConfiguration::defaultConfiguration();
    clientConfiguration.setCaCertificates({});
    clientConfiguration.setPeerVerifyMode(QSslSocket::VerifyPeer);
    QSslSocket client;
    client.setSslConfiguration(clientConfiguration);
    QList<QSslError> reported;
    connect(&client, &QSslSocket::sslErrors, &client, [&](const QList<QSslError> &errors) {
        reported = errors;
        const bool onlySelfSigned = std::all_of(errors.cbegin(), errors.cend(), [](const QSslError &e) {
            return e.error() == QSslError::SelfSignedCertificate;
        });
        if (onlySelfSigned && client.peerCertificate().digest(QCryptographicHash::Sha256) == expected)
            client.ignoreSslErrors();
    });
    client.connectToHostEncrypted(QStringLiteral("127.0.0.1"), server.serverPort());

    if (!pinMatches) {
        QTRY_COMPARE_WITH_TIMEOUT(client.state(), QAbstractSocket::UnconnectedState, 10000);
        QVERIFY(!client.isEncrypted());
        QVERIFY(!reported.isEmpty());
        QVERIFY(serverReceived.isEmpty());
        return;
    }

    // waitForEncrypted() would block the server, which runs on this thread: spin the event loop.
    QTRY_VERIFY2_WITH_TIMEOUT(client.isEncrypted(), qPrintable(client.errorString()), 10000);
    QCOMPARE(reported.size(), 1);
    QCOMPARE(reported.first().error(), QSslError::SelfSignedCertificate);
    QCOMPARE(client.peerCertificate(), identity->certificate());
    QVERIFY(client.sessionProtocol() == QSsl::TlsV1_2 || client.sessionProtocol() == QSsl::TlsV1_3);

    client.write("ping\n");
    QTRY_VERIFY_WITH_TIMEOUT(client.canReadLine(), 10000);
    QCOMPARE(client.readLine(), QByteArrayLiteral("pong\n"));
    QCOMPARE(serverReceived, QByteArrayLiteral("ping\n"));
}

void TestTlsIdentity::mismatchedKeyFails()
{
    QTemporaryDir first;
    QTemporaryDir second;
    QVERIFY(makeIdentity(first));
    QVERIFY(makeIdentity(second));
    QString error;
    const auto identity = TlsIdentity::load(filesIn(first).certPath, filesIn(second).keyPath, &error);
    QVERIFY(!identity);
    QVERIFY2(error.contains(QStringLiteral("does not match")), qPrintable(error));
}

void TestTlsIdentity::missingFileFails()
{
    QTemporaryDir dir;
    QVERIFY(makeIdentity(dir));
    const IdentityFiles files = filesIn(dir);
    const QString missing = dir.filePath(QStringLiteral("missing.pem"));
    QString error;

    QVERIFY(!TlsIdentity::load(missing, files.keyPath, &error));
    QVERIFY2(error.contains(QStringLiteral("does not exist")) && error.contains(missing), qPrintable(error));

    error.clear();
    QVERIFY(!TlsIdentity::load(files.certPath, missing, &error));
    QVERIFY2(error.contains(QStringLiteral("does not exist")) && error.contains(missing), qPrintable(error));
}

void TestTlsIdentity::notACertificateFails()
{
    QTemporaryDir dir;
    QVERIFY(makeIdentity(dir));
    const IdentityFiles files = filesIn(dir);
    QString error;

    // The key file in place of the certificate, and the certificate in place of the key.
    QVERIFY(!TlsIdentity::load(files.keyPath, files.keyPath, &error));
    QVERIFY2(error.contains(QStringLiteral("does not contain a PEM certificate")), qPrintable(error));

    error.clear();
    QVERIFY(!TlsIdentity::load(files.certPath, files.certPath, &error));
    QVERIFY2(error.contains(QStringLiteral("private key")), qPrintable(error));
}

QTEST_GUILESS_MAIN(TestTlsIdentity)
#include "test_tls_identity.moc"
