#pragma once

#include "ApiTypes.h"

#include <QSqlDatabase>
#include <optional>

namespace vigil {

class ServerContext;

// Device approval (assurance level 3). The agent asks for a challenge and reads its two-digit
// number to the caller; the user's enrolled device fetches the challenge (without the number),
// and signs its decision together with the number the caller heard. The device authenticates
// by its Ed25519 signature, not by a bearer token. Everything that decides the outcome runs in
// one write transaction, next to the lockout ledger and the audit entry.
class DeviceApi
{
public:
    explicit DeviceApi(ServerContext &context)
        : m_context(context)
    {
    }

    // POST /v1/verifications/{id}/device
    ApiResponse requestChallenge(const QString &verificationId, const AgentIdentity &agent);
    // GET /v1/verifications/{id}/device/{challenge_id}
    ApiResponse status(const QString &verificationId, const QString &challengeId, const AgentIdentity &agent);
    // GET /v1/devices/{device_id}/challenges (no token)
    ApiResponse pending(const QString &deviceId);
    // POST /v1/device-challenges/{challenge_id}/response (no token; signed)
    ApiResponse respond(const QString &challengeId, const ApiRequest &request);

    // Registers a device inside the caller's transaction; returns its id, or nullopt with *error.
    static std::optional<QString> enroll(QSqlDatabase &db, qint64 profileId, const QByteArray &publicKey,
                                         const QString &name, QString *error);

private:
    ServerContext &m_context;
};

} // namespace vigil
