#pragma once

#include "AuditLog.h"
#include "DataDirectory.h"
#include "DataKey.h"
#include "Database.h"
#include "Policy.h"
#include "QuestionGenerator.h"
#include "SigningKey.h"

#include <QDateTime>
#include <memory>
#include <optional>

namespace vigil {

// Everything a request handler or admin command needs: the store, the keys and the policy.
// Shared by all worker threads; its members are either immutable after open() or thread-safe.
class ServerContext
{
public:
    // `databaseUrl`: a postgresql:// store shared by replicas; empty means SQLite in the folder.
    static std::unique_ptr<ServerContext> open(const QString &dataDir, QString *error,
                                               const QString &databaseUrl = {});
    // Creates a new data folder: database, keys, TLS identity. Fails if one already exists.
    static bool initialise(const QString &dataDir, QString *error, const QString &databaseUrl = {});

    const DataDirectory &dataDirectory() const { return m_dir; }
    Database &database() { return *m_database; }
    const SigningKey &policyKey() const { return m_policyKey; }
    const SigningKey &auditKey() const { return m_auditKey; }
    const QByteArray &lookupKey() const { return m_lookupKey; }
    const DataKey &dataKey() const { return *m_dataKey; }
    const QuestionGenerator &questionGenerator() const { return m_generator; }

    // The policy in force (defaults until one is saved). Read per request: a `policy set` from the
    // command line takes effect without a restart.
    std::optional<Policy> policy(QSqlDatabase &db) const;
    static bool savePolicy(QSqlDatabase &db, const Policy &policy);

    // Appends an audit entry inside the caller's transaction.
    bool audit(QSqlDatabase &db, const AuditEntry &entry) const
    {
        return AuditLog::append(db, entry, m_auditKey);
    }

    static qint64 now() { return QDateTime::currentSecsSinceEpoch(); }
    static QString isoTime(qint64 secondsSinceEpoch);

private:
    ServerContext(DataDirectory dir, SigningKey policyKey, SigningKey auditKey, const QString &databaseUrl);

    DataDirectory m_dir;
    std::unique_ptr<Database> m_database;
    SigningKey m_policyKey;
    SigningKey m_auditKey;
    QByteArray m_lookupKey;
    std::optional<DataKey> m_dataKey;
    QuestionGenerator m_generator;
};

} // namespace vigil
