// Fuzzes what the HTTPS front end does with a request before the router sees it
// (server/RequestParser, used by HttpFrontend): the guard's look at the request head, the path and
// query split, the bearer token, and the body checks (size limit, media type, UTF-8, JSON object).
//
// Input: a request as it comes off the wire, e.g.
//   POST /v1/auth/login?x=1 HTTP/1.1\r\nContent-Type: application/json\r\n\r\n{"username":"a"}
// The head ends at the first blank line (CRLF or LF); the request target is read with
// QUrl::fromEncoded and the query with QUrlQuery(url.query()), as QtHttpServer 6.4 does.

#include "FuzzSupport.h"

#include "RequestParser.h"

#include <QHash>
#include <QJsonDocument>
#include <QJsonValue>

using namespace vigil;

namespace {

struct WireRequest
{
    QByteArray head;
    QByteArray target;
    QHash<QByteArray, QByteArray> headers; // lower-case name → value; the last one counts
    QByteArray body;
};

WireRequest split(const QByteArray &input)
{
    WireRequest request;
    qsizetype end = input.indexOf("\r\n\r\n");
    qsizetype bodyStart = end + 4;
    const qsizetype lfEnd = input.indexOf("\n\n");
    if (lfEnd >= 0 && (end < 0 || lfEnd < end)) {
        end = lfEnd;
        bodyStart = lfEnd + 2;
    }
    if (end < 0) {
        request.head = input;
    } else {
        request.head = input.left(end);
        request.body = input.mid(bodyStart);
    }
    const QList<QByteArray> lines = request.head.split('\n');
    const QList<QByteArray> requestLine = lines.value(0).trimmed().split(' ');
    request.target = requestLine.value(1);
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const qsizetype colon = lines.at(i).indexOf(':');
        if (colon > 0)
            request.headers.insert(lines.at(i).left(colon).trimmed().toLower(),
                                   lines.at(i).mid(colon + 1).trimmed());
    }
    return request;
}

bool isRefusal(const ApiResponse &response)
{
    return (response.status == 400 || response.status == 413 || response.status == 415)
            && response.body.value(QStringLiteral("error")).isString()
            && response.body.value(QStringLiteral("message")).isString();
}

void checkTarget(const QByteArray &target)
{
    const QUrl url = QUrl::fromEncoded(target);
    ApiRequest request;
    RequestParser::parseTarget(url, QUrlQuery(url.query()), &request);
    for (const QString &segment : std::as_const(request.segments))
        VIGIL_FUZZ_CHECK(!segment.isEmpty() && !segment.contains(QLatin1Char('/')));
    VIGIL_FUZZ_CHECK(request.segments.join(QLatin1Char('/'))
                     == request.path.split(QLatin1Char('/'), Qt::SkipEmptyParts).join(QLatin1Char('/')));
    // What the handlers read from the query (ProfileApi, AuditApi, ActionApi).
    for (const char *key : {"q", "limit", "action", "profile", "agent", "after", "scope"}) {
        const QString name = QLatin1String(key);
        if (request.query.hasQueryItem(name)) {
            bool ok = false;
            request.query.queryItemValue(name, QUrl::FullyDecoded).toLongLong(&ok);
            request.query.queryItemValue(name).toInt(&ok);
        }
    }
}

void checkBearer(const QByteArray &authorization)
{
    const QByteArray token = RequestParser::bearerToken(authorization);
    if (!authorization.startsWith("Bearer ")) {
        VIGIL_FUZZ_CHECK(token.isEmpty());
        return;
    }
    VIGIL_FUZZ_CHECK(token == token.trimmed());
    VIGIL_FUZZ_CHECK(authorization.contains(token));
}

void checkBody(const QByteArray &contentType, const QByteArray &body)
{
    ApiRequest request;
    const auto refusal = RequestParser::parseBody(contentType, body, &request);
    if (refusal) {
        VIGIL_FUZZ_CHECK(isRefusal(*refusal));
        VIGIL_FUZZ_CHECK(!request.hasBody && request.body.isEmpty());
        VIGIL_FUZZ_CHECK((refusal->status == 413) == (body.size() > RequestParser::kMaxBodyBytes));
        return;
    }
    VIGIL_FUZZ_CHECK(body.size() <= RequestParser::kMaxBodyBytes);
    VIGIL_FUZZ_CHECK(request.hasBody == !body.isEmpty());
    if (!request.hasBody)
        return;
    VIGIL_FUZZ_CHECK(contentType.trimmed().toLower().startsWith("application/json"));
    // Accepted bodies are UTF-8 that survives a round trip through QString unchanged (QString drops
    // a leading byte order mark).
    const QByteArray withoutBom = body.startsWith("\xef\xbb\xbf") ? body.mid(3) : body;
    VIGIL_FUZZ_CHECK(QString::fromUtf8(body).toUtf8() == withoutBom);
    // The object the router sees serialises and parses back to itself (handlers and the audit log
    // write request values out again).
    const QByteArray again = QJsonDocument(request.body).toJson(QJsonDocument::Compact);
    VIGIL_FUZZ_CHECK(QJsonDocument::fromJson(again).object() == request.body);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const WireRequest wire = split(fuzz::bytes(data, size));
    const bool headOk = RequestParser::headAcceptable(wire.head);
    if (headOk) {
        // Whatever the guard lets through announces at most 64 KiB and no chunked body.
        for (const QByteArray &line : wire.head.split('\n')) {
            const qsizetype colon = line.indexOf(':');
            const QByteArray name = colon > 0 ? line.left(colon).trimmed().toLower() : QByteArray();
            if (name == "content-length")
                VIGIL_FUZZ_CHECK(line.mid(colon + 1).trimmed().toLongLong() <= RequestParser::kMaxBodyBytes);
            if (name == "transfer-encoding")
                VIGIL_FUZZ_CHECK(!line.toLower().contains("chunked"));
        }
    }
    checkTarget(wire.target);
    checkBearer(wire.headers.value("authorization"));
    checkBody(wire.headers.value("content-type"), wire.body);
    // The size limit holds whatever the body is: one byte over is always 413.
    QByteArray oversized = wire.body;
    oversized.resize(RequestParser::kMaxBodyBytes + 1, ' ');
    ApiRequest ignored;
    const auto refusal = RequestParser::parseBody(wire.headers.value("content-type"), oversized, &ignored);
    VIGIL_FUZZ_CHECK(refusal && refusal->status == 413);
    return 0;
}
