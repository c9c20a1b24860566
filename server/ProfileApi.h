#pragma once

#include "ApiTypes.h"

namespace vigil {

class ServerContext;

// GET /v1/profiles (search), GET /v1/profiles/{id} (needs this agent's live grant),
// PUT /v1/profiles/{id}/secret (admin), POST /v1/profiles/{id}/unblock (supervisor, admin).
class ProfileApi
{
public:
    explicit ProfileApi(ServerContext &context)
        : m_context(context)
    {
    }

    ApiResponse search(const ApiRequest &request);
    ApiResponse get(qint64 profileId, const AgentIdentity &agent);
    ApiResponse setSecret(qint64 profileId, const ApiRequest &request, const AgentIdentity &agent);
    ApiResponse unblock(qint64 profileId, const AgentIdentity &agent);

private:
    ServerContext &m_context;
};

} // namespace vigil
