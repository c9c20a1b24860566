#include "StepUpOtpApi.h"

#include "Blake2b.h"
#include "LockoutLedger.h"
#include "NotificationOutbox.h"
#include "ProfileStore.h"
#include "SecureMemory.h"
#include "SecureRandom.h"
#include "ServerContext.h"

#include <QSqlQuery>

#include <atomic>
#include <sodium.h>

namespace vigil {

namespace {
const QString kAttempt = QStringLiteral("STEPUP_ATTEMPT");
constexpr int kStepUpLevel = 2;
std::atomic_int g_codeLifetime = 600;

ApiResponse lockedResponse(qint64 lockedUntil)
{
    return ApiResponse::error(423, QStringLiteral("profile_locked"),
                              QStringLiteral("This profile is locked after too many failed verifications."),
                              {{QStringLiteral("locked_until"), ServerContext::isoTime(lockedUntil)},
                               {QStringLiteral("attempts_remaining"), 0}});
}

ApiResponse notFound()
{
    return ApiResponse::error(404, QStringLiteral("not_found"),
                              QStringLiteral("No such verification or challenge."));
}

bool setChallengeState(QSqlDatabase &db, const QString &id, const QString &state)
{
    QSqlQuery query(db);
    query.prepare(QStringLiteral("UPDATE otp_challenges SET state = ? WHERE id = ? AND state = 'open'"));
    query.addBindValue(state);
    query.addBindValue(id);
    return query.exec() && query.numRowsAffected() == 1;
}
} // namespace

struct StepUpOtpApi::Verification
{
    qint64 profileId = 0;
    int level = 0;
    QString methods;
    StoredProfile profile;
    Policy policy;
};

void StepUpOtpApi::setCodeLifetime(int seconds)
{
    g_codeLifetime = seconds;
}

int StepUpOtpApi::codeLifetime()
{
    return g_codeLifetime;
}

QByteArray StepUpOtpApi::codeHash(const QString &challengeId, const QString &code) const
{
    // Keyed and bound to the challenge: a copied hash neither reveals the code (one million
    // candidates) without the lookup key nor matches under another challenge.
    QByteArray input = challengeId.toUtf8() + ':' + code.toUtf8();
    const QByteArray hash = Blake2b::keyedHash256(m_context.lookupKey(), input).toHex();
    SecureMemory::wipe(input);
    return hash;
}

std::optional<ApiResponse> StepUpOtpApi::loadVerification(QSqlDatabase &db, const QString &verificationId,
                                                          const AgentIdentity &agent,
                                                          Verification *verification)
{
    QSqlQuery query(db);
    query.prepare(QStringLiteral("SELECT profile_id, agent_id, state, level, methods FROM verifications"
                                 " WHERE id = ?"));
    query.addBindValue(verificationId);
    if (!query.exec())
        return ApiResponse::unavailable();
    // Another agent's verification is as invisible as one that does not exist.
    if (!query.next() || query.value(1).toLongLong() != agent.id)
        return notFound();
    verification->profileId = query.value(0).toLongLong();
    verification->level = query.value(3).toInt();
    verification->methods = query.value(4).toString();
    const bool passed = query.value(2).toString() == QLatin1String("passed") && verification->level >= 1;

    QSqlQuery grant(db);
    grant.prepare(QStringLiteral("SELECT COUNT(*) FROM grants WHERE verification_id = ? AND agent_id = ?"
                                 " AND expires_at > ?"));
    grant.addBindValue(verificationId);
    grant.addBindValue(agent.id);
    grant.addBindValue(ServerContext::now());
    if (!grant.exec() || !grant.next())
        return ApiResponse::unavailable();
    if (!passed || grant.value(0).toInt() == 0)
        return ApiResponse::error(
                403, QStringLiteral("verification_required"),
                QStringLiteral(
                        "Step-up needs a passed verification whose grant is still live; verify again."));

    const auto policy = m_context.policy(db);
    bool queryOk = false;
    const auto profile = ProfileStore::load(db, verification->profileId, &queryOk);
    if (!policy || !queryOk || !profile)
        return ApiResponse::unavailable();
    verification->policy = *policy;
    verification->profile = *profile;
    return std::nullopt;
}

ApiResponse StepUpOtpApi::send(const QString &verificationId, const ApiRequest &request,
                               const AgentIdentity &agent)
{
    const QString channel = request.body.value(QStringLiteral("channel")).toString();
    if (channel != NotificationOutbox::kEmail && channel != NotificationOutbox::kSms)
        return ApiResponse::error(400, QStringLiteral("invalid_request"),
                                  QStringLiteral("channel must be \"email\" or \"sms\""));

    WriteTransaction tx(m_context.database());
    if (!tx.isActive())
        return ApiResponse::unavailable();
    auto &db = tx.db();
    Verification verification;
    if (auto refusal = loadVerification(db, verificationId, agent, &verification))
        return *refusal;
    const StoredProfile &profile = verification.profile;
    const QString profileText = QString::number(verification.profileId);
    if (profile.lockedUntil)
        return lockedResponse(*profile.lockedUntil);
    const QString destination = channel == NotificationOutbox::kEmail ? profile.email : profile.phone;
    if (destination.trimmed().isEmpty())
        return ApiResponse::error(409, QStringLiteral("no_channel"),
                                  channel == NotificationOutbox::kEmail
                                          ? QStringLiteral("This user has no e-mail address on record.")
                                          : QStringLiteral("This user has no phone number on record."));

    const QString challengeId = SecureRandom::hexId(16);
    QString code = QStringLiteral("%1").arg(SecureRandom::uniform(1000000), 6, 10, QLatin1Char('0'));
    const qint64 now = ServerContext::now();
    const qint64 expiresAt = now + codeLifetime();
    QSqlQuery insert(db);
    insert.prepare(QStringLiteral("INSERT INTO otp_challenges (id, verification_id, channel, code_hash,"
                                  " created_at, expires_at, state) VALUES (?, ?, ?, ?, ?, ?, 'open')"));
    insert.addBindValue(challengeId);
    insert.addBindValue(verificationId);
    insert.addBindValue(channel);
    insert.addBindValue(QString::fromLatin1(codeHash(challengeId, code)));
    insert.addBindValue(now);
    insert.addBindValue(expiresAt);
    QString body = QStringLiteral("Vigil help desk: your code is %1. Only read it to the help desk agent who "
                                  "called you about ticket/verification %2; never share it otherwise.")
                           .arg(code, verificationId.left(8));
    const QString hint = NotificationOutbox::recipientHint(channel, destination);
    const bool written = insert.exec()
            && NotificationOutbox::enqueue(db, m_context, channel, destination,
                                           QStringLiteral("Your Vigil help desk code"), body,
                                           QStringLiteral("otp:") + challengeId)
            && m_context.audit(db,
                               {QStringLiteral("STEPUP_CODE_SENT"),
                                agent.username,
                                profileText,
                                verificationId,
                                QStringLiteral("queued"),
                                {{QStringLiteral("channel"), channel},
                                 {QStringLiteral("destination_hint"), hint},
                                 {QStringLiteral("challenge"), challengeId}}})
            && tx.commit();
    SecureMemory::wipe(code);
    SecureMemory::wipe(body);
    if (!written)
        return ApiResponse::unavailable();
    return ApiResponse::json(201,
                             {{QStringLiteral("challenge_id"), challengeId},
                              {QStringLiteral("channel"), channel},
                              {QStringLiteral("destination_hint"), hint},
                              {QStringLiteral("expires_at"), ServerContext::isoTime(expiresAt)}});
}

ApiResponse StepUpOtpApi::check(const QString &verificationId, const QString &challengeId,
                                const ApiRequest &request, const AgentIdentity &agent)
{
    const QJsonValue codeValue = request.body.value(QStringLiteral("code"));
    if (!codeValue.isString() || codeValue.toString().size() > 64)
        return ApiResponse::error(400, QStringLiteral("invalid_request"),
                                  QStringLiteral("code must be a string of at most 64 characters"));
    QString typed = codeValue.toString();
    typed.remove(QLatin1Char(' ')).remove(QLatin1Char('-'));

    WriteTransaction tx(m_context.database());
    if (!tx.isActive())
        return ApiResponse::unavailable();
    auto &db = tx.db();
    Verification verification;
    if (auto refusal = loadVerification(db, verificationId, agent, &verification))
        return *refusal;
    QSqlQuery query(db);
    query.prepare(QStringLiteral("SELECT channel, code_hash, expires_at, state FROM otp_challenges"
                                 " WHERE id = ? AND verification_id = ?"));
    query.addBindValue(challengeId);
    query.addBindValue(verificationId);
    if (!query.exec())
        return ApiResponse::unavailable();
    if (!query.next())
        return notFound();
    const QString channel = query.value(0).toString();
    const QByteArray storedHash = query.value(1).toString().toLatin1();
    const qint64 expiresAt = query.value(2).toLongLong();
    const QString state = query.value(3).toString();
    const Policy &policy = verification.policy;
    const qint64 profileId = verification.profileId;
    const QString profileText = QString::number(profileId);
    auto attemptEntry = [&](const QString &outcome, QJsonObject details) {
        details.insert(QStringLiteral("channel"), channel);
        details.insert(QStringLiteral("challenge"), challengeId);
        return AuditEntry{kAttempt, agent.username, profileText, verificationId, outcome, details};
    };

    if (verification.profile.lockedUntil) {
        // Refused without evaluation: a locked profile gives no guess.
        if (!m_context.audit(db, attemptEntry(QStringLiteral("locked"), {})) || !tx.commit())
            return ApiResponse::unavailable();
        return lockedResponse(*verification.profile.lockedUntil);
    }
    if (state != QLatin1String("open"))
        return ApiResponse::error(
                410, QStringLiteral("challenge_used"),
                QStringLiteral("This code was already used or has expired; send a new one."));

    auto countFailure = [&](const QString &reason) -> std::optional<FailureOutcome> {
        if (!m_context.audit(db,
                             attemptEntry(QStringLiteral("failed"), {{QStringLiteral("reason"), reason}})))
            return std::nullopt;
        const auto failure = LockoutLedger::recordFailure(db, m_context, profileId, policy, agent.username,
                                                          verificationId);
        if (!failure.ok || !tx.commit())
            return std::nullopt;
        return failure;
    };

    if (ServerContext::now() >= expiresAt) {
        if (!setChallengeState(db, challengeId, QStringLiteral("expired")))
            return ApiResponse::unavailable();
        const auto failure = countFailure(QStringLiteral("expired"));
        if (!failure)
            return ApiResponse::unavailable();
        if (failure->lockedNow)
            return lockedResponse(*failure->lockedUntil);
        return ApiResponse::error(410, QStringLiteral("challenge_expired"),
                                  QStringLiteral("This code expired and counts as a failed attempt."),
                                  {{QStringLiteral("attempts_remaining"),
                                    std::max(0, policy.maxFailedAttempts - failure->failedCount)}});
    }

    const QByteArray typedHash = codeHash(challengeId, typed);
    SecureMemory::wipe(typed);
    const bool correct = typedHash.size() == storedHash.size()
            && sodium_memcmp(typedHash.constData(), storedHash.constData(),
                             static_cast<size_t>(typedHash.size()))
                    == 0;
    if (!correct) {
        // The challenge stays open for a mistyped code: the shared lockout bounds the guesses.
        const auto failure = countFailure(QStringLiteral("wrong_code"));
        if (!failure)
            return ApiResponse::unavailable();
        if (failure->lockedNow)
            return lockedResponse(*failure->lockedUntil);
        return ApiResponse::json(200,
                                 {{QStringLiteral("result"), QStringLiteral("failed")},
                                  {QStringLiteral("attempts_remaining"),
                                   std::max(0, policy.maxFailedAttempts - failure->failedCount)}});
    }

    const QString method = QStringLiteral("otp:") + channel;
    QStringList methods = verification.methods.split(QLatin1Char(','), Qt::SkipEmptyParts);
    if (!methods.contains(method))
        methods.append(method);
    const int level = std::max(verification.level, kStepUpLevel);
    QSqlQuery raise(db);
    raise.prepare(QStringLiteral("UPDATE verifications SET level = ?, methods = ? WHERE id = ?"));
    raise.addBindValue(level);
    raise.addBindValue(methods.join(QLatin1Char(',')));
    raise.addBindValue(verificationId);
    QSqlQuery grant(db);
    grant.prepare(QStringLiteral(
            "UPDATE grants SET level = CASE WHEN level < ? THEN ? ELSE level END WHERE verification_id = ?"
            " AND agent_id = ? AND expires_at > ?"));
    grant.addBindValue(level);
    grant.addBindValue(level);
    grant.addBindValue(verificationId);
    grant.addBindValue(agent.id);
    grant.addBindValue(ServerContext::now());
    if (!setChallengeState(db, challengeId, QStringLiteral("used")) || !raise.exec() || !grant.exec()
        || grant.numRowsAffected() < 1 || !LockoutLedger::resetFailures(db, profileId)
        || !m_context.audit(
                db,
                attemptEntry(QStringLiteral("passed"),
                             {{QStringLiteral("level"), level}, {QStringLiteral("method"), method}}))
        || !tx.commit())
        return ApiResponse::unavailable();
    return ApiResponse::json(
            200, {{QStringLiteral("result"), QStringLiteral("passed")}, {QStringLiteral("level"), level}});
}

} // namespace vigil
