#pragma once

#include "ApiTypes.h"

#include <QByteArray>
#include <QUrl>
#include <QUrlQuery>
#include <optional>

namespace vigil {

// The checks every request passes before the router sees it, on plain bytes and QUrl rather than
// QtHttpServer's request object, so that tests and the fuzzers (tests/fuzz) can drive them.
class RequestParser
{
public:
    RequestParser() = delete;

    static constexpr qsizetype kMaxBodyBytes = 64 * 1024;

    // 413 payload_too_large, as the guard and the body check send it.
    static ApiResponse payloadTooLarge();
    // The guard's look at a request head (request line and header lines, without the blank line):
    // false when it asks for a chunked (or other non-identity) body, or its Content-Length is not a
    // number from 0 to kMaxBodyBytes.
    static bool headAcceptable(const QByteArray &head);
    // Fills path, segments ({"v1", "profiles", "12"}) and query from the request's URL and query.
    static void parseTarget(const QUrl &url, const QUrlQuery &query, ApiRequest *out);
    // The token of an "Authorization: Bearer …" header; empty for anything else.
    static QByteArray bearerToken(const QByteArray &authorization);
    // Size, media type, UTF-8 and JSON object checks; fills body and hasBody when there is a body,
    // or returns the refusal (413, 415 or 400). An empty body is no body.
    static std::optional<ApiResponse> parseBody(const QByteArray &contentType, const QByteArray &body,
                                                ApiRequest *out);
};

} // namespace vigil
