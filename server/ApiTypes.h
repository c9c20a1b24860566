#pragma once

#include <QByteArray>
#include <QHostAddress>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>
#include <QUrlQuery>

namespace vigil {

// A request as the API handlers see it: already size-checked, UTF-8-checked and JSON-parsed by
// the HTTP front end, and copied out of QtHttpServer's objects so that it can cross threads.
struct ApiRequest
{
    QByteArray method; // "GET", "POST", …
    QString path; // "/v1/profiles/12"
    QStringList segments; // {"v1", "profiles", "12"}
    QUrlQuery query;
    QByteArray bearerToken; // empty when none was sent
    QJsonObject body; // empty unless a JSON object was sent
    bool hasBody = false;
    QHostAddress peer;
    QByteArray accept; // the Accept header, for the few routes a browser opens (revert links)
};

struct ApiResponse
{
    int status = 200;
    QJsonObject body;
    bool empty = false; // 204 and friends
    QByteArray rawBody; // when set, sent as is with rawContentType instead of the JSON body
    QByteArray rawContentType;

    static ApiResponse json(int status, QJsonObject body) { return {status, std::move(body), false, {}, {}}; }
    static ApiResponse noContent() { return {204, {}, true, {}, {}}; }
    static ApiResponse html(int status, const QString &page)
    {
        return {status, {}, false, page.toUtf8(), QByteArrayLiteral("text/html; charset=utf-8")};
    }
    static ApiResponse error(int status, const QString &code, const QString &message, QJsonObject extra = {})
    {
        extra.insert(QStringLiteral("error"), code);
        extra.insert(QStringLiteral("message"), message);
        return {status, extra, false, {}, {}};
    }
    static ApiResponse unavailable()
    {
        return error(
                503, QStringLiteral("unavailable"),
                QStringLiteral("The service cannot record this request right now; nothing was changed."));
    }
    static ApiResponse internal()
    {
        return error(500, QStringLiteral("internal"), QStringLiteral("Internal error; nothing was changed."));
    }
};

enum class Role { Technician, Supervisor, Auditor, Admin };

struct AgentIdentity
{
    qint64 id = 0;
    QString username;
    QString displayName;
    QStringList roles;
    bool secondFactor = false; // this session passed the agent's TOTP second factor

    bool hasRole(Role role) const;
    bool hasAnyRole(std::initializer_list<Role> wanted) const;
};

QString roleName(Role role);
bool isKnownRole(const QString &name);

} // namespace vigil
