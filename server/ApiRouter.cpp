#include "ApiRouter.h"

#include "AgentStore.h"
#include "ServerContext.h"

namespace vigil {

namespace {
using R = Role;
const QString kAny = QStringLiteral("{}");

std::optional<qint64> profileIdFrom(const QString &text)
{
    bool ok = false;
    const qint64 id = text.toLongLong(&ok);
    return ok && id > 0 ? std::optional<qint64>(id) : std::nullopt;
}

ApiResponse noSuchProfile()
{
    return ApiResponse::error(404, QStringLiteral("not_found"), QStringLiteral("No such profile."));
}
} // namespace

ApiRouter::ApiRouter(ServerContext &context)
    : m_context(context)
    , m_auth(context)
    , m_verification(context)
    , m_profiles(context)
    , m_audit(context)
    , m_stepUpOtp(context)
    , m_totp(context)
    , m_devices(context)
    , m_actions(context)
{
    const QList<Role> helpDesk{R::Technician, R::Supervisor, R::Admin};
    auto withProfile = [](auto call) {
        return [call](const ApiRequest &request, const QStringList &args, const AgentIdentity &agent) {
            const auto id = profileIdFrom(args.value(0));
            return id ? call(*id, request, agent) : noSuchProfile();
        };
    };
    m_routes = {
            {"POST",
             {QStringLiteral("v1"), QStringLiteral("auth"), QStringLiteral("login")},
             false,
             {},
             true,
             [this](const ApiRequest &request, const QStringList &, const AgentIdentity &) {
                 return m_auth.login(request);
             }},
            {"POST",
             {QStringLiteral("v1"), QStringLiteral("auth"), QStringLiteral("logout")},
             true,
             {},
             false,
             [this](const ApiRequest &request, const QStringList &, const AgentIdentity &agent) {
                 return m_auth.logout(request, agent);
             }},
            {"GET",
             {QStringLiteral("v1"), QStringLiteral("policy")},
             true,
             {},
             false,
             [this](const ApiRequest &, const QStringList &, const AgentIdentity &) {
                 return m_audit.policy();
             }},
            {"GET",
             {QStringLiteral("v1"), QStringLiteral("profiles")},
             true,
             helpDesk,
             false,
             [this](const ApiRequest &request, const QStringList &, const AgentIdentity &) {
                 return m_profiles.search(request);
             }},
            {"GET",
             {QStringLiteral("v1"), QStringLiteral("profiles"), kAny},
             true,
             helpDesk,
             false,
             withProfile([this](qint64 id, const ApiRequest &, const AgentIdentity &agent) {
                 return m_profiles.get(id, agent);
             })},
            {"POST",
             {QStringLiteral("v1"), QStringLiteral("profiles"), kAny, QStringLiteral("verifications")},
             true,
             helpDesk,
             false,
             withProfile([this](qint64 id, const ApiRequest &, const AgentIdentity &agent) {
                 return m_verification.start(id, agent);
             })},
            {"POST",
             {QStringLiteral("v1"), QStringLiteral("verifications"), kAny, QStringLiteral("answers")},
             true,
             helpDesk,
             true,
             [this](const ApiRequest &request, const QStringList &args, const AgentIdentity &agent) {
                 return m_verification.answer(args.value(0), request, agent);
             }},
            {"PUT",
             {QStringLiteral("v1"), QStringLiteral("profiles"), kAny, QStringLiteral("secret")},
             true,
             {R::Admin},
             true,
             withProfile([this](qint64 id, const ApiRequest &request, const AgentIdentity &agent) {
                 return m_profiles.setSecret(id, request, agent);
             })},
            {"POST",
             {QStringLiteral("v1"), QStringLiteral("profiles"), kAny, QStringLiteral("unblock")},
             true,
             {R::Supervisor, R::Admin},
             false,
             withProfile([this](qint64 id, const ApiRequest &, const AgentIdentity &agent) {
                 return m_profiles.unblock(id, agent);
             })},
            {"GET",
             {QStringLiteral("v1"), QStringLiteral("audit")},
             true,
             {R::Auditor, R::Supervisor},
             false,
             [this](const ApiRequest &request, const QStringList &, const AgentIdentity &) {
                 return m_audit.list(request);
             }},
            {"GET",
             {QStringLiteral("v1"), QStringLiteral("audit"), QStringLiteral("verify")},
             true,
             {R::Auditor, R::Supervisor},
             false,
             [this](const ApiRequest &, const QStringList &, const AgentIdentity &) {
                 return m_audit.verify();
             }},
            // Step-up proof: a one-time code sent to an e-mail address or phone number on record.
            {"POST",
             {QStringLiteral("v1"), QStringLiteral("verifications"), kAny, QStringLiteral("otp")},
             true,
             helpDesk,
             true,
             [this](const ApiRequest &request, const QStringList &args, const AgentIdentity &agent) {
                 return m_stepUpOtp.send(args.value(0), request, agent);
             }},
            {"POST",
             {QStringLiteral("v1"), QStringLiteral("verifications"), kAny, QStringLiteral("otp"), kAny},
             true,
             helpDesk,
             true,
             [this](const ApiRequest &request, const QStringList &args, const AgentIdentity &agent) {
                 return m_stepUpOtp.check(args.value(0), args.value(1), request, agent);
             }},
            // Step-up proof: TOTP read-out and device approval. The device routes carry no token;
            // the device's Ed25519 signature over the challenge is its authentication.
            {"POST",
             {QStringLiteral("v1"), QStringLiteral("verifications"), kAny, QStringLiteral("totp")},
             true,
             helpDesk,
             true,
             [this](const ApiRequest &request, const QStringList &args, const AgentIdentity &agent) {
                 return m_totp.submit(args.value(0), request, agent);
             }},
            {"POST",
             {QStringLiteral("v1"), QStringLiteral("verifications"), kAny, QStringLiteral("device")},
             true,
             helpDesk,
             false,
             [this](const ApiRequest &, const QStringList &args, const AgentIdentity &agent) {
                 return m_devices.requestChallenge(args.value(0), agent);
             }},
            {"GET",
             {QStringLiteral("v1"), QStringLiteral("verifications"), kAny, QStringLiteral("device"), kAny},
             true,
             helpDesk,
             false,
             [this](const ApiRequest &, const QStringList &args, const AgentIdentity &agent) {
                 return m_devices.status(args.value(0), args.value(1), agent);
             }},
            {"GET",
             {QStringLiteral("v1"), QStringLiteral("devices"), kAny, QStringLiteral("challenges")},
             false,
             {},
             false,
             [this](const ApiRequest &, const QStringList &args, const AgentIdentity &) {
                 return m_devices.pending(args.value(0));
             }},
            {"POST",
             {QStringLiteral("v1"), QStringLiteral("device-challenges"), kAny, QStringLiteral("response")},
             false,
             {},
             true,
             [this](const ApiRequest &request, const QStringList &args, const AgentIdentity &) {
                 return m_devices.respond(args.value(0), request);
             }},
            // Supervisor second factor: the agent's own TOTP, required before approving.
            {"POST",
             {QStringLiteral("v1"), QStringLiteral("auth"), QStringLiteral("second-factor")},
             true,
             {},
             true,
             [this](const ApiRequest &request, const QStringList &, const AgentIdentity &agent) {
                 return m_auth.secondFactor(request, agent);
             }},
            // Actions from the policy's catalog and the escalations that approve them.
            {"POST",
             {QStringLiteral("v1"), QStringLiteral("profiles"), kAny, QStringLiteral("actions")},
             true,
             helpDesk,
             true,
             withProfile([this](qint64 id, const ApiRequest &request, const AgentIdentity &agent) {
                 return m_actions.request(id, request, agent);
             })},
            {"POST",
             {QStringLiteral("v1"), QStringLiteral("profiles"), kAny, QStringLiteral("unfreeze")},
             true,
             {R::Supervisor, R::Admin},
             false,
             withProfile([this](qint64 id, const ApiRequest &, const AgentIdentity &agent) {
                 return m_actions.unfreeze(id, agent);
             })},
            {"GET",
             {QStringLiteral("v1"), QStringLiteral("actions")},
             true,
             helpDesk,
             false,
             [this](const ApiRequest &request, const QStringList &, const AgentIdentity &agent) {
                 return m_actions.list(request, agent);
             }},
            {"GET",
             {QStringLiteral("v1"), QStringLiteral("actions"), kAny},
             true,
             helpDesk,
             false,
             [this](const ApiRequest &, const QStringList &args, const AgentIdentity &agent) {
                 return m_actions.get(args.value(0), agent);
             }},
            {"POST",
             {QStringLiteral("v1"), QStringLiteral("actions"), kAny, QStringLiteral("approve")},
             true,
             {R::Supervisor, R::Admin},
             true,
             [this](const ApiRequest &request, const QStringList &args, const AgentIdentity &agent) {
                 return m_actions.decide(args.value(0), request, agent, true);
             }},
            {"POST",
             {QStringLiteral("v1"), QStringLiteral("actions"), kAny, QStringLiteral("deny")},
             true,
             {R::Supervisor, R::Admin},
             true,
             [this](const ApiRequest &request, const QStringList &args, const AgentIdentity &agent) {
                 return m_actions.decide(args.value(0), request, agent, false);
             }},
            {"POST",
             {QStringLiteral("v1"), QStringLiteral("actions"), kAny, QStringLiteral("cancel")},
             true,
             helpDesk,
             false,
             [this](const ApiRequest &, const QStringList &args, const AgentIdentity &agent) {
                 return m_actions.cancel(args.value(0), agent);
             }},
            // Opened by the user from a notification: the signed token is the authentication.
            {"GET",
             {QStringLiteral("v1"), QStringLiteral("revert"), kAny},
             false,
             {},
             false,
             [this](const ApiRequest &request, const QStringList &args, const AgentIdentity &) {
                 return m_actions.revertInfo(args.value(0), request);
             }},
            {"POST",
             {QStringLiteral("v1"), QStringLiteral("revert"), kAny},
             false,
             {},
             false,
             [this](const ApiRequest &request, const QStringList &args, const AgentIdentity &) {
                 return m_actions.revert(args.value(0), request);
             }},
            // Called by the company's password portal with the token from the user's reset link.
            {"POST",
             {QStringLiteral("v1"), QStringLiteral("password-resets"), QStringLiteral("redeem")},
             false,
             {},
             true,
             [this](const ApiRequest &request, const QStringList &, const AgentIdentity &) {
                 return m_actions.redeemReset(request);
             }},
    };
}

bool ApiRouter::matches(const QStringList &pattern, const QStringList &segments, QStringList *args)
{
    if (pattern.size() != segments.size())
        return false;
    QStringList captured;
    for (qsizetype i = 0; i < pattern.size(); ++i) {
        if (pattern.at(i) == kAny)
            captured.append(segments.at(i));
        else if (pattern.at(i) != segments.at(i))
            return false;
    }
    *args = captured;
    return true;
}

ApiResponse ApiRouter::dispatch(const ApiRequest &request)
{
    bool pathKnown = false;
    for (const auto &route : m_routes) {
        QStringList args;
        if (!matches(route.pattern, request.segments, &args))
            continue;
        pathKnown = true;
        if (route.method != request.method)
            continue;
        AgentIdentity agent;
        if (route.authenticated) {
            bool queryOk = false;
            auto db = m_context.database().connection();
            const auto identity = AgentStore::authenticate(db, request.bearerToken, &queryOk);
            if (!queryOk)
                return ApiResponse::unavailable();
            if (!identity)
                return ApiResponse::error(
                        401, QStringLiteral("unauthorized"),
                        QStringLiteral("Sign in first; the session is missing or has expired."));
            agent = *identity;
            if (!route.roles.isEmpty()
                && !std::any_of(route.roles.begin(), route.roles.end(),
                                [&](Role role) { return agent.hasRole(role); }))
                return ApiResponse::error(403, QStringLiteral("forbidden"),
                                          QStringLiteral("Your role does not allow this."));
        }
        if (route.jsonBody && request.body.isEmpty() && !request.hasBody)
            return ApiResponse::error(400, QStringLiteral("invalid_request"),
                                      QStringLiteral("a JSON body is required"));
        return route.handler(request, args, agent);
    }
    if (pathKnown)
        return ApiResponse::error(405, QStringLiteral("method_not_allowed"),
                                  QStringLiteral("This method is not allowed on %1.").arg(request.path));
    return ApiResponse::error(404, QStringLiteral("not_found"),
                              QStringLiteral("No route %1.").arg(request.path));
}

} // namespace vigil
