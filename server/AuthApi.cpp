#include "AuthApi.h"

#include "AgentStore.h"
#include "Argon2Hasher.h"
#include "Blake2b.h"
#include "SecureMemory.h"
#include "ServerContext.h"
#include "Totp.h"
#include "TotpApi.h"

#include <QJsonArray>
#include <QSqlQuery>

namespace vigil {

namespace {
ApiResponse invalidCredentials()
{
    return ApiResponse::error(401, QStringLiteral("invalid_credentials"),
                              QStringLiteral("The user name or password is wrong."));
}

ApiResponse throttled()
{
    return ApiResponse::error(
            429, QStringLiteral("rate_limited"),
            QStringLiteral("Too many failed sign-ins for this user name; try again later."));
}

// True while the user name is throttled. Runs inside the write transaction.
bool isThrottled(QSqlDatabase &db, const QString &nameHash, qint64 now)
{
    QSqlQuery query(db);
    query.prepare(QStringLiteral("SELECT blocked_until FROM login_throttle WHERE name_hash = ?"));
    query.addBindValue(nameHash);
    return query.exec() && query.next() && !query.value(0).isNull() && query.value(0).toLongLong() > now;
}

bool recordLoginFailure(QSqlDatabase &db, const QString &nameHash, qint64 now)
{
    QSqlQuery query(db);
    query.prepare(QStringLiteral(
            "INSERT INTO login_throttle (name_hash, failures, window_start, blocked_until) VALUES (?, 1, ?, "
            "NULL)"
            " ON CONFLICT(name_hash) DO UPDATE SET"
            "  failures = CASE WHEN login_throttle.window_start < ? THEN 1 ELSE login_throttle.failures + 1 "
            "END,"
            "  window_start = CASE WHEN login_throttle.window_start < ? THEN excluded.window_start"
            "   ELSE login_throttle.window_start END"));
    query.addBindValue(nameHash);
    query.addBindValue(now);
    query.addBindValue(now - AuthApi::kFailureWindowSeconds);
    query.addBindValue(now - AuthApi::kFailureWindowSeconds);
    if (!query.exec())
        return false;
    query.prepare(QStringLiteral(
            "UPDATE login_throttle SET blocked_until = ? WHERE name_hash = ? AND failures >= ?"));
    query.addBindValue(now + AuthApi::kThrottleSeconds);
    query.addBindValue(nameHash);
    query.addBindValue(AuthApi::kMaxFailures);
    return query.exec();
}
} // namespace

ApiResponse AuthApi::login(const ApiRequest &request)
{
    const auto usernameValue = request.body.value(QStringLiteral("username"));
    const auto passwordValue = request.body.value(QStringLiteral("password"));
    if (!usernameValue.isString() || !passwordValue.isString())
        return ApiResponse::error(400, QStringLiteral("invalid_request"),
                                  QStringLiteral("username and password are required strings"));
    const QString username = usernameValue.toString().trimmed().toLower();
    // The throttle is keyed by a keyed hash: a password typed into the user field must not be kept.
    const QString throttleKey = QString::fromLatin1(
            Blake2b::keyedHash256(m_context.lookupKey(), QByteArray("login-throttle\n" + username.toUtf8()))
                    .toHex());
    QByteArray password = passwordValue.toString().toUtf8();
    if (username.isEmpty() || username.size() > 64 || password.isEmpty() || password.size() > 1024) {
        SecureMemory::wipe(password);
        return invalidCredentials();
    }

    auto db = m_context.database().connection();
    bool queryOk = false;
    const auto agent = AgentStore::findByUsername(db, username, &queryOk);
    if (!queryOk) {
        SecureMemory::wipe(password);
        return ApiResponse::unavailable();
    }
    // Unknown and disabled agents still cost one argon2id verification, so timing tells nothing.
    const QByteArray hash = (agent && !agent->disabled) ? agent->passwordHash : Argon2Hasher::dummyHash();
    const bool passwordOk = Argon2Hasher::verify(hash, password) && agent && !agent->disabled;
    SecureMemory::wipe(password);

    const qint64 now = ServerContext::now();
    WriteTransaction tx(m_context.database());
    if (!tx.isActive())
        return ApiResponse::unavailable();
    // The audit names only agents that exist, so a password typed into the user field is not kept.
    const QString auditAgent = agent ? agent->identity.username : QStringLiteral("(unknown)");
    if (isThrottled(tx.db(), throttleKey, now)) {
        if (!m_context.audit(tx.db(),
                             {QStringLiteral("AGENT_LOGIN_FAILED"),
                              auditAgent,
                              {},
                              {},
                              QStringLiteral("throttled"),
                              {}})
            || !tx.commit())
            return ApiResponse::unavailable();
        return throttled();
    }
    if (!passwordOk) {
        if (!recordLoginFailure(tx.db(), throttleKey, now)
            || !m_context.audit(
                    tx.db(),
                    {QStringLiteral("AGENT_LOGIN_FAILED"), auditAgent, {}, {}, QStringLiteral("failed"), {}})
            || !tx.commit())
            return ApiResponse::unavailable();
        return invalidCredentials();
    }

    QSqlQuery clear(tx.db());
    clear.prepare(QStringLiteral("DELETE FROM login_throttle WHERE name_hash = ?"));
    clear.addBindValue(throttleKey);
    qint64 expiresAt = 0;
    const QByteArray token = AgentStore::createSession(tx.db(), agent->identity.id, &expiresAt);
    if (!clear.exec() || token.isEmpty()
        || !m_context.audit(
                tx.db(),
                {QStringLiteral("AGENT_LOGIN"), agent->identity.username, {}, {}, QStringLiteral("ok"), {}})
        || !tx.commit())
        return ApiResponse::unavailable();

    QSqlQuery enrolled(db);
    enrolled.prepare(QStringLiteral("SELECT COUNT(*) FROM totp_secrets WHERE owner = ?"));
    enrolled.addBindValue(TotpApi::agentOwnerFor(agent->identity.id));
    const bool hasSecondFactor = enrolled.exec() && enrolled.next() && enrolled.value(0).toInt() > 0;
    QJsonObject agentJson{{QStringLiteral("id"), QString::number(agent->identity.id)},
                          {QStringLiteral("username"), agent->identity.username},
                          {QStringLiteral("display_name"), agent->identity.displayName},
                          {QStringLiteral("roles"), QJsonArray::fromStringList(agent->identity.roles)},
                          {QStringLiteral("second_factor_enrolled"), hasSecondFactor}};
    return ApiResponse::json(200,
                             {{QStringLiteral("token"), QString::fromLatin1(token)},
                              {QStringLiteral("expires_at"), ServerContext::isoTime(expiresAt)},
                              {QStringLiteral("second_factor"), false},
                              {QStringLiteral("agent"), agentJson}});
}

ApiResponse AuthApi::logout(const ApiRequest &request, const AgentIdentity &agent)
{
    WriteTransaction tx(m_context.database());
    if (!tx.isActive() || !AgentStore::deleteSession(tx.db(), request.bearerToken)
        || !m_context.audit(
                tx.db(), {QStringLiteral("AGENT_LOGOUT"), agent.username, {}, {}, QStringLiteral("ok"), {}})
        || !tx.commit())
        return ApiResponse::unavailable();
    return ApiResponse::noContent();
}

ApiResponse AuthApi::secondFactor(const ApiRequest &request, const AgentIdentity &agent)
{
    const auto codeValue = request.body.value(QStringLiteral("code"));
    QString code = codeValue.toString().trimmed().remove(QLatin1Char(' '));
    if (!codeValue.isString() || code.size() > 16)
        return ApiResponse::error(400, QStringLiteral("invalid_request"),
                                  QStringLiteral("code must be the 6 digits of your authenticator app"));
    // Wrong codes are throttled per agent, in the same table as sign-in failures.
    const QString throttleKey = QString::fromLatin1(
            Blake2b::keyedHash256(m_context.lookupKey(),
                                  QByteArray("second-factor\n" + QByteArray::number(agent.id)))
                    .toHex());
    const qint64 now = ServerContext::now();
    WriteTransaction tx(m_context.database());
    if (!tx.isActive())
        return ApiResponse::unavailable();
    auto &db = tx.db();
    auto audited = [&](const QString &action, const QString &outcome) {
        return m_context.audit(db, {action, agent.username, {}, {}, outcome, {}});
    };
    if (isThrottled(db, throttleKey, now)) {
        SecureMemory::wipe(code);
        if (!audited(QStringLiteral("AGENT_SECOND_FACTOR_FAILED"), QStringLiteral("throttled"))
            || !tx.commit())
            return ApiResponse::unavailable();
        return ApiResponse::error(429, QStringLiteral("rate_limited"),
                                  QStringLiteral("Too many wrong codes; try again later."));
    }
    const QString owner = TotpApi::agentOwnerFor(agent.id);
    QSqlQuery stored(db);
    stored.prepare(QStringLiteral("SELECT secret_enc, last_step FROM totp_secrets WHERE owner = ?"));
    stored.addBindValue(owner);
    if (!stored.exec()) {
        SecureMemory::wipe(code);
        return ApiResponse::unavailable();
    }
    if (!stored.next()) {
        SecureMemory::wipe(code);
        return ApiResponse::error(
                409, QStringLiteral("no_totp"),
                QStringLiteral("No authenticator is enrolled for you; ask an administrator to enroll one."));
    }
    auto secret = m_context.dataKey().decrypt(stored.value(0).toByteArray(),
                                              QStringLiteral("totp:%1").arg(owner).toUtf8());
    if (!secret) {
        SecureMemory::wipe(code);
        return ApiResponse::internal();
    }
    const auto step = Totp::verify(*secret, code, now, 1, stored.value(1).toLongLong());
    SecureMemory::wipe(*secret);
    SecureMemory::wipe(code);
    if (!step) {
        if (!recordLoginFailure(db, throttleKey, now)
            || !audited(QStringLiteral("AGENT_SECOND_FACTOR_FAILED"), QStringLiteral("failed"))
            || !tx.commit())
            return ApiResponse::unavailable();
        return ApiResponse::error(403, QStringLiteral("invalid_code"),
                                  QStringLiteral("The code is wrong or was already used."));
    }
    QSqlQuery advance(db);
    advance.prepare(
            QStringLiteral("UPDATE totp_secrets SET last_step = ? WHERE owner = ? AND last_step < ?"));
    advance.addBindValue(*step);
    advance.addBindValue(owner);
    advance.addBindValue(*step);
    QSqlQuery mark(db);
    mark.prepare(QStringLiteral("UPDATE sessions SET second_factor_at = ? WHERE token_hash = ?"));
    mark.addBindValue(now);
    mark.addBindValue(QString::fromLatin1(AgentStore::tokenHash(request.bearerToken)));
    QSqlQuery clear(db);
    clear.prepare(QStringLiteral("DELETE FROM login_throttle WHERE name_hash = ?"));
    clear.addBindValue(throttleKey);
    if (!advance.exec() || advance.numRowsAffected() != 1 || !mark.exec() || mark.numRowsAffected() != 1
        || !clear.exec() || !audited(QStringLiteral("AGENT_SECOND_FACTOR"), QStringLiteral("ok"))
        || !tx.commit())
        return ApiResponse::unavailable();
    return ApiResponse::json(200, {{QStringLiteral("second_factor"), true}});
}

} // namespace vigil
