#include "LockoutLedger.h"

#include "ServerContext.h"

#include <QLoggingCategory>
#include <QSqlError>
#include <QSqlQuery>

Q_LOGGING_CATEGORY(lcLockout, "vigil.server.lockout")

namespace vigil {

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
    // Verifications started before the lock would otherwise count against the fresh start.
    query.prepare(QStringLiteral(
            "UPDATE verifications SET state = 'cancelled' WHERE profile_id = ? AND state = 'open'"));
    query.addBindValue(profileId);
    if (!query.exec())
        return false;
    return context.audit(db,
                         {QStringLiteral("PROFILE_UNBLOCKED"),
                          actor,
                          QString::number(profileId),
                          {},
                          QStringLiteral("unblocked"),
                          {{QStringLiteral("reason"), reason}}});
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

} // namespace vigil
