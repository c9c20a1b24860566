#include "LockoutLedger.h"

#include "ProfileNotifier.h"
#include "ProfileStore.h"
#include "SecureRandom.h"
#include "ServerContext.h"

#include <QLoggingCategory>
#include <QSqlError>
#include <QSqlQuery>

Q_LOGGING_CATEGORY(lcLockout, "vigil.server.lockout")

namespace vigil {

namespace {
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
                QStringLiteral("lock:%1:%2").arg(profileId).arg(until),
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
    // Verifications started before the lock would otherwise count against the fresh start.
    query.prepare(QStringLiteral(
            "UPDATE verifications SET state = 'cancelled' WHERE profile_id = ? AND state = 'open'"));
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

} // namespace vigil
