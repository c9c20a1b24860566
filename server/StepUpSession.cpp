#include "StepUpSession.h"

#include "ServerContext.h"

#include <QSqlQuery>

namespace vigil {

std::optional<StepUpSession> StepUpSession::load(QSqlDatabase &db, const QString &verificationId,
                                                 bool *queryOk)
{
    *queryOk = false;
    QSqlQuery query(db);
    query.prepare(QStringLiteral(
            "SELECT profile_id, agent_id, state, level, methods FROM verifications WHERE id = ?"));
    query.addBindValue(verificationId);
    if (!query.exec())
        return std::nullopt;
    if (!query.next()) {
        *queryOk = true;
        return std::nullopt;
    }
    StepUpSession session;
    session.verificationId = verificationId;
    session.profileId = query.value(0).toLongLong();
    session.agentId = query.value(1).toLongLong();
    session.state = query.value(2).toString();
    session.level = query.value(3).toInt();
    session.methods = query.value(4).toString();
    QSqlQuery grant(db);
    grant.prepare(QStringLiteral("SELECT COUNT(*) FROM grants WHERE verification_id = ? AND agent_id = ?"
                                 " AND expires_at > ?"));
    grant.addBindValue(verificationId);
    grant.addBindValue(session.agentId);
    grant.addBindValue(ServerContext::now());
    if (!grant.exec() || !grant.next())
        return std::nullopt;
    session.grantLive = grant.value(0).toInt() > 0;
    *queryOk = true;
    return session;
}

bool StepUpSession::raise(QSqlDatabase &db, int newLevel, const QString &method)
{
    level = std::max(level, newLevel);
    QStringList list = methods.split(QLatin1Char(','), Qt::SkipEmptyParts);
    if (!list.contains(method))
        list.append(method);
    methods = list.join(QLatin1Char(','));
    QSqlQuery update(db);
    update.prepare(QStringLiteral("UPDATE verifications SET level = ?, methods = ? WHERE id = ?"));
    update.addBindValue(level);
    update.addBindValue(methods);
    update.addBindValue(verificationId);
    if (!update.exec() || update.numRowsAffected() != 1)
        return false;
    QSqlQuery grant(db);
    grant.prepare(QStringLiteral("UPDATE grants SET level = ? WHERE verification_id = ? AND level < ?"
                                 " AND expires_at > ?"));
    grant.addBindValue(level);
    grant.addBindValue(verificationId);
    grant.addBindValue(level);
    grant.addBindValue(ServerContext::now());
    return grant.exec();
}

ApiResponse StepUpSession::notFound()
{
    return ApiResponse::error(404, QStringLiteral("not_found"), QStringLiteral("No such verification."));
}

ApiResponse StepUpSession::verificationRequired()
{
    return ApiResponse::error(
            403, QStringLiteral("verification_required"),
            QStringLiteral("Step-up proof builds on a passed verification whose grant is still live."));
}

ApiResponse StepUpSession::locked(qint64 lockedUntil)
{
    return ApiResponse::error(423, QStringLiteral("profile_locked"),
                              QStringLiteral("This profile is locked after too many failed verifications."),
                              {{QStringLiteral("locked_until"), ServerContext::isoTime(lockedUntil)},
                               {QStringLiteral("attempts_remaining"), 0}});
}

} // namespace vigil
