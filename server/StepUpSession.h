#pragma once

#include "ApiTypes.h"

#include <QSqlDatabase>
#include <optional>

namespace vigil {

// A passed verification that a step-up method (TOTP, device approval) builds on: loaded inside
// the caller's write transaction, and raised there when the stronger proof succeeds.
struct StepUpSession
{
    QString verificationId;
    qint64 profileId = 0;
    qint64 agentId = 0;
    QString state;
    int level = 0;
    QString methods;
    bool grantLive = false;

    // nullopt with *queryOk true when there is no such verification.
    static std::optional<StepUpSession> load(QSqlDatabase &db, const QString &verificationId, bool *queryOk);
    bool isPassedWithLiveGrant() const { return state == QLatin1String("passed") && grantLive; }
    // level = max(level, newLevel), `method` appended to methods, live grants of this verification
    // raised to match.
    bool raise(QSqlDatabase &db, int newLevel, const QString &method);

    static ApiResponse notFound();
    static ApiResponse verificationRequired();
    static ApiResponse locked(qint64 lockedUntil);
};

} // namespace vigil
