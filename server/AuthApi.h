#pragma once

#include "ApiTypes.h"

namespace vigil {

class ServerContext;

// POST /v1/auth/login and /v1/auth/logout. Unknown user, disabled agent and wrong password give
// the same answer and take the same time; repeated failures throttle the attempted user name.
class AuthApi
{
public:
    static constexpr int kMaxFailures = 5;
    static constexpr qint64 kFailureWindowSeconds = 15 * 60;
    static constexpr qint64 kThrottleSeconds = 5 * 60;

    explicit AuthApi(ServerContext &context)
        : m_context(context)
    {
    }

    ApiResponse login(const ApiRequest &request);
    ApiResponse logout(const ApiRequest &request, const AgentIdentity &agent);
    // POST /v1/auth/second-factor {"code"}: the agent's own TOTP; marks this session.
    ApiResponse secondFactor(const ApiRequest &request, const AgentIdentity &agent);

private:
    ServerContext &m_context;
};

} // namespace vigil
