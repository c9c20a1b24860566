#pragma once

#include "ApiTypes.h"

namespace vigil {

class ServerContext;

// GET /v1/audit, GET /v1/audit/verify and GET /v1/policy.
class AuditApi
{
public:
    static constexpr int kMaxLimit = 1000;

    explicit AuditApi(ServerContext &context)
        : m_context(context)
    {
    }

    ApiResponse list(const ApiRequest &request);
    ApiResponse verify();
    ApiResponse policy();

private:
    ServerContext &m_context;
};

} // namespace vigil
