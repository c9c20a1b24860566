#pragma once

#include "ApiTypes.h"

#include <QSqlDatabase>

namespace vigil {

class ServerContext;

// TOTP read-out (assurance level 2): the caller reads the code from their authenticator app and
// the agent submits it. Secrets are sealed with the server's data key (context "totp:<owner>").
// Checking the lock, evaluating, the replay guard, counting and locking share one transaction.
class TotpApi
{
public:
    explicit TotpApi(ServerContext &context)
        : m_context(context)
    {
    }

    // POST /v1/verifications/{id}/totp {"code"}
    ApiResponse submit(const QString &verificationId, const ApiRequest &request, const AgentIdentity &agent);

    static QString ownerFor(qint64 profileId) { return QStringLiteral("profile:%1").arg(profileId); }
    // A supervisor's own authenticator, the second factor approvals need.
    static QString agentOwnerFor(qint64 agentId) { return QStringLiteral("agent:%1").arg(agentId); }
    // Stores a fresh 20-byte secret for the profile inside the caller's transaction (replacing
    // any earlier one) and returns it, or an empty array when the write failed.
    static QByteArray enroll(QSqlDatabase &db, const ServerContext &context, qint64 profileId)
    {
        return enrollOwner(db, context, ownerFor(profileId));
    }
    static QByteArray enrollOwner(QSqlDatabase &db, const ServerContext &context, const QString &owner);

private:
    ServerContext &m_context;
};

} // namespace vigil
