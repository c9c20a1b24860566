#pragma once

#include "Policy.h"

#include <QSqlDatabase>
#include <QString>
#include <optional>

namespace vigil {

class Database;
class ServerContext;

struct FailureOutcome
{
    bool ok = false; // false: the write or its audit failed; the caller rolls back
    int failedCount = 0;
    bool lockedNow = false;
    std::optional<qint64> lockedUntil;
};

// What settleSlots() found for a profile, inside the caller's write transaction.
struct SlotCheck
{
    bool ok = false; // false: a read, a write or its audit failed; the caller rolls back
    bool settled = false; // an interrupted evaluation was recorded: worth committing
    int inFlight = 0; // evaluations still being worked on
    int failedCount = 0; // the count once interrupted evaluations are settled
    std::optional<qint64> lockedUntil;
};

// The one failure counter per profile. Every function runs inside the caller's write
// transaction, next to the audit entry that records it, so the count, the lock and the audit
// commit together or not at all.
//
// Evaluation slots: argon2id runs with no lock held, so an answer first reserves a slot for its
// profile in a short transaction (the verification becomes 'evaluating', naming this process), and
// only while failures counted + evaluations in flight stay below max_failed_attempts. A second
// short transaction records the outcome and releases the slot. So no more wrong answers are ever
// evaluated than the policy allows, however many arrive at once, on any number of replicas.
class LockoutLedger
{
public:
    // A slot older than this is settled even if its process still runs (a PostgreSQL connection
    // whose host vanished can look alive until TCP gives up on it).
    static constexpr qint64 kMaxEvaluationSeconds = 120;

    static FailureOutcome recordFailure(QSqlDatabase &db, const ServerContext &context, qint64 profileId,
                                        const Policy &policy, const QString &actor,
                                        const QString &verificationId);
    static bool resetFailures(QSqlDatabase &db, qint64 profileId);
    // Clears the lock and the count; `actor` is a supervisor's user name or "system:unlock-job".
    static bool unblock(QSqlDatabase &db, const ServerContext &context, qint64 profileId,
                        const QString &actor, const QString &reason);
    // Unblocks every profile whose lock has run out, in one transaction. Returns how many, or -1.
    static int unblockExpired(ServerContext &context, const QString &actor);

    // Settles the profile's slots whose evaluation was interrupted (its server died, or it gave up
    // recording the outcome) and counts the others. An interrupted evaluation counts as a failed
    // attempt, with its audit entry, or as a refusal if the profile is locked by then: it never
    // gives a free guess, although its result was never told.
    static SlotCheck settleSlots(QSqlDatabase &db, ServerContext &context, qint64 profileId,
                                 const Policy &policy);
    // Whether one more evaluation fits beside those in flight. With none in flight one always
    // does, as before slots existed (a lowered max_failed_attempts locks on the next failure).
    static bool slotAvailable(const SlotCheck &check, const Policy &policy);
    // Turns the open verification into this process's slot. The caller audits it and commits, and
    // calls endEvaluation() when the commit fails or once the outcome is recorded.
    static bool reserveSlot(QSqlDatabase &db, Database &database, const QString &verificationId);
    static void endEvaluation(const QString &verificationId);
};

} // namespace vigil
