#include "HttpFrontend.h"

#include "ApiRouter.h"
#include "ApiTypes.h"

#include <QElapsedTimer>
#include <QHttpServerRequest>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QStringDecoder>
#include <QTcpSocket>

Q_LOGGING_CATEGORY(lcHttp, "vigil.server.http")

namespace vigil {

namespace {
const char *kAwaitingHead = "vigilAwaitingHead";
// Set when the guard has refused a request: QtHttpServer may still parse what was buffered, and
// nothing more is answered on that connection.
const char *kRefused = "vigilRefused";

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 200: return "OK";
    case 201: return "Created";
    case 204: return "No Content";
    case 400: return "Bad Request";
    case 401: return "Unauthorized";
    case 403: return "Forbidden";
    case 404: return "Not Found";
    case 405: return "Method Not Allowed";
    case 409: return "Conflict";
    case 410: return "Gone";
    case 413: return "Payload Too Large";
    case 415: return "Unsupported Media Type";
    case 423: return "Locked";
    case 429: return "Too Many Requests";
    case 503: return "Service Unavailable";
    default: return status >= 500 ? "Internal Server Error" : "Error";
    }
}

ApiResponse tooLarge()
{
    return ApiResponse::error(413, QStringLiteral("payload_too_large"),
                              QStringLiteral("Request bodies are limited to 64 KiB and need a Content-Length."));
}

// Looks at the head of a request still in the socket's buffer (peek, so QtHttpServer reads it
// unchanged afterwards). Refuses what would make QtHttpServer buffer an unbounded body.
void guardSocket(QTcpSocket *socket)
{
    if (socket->property(kAwaitingHead).isValid() && !socket->property(kAwaitingHead).toBool()) {
        if (socket->bytesAvailable() > HttpFrontend::kMaxBodyBytes + HttpFrontend::kMaxHeadBytes) {
            HttpFrontend::writeResponse(socket, tooLarge(), true);
        }
        return;
    }
    const QByteArray head = socket->peek(HttpFrontend::kMaxHeadBytes + 4);
    const qsizetype end = head.indexOf("\r\n\r\n");
    if (end < 0) {
        if (head.size() > HttpFrontend::kMaxHeadBytes)
            HttpFrontend::writeResponse(socket, tooLarge(), true);
        return;
    }
    socket->setProperty(kAwaitingHead, false);
    for (const QByteArray &line : head.left(end).split('\n')) {
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0)
            continue;
        const QByteArray name = line.left(colon).trimmed().toLower();
        const QByteArray value = line.mid(colon + 1).trimmed();
        if (name == "transfer-encoding" && value.toLower() != "identity") {
            HttpFrontend::writeResponse(socket, tooLarge(), true);
            return;
        }
        if (name == "content-length") {
            bool ok = false;
            const qlonglong length = value.toLongLong(&ok);
            if (!ok || length < 0 || length > HttpFrontend::kMaxBodyBytes) {
                HttpFrontend::writeResponse(socket, tooLarge(), true);
                return;
            }
        }
    }
}

QByteArray methodName(QHttpServerRequest::Method method)
{
    switch (method) {
    case QHttpServerRequest::Method::Get: return "GET";
    case QHttpServerRequest::Method::Put: return "PUT";
    case QHttpServerRequest::Method::Delete: return "DELETE";
    case QHttpServerRequest::Method::Post: return "POST";
    case QHttpServerRequest::Method::Head: return "HEAD";
    case QHttpServerRequest::Method::Options: return "OPTIONS";
    case QHttpServerRequest::Method::Patch: return "PATCH";
    default: return "OTHER";
    }
}
} // namespace

QTcpSocket *GuardedSslServer::nextPendingConnection()
{
    QTcpSocket *socket = QSslServer::nextPendingConnection();
    if (socket) {
        // Connected before QtHttpServer connects its own reader, so the guard sees data first.
        connect(socket, &QTcpSocket::readyRead, socket, [socket] { guardSocket(socket); });
        if (socket->bytesAvailable() > 0)
            guardSocket(socket);
    }
    return socket;
}

HttpFrontend::HttpFrontend(ApiRouter &router, QObject *parent)
    : QAbstractHttpServer(parent)
    , m_router(router)
{
    m_pool.setMaxThreadCount(std::max(2, QThread::idealThreadCount()));
    m_pool.setExpiryTimeout(-1); // threads keep their database connections for the server's life
}

HttpFrontend::~HttpFrontend()
{
    drain();
}

void HttpFrontend::drain()
{
    m_pool.waitForDone();
}

void HttpFrontend::writeResponse(QTcpSocket *socket, const ApiResponse &response, bool closeAfter)
{
    const QByteArray body = response.empty ? QByteArray() : QJsonDocument(response.body).toJson(QJsonDocument::Compact);
    QByteArray out = "HTTP/1.1 " + QByteArray::number(response.status) + ' ' + reasonPhrase(response.status) + "\r\n";
    if (!response.empty)
        out += "Content-Type: application/json\r\n";
    out += "Content-Length: " + QByteArray::number(body.size()) + "\r\n";
    out += "Cache-Control: no-store\r\nX-Content-Type-Options: nosniff\r\n";
    out += closeAfter ? "Connection: close\r\n" : "Connection: keep-alive\r\n";
    out += "\r\n" + body;
    socket->write(out);
    socket->setProperty(kAwaitingHead, true);
    if (closeAfter) {
        socket->setProperty(kRefused, true);
        socket->disconnectFromHost();
    }
}

std::optional<ApiResponse> HttpFrontend::checkRequest(const QHttpServerRequest &request, ApiRequest *out) const
{
    out->method = methodName(request.method());
    out->path = request.url().path();
    out->segments = out->path.split(QLatin1Char('/'), Qt::SkipEmptyParts);
    out->query = request.query();
    out->peer = request.remoteAddress();
    const QByteArray authorization = request.value("Authorization");
    if (authorization.startsWith("Bearer "))
        out->bearerToken = authorization.mid(7).trimmed();

    const QByteArray body = request.body();
    if (body.size() > kMaxBodyBytes)
        return tooLarge();
    if (body.isEmpty())
        return std::nullopt;
    const QByteArray contentType = request.value("Content-Type").toLower();
    const QByteArray mediaType = contentType.split(';').first().trimmed();
    if (mediaType != "application/json")
        return ApiResponse::error(415, QStringLiteral("unsupported_media_type"),
                                  QStringLiteral("Send request bodies as application/json."));
    auto decoder = QStringDecoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    const QString decoded = decoder.decode(body);
    if (decoder.hasError())
        return ApiResponse::error(400, QStringLiteral("invalid_request"), QStringLiteral("The body is not valid UTF-8."));
    QJsonParseError error;
    const auto document = QJsonDocument::fromJson(body, &error);
    if (error.error != QJsonParseError::NoError || !document.isObject())
        return ApiResponse::error(400, QStringLiteral("invalid_request"),
                                  QStringLiteral("The body is not a JSON object: %1").arg(error.errorString()));
    out->body = document.object();
    out->hasBody = true;
    return std::nullopt;
}

bool HttpFrontend::handleRequest(const QHttpServerRequest &request, QTcpSocket *socket)
{
    if (socket->property(kRefused).toBool())
        return true;
    QElapsedTimer timer;
    timer.start();
    const bool closeAfter = request.value("Connection").toLower() == "close";
    ApiRequest apiRequest;
    if (const auto refusal = checkRequest(request, &apiRequest)) {
        qCInfo(lcHttp) << apiRequest.method.constData() << apiRequest.path << refusal->status;
        writeResponse(socket, *refusal, closeAfter || refusal->status == 413);
        return true;
    }
    if (apiRequest.method == "GET" && apiRequest.path == QLatin1String("/v1/health")) {
        writeResponse(socket,
                      ApiResponse::json(200, {{QStringLiteral("status"), QStringLiteral("ok")},
                                              {QStringLiteral("version"), QStringLiteral(VIGIL_VERSION)}}),
                      closeAfter);
        return true;
    }

    ++m_inFlight;
    QPointer<QTcpSocket> guardedSocket(socket);
    m_pool.start([this, apiRequest, guardedSocket, closeAfter, timer]() {
        const ApiResponse response = m_router.dispatch(apiRequest);
        QMetaObject::invokeMethod(
            this,
            [this, response, guardedSocket, closeAfter, timer, method = apiRequest.method, path = apiRequest.path] {
                --m_inFlight;
                qCInfo(lcHttp).noquote() << method << path << response.status << timer.elapsed() << "ms";
                // The client may have gone away while the work ran; then there is nobody to answer.
                if (guardedSocket && guardedSocket->state() == QAbstractSocket::ConnectedState
                    && !guardedSocket->property(kRefused).toBool())
                    writeResponse(guardedSocket, response, closeAfter);
            },
            Qt::QueuedConnection);
    });
    return true;
}

void HttpFrontend::missingHandler(const QHttpServerRequest &request, QTcpSocket *socket)
{
    Q_UNUSED(request);
    writeResponse(socket, ApiResponse::error(404, QStringLiteral("not_found"), QStringLiteral("No such route.")), false);
}

} // namespace vigil
