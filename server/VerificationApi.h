#pragma once

#include "ApiTypes.h"

#include <QThreadPool>
#include <optional>

namespace vigil {

class ServerContext;

// POST /v1/profiles/{id}/verifications and POST /v1/verifications/{id}/answers.
// Blind: the console gets prompts and an aggregate result, never stored values, never which
// answer was wrong. An answer takes an evaluation slot of its profile in one short write
// transaction (lock, expiry, failures counted + evaluations in flight), is evaluated with no lock
// held, and is counted, locked or granted in a second one (LockoutLedger), so concurrent answers
// can never earn an extra guess while argon2id runs on every core.
class VerificationApi
{
public:
    explicit VerificationApi(ServerContext &context);

    ApiResponse start(qint64 profileId, const AgentIdentity &agent);
    ApiResponse answer(const QString &verificationId, const ApiRequest &request, const AgentIdentity &agent);

    static QString promptFor(const QString &field);

private:
    struct Reservation;
    Reservation reserve(const QString &verificationId, const QJsonObject &answers,
                        const AgentIdentity &agent);
    bool evaluate(const Reservation &reservation, const QJsonObject &answers);
    std::optional<ApiResponse> record(const Reservation &reservation, const QString &verificationId,
                                      bool allCorrect, const AgentIdentity &agent);

    ServerContext &m_context;
    // argon2id only: one thread per core, so hashing never oversubscribes the machine (and peak
    // memory stays at 19 MiB per core) however many requests wait on it.
    QThreadPool m_hashPool;
};

} // namespace vigil
