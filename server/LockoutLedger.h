#pragma once

#include "Policy.h"

#include <QSqlDatabase>
#include <QString>
#include <optional>

namespace vigil {

class ServerContext;

struct FailureOutcome
{
    bool ok = false; // false: the write or its audit failed; the caller rolls back
    int failedCount = 0;
    bool lockedNow = false;
    std::optional<qint64> lockedUntil;
};

// The one failure counter per profile. Every function runs inside the caller's write
// transaction, next to the audit entry that records it, so the count, the lock and the audit
// commit together or not at all.
class LockoutLedger
{
public:
    static FailureOutcome recordFailure(QSqlDatabase &db, const ServerContext &context, qint64 profileId,
                                        const Policy &policy, const QString &actor,
                                        const QString &verificationId);
    static bool resetFailures(QSqlDatabase &db, qint64 profileId);
    // Clears the lock and the count; `actor` is a supervisor's user name or "system:unlock-job".
    static bool unblock(QSqlDatabase &db, const ServerContext &context, qint64 profileId,
                        const QString &actor, const QString &reason);
    // Unblocks every profile whose lock has run out, in one transaction. Returns how many, or -1.
    static int unblockExpired(ServerContext &context, const QString &actor);
};

} // namespace vigil
