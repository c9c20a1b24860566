#pragma once

#include "ApiTypes.h"

#include <QSqlDatabase>
#include <optional>

namespace vigil {

class ServerContext;
struct StoredProfile;
struct Policy;

// One requested action as stored in `actions`.
struct ActionRecord
{
    QString id;
    qint64 profileId = 0;
    QString kind;
    QString state;
    qint64 requestedBy = 0;
    QString verificationId;
    qint64 verifiedBy = 0;
    int level = 0;
    QString methods;
    QString reason;
    QString ticket;
    QString newValue;
    QString oldValue;
    QString undoData;
    int approvalsRequired = 0;
    bool privileged = false;
    qint64 requestedAt = 0;
    std::optional<qint64> expiresAt;
    std::optional<qint64> runAt;
    std::optional<qint64> completedAt;
    QString result;
};

// Actions from the policy's catalog, supervisor escalations, the undo window, revert links and
// password-reset links. Each state change, its audit entries and the notifications it sends are
// written in one transaction: the user is told if and only if the change committed.
class ActionApi
{
public:
    explicit ActionApi(ServerContext &context)
        : m_context(context)
    {
    }

    // POST /v1/profiles/{id}/actions
    ApiResponse request(qint64 profileId, const ApiRequest &request, const AgentIdentity &agent);
    // GET /v1/actions?scope=queue|mine | ?profile=ID
    ApiResponse list(const ApiRequest &request, const AgentIdentity &agent);
    // GET /v1/actions/{id}
    ApiResponse get(const QString &id, const AgentIdentity &agent);
    // POST /v1/actions/{id}/approve and …/deny
    ApiResponse decide(const QString &id, const ApiRequest &request, const AgentIdentity &agent,
                       bool approve);
    // POST /v1/actions/{id}/cancel
    ApiResponse cancel(const QString &id, const AgentIdentity &agent);
    // POST /v1/profiles/{id}/unfreeze
    ApiResponse unfreeze(qint64 profileId, const AgentIdentity &agent);
    // GET and POST /v1/revert/{token}
    ApiResponse revertInfo(const QString &token, const ApiRequest &request);
    ApiResponse revert(const QString &token, const ApiRequest &request);
    // POST /v1/password-resets/redeem {"token"}
    ApiResponse redeemReset(const ApiRequest &request);

    // The scheduled job: expires escalations past their time and applies changes whose undo
    // window has passed. Returns how many actions it moved, or -1 on a store error.
    static int runDue(ServerContext &context, const QString &actor);
    // Links in notifications start with `notify set public_url=…`, or this (set by serve from
    // its listening address) when none was configured.
    static void setDefaultPublicUrl(const QString &url);

    // "<action id>.<expiry>.<MAC>": keyed BLAKE2b over both, so a link cannot be forged or
    // pointed at another action. Public for tests.
    static QString revertToken(const ServerContext &context, const QString &actionId, qint64 expiresAt);
    static constexpr qint64 kRevertSeconds = 30 * 24 * 3600;
    static constexpr qint64 kResetLinkSeconds = 3600;

private:
    ServerContext &m_context;
};

} // namespace vigil
