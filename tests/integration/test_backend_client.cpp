// The console's BackendClient against the real vigil-server: pinning, every v1 call parsed with
// ApiModels, session expiry, reachability, and broken servers (tiny QSslServers below). The client
// itself never blocks; the test only waits on signals.
#include "TestServer.h"

#include "BackendClient.h"
#include "Policy.h"
#include "SigningKey.h"
#include "TlsIdentity.h"

#include <QJsonArray>
#include <QPointer>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QSslServer>
#include <QSslSocket>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace vigil;
using namespace vigil::test;

namespace {

constexpr int kWaitMs = 60000;

// Everything a finished reply said, copied out before it deletes itself.
struct Outcome
{
    int finishedCount = 0;
    BackendReply::Error error = BackendReply::Error::None;
    int status = 0;
    QString errorCode;
    QString message;
    QJsonObject json;
    QByteArray presentedFingerprint;
    bool presentedCertificateNull = true;
    bool deleted = false;

    QByteArray describe() const
    {
        return QByteArray("error ") + QByteArray::number(int(error)) + " status " + QByteArray::number(status)
                + " code " + errorCode.toUtf8() + " message " + message.toUtf8();
    }
};

Outcome await(BackendReply *reply, int timeoutMs = kWaitMs)
{
    auto outcome = std::make_shared<Outcome>();
    QPointer<BackendReply> guard(reply);
    QObject::connect(reply, &BackendReply::finished, reply, [reply, outcome] {
        ++outcome->finishedCount;
        outcome->error = reply->error();
        outcome->status = reply->httpStatus();
        outcome->errorCode = reply->errorCode();
        outcome->message = reply->message();
        outcome->json = reply->json();
        outcome->presentedFingerprint = reply->presentedFingerprint();
        outcome->presentedCertificateNull = reply->presentedCertificate().isNull();
    });
    QSignalSpy finished(reply, &BackendReply::finished);
    if (!finished.wait(timeoutMs))
        return *outcome;
    // It deletes itself once control is back in the event loop, and says finished only once.
    outcome->deleted = QTest::qWaitFor([&guard] { return guard.isNull(); }, 5000);
    return *outcome;
}

// A TLS server with the real server's identity that answers every request with `response`
// (or never, when it is empty) and closes.
class CannedServer
{
public:
    CannedServer(const QSslConfiguration &configuration, QByteArray response, bool closeEarly = false)
        : m_response(std::move(response))
    {
        m_server.setSslConfiguration(configuration);
        QObject::connect(&m_server, &QTcpServer::pendingConnectionAvailable, &m_server, [this, closeEarly] {
            while (QTcpSocket *socket = m_server.nextPendingConnection()) {
                m_sockets.append(socket);
                QObject::connect(socket, &QTcpSocket::readyRead, socket, [this, socket, closeEarly] {
                    m_received += socket->readAll();
                    if (m_response.isEmpty() || !m_received.contains("\r\n\r\n"))
                        return;
                    socket->write(m_response);
                    if (closeEarly)
                        socket->flush();
                    socket->disconnectFromHost();
                });
            }
        });
        m_listening = m_server.listen(QHostAddress::LocalHost, 0);
    }
    bool isListening() const { return m_listening; }
    quint16 port() const { return m_server.serverPort(); }
    QByteArray received() const { return m_received; }

private:
    QSslServer m_server;
    QByteArray m_response;
    QByteArray m_received;
    QList<QPointer<QTcpSocket>> m_sockets;
    bool m_listening = false;
};

} // namespace

class TestBackendClient : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void init();
    void health();
    void noPinAsksTheUser();
    void rightPinWorks();
    void wrongPinIsRefused();
    void pinChangeIsNotBypassedByAKeptConnection();
    void serverDown();
    void invalidServerAddress();
    void login();
    void searchParses();
    void verificationRoundTrip();
    void failuresLockAndSupervisorUnblocks();
    void auditAndVerify();
    void signedPolicy();
    void expiredSessionIsReported();
    void logout();
    void truncatedJsonIsMalformed();
    void nonJsonIsMalformed();
    void cutOffBodyIsMalformed();
    void errorStatusWithoutBody();
    void timeout();
    void abortFinishesOnce();
    void fingerprintText();

private:
    std::unique_ptr<BackendClient> client(const QByteArray &pin) const;
    QByteArray loginAs(const QString &username);
    QUrl url() const { return QUrl(QStringLiteral("https://127.0.0.1:%1").arg(m_server.port())); }
    QSslConfiguration serverTls() const;

    QTemporaryDir m_dir;
    TestServer m_server;
    QByteArray m_fingerprint; // as printed by `serve`
    QStringList m_verifiable; // profiles with a secret
};

void TestBackendClient::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QVERIFY2(!TestServer::binary().isEmpty(), "VIGIL_SERVER_BIN is not set");
    QString error;
    QVERIFY2(m_server.createDemo(m_dir.filePath(QStringLiteral("data")), 40, &error), qPrintable(error));
    QVERIFY2(m_server.start(&error), qPrintable(error));
    static const QRegularExpression printed(QStringLiteral("certificate SHA-256 fingerprint: ([0-9A-F:]+)"));
    const auto match = printed.match(QString::fromUtf8(m_server.log()));
    QVERIFY(match.hasMatch());
    m_fingerprint = BackendClient::parseFingerprint(match.captured(1));
    QCOMPARE(m_fingerprint.size(), 32);
    m_verifiable = m_server.profileIds(
            [](const QJsonObject &answers) { return answers.contains(QStringLiteral("secret")); });
    QVERIFY(m_verifiable.size() >= 3);
}

void TestBackendClient::cleanupTestCase()
{
    QCOMPARE(m_server.stop(), 0);
}

void TestBackendClient::init()
{
    QVERIFY(m_server.isRunning());
}

std::unique_ptr<BackendClient> TestBackendClient::client(const QByteArray &pin) const
{
    auto backend = std::make_unique<BackendClient>();
    backend->setServer(url());
    backend->setPinnedFingerprint(pin);
    return backend;
}

QByteArray TestBackendClient::loginAs(const QString &username)
{
    const auto backend = client(m_fingerprint);
    const Outcome outcome = await(backend->login(username, m_server.password(username)));
    const auto parsed = LoginResult::parse(outcome.json);
    return parsed ? parsed->token : QByteArray();
}

QSslConfiguration TestBackendClient::serverTls() const
{
    QString error;
    const auto identity = TlsIdentity::load(m_server.dataDir() + QStringLiteral("/tls/server.crt"),
                                            m_server.dataDir() + QStringLiteral("/tls/server.key"), &error);
    if (!identity)
        qFatal("cannot load the server's TLS identity: %s", qPrintable(error));
    return identity->serverConfiguration();
}

void TestBackendClient::health()
{
    const auto backend = client(m_fingerprint);
    const Outcome outcome = await(backend->health());
    QVERIFY2(outcome.error == BackendReply::Error::None, outcome.describe());
    QCOMPARE(outcome.finishedCount, 1);
    QVERIFY(outcome.deleted);
    QCOMPARE(outcome.status, 200);
    QCOMPARE(outcome.json.value(QStringLiteral("status")).toString(), QStringLiteral("ok"));
    QVERIFY(outcome.message.isEmpty());
}

void TestBackendClient::noPinAsksTheUser()
{
    const auto backend = client({});
    const Outcome outcome = await(backend->health());
    QCOMPARE(outcome.error, BackendReply::Error::CertificateUnknown);
    QCOMPARE(outcome.presentedFingerprint, m_fingerprint);
    QVERIFY(!outcome.presentedCertificateNull);
    QVERIFY(outcome.message.contains(BackendClient::formatFingerprint(m_fingerprint)));
    QCOMPARE(outcome.status, 0);
    QCOMPARE(outcome.finishedCount, 1);

    // Nothing was sent without a pin: not even a login.
    const Outcome login =
            await(backend->login(QStringLiteral("tech1"), m_server.password(QStringLiteral("tech1"))));
    QCOMPARE(login.error, BackendReply::Error::CertificateUnknown);
    QVERIFY(login.json.isEmpty());
}

void TestBackendClient::rightPinWorks()
{
    // Trust on first use: the user accepts what was presented.
    const auto backend = client({});
    const Outcome first = await(backend->health());
    QCOMPARE(first.error, BackendReply::Error::CertificateUnknown);
    backend->setPinnedFingerprint(first.presentedFingerprint);
    const Outcome second = await(backend->health());
    QVERIFY2(second.error == BackendReply::Error::None, second.describe());
    QCOMPARE(second.status, 200);
}

void TestBackendClient::wrongPinIsRefused()
{
    QByteArray wrong = m_fingerprint;
    wrong[0] = char(wrong.at(0) ^ 0xff);
    const auto backend = client(wrong);
    QSignalSpy expired(backend.get(), &BackendClient::sessionExpired);
    backend->setToken("not-sent-anyway");
    const Outcome outcome = await(backend->searchProfiles(QStringLiteral("silver")));
    QCOMPARE(outcome.error, BackendReply::Error::CertificateMismatch);
    QCOMPARE(outcome.presentedFingerprint, m_fingerprint);
    QVERIFY(!outcome.message.isEmpty());
    QCOMPARE(outcome.status, 0);
    QCOMPARE(expired.count(), 0);
}

void TestBackendClient::pinChangeIsNotBypassedByAKeptConnection()
{
    const auto backend = client(m_fingerprint);
    backend->setToken(loginAs(QStringLiteral("tech1")));
    QVERIFY(await(backend->fetchPolicy()).error == BackendReply::Error::None);
    // The keep-alive connection accepted under the right pin must not carry a request under a wrong one.
    backend->setPinnedFingerprint(QByteArray(32, '\x01'));
    QCOMPARE(await(backend->logout()).error, BackendReply::Error::CertificateMismatch);
    backend->setPinnedFingerprint(m_fingerprint);
    // The logout never reached the server: the session still works.
    const Outcome after = await(backend->fetchPolicy());
    QVERIFY2(after.error == BackendReply::Error::None, after.describe());
}

void TestBackendClient::serverDown()
{
    quint16 closedPort = 0;
    {
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        closedPort = probe.serverPort();
    }
    BackendClient backend;
    backend.setServer(QUrl(QStringLiteral("https://127.0.0.1:%1").arg(closedPort)));
    backend.setPinnedFingerprint(m_fingerprint);
    QSignalSpy online(&backend, &BackendClient::onlineChanged);
    const Outcome outcome = await(backend.health());
    QCOMPARE(outcome.error, BackendReply::Error::Network);
    QVERIFY(!outcome.message.isEmpty());
    QCOMPARE(outcome.finishedCount, 1);
    QCOMPARE(online.count(), 1);
    QCOMPARE(online.first().first().toBool(), false);
    // Still down: no new signal. Back up: one signal.
    QCOMPARE(await(backend.health()).error, BackendReply::Error::Network);
    QCOMPARE(online.count(), 1);
    backend.setServer(url());
    QCOMPARE(await(backend.health()).error, BackendReply::Error::None);
    QCOMPARE(online.count(), 2);
    QCOMPARE(online.last().first().toBool(), true);
    QCOMPARE(await(backend.health()).error, BackendReply::Error::None);
    QCOMPARE(online.count(), 2);
}

void TestBackendClient::invalidServerAddress()
{
    BackendClient backend;
    backend.setServer(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_server.port())));
    backend.setPinnedFingerprint(m_fingerprint);
    const Outcome outcome = await(backend.health());
    QCOMPARE(outcome.error, BackendReply::Error::Network);
    QVERIFY(outcome.message.contains(QStringLiteral("https://")));
    QCOMPARE(outcome.finishedCount, 1);
}

void TestBackendClient::login()
{
    const auto backend = client(m_fingerprint);
    QSignalSpy expired(backend.get(), &BackendClient::sessionExpired);
    const Outcome wrong = await(backend->login(QStringLiteral("tech1"), QStringLiteral("not the password")));
    QCOMPARE(wrong.error, BackendReply::Error::Http);
    QCOMPARE(wrong.status, 401);
    QCOMPARE(wrong.errorCode, QStringLiteral("invalid_credentials"));
    QVERIFY(!wrong.message.isEmpty());
    QCOMPARE(expired.count(), 0); // a failed login is not an expired session

    const Outcome right =
            await(backend->login(QStringLiteral("tech1"), m_server.password(QStringLiteral("tech1"))));
    QVERIFY2(right.error == BackendReply::Error::None, right.describe());
    const auto parsed = LoginResult::parse(right.json);
    QVERIFY(parsed);
    QCOMPARE(parsed->token.size(), 43);
    QCOMPARE(parsed->agent.username, QStringLiteral("tech1"));
    QVERIFY(parsed->agent.hasRole(QStringLiteral("technician")));
    QVERIFY(parsed->expiresAt > QDateTime::currentDateTimeUtc());
}

void TestBackendClient::searchParses()
{
    const auto backend = client(m_fingerprint);
    backend->setToken(loginAs(QStringLiteral("tech1")));
    const QString name = m_server.displayNameOf(QStringLiteral("1"));
    QVERIFY(!name.isEmpty());
    const Outcome outcome = await(backend->searchProfiles(name, 5));
    QVERIFY2(outcome.error == BackendReply::Error::None, outcome.describe());
    const auto results = ProfileSummary::parseSearch(outcome.json);
    QVERIFY(results);
    QVERIFY(!results->isEmpty());
    QVERIFY(results->size() <= 5);
    QCOMPARE(results->first().displayName, name);

    // Characters that mean something in a query string reach the server as text.
    const Outcome odd = await(backend->searchProfiles(QStringLiteral("a&limit=999+b=c#d%20")));
    QVERIFY2(odd.error == BackendReply::Error::None, odd.describe());
    QVERIFY(ProfileSummary::parseSearch(odd.json));

    const Outcome bad = await(backend->searchProfiles(QStringLiteral("x"), 500));
    QCOMPARE(bad.error, BackendReply::Error::Http);
    QCOMPARE(bad.status, 400);
    QCOMPARE(bad.errorCode, QStringLiteral("invalid_request"));
}

void TestBackendClient::verificationRoundTrip()
{
    const auto backend = client(m_fingerprint);
    backend->setToken(loginAs(QStringLiteral("tech1")));
    const QString profileId = m_verifiable.at(0);
    const Outcome started = await(backend->startVerification(profileId));
    QVERIFY2(started.error == BackendReply::Error::None, started.describe());
    QCOMPARE(started.status, 201);
    const auto verification = VerificationStart::parse(started.json);
    QVERIFY(verification);
    QVERIFY(!verification->questions.isEmpty());

    const QJsonObject known = m_server.answersOf(profileId);
    QHash<QString, QString> answers;
    for (const auto &question : verification->questions)
        answers.insert(question.id, known.value(question.field).toString());
    BackendReply *reply = backend->submitAnswers(verification->id, answers);
    QVERIFY(answers.isEmpty()); // the caller's copies are gone as soon as the call returns
    const Outcome answered = await(reply);
    QVERIFY2(answered.error == BackendReply::Error::None, answered.describe());
    const auto result = VerificationOutcome::parse(answered.status, answered.json);
    QVERIFY(result);
    QCOMPARE(result->result, VerificationOutcome::Result::Passed);
    QCOMPARE(result->level, 1);

    const Outcome viewed = await(backend->profile(profileId));
    QVERIFY2(viewed.error == BackendReply::Error::None, viewed.describe());
    const auto details = ProfileDetails::parse(viewed.json);
    QVERIFY(details);
    QCOMPARE(details->id, profileId);
    QCOMPARE(details->level, 1);
    QVERIFY(details->hasSecret);

    // Answered once: a second answer is 410, which VerificationOutcome reads as expired.
    QHash<QString, QString> again{{verification->questions.first().id, QStringLiteral("x")}};
    const Outcome late = await(backend->submitAnswers(verification->id, again));
    QCOMPARE(late.error, BackendReply::Error::Http);
    QCOMPARE(late.status, 410);
    const auto expired = VerificationOutcome::parse(late.status, late.json);
    QVERIFY(expired);
    QCOMPARE(expired->result, VerificationOutcome::Result::Expired);

    // Another agent has no grant.
    const auto other = client(m_fingerprint);
    other->setToken(loginAs(QStringLiteral("tech2")));
    const Outcome refused = await(other->profile(profileId));
    QCOMPARE(refused.status, 403);
    QCOMPARE(refused.errorCode, QStringLiteral("verification_required"));
}

void TestBackendClient::failuresLockAndSupervisorUnblocks()
{
    const auto backend = client(m_fingerprint);
    backend->setToken(loginAs(QStringLiteral("tech1")));
    const QString profileId = m_verifiable.at(1);
    std::optional<VerificationOutcome> last;
    for (int attempt = 0; attempt < 3; ++attempt) {
        const Outcome started = await(backend->startVerification(profileId));
        const auto verification = VerificationStart::parse(started.json);
        QVERIFY2(verification, started.describe());
        QHash<QString, QString> answers;
        for (const auto &question : verification->questions)
            answers.insert(question.id, QStringLiteral("zebra-quartz-1234"));
        const Outcome answered = await(backend->submitAnswers(verification->id, answers));
        last = VerificationOutcome::parse(answered.status, answered.json);
        QVERIFY2(last, answered.describe());
        if (attempt < 2) {
            QCOMPARE(last->result, VerificationOutcome::Result::Failed);
            QCOMPARE(last->attemptsRemaining, 2 - attempt);
        }
    }
    QCOMPARE(last->result, VerificationOutcome::Result::Locked);
    QVERIFY(last->lockedUntil > QDateTime::currentDateTimeUtc());

    const Outcome locked = await(backend->startVerification(profileId));
    QCOMPARE(locked.error, BackendReply::Error::Http);
    QCOMPARE(locked.status, 423);
    QCOMPARE(locked.errorCode, QStringLiteral("profile_locked"));

    // A technician may not unblock; a supervisor may.
    const Outcome forbidden = await(backend->unblock(profileId));
    QCOMPARE(forbidden.status, 403);
    QCOMPARE(forbidden.errorCode, QStringLiteral("forbidden"));
    const auto supervisor = client(m_fingerprint);
    supervisor->setToken(loginAs(QStringLiteral("super1")));
    const Outcome unblocked = await(supervisor->unblock(profileId));
    QVERIFY2(unblocked.error == BackendReply::Error::None, unblocked.describe());
    QCOMPARE(unblocked.status, 204);
    QVERIFY(unblocked.json.isEmpty());
    const Outcome restarted = await(backend->startVerification(profileId));
    QVERIFY2(restarted.error == BackendReply::Error::None, restarted.describe());
}

void TestBackendClient::auditAndVerify()
{
    const auto backend = client(m_fingerprint);
    backend->setToken(loginAs(QStringLiteral("audit1")));
    AuditQuery query;
    query.action = QStringLiteral("AGENT_LOGIN");
    query.limit = 5;
    const Outcome listed = await(backend->audit(query));
    QVERIFY2(listed.error == BackendReply::Error::None, listed.describe());
    const auto entries = AuditEntryView::parseList(listed.json);
    QVERIFY(entries);
    QVERIFY(!entries->isEmpty());
    QVERIFY(entries->size() <= 5);
    for (const auto &entry : *entries)
        QCOMPARE(entry.action, QStringLiteral("AGENT_LOGIN"));

    AuditQuery after;
    after.after = entries->first().seq;
    after.limit = 3;
    const Outcome paged = await(backend->audit(after));
    const auto page = AuditEntryView::parseList(paged.json);
    QVERIFY2(page, paged.describe());
    QVERIFY(!page->isEmpty());
    QCOMPARE(page->first().seq, entries->first().seq + 1);

    const Outcome verified = await(backend->verifyAudit());
    QVERIFY2(verified.error == BackendReply::Error::None, verified.describe());
    const auto status = AuditChainStatus::parse(verified.json);
    QVERIFY(status);
    QVERIFY(status->ok);
    QVERIFY(status->entries > 0);
    QVERIFY(!status->firstBadSeq);

    const auto technician = client(m_fingerprint);
    technician->setToken(loginAs(QStringLiteral("tech1")));
    QCOMPARE(await(technician->verifyAudit()).status, 403);
}

void TestBackendClient::signedPolicy()
{
    const auto backend = client(m_fingerprint);
    backend->setToken(loginAs(QStringLiteral("tech1")));
    const Outcome outcome = await(backend->fetchPolicy());
    QVERIFY2(outcome.error == BackendReply::Error::None, outcome.describe());
    const auto signedPolicy = SignedPolicy::parse(outcome.json);
    QVERIFY(signedPolicy);
    QVERIFY(SigningKey::verify(signedPolicy->publicKey, signedPolicy->policyBytes, signedPolicy->signature));
    QString error;
    const auto policy = Policy::fromBytes(signedPolicy->policyBytes, &error);
    QVERIFY2(policy, qPrintable(error));
    QCOMPARE(policy->maxFailedAttempts, 3);
}

void TestBackendClient::expiredSessionIsReported()
{
    const auto backend = client(m_fingerprint);
    backend->setToken(QByteArray(43, 'A'));
    QSignalSpy expired(backend.get(), &BackendClient::sessionExpired);
    QStringList order;
    connect(backend.get(), &BackendClient::sessionExpired, this,
            [&order] { order.append(QStringLiteral("expired")); });
    BackendReply *reply = backend->searchProfiles(QStringLiteral("silver"));
    connect(reply, &BackendReply::finished, this, [&order] { order.append(QStringLiteral("finished")); });
    const Outcome outcome = await(reply);
    QCOMPARE(outcome.error, BackendReply::Error::Http);
    QCOMPARE(outcome.status, 401);
    QCOMPARE(outcome.errorCode, QStringLiteral("unauthorized"));
    QCOMPARE(expired.count(), 1);
    QCOMPARE(order, (QStringList{QStringLiteral("finished"), QStringLiteral("expired")}));

    // No token at all on an authenticated route: the same.
    backend->setToken({});
    QCOMPARE(await(backend->fetchPolicy()).status, 401);
    QCOMPARE(expired.count(), 2);
}

void TestBackendClient::logout()
{
    const auto backend = client(m_fingerprint);
    backend->setToken(loginAs(QStringLiteral("tech2")));
    QSignalSpy expired(backend.get(), &BackendClient::sessionExpired);
    const Outcome out = await(backend->logout());
    QVERIFY2(out.error == BackendReply::Error::None, out.describe());
    QCOMPARE(out.status, 204);
    QCOMPARE(expired.count(), 0);
    QCOMPARE(await(backend->fetchPolicy()).status, 401);
    QCOMPARE(expired.count(), 1);
}

void TestBackendClient::truncatedJsonIsMalformed()
{
    CannedServer canned(serverTls(),
                        "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 10\r\n"
                        "Connection: close\r\n\r\n{\"results\"");
    QVERIFY(canned.isListening());
    BackendClient backend;
    backend.setServer(QUrl(QStringLiteral("https://127.0.0.1:%1").arg(canned.port())));
    backend.setPinnedFingerprint(m_fingerprint);
    backend.setToken(QByteArray(43, 'B'));
    const Outcome outcome = await(backend.searchProfiles(QStringLiteral("silver")));
    QCOMPARE(outcome.error, BackendReply::Error::Malformed);
    QCOMPARE(outcome.status, 200);
    QVERIFY(!outcome.message.isEmpty());
    QCOMPARE(outcome.finishedCount, 1);
    QVERIFY(canned.received().startsWith("GET /v1/profiles?q=silver&limit=20 HTTP/1.1\r\n"));
    QVERIFY(canned.received().contains("Authorization: Bearer BBBB"));
}

void TestBackendClient::nonJsonIsMalformed()
{
    CannedServer canned(
            serverTls(),
            "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 22\r\nConnection: close\r\n"
            "\r\n<html>hello</html>\r\n\r\n");
    QVERIFY(canned.isListening());
    BackendClient backend;
    backend.setServer(QUrl(QStringLiteral("https://127.0.0.1:%1").arg(canned.port())));
    backend.setPinnedFingerprint(m_fingerprint);
    const Outcome outcome = await(backend.health());
    QCOMPARE(outcome.error, BackendReply::Error::Malformed);
    QVERIFY(!outcome.message.isEmpty());

    // A JSON array is JSON, but not the object every reply must be.
    CannedServer array(serverTls(),
                       "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 2\r\n"
                       "Connection: close\r\n\r\n[]");
    backend.setServer(QUrl(QStringLiteral("https://127.0.0.1:%1").arg(array.port())));
    QCOMPARE(await(backend.health()).error, BackendReply::Error::Malformed);
}

void TestBackendClient::cutOffBodyIsMalformed()
{
    CannedServer canned(
            serverTls(),
            "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"results\":",
            true);
    QVERIFY(canned.isListening());
    BackendClient backend;
    backend.setServer(QUrl(QStringLiteral("https://127.0.0.1:%1").arg(canned.port())));
    backend.setPinnedFingerprint(m_fingerprint);
    const Outcome outcome = await(backend.health());
    QCOMPARE(outcome.error, BackendReply::Error::Malformed);
    QCOMPARE(outcome.finishedCount, 1);
}

void TestBackendClient::errorStatusWithoutBody()
{
    CannedServer canned(
            serverTls(),
            "HTTP/1.1 503 Service Unavailable\r\nContent-Length: 5\r\nConnection: close\r\n\r\noops!");
    BackendClient backend;
    backend.setServer(QUrl(QStringLiteral("https://127.0.0.1:%1").arg(canned.port())));
    backend.setPinnedFingerprint(m_fingerprint);
    const Outcome outcome = await(backend.health());
    QCOMPARE(outcome.error, BackendReply::Error::Http);
    QCOMPARE(outcome.status, 503);
    QVERIFY(outcome.errorCode.isEmpty());
    QVERIFY(!outcome.message.isEmpty()); // the generic text for the status
}

void TestBackendClient::timeout()
{
    CannedServer silent(serverTls(), QByteArray());
    QVERIFY(silent.isListening());
    BackendClient backend;
    backend.setServer(QUrl(QStringLiteral("https://127.0.0.1:%1").arg(silent.port())));
    backend.setPinnedFingerprint(m_fingerprint);
    backend.setTimeout(700);
    QSignalSpy online(&backend, &BackendClient::onlineChanged);
    const Outcome outcome = await(backend.health(), 20000);
    QCOMPARE(outcome.finishedCount, 1);
    QCOMPARE(outcome.error, BackendReply::Error::Timeout);
    QVERIFY(!outcome.message.isEmpty());
    QCOMPARE(online.count(), 1);
    QCOMPARE(online.first().first().toBool(), false);
}

void TestBackendClient::abortFinishesOnce()
{
    CannedServer silent(serverTls(), QByteArray());
    BackendClient backend;
    backend.setServer(QUrl(QStringLiteral("https://127.0.0.1:%1").arg(silent.port())));
    backend.setPinnedFingerprint(m_fingerprint);
    QSignalSpy online(&backend, &BackendClient::onlineChanged);
    BackendReply *reply = backend.health();
    QPointer<BackendReply> guard(reply);
    QSignalSpy finished(reply, &BackendReply::finished);
    QTest::qWait(200);
    reply->abort();
    QCOMPARE(finished.count(), 1);
    QCOMPARE(reply->error(), BackendReply::Error::Aborted);
    QVERIFY(!reply->message().isEmpty());
    reply->abort(); // harmless
    QCOMPARE(finished.count(), 1);
    QTRY_VERIFY(guard.isNull());
    QTest::qWait(200);
    QCOMPARE(online.count(), 0); // cancelling says nothing about the server
}

void TestBackendClient::fingerprintText()
{
    const QString text = BackendClient::formatFingerprint(m_fingerprint);
    QCOMPARE(text.size(), 32 * 3 - 1);
    QCOMPARE(text, text.toUpper());
    QCOMPARE(BackendClient::parseFingerprint(text), m_fingerprint);
    QCOMPARE(BackendClient::parseFingerprint(text.toLower().remove(QLatin1Char(':'))), m_fingerprint);
    QVERIFY(BackendClient::parseFingerprint(text.left(20)).isEmpty());
    QVERIFY(BackendClient::parseFingerprint(text + QStringLiteral(":00")).isEmpty());
    QVERIFY(BackendClient::parseFingerprint(QString(64, QLatin1Char('g'))).isEmpty());
    QVERIFY(BackendClient::parseFingerprint(QString()).isEmpty());
}

QTEST_GUILESS_MAIN(TestBackendClient)
#include "test_backend_client.moc"
