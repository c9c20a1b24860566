#pragma once

#include "ApiTypes.h"

#include <QSqlDatabase>
#include <optional>

namespace vigil {

struct AgentRecord
{
    AgentIdentity identity;
    QByteArray passwordHash;
    bool disabled = false;
};

// Help desk agents: argon2id password hashes, roles, and session tokens stored only as hashes.
class AgentStore
{
public:
    static constexpr qint64 kSessionSeconds = 8 * 3600;

    static bool isValidUsername(const QString &username);
    // Generates a strong password, stores its hash, and returns the password (shown once).
    static std::optional<QString> add(QSqlDatabase &db, const QString &username, const QString &displayName,
                                      const QStringList &roles, QString *error);
    static std::optional<AgentRecord> findByUsername(QSqlDatabase &db, const QString &username,
                                                     bool *queryOk);
    static QList<AgentRecord> list(QSqlDatabase &db, bool *queryOk);
    static bool setDisabled(QSqlDatabase &db, const QString &username, bool disabled);

    static QByteArray tokenHash(const QByteArray &token);
    // Creates a session and returns the bearer token; only its hash is stored.
    static QByteArray createSession(QSqlDatabase &db, qint64 agentId, qint64 *expiresAt);
    static bool deleteSession(QSqlDatabase &db, const QByteArray &token);
    static std::optional<AgentIdentity> authenticate(QSqlDatabase &db, const QByteArray &token,
                                                     bool *queryOk);
    static QString generatePassword();
};

} // namespace vigil
