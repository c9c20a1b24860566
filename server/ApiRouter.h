#pragma once

#include "ActionApi.h"
#include "ApiTypes.h"
#include "AuditApi.h"
#include "AuthApi.h"
#include "DeviceApi.h"
#include "ProfileApi.h"
#include "StepUpOtpApi.h"
#include "TotpApi.h"
#include "VerificationApi.h"

#include <functional>

namespace vigil {

class ServerContext;

// Maps method + path to a handler, authenticates the bearer token and checks roles on every
// request. Runs on a worker thread: everything it calls may block (database, argon2id).
class ApiRouter
{
public:
    explicit ApiRouter(ServerContext &context);

    ApiResponse dispatch(const ApiRequest &request);

private:
    struct Route
    {
        QByteArray method;
        QStringList pattern; // "{}" matches one segment
        bool authenticated;
        QList<Role> roles; // empty: any signed-in agent
        bool jsonBody;
        std::function<ApiResponse(const ApiRequest &, const QStringList &args, const AgentIdentity &)>
                handler;
    };
    static const QList<Route> &routeShapes();
    static bool matches(const QStringList &pattern, const QStringList &segments, QStringList *args);

    ServerContext &m_context;
    AuthApi m_auth;
    VerificationApi m_verification;
    ProfileApi m_profiles;
    AuditApi m_audit;
    StepUpOtpApi m_stepUpOtp;
    TotpApi m_totp;
    DeviceApi m_devices;
    ActionApi m_actions;
    QList<Route> m_routes;
};

} // namespace vigil
