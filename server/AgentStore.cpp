#include "AgentStore.h"

#include "Argon2Hasher.h"
#include "Blake2b.h"
#include "SecureRandom.h"
#include "ServerContext.h"

#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>

namespace vigil {

bool AgentStore::isValidUsername(const QString &username)
{
    static const QRegularExpression pattern(QStringLiteral("^[a-z0-9._-]{1,64}$"));
    return pattern.match(username).hasMatch();
}

QString AgentStore::generatePassword()
{
    // 18 random bytes → 24 base64url characters (144 bits).
    return QString::fromLatin1(
            SecureRandom::bytes(18).toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

std::optional<QString> AgentStore::add(QSqlDatabase &db, const QString &username, const QString &displayName,
                                       const QStringList &roles, QString *error)
{
    if (!isValidUsername(username)) {
        *error = QStringLiteral("user names are 1 to 64 of a-z 0-9 . _ -");
        return std::nullopt;
    }
    if (roles.isEmpty()) {
        *error = QStringLiteral("an agent needs at least one role");
        return std::nullopt;
    }
    for (const auto &role : roles) {
        if (!isKnownRole(role)) {
            *error = QStringLiteral("unknown role \"%1\" (technician, supervisor, auditor, admin)").arg(role);
            return std::nullopt;
        }
    }
    const QString password = generatePassword();
    const QByteArray hash = Argon2Hasher::hash(password.toUtf8());
    if (hash.isEmpty()) {
        *error = QStringLiteral("cannot hash the password");
        return std::nullopt;
    }
    QSqlQuery query(db);
    query.prepare(
            QStringLiteral("INSERT INTO agents (username, display_name, password_hash, roles, created_at)"
                           " VALUES (?, ?, ?, ?, ?)"));
    query.addBindValue(username);
    query.addBindValue(displayName.isEmpty() ? username : displayName);
    query.addBindValue(QString::fromLatin1(hash));
    query.addBindValue(roles.join(QLatin1Char(',')));
    query.addBindValue(ServerContext::now());
    if (!query.exec()) {
        *error = query.lastError().nativeErrorCode() == QLatin1String("2067")
                ? QStringLiteral("an agent named %1 already exists").arg(username)
                : query.lastError().text();
        return std::nullopt;
    }
    return password;
}

namespace {
AgentRecord agentFrom(const QSqlQuery &query)
{
    AgentRecord record;
    record.identity.id = query.value(0).toLongLong();
    record.identity.username = query.value(1).toString();
    record.identity.displayName = query.value(2).toString();
    record.identity.roles = query.value(3).toString().split(QLatin1Char(','), Qt::SkipEmptyParts);
    record.passwordHash = query.value(4).toByteArray();
    record.disabled = query.value(5).toInt() != 0;
    return record;
}
} // namespace

std::optional<AgentRecord> AgentStore::findByUsername(QSqlDatabase &db, const QString &username,
                                                      bool *queryOk)
{
    QSqlQuery query(db);
    query.prepare(QStringLiteral("SELECT id, username, display_name, roles, password_hash, disabled FROM "
                                 "agents WHERE username = ?"));
    query.addBindValue(username);
    *queryOk = query.exec();
    if (!*queryOk || !query.next())
        return std::nullopt;
    return agentFrom(query);
}

QList<AgentRecord> AgentStore::list(QSqlDatabase &db, bool *queryOk)
{
    QList<AgentRecord> agents;
    QSqlQuery query(db);
    *queryOk = query.exec(QStringLiteral("SELECT id, username, display_name, roles, password_hash, disabled "
                                         "FROM agents ORDER BY username"));
    while (*queryOk && query.next())
        agents.append(agentFrom(query));
    return agents;
}

bool AgentStore::setDisabled(QSqlDatabase &db, const QString &username, bool disabled)
{
    QSqlQuery query(db);
    query.prepare(QStringLiteral("UPDATE agents SET disabled = ? WHERE username = ?"));
    query.addBindValue(disabled ? 1 : 0);
    query.addBindValue(username);
    if (!query.exec() || query.numRowsAffected() != 1)
        return false;
    if (disabled) {
        // A disabled agent's sessions end at once.
        query.prepare(QStringLiteral(
                "DELETE FROM sessions WHERE agent_id = (SELECT id FROM agents WHERE username = ?)"));
        query.addBindValue(username);
        return query.exec();
    }
    return true;
}

QByteArray AgentStore::tokenHash(const QByteArray &token)
{
    return Blake2b::hash256(token).toHex();
}

QByteArray AgentStore::createSession(QSqlDatabase &db, qint64 agentId, qint64 *expiresAt)
{
    const QByteArray token = SecureRandom::token();
    const qint64 now = ServerContext::now();
    *expiresAt = now + kSessionSeconds;
    QSqlQuery query(db);
    query.prepare(QStringLiteral(
            "INSERT INTO sessions (token_hash, agent_id, created_at, expires_at) VALUES (?, ?, ?, ?)"));
    query.addBindValue(QString::fromLatin1(tokenHash(token)));
    query.addBindValue(agentId);
    query.addBindValue(now);
    query.addBindValue(*expiresAt);
    if (!query.exec())
        return {};
    return token;
}

bool AgentStore::deleteSession(QSqlDatabase &db, const QByteArray &token)
{
    QSqlQuery query(db);
    query.prepare(QStringLiteral("DELETE FROM sessions WHERE token_hash = ?"));
    query.addBindValue(QString::fromLatin1(tokenHash(token)));
    return query.exec();
}

std::optional<AgentIdentity> AgentStore::authenticate(QSqlDatabase &db, const QByteArray &token,
                                                      bool *queryOk)
{
    *queryOk = true;
    if (token.size() != 43)
        return std::nullopt;
    QSqlQuery query(db);
    query.prepare(QStringLiteral("SELECT a.id, a.username, a.display_name, a.roles,"
                                 " s.second_factor_at IS NOT NULL FROM sessions s"
                                 " JOIN agents a ON a.id = s.agent_id"
                                 " WHERE s.token_hash = ? AND s.expires_at > ? AND a.disabled = 0"));
    query.addBindValue(QString::fromLatin1(tokenHash(token)));
    query.addBindValue(ServerContext::now());
    *queryOk = query.exec();
    if (!*queryOk || !query.next())
        return std::nullopt;
    AgentIdentity identity;
    identity.id = query.value(0).toLongLong();
    identity.username = query.value(1).toString();
    identity.displayName = query.value(2).toString();
    identity.roles = query.value(3).toString().split(QLatin1Char(','), Qt::SkipEmptyParts);
    identity.secondFactor = query.value(4).toBool();
    return identity;
}

} // namespace vigil
