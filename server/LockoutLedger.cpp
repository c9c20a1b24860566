#include "LockoutLedger.h"

#include "ProfileNotifier.h"
#include "ProfileStore.h"
#include "SecureRandom.h"
#include "ServerContext.h"

#include <QHash>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QMutex>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>

Q_LOGGING_CATEGORY(lcLockout, "vigil.server.lockout")

namespace vigil {

namespace {
const QString kAttempt = QStringLiteral("HELPDESK_UNLOCK_ATTEMPT");

// This process's slots being evaluated right now. A slot that names this process but is not here
// was given up (the outcome could not be recorded) and is settled like one of a dead server.
QMutex g_evaluatingMutex;
QSet<QString> &evaluating()
{
    static QSet<QString> ids;
    return ids;
}

bool isEvaluatingHere(const QString &verificationId)
{
    QMutexLocker lock(&g_evaluatingMutex);
    return evaluating().contains(verificationId);
}

struct Slot
{
    QString verificationId;
    QString evaluator;
    qint64 since = 0;
    QString owner; // the agent who answered
};

// Every lock and unblock is told to the user on every channel: a lock the user did not cause is
// the first sign that someone is calling the help desk in their name.
bool notifyUser(QSqlDatabase &db, const ServerContext &context, qint64 profileId,
                ProfileNotifier::Message message, const QString &actor, const QString &verificationId)
{
    bool queryOk = false;
    const auto profile = ProfileStore::load(db, profileId, &queryOk);
    if (!queryOk || !profile)
        return false;
    message.body = message.body.arg(profile->username);
    return ProfileNotifier::notify(db, context, *profile, message, actor, verificationId);
}

// Records one interrupted evaluation: a failed attempt (which may lock the profile), or a refusal
// when the profile is locked already, with its audit entry. Inside the caller's transaction.
bool settleInterrupted(QSqlDatabase &db, const ServerContext &context, qint64 profileId, const Policy &policy,
                       const Slot &slot)
{
    bool queryOk = false;
    const auto profile = ProfileStore::load(db, profileId, &queryOk);
    if (!queryOk || !profile)
        return false;
    const bool locked = profile->lockedUntil.has_value();
    QSqlQuery query(db);
    query.prepare(QStringLiteral(
            "UPDATE verifications SET state = ?, answered_at = ? WHERE id = ? AND state = 'evaluating'"));
    query.addBindValue(locked ? QStringLiteral("refused") : QStringLiteral("failed"));
    query.addBindValue(ServerContext::now());
    query.addBindValue(slot.verificationId);
    if (!query.exec() || query.numRowsAffected() != 1)
        return false;
    QJsonObject details{{QStringLiteral("reason"), QStringLiteral("evaluation_interrupted")}};
    if (!locked)
        details.insert(QStringLiteral("failed_attempts"), profile->failedCount + 1);
    if (!context.audit(db,
                       {kAttempt, slot.owner, QString::number(profileId), slot.verificationId,
                        locked ? QStringLiteral("locked") : QStringLiteral("failed"), details}))
        return false;
    if (!locked
        && !LockoutLedger::recordFailure(db, context, profileId, policy, slot.owner, slot.verificationId).ok)
        return false;
    qCWarning(lcLockout) << "profile" << profileId << "verification" << slot.verificationId
                         << "was interrupted while being evaluated (evaluator" << slot.evaluator
                         << "); counted as" << (locked ? "refused" : "failed");
    return true;
}
} // namespace

FailureOutcome LockoutLedger::recordFailure(QSqlDatabase &db, const ServerContext &context, qint64 profileId,
                                            const Policy &policy, const QString &actor,
                                            const QString &verificationId)
{
    FailureOutcome outcome;
    QSqlQuery query(db);
    query.prepare(QStringLiteral("UPDATE profiles SET failed_count = failed_count + 1 WHERE id = ?"));
    query.addBindValue(profileId);
    if (!query.exec() || query.numRowsAffected() != 1)
        return outcome;
    query.prepare(QStringLiteral("SELECT failed_count, locked_until FROM profiles WHERE id = ?"));
    query.addBindValue(profileId);
    if (!query.exec() || !query.next())
        return outcome;
    outcome.failedCount = query.value(0).toInt();
    if (!query.value(1).isNull())
        outcome.lockedUntil = query.value(1).toLongLong();

    if (outcome.failedCount >= policy.maxFailedAttempts && !outcome.lockedUntil) {
        const qint64 until = ServerContext::now() + policy.lockoutSeconds;
        query.prepare(
                QStringLiteral("UPDATE profiles SET locked_until = ? WHERE id = ? AND locked_until IS NULL"));
        query.addBindValue(until);
        query.addBindValue(profileId);
        if (!query.exec() || query.numRowsAffected() != 1)
            return outcome;
        outcome.lockedNow = true;
        outcome.lockedUntil = until;
        const AuditEntry entry{QStringLiteral("PROFILE_LOCKED"),
                               actor,
                               QString::number(profileId),
                               verificationId,
                               QStringLiteral("locked"),
                               {{QStringLiteral("failed_attempts"), outcome.failedCount},
                                {QStringLiteral("locked_until"), ServerContext::isoTime(until)}}};
        if (!context.audit(db, entry))
            return outcome;
        const ProfileNotifier::Message message{
                QStringLiteral("lock"),
                QStringLiteral("Help desk verification locked"),
                QStringLiteral(
                        "Someone calling the help desk as you (account %1) failed identity "
                        "verification %2 times, so the help desk cannot change anything on your "
                        "account until %3. If this was not you, tell your security team: someone may be "
                        "trying to impersonate you.")
                        .arg(QStringLiteral("%1"), QString::number(outcome.failedCount),
                             ServerContext::isoTime(until)),
                // Unique per lock: the same profile can be locked, unblocked and locked again
                // within one second, and the outbox refuses a key it already holds.
                QStringLiteral("lock:%1:%2:%3").arg(profileId).arg(until).arg(SecureRandom::hexId(8)),
                {},
                {}};
        if (!notifyUser(db, context, profileId, message, actor, verificationId))
            return outcome;
        qCInfo(lcLockout) << "profile" << profileId << "locked after" << outcome.failedCount << "failures";
    }
    outcome.ok = true;
    return outcome;
}

bool LockoutLedger::resetFailures(QSqlDatabase &db, qint64 profileId)
{
    QSqlQuery query(db);
    query.prepare(
            QStringLiteral("UPDATE profiles SET failed_count = 0 WHERE id = ? AND locked_until IS NULL"));
    query.addBindValue(profileId);
    return query.exec() && query.numRowsAffected() == 1;
}

bool LockoutLedger::unblock(QSqlDatabase &db, const ServerContext &context, qint64 profileId,
                            const QString &actor, const QString &reason)
{
    QSqlQuery query(db);
    query.prepare(QStringLiteral("UPDATE profiles SET locked_until = NULL, failed_count = 0 WHERE id = ?"));
    query.addBindValue(profileId);
    if (!query.exec() || query.numRowsAffected() != 1)
        return false;
    // Verifications started before the lock would otherwise count against the fresh start. One being
    // evaluated is cancelled too: its result is then never used or told.
    query.prepare(
            QStringLiteral("UPDATE verifications SET state = 'cancelled' WHERE profile_id = ? AND state IN "
                           "('open', 'evaluating')"));
    query.addBindValue(profileId);
    if (!query.exec())
        return false;
    if (!context.audit(db,
                       {QStringLiteral("PROFILE_UNBLOCKED"),
                        actor,
                        QString::number(profileId),
                        {},
                        QStringLiteral("unblocked"),
                        {{QStringLiteral("reason"), reason}}}))
        return false;
    const ProfileNotifier::Message message{
            QStringLiteral("unblock"),
            QStringLiteral("Help desk verification open again"),
            QStringLiteral("Help desk verification for your account (%1) is possible again (%2). If you did "
                           "not call the help desk, tell your security team.")
                    .arg(QStringLiteral("%1"), reason),
            QStringLiteral("unblock:%1:%2").arg(profileId).arg(SecureRandom::hexId(8)),
            {},
            {}};
    return notifyUser(db, context, profileId, message, actor, {});
}

int LockoutLedger::unblockExpired(ServerContext &context, const QString &actor)
{
    WriteTransaction tx(context.database());
    if (!tx.isActive())
        return -1;
    QSqlQuery query(tx.db());
    query.prepare(
            QStringLiteral("SELECT id FROM profiles WHERE locked_until IS NOT NULL AND locked_until <= ?"));
    query.addBindValue(ServerContext::now());
    if (!query.exec()) {
        qCWarning(lcLockout) << "unlock job cannot read locks:" << query.lastError().text();
        return -1;
    }
    QList<qint64> expired;
    while (query.next())
        expired.append(query.value(0).toLongLong());
    for (qint64 id : expired) {
        if (!unblock(tx.db(), context, id, actor, QStringLiteral("lock expired")))
            return -1;
    }
    if (!expired.isEmpty() && !tx.commit())
        return -1;
    if (!expired.isEmpty())
        qCInfo(lcLockout) << "unblocked" << expired.size() << "expired locks";
    return static_cast<int>(expired.size());
}

SlotCheck LockoutLedger::settleSlots(QSqlDatabase &db, ServerContext &context, qint64 profileId,
                                     const Policy &policy)
{
    SlotCheck check;
    QSqlQuery query(db);
    query.prepare(QStringLiteral(
            "SELECT v.id, v.evaluator, v.evaluating_since, a.username FROM verifications v"
            " JOIN agents a ON a.id = v.agent_id WHERE v.profile_id = ? AND v.state = 'evaluating'"));
    query.addBindValue(profileId);
    if (!query.exec())
        return check;
    QList<Slot> held;
    while (query.next())
        held.append({query.value(0).toString(), query.value(1).toString(), query.value(2).toLongLong(),
                     query.value(3).toString()});
    Database &database = context.database();
    const QString self = held.isEmpty() ? QString() : database.evaluatorId();
    const qint64 now = ServerContext::now();
    QHash<QString, bool> running; // asked once per other process
    QList<Slot> interrupted;
    for (const auto &slot : std::as_const(held)) {
        bool alive = false;
        if (now - slot.since > kMaxEvaluationSeconds) {
            alive = false;
        } else if (!self.isEmpty() && slot.evaluator == self) {
            alive = isEvaluatingHere(slot.verificationId);
        } else if (auto known = running.constFind(slot.evaluator); known != running.cend()) {
            alive = *known;
        } else {
            bool asked = false;
            alive = database.isEvaluatorRunning(db, slot.evaluator, &asked);
            if (!asked)
                return check; // unknown: neither a free slot nor a settlement can be trusted
            running.insert(slot.evaluator, alive);
        }
        if (alive)
            ++check.inFlight;
        else
            interrupted.append(slot);
    }

    for (const auto &slot : std::as_const(interrupted)) {
        if (!settleInterrupted(db, context, profileId, policy, slot))
            return check;
        check.settled = true;
    }

    query.prepare(QStringLiteral("SELECT failed_count, locked_until FROM profiles WHERE id = ?"));
    query.addBindValue(profileId);
    if (!query.exec() || !query.next())
        return check;
    check.failedCount = query.value(0).toInt();
    if (!query.value(1).isNull())
        check.lockedUntil = query.value(1).toLongLong();
    check.ok = true;
    return check;
}

bool LockoutLedger::slotAvailable(const SlotCheck &check, const Policy &policy)
{
    return check.inFlight == 0 || check.failedCount + check.inFlight < policy.maxFailedAttempts;
}

bool LockoutLedger::reserveSlot(QSqlDatabase &db, Database &database, const QString &verificationId)
{
    const QString evaluator = database.evaluatorId();
    if (evaluator.isEmpty())
        return false;
    QSqlQuery query(db);
    query.prepare(QStringLiteral(
            "UPDATE verifications SET state = 'evaluating', evaluator = ?, evaluating_since = ?"
            " WHERE id = ? AND state = 'open'"));
    query.addBindValue(evaluator);
    query.addBindValue(ServerContext::now());
    query.addBindValue(verificationId);
    if (!query.exec() || query.numRowsAffected() != 1)
        return false;
    // Known here before the commit: another thread of this process that finds the slot once it is
    // committed must see it as being worked on.
    QMutexLocker lock(&g_evaluatingMutex);
    evaluating().insert(verificationId);
    return true;
}

void LockoutLedger::endEvaluation(const QString &verificationId)
{
    QMutexLocker lock(&g_evaluatingMutex);
    evaluating().remove(verificationId);
}

} // namespace vigil
