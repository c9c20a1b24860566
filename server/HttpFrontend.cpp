#include "HttpFrontend.h"

#include "ApiRouter.h"
#include "ApiTypes.h"
#include "RequestParser.h"

#include <QElapsedTimer>
#include <QHttpServerRequest>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QTcpSocket>

Q_LOGGING_CATEGORY(lcHttp, "vigil.server.http")

namespace vigil {

namespace {
// Set when the guard has refused a request: QtHttpServer may still parse what was buffered, and
// nothing more is answered on that connection.
const char *kRefused = "vigilRefused";

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 200:
        return "OK";
    case 201:
        return "Created";
    case 204:
        return "No Content";
    case 400:
        return "Bad Request";
    case 401:
        return "Unauthorized";
    case 403:
        return "Forbidden";
    case 404:
        return "Not Found";
    case 405:
        return "Method Not Allowed";
    case 409:
        return "Conflict";
    case 410:
        return "Gone";
    case 413:
        return "Payload Too Large";
    case 415:
        return "Unsupported Media Type";
    case 423:
        return "Locked";
    case 429:
        return "Too Many Requests";
    case 503:
        return "Service Unavailable";
    default:
        return status >= 500 ? "Internal Server Error" : "Error";
    }
}

static_assert(HttpFrontend::kMaxBodyBytes == RequestParser::kMaxBodyBytes);

// Per-connection guard state, kept on the socket: QtHttpServer reads the request inside a socket
// transaction, so at each readyRead (the guard's slot runs first) bytesAvailable() is exactly the
// bytes that just arrived.
const char *kHeadDone = "vigilHeadDone";
const char *kHeadBuffer = "vigilHeadBuffer";
const char *kRequestBytes = "vigilRequestBytes";

void refuse(QTcpSocket *socket)
{
    qCInfo(lcHttp) << "refused an oversized or chunked request from" << socket->peerAddress().toString();
    HttpFrontend::writeResponse(socket, RequestParser::payloadTooLarge(), true);
}

// Refuses what would make QtHttpServer buffer an unbounded request: a head over 16 KiB, a
// Content-Length over 64 KiB, a chunked body, or more bytes than those limits allow in all.
void guardSocket(QTcpSocket *socket)
{
    if (socket->property(kRefused).toBool())
        return;
    const qint64 fresh = socket->bytesAvailable();
    const qint64 total = socket->property(kRequestBytes).toLongLong() + fresh;
    socket->setProperty(kRequestBytes, total);
    if (total > HttpFrontend::kMaxBodyBytes + HttpFrontend::kMaxHeadBytes) {
        refuse(socket);
        return;
    }
    if (socket->property(kHeadDone).toBool())
        return;
    const QByteArray head = socket->property(kHeadBuffer).toByteArray() + socket->peek(fresh);
    const qsizetype end = head.indexOf("\r\n\r\n");
    if (end < 0) {
        if (head.size() > HttpFrontend::kMaxHeadBytes)
            refuse(socket);
        else
            socket->setProperty(kHeadBuffer, head);
        return;
    }
    if (end + 4 > HttpFrontend::kMaxHeadBytes) {
        refuse(socket);
        return;
    }
    socket->setProperty(kHeadDone, true);
    socket->setProperty(kHeadBuffer, QVariant());
    if (!RequestParser::headAcceptable(head.left(end)))
        refuse(socket);
}

QByteArray methodName(QHttpServerRequest::Method method)
{
    switch (method) {
    case QHttpServerRequest::Method::Get:
        return "GET";
    case QHttpServerRequest::Method::Put:
        return "PUT";
    case QHttpServerRequest::Method::Delete:
        return "DELETE";
    case QHttpServerRequest::Method::Post:
        return "POST";
    case QHttpServerRequest::Method::Head:
        return "HEAD";
    case QHttpServerRequest::Method::Options:
        return "OPTIONS";
    case QHttpServerRequest::Method::Patch:
        return "PATCH";
    default:
        return "OTHER";
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
    m_pool.setMaxThreadCount(defaultWorkerCount());
    m_pool.setExpiryTimeout(-1); // threads keep their database connections for the server's life
}

int HttpFrontend::defaultWorkerCount()
{
    return std::max(4, 2 * QThread::idealThreadCount());
}

void HttpFrontend::setWorkerCount(int count)
{
    m_pool.setMaxThreadCount(count > 0 ? count : defaultWorkerCount());
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
    const bool raw = !response.rawContentType.isEmpty();
    const QByteArray body = response.empty ? QByteArray()
            : raw                          ? response.rawBody
                                           : QJsonDocument(response.body).toJson(QJsonDocument::Compact);
    QByteArray out =
            "HTTP/1.1 " + QByteArray::number(response.status) + ' ' + reasonPhrase(response.status) + "\r\n";
    if (!response.empty)
        out += "Content-Type: " + (raw ? response.rawContentType : QByteArrayLiteral("application/json"))
                + "\r\n";
    if (raw) // a page for a browser: nothing from elsewhere, no framing
        out += "Content-Security-Policy: default-src 'none'; style-src 'unsafe-inline'; form-action "
               "'self'\r\n"
               "X-Frame-Options: DENY\r\nReferrer-Policy: no-referrer\r\n";
    out += "Content-Length: " + QByteArray::number(body.size()) + "\r\n";
    out += "Cache-Control: no-store\r\nX-Content-Type-Options: nosniff\r\n";
    out += closeAfter ? "Connection: close\r\n" : "Connection: keep-alive\r\n";
    out += "\r\n" + body;
    socket->write(out);
    // The next bytes on this connection start a new request.
    socket->setProperty(kHeadDone, false);
    socket->setProperty(kRequestBytes, 0);
    if (closeAfter) {
        socket->setProperty(kRefused, true);
        socket->disconnectFromHost();
    }
}

std::optional<ApiResponse> HttpFrontend::checkRequest(const QHttpServerRequest &request,
                                                      ApiRequest *out) const
{
    out->method = methodName(request.method());
    RequestParser::parseTarget(request.url(), request.query(), out);
    out->peer = request.remoteAddress();
    out->accept = request.value("Accept");
    out->bearerToken = RequestParser::bearerToken(request.value("Authorization"));
    return RequestParser::parseBody(request.value("Content-Type"), request.body(), out);
}

quint64 HttpFrontend::enqueue(QTcpSocket *socket)
{
    if (!m_queues.contains(socket))
        connect(socket, &QObject::destroyed, this, [this, socket] { m_queues.remove(socket); });
    return m_queues[socket].nextSeq++;
}

void HttpFrontend::deliver(QTcpSocket *socket, quint64 seq, const ApiResponse &response, bool closeAfter)
{
    auto it = m_queues.find(socket);
    if (it == m_queues.end())
        return;
    it->finished.emplace(seq, PendingAnswer{std::make_shared<ApiResponse>(response), closeAfter});
    while (!it->finished.empty() && it->finished.begin()->first == it->nextToWrite) {
        const PendingAnswer answer = it->finished.begin()->second;
        it->finished.erase(it->finished.begin());
        ++it->nextToWrite;
        if (socket->state() != QAbstractSocket::ConnectedState || socket->property(kRefused).toBool())
            return;
        writeResponse(socket, *answer.response, answer.closeAfter);
    }
}

bool HttpFrontend::handleRequest(const QHttpServerRequest &request, QTcpSocket *socket)
{
    if (socket->property(kRefused).toBool())
        return true;
    QElapsedTimer timer;
    timer.start();
    const bool closeAfter = request.value("Connection").toLower() == "close";
    const quint64 seq = enqueue(socket);
    ApiRequest apiRequest;
    if (const auto refusal = checkRequest(request, &apiRequest)) {
        qCInfo(lcHttp).noquote() << apiRequest.method << apiRequest.path << refusal->status;
        deliver(socket, seq, *refusal, closeAfter || refusal->status == 413);
        return true;
    }
    if (apiRequest.path == QLatin1String("/v1/health")) {
        deliver(socket, seq,
                apiRequest.method == "GET"
                        ? ApiResponse::json(200,
                                            {{QStringLiteral("status"), QStringLiteral("ok")},
                                             {QStringLiteral("version"), QStringLiteral(VIGIL_VERSION)}})
                        : ApiResponse::error(405, QStringLiteral("method_not_allowed"),
                                             QStringLiteral("This method is not allowed on /v1/health.")),
                closeAfter);
        return true;
    }

    ++m_inFlight;
    QPointer<QTcpSocket> guardedSocket(socket);
    m_pool.start([this, apiRequest, guardedSocket, seq, closeAfter, timer]() {
        const ApiResponse response = m_router.dispatch(apiRequest);
        QMetaObject::invokeMethod(
                this,
                [this, response, guardedSocket, seq, closeAfter, timer, method = apiRequest.method,
                 path = apiRequest.path] {
                    --m_inFlight;
                    qCInfo(lcHttp).noquote() << method << path << response.status << timer.elapsed() << "ms";
                    // The client may have gone away while the work ran; then there is nobody to answer.
                    if (guardedSocket)
                        deliver(guardedSocket, seq, response, closeAfter);
                },
                Qt::QueuedConnection);
    });
    return true;
}

void HttpFrontend::missingHandler(const QHttpServerRequest &request, QTcpSocket *socket)
{
    Q_UNUSED(request);
    writeResponse(socket,
                  ApiResponse::error(404, QStringLiteral("not_found"), QStringLiteral("No such route.")),
                  false);
}

} // namespace vigil
