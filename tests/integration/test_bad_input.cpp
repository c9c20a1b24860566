// Hostile and broken input against the real server: size limits, media types, broken JSON,
// unknown routes, clients that leave early, garbage. The server answers with the documented
// errors and stays up.
#include "TestServer.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

using namespace vigil::test;

namespace {
// A memory figure of a process from /proc (VmRSS, VmHWM) in KiB, or -1.
qint64 memoryKiB(qint64 pid, const char *field)
{
    QFile status(QStringLiteral("/proc/%1/status").arg(pid));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    const QRegularExpression pattern(QLatin1String(field) + QStringLiteral(":\\s+(\\d+) kB"));
    const auto match = pattern.match(QString::fromLatin1(status.readAll()));
    return match.hasMatch() ? match.captured(1).toLongLong() : -1;
}
} // namespace

class TestBadInput : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void bodyOverLimitWithContentLength();
    void hugeStreamedBodyIsRefusedEarly_data();
    void hugeStreamedBodyIsRefusedEarly();
    void clientIgnoringThe413();
    void chunkedBodyIsRefused();
    void wrongMediaType();
    void brokenJson_data();
    void brokenJson();
    void unknownRoute_data();
    void unknownRoute();
    void wrongMethod_data();
    void wrongMethod();
    void clientLeavesMidRequest();
    void clientLeavesBeforeTheAnswer_data();
    void clientLeavesBeforeTheAnswer();
    void garbage_data();
    void garbage();
    void serverIsStillHealthy();

private:
    QByteArray head(const QByteArray &method, const QByteArray &path, const QByteArray &extraHeaders) const;

    QTemporaryDir m_dir;
    TestServer m_server;
    QByteArray m_tech1;
    QByteArray m_auditor;
};

void TestBadInput::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QVERIFY2(!TestServer::binary().isEmpty(), "VIGIL_SERVER_BIN is not set");
    QString error;
    QVERIFY2(m_server.createDemo(m_dir.filePath(QStringLiteral("data")), 20, &error), qPrintable(error));
    QVERIFY2(m_server.start(&error), qPrintable(error));
    m_tech1 = m_server.login(QStringLiteral("tech1"));
    m_auditor = m_server.login(QStringLiteral("audit1"));
    QVERIFY(!m_tech1.isEmpty() && !m_auditor.isEmpty());
}

void TestBadInput::cleanupTestCase()
{
    QCOMPARE(m_server.stop(), 0);
}

QByteArray TestBadInput::head(const QByteArray &method, const QByteArray &path,
                              const QByteArray &extraHeaders) const
{
    return method + ' ' + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + QByteArray::number(m_server.port())
            + "\r\nConnection: close\r\n" + extraHeaders + "\r\n";
}

void TestBadInput::bodyOverLimitWithContentLength()
{
    const QByteArray body = "{\"username\":\"tech1\",\"password\":\"" + QByteArray(70 * 1024, 'x') + "\"}";
    const auto response = m_server.client().request("POST", QStringLiteral("/v1/auth/login"), {}, body);
    QVERIFY2(response.status == 413, response.describe());
    QCOMPARE(response.errorCode(), QStringLiteral("payload_too_large"));

    // Just inside the limit is parsed as usual (and is simply a wrong password).
    const QByteArray fits = "{\"username\":\"tech2\",\"password\":\"" + QByteArray(60 * 1024, 'x') + "\"}";
    const auto accepted = m_server.client().request("POST", QStringLiteral("/v1/auth/login"), {}, fits);
    QVERIFY2(accepted.status == 401, accepted.describe());
}

void TestBadInput::hugeStreamedBodyIsRefusedEarly_data()
{
    QTest::addColumn<QByteArray>("requestHead");
    QTest::addColumn<qint64>("streamBytes");
    QTest::addColumn<bool>("headComplete");
    const QByteArray start =
            "POST /v1/auth/login HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n";
    // First, while the peak memory is still low.
    QTest::newRow("40 MB header that never ends")
            << QByteArray(start + "X-Fill: ") << qint64(40000000) << false;
    QTest::newRow("50 MB body with its Content-Length")
            << QByteArray(start + "Content-Length: 52428800\r\n\r\n") << qint64(52428800) << true;
    // The head no longer fits in one TLS record, so the Content-Length arrives in an earlier read.
    QTest::newRow("50 MB body, Content-Length before a 17 KB header") << QByteArray(
            start + "Content-Length: 52428800\r\nX-Fill: " + QByteArray(17000, 'f') + "\r\n\r\n")
                                                                      << qint64(52428800) << true;
}

void TestBadInput::hugeStreamedBodyIsRefusedEarly()
{
    QFETCH(QByteArray, requestHead);
    QFETCH(qint64, streamBytes);
    QFETCH(bool, headComplete);
    const qint64 pid = m_server.pid();
    const qint64 before = memoryKiB(pid, "VmHWM");
    QVERIFY(before > 0);
    QElapsedTimer timer;
    timer.start();
    qint64 sent = 0;
    auto client = m_server.client();
    client.timeoutMs = 5000;
    const auto response = client.streamBody(requestHead, streamBytes, &sent);
    const qint64 elapsed = timer.elapsed();
    QThread::msleep(200);
    QVERIFY(m_server.isRunning());
    // The peak, so that memory taken and given back again still counts.
    const qint64 after = memoryKiB(pid, "VmHWM");

    QStringList problems;
    if (headComplete
        && (response.status != 413 || response.errorCode() != QLatin1String("payload_too_large")))
        problems.append(QStringLiteral("expected 413 payload_too_large, got ")
                        + QString::fromUtf8(response.describe()));
    if (!headComplete && response.status != 413 && response.status != 431)
        problems.append(QStringLiteral("expected 413 or 431, got ") + QString::fromUtf8(response.describe()));
    if (elapsed > 5000)
        problems.append(QStringLiteral("the refusal took %1 ms").arg(elapsed));
    if (sent >= streamBytes / 2)
        problems.append(QStringLiteral("%1 of %2 bytes went out before the server refused")
                                .arg(sent)
                                .arg(streamBytes));
    if (after - before >= 30 * 1024)
        problems.append(QStringLiteral("peak memory (VmHWM) of the server grew from %1 KiB to %2 KiB")
                                .arg(before)
                                .arg(after));
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QStringLiteral("; "))));
    const auto health = m_server.client().get(QStringLiteral("/v1/health"));
    QVERIFY2(health.status == 200, health.describe());
}

void TestBadInput::clientIgnoringThe413()
{
    const qint64 pid = m_server.pid();
    const qint64 before = memoryKiB(pid, "VmHWM");
    QVERIFY(before > 0);
    const QByteArray requestHead =
            head("POST", "/v1/auth/login", "Content-Type: application/json\r\nContent-Length: 52428800\r\n");
    auto socketClient = m_server.client();
    QString error;
    auto socket = socketClient.connectPinned(&error);
    QVERIFY2(socket, qPrintable(error));
    socket->write(requestHead);
    const QByteArray chunk(256 * 1024, 'b');
    qint64 pushed = 0;
    QElapsedTimer timer;
    timer.start();
    while (pushed < 52428800 && socket->state() == QAbstractSocket::ConnectedState
           && timer.elapsed() < 20000) {
        socket->write(chunk);
        pushed += chunk.size();
        while (socket->bytesToWrite() > 0 && socket->state() == QAbstractSocket::ConnectedState
               && timer.elapsed() < 20000)
            socket->waitForBytesWritten(100);
        socket->readAll();
    }
    socket->abort();
    QVERIFY2(pushed < 52428800, "the server let a refused client stream the whole 50 MB");
    QThread::msleep(200);
    QVERIFY(m_server.isRunning());
    const qint64 after = memoryKiB(pid, "VmHWM");
    QVERIFY2(after - before < 30 * 1024,
             qPrintable(QStringLiteral("peak memory grew from %1 KiB to %2 KiB").arg(before).arg(after)));
    const auto health = m_server.client().get(QStringLiteral("/v1/health"));
    QVERIFY2(health.status == 200, health.describe());
}

void TestBadInput::chunkedBodyIsRefused()
{
    const QByteArray request =
            head("POST", "/v1/auth/login", "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n")
            + "11\r\n{\"username\":\"tec\r\n" + "15\r\nh1\",\"password\":\"x\"}\r\n" + "0\r\n\r\n";
    const auto response = m_server.client().sendRaw(request);
    QVERIFY2(response.status == 413, response.describe());
    QCOMPARE(response.errorCode(), QStringLiteral("payload_too_large"));
}

void TestBadInput::wrongMediaType()
{
    const auto response =
            m_server.client().request("POST", QStringLiteral("/v1/auth/login"), {},
                                      "{\"username\":\"tech1\",\"password\":\"x\"}", "text/plain");
    QVERIFY2(response.status == 415, response.describe());
    QCOMPARE(response.errorCode(), QStringLiteral("unsupported_media_type"));
    QVERIFY(response.json.contains(QStringLiteral("message")));
    const auto form = m_server.client().request("POST", QStringLiteral("/v1/auth/login"), {},
                                                "username=tech1", "application/x-www-form-urlencoded");
    QVERIFY2(form.status == 415, form.describe());
}

void TestBadInput::brokenJson_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::newRow("truncated") << QByteArray("{\"username\": \"tech1\", \"password\": ");
    QTest::newRow("not json") << QByteArray("hello there");
    QTest::newRow("array") << QByteArray("[\"tech1\", \"password\"]");
    QTest::newRow("string") << QByteArray("\"tech1\"");
    QTest::newRow("invalid utf-8 in a string") << QByteArray("{\"username\":\"te\xff\xfe"
                                                             "ch1\",\"password\":\"x\"}");
    QTest::newRow("overlong utf-8") << QByteArray("{\"username\":\"\xc0\xaf\",\"password\":\"x\"}");
    QTest::newRow("lone surrogate bytes") << QByteArray("{\"username\":\"\xed\xa0\x80\",\"password\":\"x\"}");
    QTest::newRow("wrong types") << QByteArray("{\"username\":1,\"password\":[]}");
}

void TestBadInput::brokenJson()
{
    QFETCH(QByteArray, body);
    const auto response = m_server.client().request("POST", QStringLiteral("/v1/auth/login"), {}, body);
    QVERIFY2(response.status == 400, response.describe());
    QCOMPARE(response.errorCode(), QStringLiteral("invalid_request"));

    // Same on an authenticated route that takes a body.
    const auto answer =
            m_server.client().request("POST", QStringLiteral("/v1/verifications/abc/answers"), m_tech1, body);
    QVERIFY2(answer.status == 400, answer.describe());
    QCOMPARE(answer.errorCode(), QStringLiteral("invalid_request"));
}

void TestBadInput::unknownRoute_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QString>("path");
    QTest::newRow("unknown v1 route") << QByteArray("GET") << QStringLiteral("/v1/nothing");
    QTest::newRow("root") << QByteArray("GET") << QStringLiteral("/");
    QTest::newRow("too deep") << QByteArray("GET") << QStringLiteral("/v1/profiles/1/verifications/extra");
    QTest::newRow("unknown post") << QByteArray("POST") << QStringLiteral("/v2/auth/login");
    QTest::newRow("dot dot") << QByteArray("GET") << QStringLiteral("/v1/../../etc/passwd");
}

void TestBadInput::unknownRoute()
{
    QFETCH(QByteArray, method);
    QFETCH(QString, path);
    const auto response =
            m_server.client().request(method, path, m_tech1, method == "POST" ? "{}" : QByteArray());
    QVERIFY2(response.status == 404, response.describe());
    QCOMPARE(response.errorCode(), QStringLiteral("not_found"));
    QCOMPARE(response.header("Content-Type"), QByteArray("application/json"));
}

void TestBadInput::wrongMethod_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QString>("path");
    QTest::newRow("GET login") << QByteArray("GET") << QStringLiteral("/v1/auth/login");
    QTest::newRow("DELETE login") << QByteArray("DELETE") << QStringLiteral("/v1/auth/login");
    QTest::newRow("PUT audit") << QByteArray("PUT") << QStringLiteral("/v1/audit");
    QTest::newRow("POST profile") << QByteArray("POST") << QStringLiteral("/v1/profiles/1");
}

void TestBadInput::wrongMethod()
{
    QFETCH(QByteArray, method);
    QFETCH(QString, path);
    const auto response = m_server.client().request(
            method, path, m_tech1, method == "PUT" || method == "POST" ? "{}" : QByteArray());
    QVERIFY2(response.status == 405, response.describe());
    QVERIFY2(!response.errorCode().isEmpty(), response.describe());
}

void TestBadInput::clientLeavesMidRequest()
{
    HttpsClient::RawOptions leave;
    leave.abortAfterWrite = true;
    const auto client = m_server.client();
    client.sendRaw("POST /v1/auth/login HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Ty", leave);
    client.sendRaw(head("POST", "/v1/auth/login", "Content-Type: application/json\r\nContent-Length: 100\r\n")
                           + "{\"username\":\"tech1\"",
                   leave);
    // Connects and says nothing at all.
    leave.tls = false;
    client.sendRaw({}, leave);
    const auto health = client.get(QStringLiteral("/v1/health"));
    QVERIFY2(health.status == 200, health.describe());
}

void TestBadInput::clientLeavesBeforeTheAnswer_data()
{
    QTest::addColumn<bool>("correct");
    QTest::newRow("correct answers") << true;
    QTest::newRow("wrong answers") << false;
}

void TestBadInput::clientLeavesBeforeTheAnswer()
{
    QFETCH(bool, correct);
    const QString profile = correct ? QStringLiteral("1") : QStringLiteral("2");
    const QJsonObject answers = m_server.answersOf(profile);
    QVERIFY(answers.contains(QStringLiteral("secret")));
    const auto client = m_server.client();
    const auto started =
            client.postEmpty(QStringLiteral("/v1/profiles/%1/verifications").arg(profile), m_tech1);
    QVERIFY2(started.status == 201, started.describe());
    const QString id = started.json.value(QStringLiteral("id")).toString();
    const QByteArray body =
            QJsonDocument(answersBody(started.json.value(QStringLiteral("questions")).toArray(),
                                      [&](const QString &field) {
                                          return correct ? answers.value(field).toString()
                                                         : QStringLiteral("zebra-quartz-1234");
                                      }))
                    .toJson(QJsonDocument::Compact);
    HttpsClient::RawOptions leave;
    leave.abortAfterWrite = true;
    client.sendRaw(client.requestHead("POST", QStringLiteral("/v1/verifications/%1/answers").arg(id), m_tech1,
                                      body.size(), "application/json")
                           + body,
                   leave);

    // The answer is still evaluated and recorded once, though nobody was there to read the reply.
    QJsonObject recorded;
    QElapsedTimer timer;
    timer.start();
    while (recorded.isEmpty() && timer.elapsed() < 10000) {
        const QJsonArray entries = m_server.audit(
                m_auditor, QStringLiteral("limit=1000&action=HELPDESK_UNLOCK_ATTEMPT&profile=") + profile);
        for (const auto &entry : entries) {
            if (entry.toObject().value(QStringLiteral("verification")).toString() == id)
                recorded = entry.toObject();
        }
        if (recorded.isEmpty())
            QThread::msleep(100);
    }
    QVERIFY2(!recorded.isEmpty(), "the answer of a client that left was not recorded");
    QCOMPARE(recorded.value(QStringLiteral("outcome")).toString(),
             correct ? QStringLiteral("passed") : QStringLiteral("failed"));
    const auto again = client.post(QStringLiteral("/v1/verifications/%1/answers").arg(id),
                                   QJsonDocument::fromJson(body).object(), m_tech1);
    QVERIFY2(again.status == 410, again.describe());
    if (correct) {
        const auto view = client.get(QStringLiteral("/v1/profiles/1"), m_tech1);
        QVERIFY2(view.status == 200, view.describe());
    } else {
        const auto next =
                client.postEmpty(QStringLiteral("/v1/profiles/%1/verifications").arg(profile), m_tech1);
        QVERIFY2(next.status == 201, next.describe());
        QCOMPARE(next.json.value(QStringLiteral("attempts_remaining")).toInt(), 2);
    }
    QVERIFY(m_server.isRunning());
}

void TestBadInput::garbage_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<bool>("tls");
    QTest::addColumn<int>("expected"); // 0: anything but a success, or nothing
    QByteArray random(4096, '\0');
    QRandomGenerator generator(20240611);
    for (auto &byte : random)
        byte = static_cast<char>(generator.bounded(256));
    QTest::newRow("random bytes over TLS") << random << true << 0;
    QTest::newRow("random bytes without TLS") << random << false << 0;
    QTest::newRow("plain HTTP to the TLS port")
            << QByteArray("GET /v1/health HTTP/1.1\r\nHost: x\r\n\r\n") << false << 0;
    QTest::newRow("not HTTP") << QByteArray("HELLO SERVER\r\n\r\n\r\n") << true << 0;
    QTest::newRow("NUL bytes") << QByteArray(1024, '\0') << true << 0;
    QTest::newRow("negative length") << QByteArray(
            "POST /v1/auth/login HTTP/1.1\r\nContent-Type: application/json\r\nContent-Length: -5\r\n\r\n{}")
                                     << true << 413;
    QTest::newRow("non-numeric length") << QByteArray(
            "POST /v1/auth/login HTTP/1.1\r\nContent-Type: application/json\r\nContent-Length: x\r\n\r\n{}")
                                        << true << 413;
    QTest::newRow("bad request line") << QByteArray("GET\r\n\r\n") << true << 0;
    QTest::newRow("head over 16 KiB")
            << QByteArray("GET /v1/health HTTP/1.1\r\nX-Fill: " + QByteArray(20000, 'f') + "\r\n\r\n") << true
            << 413;
}

void TestBadInput::garbage()
{
    QFETCH(QByteArray, bytes);
    QFETCH(bool, tls);
    QFETCH(int, expected);
    HttpsClient::RawOptions options;
    options.tls = tls;
    options.timeoutMs = 3000;
    const auto response = m_server.client().sendRaw(bytes, options);
    // Whatever comes back (often nothing), it is never a success.
    if (expected != 0)
        QVERIFY2(response.status == expected, response.describe());
    else
        QVERIFY2(response.status < 200 || response.status >= 400, response.describe());
    QVERIFY(m_server.isRunning());
    const auto health = m_server.client().get(QStringLiteral("/v1/health"));
    QVERIFY2(health.status == 200, health.describe());
}

void TestBadInput::serverIsStillHealthy()
{
    const auto health = m_server.client().get(QStringLiteral("/v1/health"));
    QVERIFY2(health.status == 200, health.describe());
    QCOMPARE(health.json.value(QStringLiteral("status")).toString(), QStringLiteral("ok"));
    QVERIFY(m_server.isRunning());
    QVERIFY(!m_server.login(QStringLiteral("tech2")).isEmpty());
    const auto search = m_server.client().get(QStringLiteral("/v1/profiles?q=silver"), m_tech1);
    QVERIFY2(search.status == 200, search.describe());
}

QTEST_GUILESS_MAIN(TestBadInput)
#include "test_bad_input.moc"
