#include "RequestParser.h"

#include <QJsonDocument>
#include <QStringDecoder>

namespace vigil {

ApiResponse RequestParser::payloadTooLarge()
{
    return ApiResponse::error(
            413, QStringLiteral("payload_too_large"),
            QStringLiteral("Request bodies are limited to 64 KiB and need a Content-Length."));
}

bool RequestParser::headAcceptable(const QByteArray &head)
{
    for (const QByteArray &line : head.split('\n')) {
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0)
            continue;
        const QByteArray name = line.left(colon).trimmed().toLower();
        const QByteArray value = line.mid(colon + 1).trimmed();
        if (name == "transfer-encoding" && value.toLower() != "identity")
            return false;
        if (name == "content-length") {
            bool ok = false;
            const qlonglong length = value.toLongLong(&ok);
            if (!ok || length < 0 || length > kMaxBodyBytes)
                return false;
        }
    }
    return true;
}

void RequestParser::parseTarget(const QUrl &url, const QUrlQuery &query, ApiRequest *out)
{
    out->path = url.path();
    out->segments = out->path.split(QLatin1Char('/'), Qt::SkipEmptyParts);
    out->query = query;
}

QByteArray RequestParser::bearerToken(const QByteArray &authorization)
{
    if (authorization.startsWith("Bearer "))
        return authorization.mid(7).trimmed();
    return {};
}

std::optional<ApiResponse> RequestParser::parseBody(const QByteArray &contentType, const QByteArray &body,
                                                    ApiRequest *out)
{
    if (body.size() > kMaxBodyBytes)
        return payloadTooLarge();
    if (body.isEmpty())
        return std::nullopt;
    const QByteArray mediaType = contentType.toLower().split(';').first().trimmed();
    if (mediaType != "application/json")
        return ApiResponse::error(415, QStringLiteral("unsupported_media_type"),
                                  QStringLiteral("Send request bodies as application/json."));
    auto decoder = QStringDecoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    const QString decoded = decoder.decode(body);
    if (decoder.hasError())
        return ApiResponse::error(400, QStringLiteral("invalid_request"),
                                  QStringLiteral("The body is not valid UTF-8."));
    QJsonParseError error;
    const auto document = QJsonDocument::fromJson(body, &error);
    if (error.error != QJsonParseError::NoError || !document.isObject())
        return ApiResponse::error(
                400, QStringLiteral("invalid_request"),
                error.error != QJsonParseError::NoError
                        ? QStringLiteral("The body is not valid JSON: %1").arg(error.errorString())
                        : QStringLiteral("The body must be a JSON object."));
    out->body = document.object();
    out->hasBody = true;
    return std::nullopt;
}

} // namespace vigil
