#pragma once

#include "ApiTypes.h"

#include <QSqlDatabase>

namespace vigil {

class ServerContext;

// Step-up proof by one-time code: POST /v1/verifications/{id}/otp sends a 6-digit code to an
// e-mail address or phone number on record (through the outbox, in the same transaction), and
// POST /v1/verifications/{id}/otp/{challenge} checks the code the caller reads back. A right
// code raises the verification and its grant to level 2; a wrong or expired one counts in the
// same per-profile lockout ledger as wrong answers, in one write transaction.
class StepUpOtpApi
{
public:
    explicit StepUpOtpApi(ServerContext &context)
        : m_context(context)
    {
    }

    ApiResponse send(const QString &verificationId, const ApiRequest &request, const AgentIdentity &agent);
    ApiResponse check(const QString &verificationId, const QString &challengeId, const ApiRequest &request,
                      const AgentIdentity &agent);

    // Lifetime of a code; `serve --otp-ttl` sets it (600 s by default).
    static void setCodeLifetime(int seconds);
    static int codeLifetime();

private:
    struct Verification;
    // The verification, when it is this agent's, passed, and its grant still live; else the refusal.
    std::optional<ApiResponse> loadVerification(QSqlDatabase &db, const QString &verificationId,
                                                const AgentIdentity &agent, Verification *verification);
    QByteArray codeHash(const QString &challengeId, const QString &code) const;

    ServerContext &m_context;
};

} // namespace vigil
