#include "DeviceApi.h"

#include "DeviceResponder.h"
#include "LockoutLedger.h"
#include "ProfileStore.h"
#include "SecureRandom.h"
#include "ServerContext.h"
#include "SigningKey.h"
#include "StepUpSession.h"

#include <QJsonArray>
#include <QSqlQuery>

namespace vigil {

namespace {
constexpr int kDeviceLevel = 3;
constexpr qint64 kChallengeSeconds = 120;

ApiResponse noSuchChallenge()
{
    return ApiResponse::error(404, QStringLiteral("not_found"), QStringLiteral("No such challenge."));
}

bool setChallengeState(QSqlDatabase &db, const QString &challengeId, const QString &state)
{
    QSqlQuery query(db);
    query.prepare(
            QStringLiteral("UPDATE device_challenges SET state = ? WHERE id = ? AND state = 'pending'"));
    query.addBindValue(state);
    query.addBindValue(challengeId);
    return query.exec() && query.numRowsAffected() == 1;
}
} // namespace

std::optional<QString> DeviceApi::enroll(QSqlDatabase &db, qint64 profileId, const QByteArray &publicKey,
                                         const QString &name, QString *error)
{
    if (publicKey.size() != SigningKey::publicKeySize) {
        *error = QStringLiteral("the public key must be 32 bytes (base64 of an Ed25519 public key)");
        return std::nullopt;
    }
    if (name.trimmed().isEmpty() || name.size() > 100) {
        *error = QStringLiteral("the device name must be 1 to 100 characters");
        return std::nullopt;
    }
    QSqlQuery query(db);
    query.prepare(QStringLiteral("SELECT COUNT(*) FROM profiles WHERE id = ?"));
    query.addBindValue(profileId);
    if (!query.exec() || !query.next())
        return std::nullopt;
    if (query.value(0).toInt() != 1) {
        *error = QStringLiteral("no profile with id %1").arg(profileId);
        return std::nullopt;
    }
    const QString id = SecureRandom::hexId(16);
    query.prepare(QStringLiteral("INSERT INTO devices (id, profile_id, name, public_key, enrolled_at)"
                                 " VALUES (?, ?, ?, ?, ?)"));
    query.addBindValue(id);
    query.addBindValue(profileId);
    query.addBindValue(name.trimmed());
    query.addBindValue(publicKey);
    query.addBindValue(ServerContext::now());
    if (!query.exec())
        return std::nullopt;
    return id;
}

ApiResponse DeviceApi::requestChallenge(const QString &verificationId, const AgentIdentity &agent)
{
    WriteTransaction tx(m_context.database());
    if (!tx.isActive())
        return ApiResponse::unavailable();
    auto &db = tx.db();
    bool queryOk = false;
    const auto session = StepUpSession::load(db, verificationId, &queryOk);
    if (!queryOk)
        return ApiResponse::unavailable();
    if (!session || session->agentId != agent.id)
        return StepUpSession::notFound();
    const auto profile = ProfileStore::load(db, session->profileId, &queryOk);
    if (!queryOk || !profile)
        return ApiResponse::unavailable();
    if (profile->lockedUntil)
        return StepUpSession::locked(*profile->lockedUntil);
    if (!session->isPassedWithLiveGrant())
        return StepUpSession::verificationRequired();

    QSqlQuery device(db);
    device.prepare(QStringLiteral("SELECT id, name FROM devices WHERE profile_id = ? AND revoked = 0"
                                  " ORDER BY enrolled_at DESC, id LIMIT 1"));
    device.addBindValue(session->profileId);
    if (!device.exec())
        return ApiResponse::unavailable();
    if (!device.next())
        return ApiResponse::error(409, QStringLiteral("no_device"),
                                  QStringLiteral("This user has no enrolled device."));
    const QString deviceId = device.value(0).toString();
    const QString deviceName = device.value(1).toString();

    const QString id = SecureRandom::hexId(16);
    const int number = 10 + static_cast<int>(SecureRandom::uniform(90));
    const QString nonce = QString::fromLatin1(SecureRandom::bytes(16).toHex());
    const qint64 now = ServerContext::now();
    const qint64 expiresAt = now + kChallengeSeconds;
    QSqlQuery insert(db);
    insert.prepare(QStringLiteral("INSERT INTO device_challenges (id, verification_id, device_id, agent,"
                                  " number, nonce, created_at, expires_at, state)"
                                  " VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'pending')"));
    insert.addBindValue(id);
    insert.addBindValue(verificationId);
    insert.addBindValue(deviceId);
    insert.addBindValue(agent.username);
    insert.addBindValue(number);
    insert.addBindValue(nonce);
    insert.addBindValue(now);
    insert.addBindValue(expiresAt);
    if (!insert.exec()
        || !m_context.audit(db,
                            {QStringLiteral("DEVICE_CHALLENGE_SENT"),
                             agent.username,
                             QString::number(session->profileId),
                             verificationId,
                             QStringLiteral("sent"),
                             {{QStringLiteral("challenge"), id}, {QStringLiteral("device"), deviceId}}})
        || !tx.commit())
        return ApiResponse::unavailable();
    return ApiResponse::json(201,
                             {{QStringLiteral("challenge_id"), id},
                              {QStringLiteral("number"), number},
                              {QStringLiteral("expires_at"), ServerContext::isoTime(expiresAt)},
                              {QStringLiteral("device_name"), deviceName}});
}

ApiResponse DeviceApi::status(const QString &verificationId, const QString &challengeId,
                              const AgentIdentity &agent)
{
    auto db = m_context.database().connection();
    QSqlQuery query(db);
    query.prepare(QStringLiteral("SELECT c.state, c.expires_at, v.level, v.agent_id FROM device_challenges c"
                                 " JOIN verifications v ON v.id = c.verification_id"
                                 " WHERE c.id = ? AND c.verification_id = ?"));
    query.addBindValue(challengeId);
    query.addBindValue(verificationId);
    if (!query.exec())
        return ApiResponse::unavailable();
    if (!query.next() || query.value(3).toLongLong() != agent.id)
        return noSuchChallenge();
    QString state = query.value(0).toString();
    if (state == QLatin1String("pending") && query.value(1).toLongLong() <= ServerContext::now())
        state = QStringLiteral("expired");
    return ApiResponse::json(
            200, {{QStringLiteral("state"), state}, {QStringLiteral("level"), query.value(2).toInt()}});
}

ApiResponse DeviceApi::pending(const QString &deviceId)
{
    auto db = m_context.database().connection();
    QSqlQuery device(db);
    device.prepare(QStringLiteral("SELECT COUNT(*) FROM devices WHERE id = ? AND revoked = 0"));
    device.addBindValue(deviceId);
    if (!device.exec() || !device.next())
        return ApiResponse::unavailable();
    if (device.value(0).toInt() != 1)
        return ApiResponse::error(404, QStringLiteral("not_found"), QStringLiteral("No such device."));
    QSqlQuery query(db);
    query.prepare(QStringLiteral("SELECT c.id, COALESCE(a.display_name, c.agent), c.nonce, c.expires_at"
                                 " FROM device_challenges c LEFT JOIN agents a ON a.username = c.agent"
                                 " WHERE c.device_id = ? AND c.state = 'pending' AND c.expires_at > ?"
                                 " ORDER BY c.created_at, c.id"));
    query.addBindValue(deviceId);
    query.addBindValue(ServerContext::now());
    if (!query.exec())
        return ApiResponse::unavailable();
    QJsonArray challenges;
    while (query.next())
        challenges.append(QJsonObject{
                {QStringLiteral("id"), query.value(0).toString()},
                {QStringLiteral("agent"), query.value(1).toString()},
                {QStringLiteral("nonce"), query.value(2).toString()},
                {QStringLiteral("expires_at"), ServerContext::isoTime(query.value(3).toLongLong())}});
    return ApiResponse::json(200, {{QStringLiteral("challenges"), challenges}});
}

ApiResponse DeviceApi::respond(const QString &challengeId, const ApiRequest &request)
{
    const QJsonObject &body = request.body;
    const QString deviceId = body.value(QStringLiteral("device_id")).toString();
    const QString decision = body.value(QStringLiteral("decision")).toString();
    const QJsonValue numberValue = body.value(QStringLiteral("number"));
    const QString number =
            numberValue.isDouble() ? QString::number(numberValue.toInt()) : numberValue.toString();
    const QByteArray signature =
            QByteArray::fromBase64(body.value(QStringLiteral("signature")).toString().toLatin1());
    if (deviceId.isEmpty() || (decision != QLatin1String("approve") && decision != QLatin1String("deny"))
        || number.size() > 8 || signature.isEmpty())
        return ApiResponse::error(400, QStringLiteral("invalid_request"),
                                  QStringLiteral("device_id, decision (approve or deny), number and "
                                                 "signature are required"));

    WriteTransaction tx(m_context.database());
    if (!tx.isActive())
        return ApiResponse::unavailable();
    auto &db = tx.db();
    QSqlQuery query(db);
    query.prepare(
            QStringLiteral("SELECT c.verification_id, c.agent, c.number, c.nonce, c.expires_at, c.state,"
                           " d.public_key, v.profile_id FROM device_challenges c"
                           " JOIN devices d ON d.id = c.device_id"
                           " JOIN verifications v ON v.id = c.verification_id"
                           " WHERE c.id = ? AND c.device_id = ? AND d.revoked = 0"));
    query.addBindValue(challengeId);
    query.addBindValue(deviceId);
    if (!query.exec())
        return ApiResponse::unavailable();
    if (!query.next())
        return noSuchChallenge();
    const QString verificationId = query.value(0).toString();
    const QString agentName = query.value(1).toString();
    const int expectedNumber = query.value(2).toInt();
    const QString nonce = query.value(3).toString();
    const qint64 expiresAt = query.value(4).toLongLong();
    const QString state = query.value(5).toString();
    const QByteArray publicKey = query.value(6).toByteArray();
    const qint64 profileId = query.value(7).toLongLong();
    const QString profileText = QString::number(profileId);
    const QJsonObject details{{QStringLiteral("challenge"), challengeId},
                              {QStringLiteral("device"), deviceId}};
    auto audit = [&](const QString &action, const QString &outcome) {
        return m_context.audit(db, {action, agentName, profileText, verificationId, outcome, details});
    };

    if (!SigningKey::verify(publicKey,
                            DeviceResponder::canonicalMessage(challengeId, nonce, decision, number),
                            signature)) {
        // The challenge stays pending: a forged response must not let anyone cancel the real one.
        if (!audit(QStringLiteral("DEVICE_RESPONSE_REJECTED"), QStringLiteral("bad_signature"))
            || !tx.commit())
            return ApiResponse::unavailable();
        return ApiResponse::error(401, QStringLiteral("bad_signature"),
                                  QStringLiteral("The response is not signed by the enrolled device."));
    }
    if (state != QLatin1String("pending"))
        return ApiResponse::error(409, QStringLiteral("already_answered"),
                                  QStringLiteral("This challenge was already answered."));
    if (ServerContext::now() >= expiresAt) {
        if (!setChallengeState(db, challengeId, QStringLiteral("expired"))
            || !audit(QStringLiteral("DEVICE_CHALLENGE_EXPIRED"), QStringLiteral("expired")) || !tx.commit())
            return ApiResponse::unavailable();
        return ApiResponse::error(
                410, QStringLiteral("challenge_expired"),
                QStringLiteral("This challenge has expired; the agent must send a new one."));
    }
    const auto policy = m_context.policy(db);
    bool queryOk = false;
    const auto profile = ProfileStore::load(db, profileId, &queryOk);
    if (!policy || !queryOk || !profile)
        return ApiResponse::unavailable();
    if (profile->lockedUntil) {
        if (!setChallengeState(db, challengeId, QStringLiteral("refused"))
            || !audit(QStringLiteral("DEVICE_RESPONSE_REFUSED"), QStringLiteral("locked")) || !tx.commit())
            return ApiResponse::unavailable();
        return StepUpSession::locked(*profile->lockedUntil);
    }

    const bool approved = decision == QLatin1String("approve") && number == QString::number(expectedNumber);
    if (!approved) {
        const QString action = decision == QLatin1String("approve") ? QStringLiteral("DEVICE_NUMBER_MISMATCH")
                                                                    : QStringLiteral("DEVICE_DENIED");
        if (!setChallengeState(db, challengeId, QStringLiteral("denied"))
            || !audit(action, QStringLiteral("failed")))
            return ApiResponse::unavailable();
        const auto failure =
                LockoutLedger::recordFailure(db, m_context, profileId, *policy, agentName, verificationId);
        if (!failure.ok || !tx.commit())
            return ApiResponse::unavailable();
        return ApiResponse::json(200, {{QStringLiteral("result"), QStringLiteral("denied")}});
    }

    bool sessionOk = false;
    auto session = StepUpSession::load(db, verificationId, &sessionOk);
    if (!sessionOk || !session)
        return ApiResponse::unavailable();
    if (!setChallengeState(db, challengeId, QStringLiteral("approved"))
        || !session->raise(db, kDeviceLevel, QStringLiteral("device"))
        || !LockoutLedger::resetFailures(db, profileId)
        || !audit(QStringLiteral("DEVICE_APPROVED"), QStringLiteral("passed")) || !tx.commit())
        return ApiResponse::unavailable();
    return ApiResponse::json(200, {{QStringLiteral("result"), QStringLiteral("approved")}});
}

} // namespace vigil
