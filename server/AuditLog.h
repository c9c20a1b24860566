#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QSqlDatabase>
#include <QString>
#include <optional>

namespace vigil {

class SigningKey;

struct AuditEntry
{
    QString action;
    QString agent; // agent user name, or "system:…" for jobs and admin commands
    QString profile; // profile id, or empty
    QString verification; // verification id, or empty
    QString outcome;
    QJsonObject details; // never a secret, typed answer, password or token
};

struct AuditVerifyResult
{
    bool ok = false;
    qint64 entries = 0;
    QString head; // hex of the recomputed head hash
    std::optional<qint64> firstBadSeq;
    QString problem;
};

// The tamper-evident audit log: hash = BLAKE2b-256(previous hash ‖ seq ‖ canonical entry bytes),
// appended inside the caller's transaction so the entry and the state change it records commit or
// fail together. Checkpoints (seq, head, time) are signed with the Ed25519 audit key, whose file
// lives outside the database.
class AuditLog
{
public:
    static constexpr int kCheckpointInterval = 64;

    // Appends inside the caller's open write transaction; false means the caller must roll back.
    static bool append(QSqlDatabase &db, const AuditEntry &entry, const SigningKey &auditKey);
    // Signs the current head unless it is already checkpointed (inside the caller's transaction).
    static bool writeCheckpoint(QSqlDatabase &db, const SigningKey &auditKey);

    static AuditVerifyResult verify(QSqlDatabase &db, const QByteArray &auditPublicKey);

    static QByteArray canonicalBytes(const QString &at, const QString &action, const QString &agent,
                                     const QString &profile, const QString &verification,
                                     const QString &outcome, const QString &detailsJson);
    static QByteArray chainHash(const QByteArray &previousHash, qint64 seq, const QByteArray &canonical);
    static QByteArray checkpointMessage(qint64 seq, const QString &headHex, const QString &at);
};

} // namespace vigil
