#pragma once

#include "ApiTypes.h"

namespace vigil {

class ServerContext;

// POST /v1/profiles/{id}/verifications and POST /v1/verifications/{id}/answers.
// Blind: the console gets prompts and an aggregate result, never stored values, never which
// answer was wrong. Checking the lock, evaluating, counting and locking share one write
// transaction, so concurrent answers can never earn an extra guess.
class VerificationApi
{
public:
    explicit VerificationApi(ServerContext &context)
        : m_context(context)
    {
    }

    ApiResponse start(qint64 profileId, const AgentIdentity &agent);
    ApiResponse answer(const QString &verificationId, const ApiRequest &request, const AgentIdentity &agent);

    static QString promptFor(const QString &field);

private:
    ServerContext &m_context;
};

} // namespace vigil
