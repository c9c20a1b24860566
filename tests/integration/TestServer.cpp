#include "TestServer.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDateTime>
#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslSocket>
#include <QTcpSocket>
#include <QUrl>

#include <algorithm>

namespace vigil::test {

namespace {
constexpr int kStartTimeoutMs = 30000;
constexpr int kStopTimeoutMs = 30000;

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

bool responseComplete(const QByteArray &buffer)
{
    const qsizetype end = buffer.indexOf("\r\n\r\n");
    if (end < 0)
        return false;
    static const QRegularExpression lengthPattern(QStringLiteral("(?im)^content-length:\\s*(\\d+)\\s*$"));
    const auto match = lengthPattern.match(QString::fromLatin1(buffer.left(end + 2)));
    if (!match.hasMatch())
        return false; // without a length only the close ends the body
    return buffer.size() - (end + 4) >= match.captured(1).toLongLong();
}
} // namespace

QByteArray HttpResponse::header(const QByteArray &name) const
{
    const QList<QByteArray> lines = head.split('\n');
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray &line = lines.at(i);
        const qsizetype colon = line.indexOf(':');
        if (colon > 0 && line.left(colon).trimmed().toLower() == name.toLower())
            return line.mid(colon + 1).trimmed();
    }
    return {};
}

QByteArray HttpResponse::describe() const
{
    return "status " + QByteArray::number(status) + " body " + body.left(400)
            + (transportError.isEmpty() ? QByteArray() : " transport error: " + transportError.toUtf8());
}

HttpsClient::HttpsClient(QString host, quint16 port, QByteArray fingerprint)
    : m_host(std::move(host))
    , m_port(port)
    , m_fingerprint(std::move(fingerprint))
{
}

std::unique_ptr<QSslSocket> HttpsClient::connectPinned(QString *error) const
{
    auto socket = std::make_unique<QSslSocket>();
    QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
    configuration.setCaCertificates({}); // trust comes from the pin alone
    configuration.setPeerVerifyMode(QSslSocket::VerifyPeer);
    configuration.setProtocol(QSsl::TlsV1_2OrLater);
    socket->setSslConfiguration(configuration);
    const QByteArray pin = m_fingerprint;
    QString pinProblem;
    QSslSocket *raw = socket.get();
    const auto pinCheck = QObject::connect(
            raw, &QSslSocket::sslErrors, raw, [raw, pin, &pinProblem](const QList<QSslError> &errors) {
                const QSslCertificate peer = raw->peerCertificate();
                if (peer.isNull() || peer.digest(QCryptographicHash::Sha256) != pin) {
                    pinProblem =
                            QStringLiteral("the server certificate does not match the pinned fingerprint");
                    return;
                }
                // Only what a pinned self-signed certificate explains is forgiven.
                for (const QSslError &e : errors) {
                    switch (e.error()) {
                    case QSslError::SelfSignedCertificate:
                    case QSslError::SelfSignedCertificateInChain:
                    case QSslError::HostNameMismatch:
                    case QSslError::UnableToGetLocalIssuerCertificate:
                    case QSslError::UnableToVerifyFirstCertificate:
                    case QSslError::CertificateUntrusted:
                        break;
                    default:
                        pinProblem = QStringLiteral("unexpected TLS error: %1").arg(e.errorString());
                        return;
                    }
                }
                raw->ignoreSslErrors(errors);
            });
    socket->connectToHostEncrypted(m_host, m_port);
    const bool encrypted = socket->waitForEncrypted(timeoutMs);
    QObject::disconnect(pinCheck); // it refers to pinProblem, which ends with this function
    if (!encrypted) {
        *error = pinProblem.isEmpty() ? QStringLiteral("TLS connection failed: %1").arg(socket->errorString())
                                      : pinProblem;
        return nullptr;
    }
    if (socket->peerCertificate().digest(QCryptographicHash::Sha256) != m_fingerprint) {
        *error = QStringLiteral("connected to a server whose certificate is not the pinned one");
        return nullptr;
    }
    return socket;
}

QByteArray HttpsClient::requestHead(const QByteArray &method, const QString &path, const QByteArray &token,
                                    qsizetype bodySize, const QByteArray &contentType) const
{
    QByteArray head = method + ' ' + path.toUtf8() + " HTTP/1.1\r\nHost: " + m_host.toLatin1() + ':'
            + QByteArray::number(m_port) + "\r\nConnection: close\r\nAccept: application/json\r\n";
    if (!token.isEmpty())
        head += "Authorization: Bearer " + token + "\r\n";
    if (bodySize > 0 || method == "POST" || method == "PUT") {
        if (!contentType.isEmpty())
            head += "Content-Type: " + contentType + "\r\n";
        head += "Content-Length: " + QByteArray::number(bodySize) + "\r\n";
    }
    return head + "\r\n";
}

HttpResponse HttpsClient::request(const QByteArray &method, const QString &path, const QByteArray &token,
                                  const QByteArray &body, const QByteArray &contentType) const
{
    RawOptions options;
    options.timeoutMs = timeoutMs;
    return sendRaw(requestHead(method, path, token, body.size(), contentType) + body, options);
}

HttpResponse HttpsClient::get(const QString &path, const QByteArray &token) const
{
    return request("GET", path, token);
}

HttpResponse HttpsClient::post(const QString &path, const QJsonObject &body, const QByteArray &token) const
{
    return request("POST", path, token, QJsonDocument(body).toJson(QJsonDocument::Compact));
}

HttpResponse HttpsClient::postEmpty(const QString &path, const QByteArray &token) const
{
    return request("POST", path, token, {}, {});
}

HttpResponse HttpsClient::put(const QString &path, const QJsonObject &body, const QByteArray &token) const
{
    return request("PUT", path, token, QJsonDocument(body).toJson(QJsonDocument::Compact));
}

HttpResponse HttpsClient::sendRaw(const QByteArray &bytes, const RawOptions &options) const
{
    HttpResponse response;
    std::unique_ptr<QTcpSocket> socket;
    if (options.tls) {
        QString error;
        auto tlsSocket = connectPinned(&error);
        if (!tlsSocket) {
            response.transportError = error;
            return response;
        }
        socket = std::move(tlsSocket);
    } else {
        socket = std::make_unique<QTcpSocket>();
        socket->connectToHost(m_host, m_port);
        if (!socket->waitForConnected(options.timeoutMs)) {
            response.transportError = QStringLiteral("connect failed: %1").arg(socket->errorString());
            return response;
        }
    }
    socket->write(bytes);
    QDeadlineTimer deadline(options.timeoutMs);
    while (socket->bytesToWrite() > 0 && socket->state() == QAbstractSocket::ConnectedState
           && !deadline.hasExpired()) {
        if (!socket->waitForBytesWritten(static_cast<int>(std::max<qint64>(1, deadline.remainingTime()))))
            break;
    }
    if (options.abortAfterWrite) {
        socket->abort();
        return response;
    }
    if (!options.readReply)
        return response;
    return readResponse(*socket, static_cast<int>(std::max<qint64>(1, deadline.remainingTime())));
}

HttpResponse HttpsClient::streamBody(const QByteArray &head, qint64 bodyBytes, qint64 *bytesSent) const
{
    HttpResponse response;
    QString error;
    auto socket = connectPinned(&error);
    if (!socket) {
        response.transportError = error;
        return response;
    }
    socket->write(head);
    const QByteArray chunk(256 * 1024, 'a');
    *bytesSent = 0;
    QElapsedTimer timer;
    timer.start();
    while (*bytesSent < bodyBytes && socket->state() == QAbstractSocket::ConnectedState
           && timer.elapsed() < timeoutMs) {
        const qint64 size = std::min<qint64>(chunk.size(), bodyBytes - *bytesSent);
        socket->write(chunk.constData(), size);
        *bytesSent += size;
        // Push the chunk out, then see whether the server has already answered.
        while (socket->bytesToWrite() > 0 && socket->state() == QAbstractSocket::ConnectedState
               && timer.elapsed() < timeoutMs) {
            if (!socket->waitForBytesWritten(200) && socket->bytesAvailable() == 0
                && socket->state() == QAbstractSocket::ConnectedState)
                socket->waitForReadyRead(10);
            if (socket->bytesAvailable() > 0)
                break;
        }
        if (socket->bytesAvailable() > 0 || socket->waitForReadyRead(5))
            break;
    }
    response = readResponse(*socket, timeoutMs);
    return response;
}

HttpResponse HttpsClient::readResponse(QTcpSocket &socket, int timeoutMs)
{
    HttpResponse response;
    QDeadlineTimer deadline(timeoutMs);
    QByteArray buffer;
    for (;;) {
        buffer += socket.readAll();
        if (responseComplete(buffer))
            break;
        if (socket.state() != QAbstractSocket::ConnectedState)
            break;
        if (deadline.hasExpired()) {
            response.transportError = QStringLiteral("timed out waiting for the response");
            break;
        }
        if (!socket.waitForReadyRead(static_cast<int>(std::max<qint64>(1, deadline.remainingTime())))) {
            buffer += socket.readAll();
            if (socket.state() == QAbstractSocket::ConnectedState && deadline.hasExpired())
                response.transportError = QStringLiteral("timed out waiting for the response");
            if (socket.state() == QAbstractSocket::ConnectedState && !deadline.hasExpired())
                continue;
            break;
        }
    }
    buffer += socket.readAll();
    response.raw = buffer;
    parseResponse(&response);
    if (response.status == 0 && response.transportError.isEmpty())
        response.transportError = QStringLiteral("no complete response (%1 bytes, socket: %2)")
                                          .arg(buffer.size())
                                          .arg(socket.errorString());
    socket.abort();
    return response;
}

void HttpsClient::parseResponse(HttpResponse *response)
{
    const QByteArray &raw = response->raw;
    const qsizetype end = raw.indexOf("\r\n\r\n");
    if (end < 0)
        return;
    response->head = raw.left(end);
    const QByteArray statusLine = response->head.left(response->head.indexOf("\r\n"));
    const QList<QByteArray> parts = statusLine.split(' ');
    if (parts.size() < 2 || !parts.at(0).startsWith("HTTP/1."))
        return;
    bool ok = false;
    const int status = parts.at(1).toInt(&ok);
    if (!ok)
        return;
    QByteArray body = raw.mid(end + 4);
    const QByteArray length = response->header("Content-Length");
    if (!length.isEmpty()) {
        const qsizetype expected = length.toLongLong();
        if (body.size() < expected)
            return; // truncated
        body.truncate(expected);
    }
    response->status = status;
    response->body = body;
    const QJsonDocument document = QJsonDocument::fromJson(body);
    if (document.isObject())
        response->json = document.object();
}

TestServer::TestServer() = default;

TestServer::~TestServer()
{
    if (isRunning()) {
        m_process->kill();
        m_process->waitForFinished(5000);
    }
}

QString TestServer::binary()
{
    return qEnvironmentVariable("VIGIL_SERVER_BIN");
}

CommandResult TestServer::run(const QStringList &arguments, int timeoutMs)
{
    CommandResult result;
    QProcess process;
    process.start(binary(), arguments);
    if (!process.waitForStarted(10000)) {
        result.err = process.errorString().toUtf8();
        return result;
    }
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished(5000);
    } else {
        result.finished = process.exitStatus() == QProcess::NormalExit;
        result.exitCode = process.exitCode();
    }
    result.out = process.readAllStandardOutput();
    result.err = process.readAllStandardError();
    return result;
}

QString TestServer::postgresServer()
{
    return qEnvironmentVariable("VIGIL_TEST_POSTGRES");
}

QStringList TestServer::storeArguments() const
{
    QStringList arguments{QStringLiteral("--data"), m_dataDir};
    if (!m_databaseUrl.isEmpty())
        arguments << QStringLiteral("--database") << m_databaseUrl;
    return arguments;
}

namespace {
// postgresql://user[:password]@host:port/database → a QPSQL connection.
QSqlDatabase addPostgres(const QString &url, const QString &connectionName)
{
    const QUrl parsed(url);
    auto db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), connectionName);
    db.setHostName(parsed.host());
    db.setPort(parsed.port(5432));
    db.setUserName(parsed.userName());
    db.setPassword(parsed.password());
    db.setDatabaseName(parsed.path().mid(1));
    return db;
}

// A fresh, empty database on the test cluster for one TestServer.
QString createPostgresDatabase(QString *error)
{
    static int counter = 0;
    const QString name = QStringLiteral("vigil_test_%1_%2_%3")
                                 .arg(QCoreApplication::applicationPid())
                                 .arg(++counter)
                                 .arg(QDateTime::currentMSecsSinceEpoch() % 100000);
    QUrl server(TestServer::postgresServer());
    const QString connection = QStringLiteral("create-") + name;
    {
        QUrl admin = server;
        admin.setPath(QStringLiteral("/postgres"));
        auto db = addPostgres(admin.toString(), connection);
        if (!db.open()) {
            *error = QStringLiteral("cannot reach PostgreSQL at %1: %2")
                             .arg(server.toString(), db.lastError().text());
        } else {
            QSqlQuery query(db);
            if (!query.exec(QStringLiteral("CREATE DATABASE %1").arg(name)))
                *error = QStringLiteral("CREATE DATABASE failed: %1").arg(query.lastError().text());
            db.close();
        }
    }
    QSqlDatabase::removeDatabase(connection);
    if (!error->isEmpty())
        return {};
    server.setPath(QLatin1Char('/') + name);
    return server.toString();
}
} // namespace

void TestServer::shareStoreWith(const TestServer &primary)
{
    m_dataDir = primary.m_dataDir;
    m_databaseUrl = primary.m_databaseUrl;
    m_adminPassword = primary.m_adminPassword;
    m_agents = primary.m_agents;
    m_profiles = primary.m_profiles;
}

QSqlDatabase TestServer::openStore(const QString &connectionName) const
{
    QSqlDatabase db;
    if (m_databaseUrl.isEmpty()) {
        db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connectionName);
        db.setDatabaseName(m_dataDir + QStringLiteral("/vigil.db"));
        db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
    } else {
        db = addPostgres(m_databaseUrl, connectionName);
    }
    db.open();
    return db;
}

bool TestServer::createDemo(const QString &dataDir, int profiles, QString *error)
{
    m_dataDir = dataDir;
    if (!postgresServer().isEmpty() && m_databaseUrl.isEmpty()) {
        QString failure;
        m_databaseUrl = createPostgresDatabase(&failure);
        if (m_databaseUrl.isEmpty()) {
            *error = failure;
            return false;
        }
    }
    const auto init = run(QStringList{QStringLiteral("init")} + storeArguments());
    if (!init.finished || init.exitCode != 0) {
        *error = QStringLiteral("init failed: ") + QString::fromUtf8(init.out + init.err);
        return false;
    }
    static const QRegularExpression adminPattern(
            QStringLiteral("Admin password \\(shown once, store it now\\): (\\S+)"));
    const auto match = adminPattern.match(QString::fromUtf8(init.out));
    if (!match.hasMatch()) {
        *error = QStringLiteral("init printed no admin password: ") + QString::fromUtf8(init.out);
        return false;
    }
    m_adminPassword = match.captured(1);
    const auto demo = run(QStringList{QStringLiteral("demo")} + storeArguments()
                          + QStringList{QStringLiteral("--profiles"), QString::number(profiles)});
    if (!demo.finished || demo.exitCode != 0) {
        *error = QStringLiteral("demo failed: ") + QString::fromUtf8(demo.out + demo.err);
        return false;
    }
    m_agents = QJsonDocument::fromJson(readFile(dataDir + QStringLiteral("/demo-credentials.json")))
                       .object()
                       .value(QStringLiteral("agents"))
                       .toArray();
    m_profiles = QJsonDocument::fromJson(readFile(dataDir + QStringLiteral("/demo-profiles.json")))
                         .object()
                         .value(QStringLiteral("profiles"))
                         .toArray();
    // Five demo agents; `demo` adds an admin only to a folder that has none, and init made one.
    if (m_agents.size() != 5 || m_profiles.size() != profiles) {
        *error = QStringLiteral("demo files hold %1 agents and %2 profiles")
                         .arg(m_agents.size())
                         .arg(m_profiles.size());
        return false;
    }
    return true;
}

QString TestServer::password(const QString &username) const
{
    if (username == QLatin1String("admin"))
        return m_adminPassword;
    for (const auto &agent : m_agents) {
        if (agent.toObject().value(QStringLiteral("username")).toString() == username)
            return agent.toObject().value(QStringLiteral("password")).toString();
    }
    return {};
}

QJsonObject TestServer::answersOf(const QString &profileId) const
{
    for (const auto &profile : m_profiles) {
        if (profile.toObject().value(QStringLiteral("id")).toString() == profileId)
            return profile.toObject().value(QStringLiteral("answers")).toObject();
    }
    return {};
}

QString TestServer::displayNameOf(const QString &profileId) const
{
    for (const auto &profile : m_profiles) {
        if (profile.toObject().value(QStringLiteral("id")).toString() == profileId)
            return profile.toObject().value(QStringLiteral("display_name")).toString();
    }
    return {};
}

QStringList TestServer::profileIds(const std::function<bool(const QJsonObject &)> &accept) const
{
    QStringList ids;
    for (const auto &profile : m_profiles) {
        if (accept(profile.toObject().value(QStringLiteral("answers")).toObject()))
            ids.append(profile.toObject().value(QStringLiteral("id")).toString());
    }
    return ids;
}

CommandResult TestServer::cli(const QStringList &arguments) const
{
    return run(arguments + storeArguments());
}

bool TestServer::setPolicy(const QStringList &assignments, QString *error) const
{
    const auto result = cli(QStringList{QStringLiteral("policy"), QStringLiteral("set")} + assignments);
    if (!result.finished || result.exitCode != 0) {
        if (error)
            *error = QString::fromUtf8(result.out + result.err);
        return false;
    }
    return true;
}

bool TestServer::start(QString *error)
{
    if (isRunning()) {
        *error = QStringLiteral("already running");
        return false;
    }
    ++m_runs;
    const QString outPath = m_logDir.filePath(QStringLiteral("serve-%1.out").arg(m_runs));
    const QString errPath = m_logDir.filePath(QStringLiteral("serve-%1.err").arg(m_runs));
    m_process = std::make_unique<QProcess>();
    // Files rather than pipes: nothing in the tests reads pipes while they block on sockets, and a
    // full pipe would stall the server's logging.
    m_process->setStandardOutputFile(outPath);
    m_process->setStandardErrorFile(errPath);
    m_process->start(binary(),
                     QStringList{QStringLiteral("serve")} + storeArguments()
                             + QStringList{QStringLiteral("--listen"),
                                           QStringLiteral("127.0.0.1:%1").arg(m_listenPort),
                                           QStringLiteral("--unlock-interval"),
                                           QString::number(m_unlockInterval)}
                             + m_extraServeArguments);
    if (!m_process->waitForStarted(10000)) {
        *error = QStringLiteral("serve did not start: %1").arg(m_process->errorString());
        return false;
    }
    static const QRegularExpression listenPattern(
            QStringLiteral("listening on https://127\\.0\\.0\\.1:(\\d+)\\s*\\n"));
    static const QRegularExpression fingerprintPattern(
            QStringLiteral("certificate SHA-256 fingerprint: ([0-9A-Fa-f:]+)\\s*\\n"));
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < kStartTimeoutMs) {
        const QString out = QString::fromUtf8(readFile(outPath));
        const auto listen = listenPattern.match(out);
        const auto fingerprint = fingerprintPattern.match(out);
        if (listen.hasMatch() && fingerprint.hasMatch()) {
            m_port = static_cast<quint16>(listen.captured(1).toUInt());
            m_fingerprint = QByteArray::fromHex(fingerprint.captured(1).remove(QLatin1Char(':')).toLatin1());
            if (m_fingerprint.size() != 32) {
                *error = QStringLiteral("bad fingerprint line: %1").arg(out);
                return false;
            }
            return true;
        }
        if (m_process->waitForFinished(50)) {
            *error = QStringLiteral("serve exited with %1: %2")
                             .arg(m_process->exitCode())
                             .arg(QString::fromUtf8(readFile(outPath) + readFile(errPath)));
            return false;
        }
    }
    *error = QStringLiteral("serve printed no address within %1 ms").arg(kStartTimeoutMs);
    return false;
}

bool TestServer::restartOnSamePort(QString *error)
{
    if (m_port == 0) {
        *error = QStringLiteral("the server never ran, so there is no previous port");
        return false;
    }
    m_listenPort = m_port;
    const bool started = start(error);
    m_listenPort = 0;
    return started;
}

int TestServer::stop()
{
    if (!m_process)
        return -1;
    if (m_process->state() == QProcess::NotRunning)
        return m_process->exitStatus() == QProcess::NormalExit ? m_process->exitCode() : -1;
    m_process->terminate();
    if (!m_process->waitForFinished(kStopTimeoutMs)) {
        m_process->kill();
        m_process->waitForFinished(5000);
        return -1;
    }
    return m_process->exitStatus() == QProcess::NormalExit ? m_process->exitCode() : -1;
}

bool TestServer::isRunning() const
{
    return m_process && m_process->state() != QProcess::NotRunning;
}

qint64 TestServer::pid() const
{
    return m_process ? m_process->processId() : 0;
}

QByteArray TestServer::log() const
{
    QByteArray all;
    for (int run = 1; run <= m_runs; ++run) {
        all += readFile(m_logDir.filePath(QStringLiteral("serve-%1.out").arg(run)));
        all += readFile(m_logDir.filePath(QStringLiteral("serve-%1.err").arg(run)));
    }
    return all;
}

QByteArray TestServer::stderrLog() const
{
    QByteArray all;
    for (int run = 1; run <= m_runs; ++run)
        all += readFile(m_logDir.filePath(QStringLiteral("serve-%1.err").arg(run)));
    return all;
}

QByteArray TestServer::login(const QString &username) const
{
    return loginWith(username, password(username));
}

QByteArray TestServer::loginWith(const QString &username, const QString &password) const
{
    const auto response =
            client().post(QStringLiteral("/v1/auth/login"),
                          {{QStringLiteral("username"), username}, {QStringLiteral("password"), password}});
    if (response.status != 200)
        return {};
    return response.json.value(QStringLiteral("token")).toString().toLatin1();
}

QJsonArray TestServer::audit(const QByteArray &token, const QString &query) const
{
    const auto response = client().get(QStringLiteral("/v1/audit?") + query, token);
    return response.status == 200 ? response.json.value(QStringLiteral("entries")).toArray() : QJsonArray();
}

QJsonObject answersBody(const QJsonArray &questions, const std::function<QString(const QString &)> &answerFor)
{
    QJsonObject answers;
    for (const auto &value : questions) {
        const QJsonObject question = value.toObject();
        answers.insert(question.value(QStringLiteral("id")).toString(),
                       answerFor(question.value(QStringLiteral("field")).toString()));
    }
    return {{QStringLiteral("answers"), answers}};
}

QStringList questionFields(const QJsonArray &questions)
{
    QStringList fields;
    for (const auto &value : questions)
        fields.append(value.toObject().value(QStringLiteral("field")).toString());
    fields.sort();
    return fields;
}

int countEntries(const QJsonArray &entries, const QString &key, const QString &value)
{
    return static_cast<int>(std::count_if(entries.begin(), entries.end(), [&](const QJsonValue &entry) {
        return entry.toObject().value(key).toString() == value;
    }));
}

bool containsIgnoringCase(const QByteArray &haystack, const QByteArray &needle)
{
    return haystack.toLower().contains(needle.toLower());
}

QString TestServer::passVerification(const QString &profileId, const QByteArray &token) const
{
    const auto started =
            client().postEmpty(QStringLiteral("/v1/profiles/%1/verifications").arg(profileId), token);
    if (started.status != 201)
        return {};
    const QJsonObject answers = answersOf(profileId);
    const auto body = answersBody(started.json.value(QStringLiteral("questions")).toArray(),
                                  [&](const QString &field) { return answers.value(field).toString(); });
    const QString id = started.json.value(QStringLiteral("id")).toString();
    const auto answered = client().post(QStringLiteral("/v1/verifications/%1/answers").arg(id), body, token);
    const bool passed = answered.status == 200
            && answered.json.value(QStringLiteral("result")).toString() == QLatin1String("passed")
            && answered.json.value(QStringLiteral("level")).toInt() == 1;
    return passed ? id : QString();
}

} // namespace vigil::test
