#include "TotpApi.h"

#include "LockoutLedger.h"
#include "ProfileStore.h"
#include "SecureMemory.h"
#include "SecureRandom.h"
#include "ServerContext.h"
#include "StepUpSession.h"
#include "Totp.h"

#include <QSqlQuery>

namespace vigil {

namespace {
const QString kAttempt = QStringLiteral("STEPUP_ATTEMPT");
constexpr int kTotpLevel = 2;

QJsonObject totpDetails(const QString &reason = {})
{
    QJsonObject details{{QStringLiteral("method"), QStringLiteral("totp")}};
    if (!reason.isEmpty())
        details.insert(QStringLiteral("reason"), reason);
    return details;
}
} // namespace

QByteArray TotpApi::enrollOwner(QSqlDatabase &db, const ServerContext &context, const QString &owner)
{
    QByteArray secret = SecureRandom::bytes(Totp::secretSize);
    QSqlQuery query(db);
    query.prepare(QStringLiteral("DELETE FROM totp_secrets WHERE owner = ?"));
    query.addBindValue(owner);
    if (!query.exec())
        return {};
    query.prepare(QStringLiteral(
            "INSERT INTO totp_secrets (owner, secret_enc, last_step, enrolled_at) VALUES (?, ?, 0, ?)"));
    query.addBindValue(owner);
    query.addBindValue(context.dataKey().encrypt(secret, QStringLiteral("totp:%1").arg(owner).toUtf8()));
    query.addBindValue(ServerContext::now());
    if (!query.exec()) {
        SecureMemory::wipe(secret);
        return {};
    }
    return secret;
}

ApiResponse TotpApi::submit(const QString &verificationId, const ApiRequest &request,
                            const AgentIdentity &agent)
{
    const auto codeValue = request.body.value(QStringLiteral("code"));
    QString code = codeValue.toString().trimmed().remove(QLatin1Char(' '));
    if (!codeValue.isString() || code.size() > 16)
        return ApiResponse::error(400, QStringLiteral("invalid_request"),
                                  QStringLiteral("code must be the 6 digits the caller reads out"));

    WriteTransaction tx(m_context.database());
    if (!tx.isActive())
        return ApiResponse::unavailable();
    auto &db = tx.db();
    bool queryOk = false;
    auto session = StepUpSession::load(db, verificationId, &queryOk);
    if (!queryOk)
        return ApiResponse::unavailable();
    // Another agent's verification is as invisible as one that does not exist.
    if (!session || session->agentId != agent.id)
        return StepUpSession::notFound();
    const auto policy = m_context.policy(db);
    const auto profile = ProfileStore::load(db, session->profileId, &queryOk);
    if (!policy || !queryOk || !profile)
        return ApiResponse::unavailable();
    const QString profileText = QString::number(session->profileId);
    if (profile->lockedUntil) {
        if (!m_context.audit(db,
                             {kAttempt, agent.username, profileText, verificationId, QStringLiteral("locked"),
                              totpDetails()})
            || !tx.commit())
            return ApiResponse::unavailable();
        return StepUpSession::locked(*profile->lockedUntil);
    }
    if (!session->isPassedWithLiveGrant())
        return StepUpSession::verificationRequired();

    const QString owner = ownerFor(session->profileId);
    QSqlQuery stored(db);
    stored.prepare(QStringLiteral("SELECT secret_enc, last_step FROM totp_secrets WHERE owner = ?"));
    stored.addBindValue(owner);
    if (!stored.exec())
        return ApiResponse::unavailable();
    if (!stored.next())
        return ApiResponse::error(409, QStringLiteral("no_totp"),
                                  QStringLiteral("This user has no authenticator app enrolled."));
    auto secret = m_context.dataKey().decrypt(stored.value(0).toByteArray(),
                                              QStringLiteral("totp:%1").arg(owner).toUtf8());
    if (!secret)
        return ApiResponse::internal();
    const qint64 lastStep = stored.value(1).toLongLong();
    const auto step = Totp::verify(*secret, code, ServerContext::now(), 1, lastStep);
    SecureMemory::wipe(*secret);
    SecureMemory::wipe(code);

    if (step) {
        QSqlQuery advance(db);
        advance.prepare(
                QStringLiteral("UPDATE totp_secrets SET last_step = ? WHERE owner = ? AND last_step < ?"));
        advance.addBindValue(*step);
        advance.addBindValue(owner);
        advance.addBindValue(*step);
        if (!advance.exec() || advance.numRowsAffected() != 1
            || !session->raise(db, kTotpLevel, QStringLiteral("totp"))
            || !LockoutLedger::resetFailures(db, session->profileId)
            || !m_context.audit(db,
                                {kAttempt,
                                 agent.username,
                                 profileText,
                                 verificationId,
                                 QStringLiteral("passed"),
                                 {{QStringLiteral("method"), QStringLiteral("totp")},
                                  {QStringLiteral("level"), session->level}}})
            || !tx.commit())
            return ApiResponse::unavailable();
        return ApiResponse::json(200,
                                 {{QStringLiteral("result"), QStringLiteral("passed")},
                                  {QStringLiteral("level"), session->level}});
    }

    if (!m_context.audit(db,
                         {kAttempt, agent.username, profileText, verificationId, QStringLiteral("failed"),
                          totpDetails()}))
        return ApiResponse::unavailable();
    const auto failure = LockoutLedger::recordFailure(db, m_context, session->profileId, *policy,
                                                      agent.username, verificationId);
    if (!failure.ok || !tx.commit())
        return ApiResponse::unavailable();
    if (failure.lockedNow)
        return StepUpSession::locked(*failure.lockedUntil);
    return ApiResponse::json(200,
                             {{QStringLiteral("result"), QStringLiteral("failed")},
                              {QStringLiteral("attempts_remaining"),
                               std::max(0, policy->maxFailedAttempts - failure.failedCount)}});
}

} // namespace vigil
