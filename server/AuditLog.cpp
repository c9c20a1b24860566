#include "AuditLog.h"

#include "Blake2b.h"
#include "SigningKey.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QSqlError>
#include <QSqlQuery>
#include <QtEndian>

Q_LOGGING_CATEGORY(lcAudit, "vigil.server.audit")

namespace vigil {

namespace {
// QtSql binds a null QString as SQL NULL; the log stores empty text instead.
QString text(const QString &value)
{
    return value.isNull() ? QStringLiteral("") : value;
}

QString nowText()
{
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
}

// One read snapshot for a whole check: an entry appended while the log is walked would otherwise
// show up as a head, or a checkpoint, past the end of the walked log, and a clean log would fail.
class ReadSnapshot
{
public:
    explicit ReadSnapshot(QSqlDatabase &db)
        : m_db(db)
    {
        const bool postgres = db.driverName() == QLatin1String("QPSQL");
        m_active = QSqlQuery(db).exec(
                postgres ? QStringLiteral("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
                         : QStringLiteral("BEGIN"));
    }
    ~ReadSnapshot()
    {
        if (m_active)
            QSqlQuery(m_db).exec(QStringLiteral("COMMIT"));
    }
    ReadSnapshot(const ReadSnapshot &) = delete;
    ReadSnapshot &operator=(const ReadSnapshot &) = delete;

private:
    QSqlDatabase &m_db;
    bool m_active = false;
};
} // namespace

QByteArray AuditLog::canonicalBytes(const QString &at, const QString &action, const QString &agent,
                                    const QString &profile, const QString &verification,
                                    const QString &outcome, const QString &detailsJson)
{
    // Details enter as their stored text, so verification never depends on re-serialising JSON.
    QJsonObject object{{QStringLiteral("at"), at},
                       {QStringLiteral("action"), action},
                       {QStringLiteral("agent"), agent},
                       {QStringLiteral("profile"), profile},
                       {QStringLiteral("verification"), verification},
                       {QStringLiteral("outcome"), outcome},
                       {QStringLiteral("details"), detailsJson}};
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

QByteArray AuditLog::chainHash(const QByteArray &previousHash, qint64 seq, const QByteArray &canonical)
{
    Blake2b hasher;
    hasher.addData(previousHash);
    char seqBytes[8];
    qToBigEndian<qint64>(seq, seqBytes);
    hasher.addData(QByteArrayView(seqBytes, sizeof seqBytes));
    hasher.addData(canonical);
    return hasher.finalize();
}

QByteArray AuditLog::checkpointMessage(qint64 seq, const QString &headHex, const QString &at)
{
    return QByteArrayLiteral("vigil-audit-checkpoint-v1\n") + QByteArray::number(seq) + '\n'
            + headHex.toLatin1() + '\n' + at.toUtf8();
}

bool AuditLog::append(QSqlDatabase &db, const AuditEntry &entry, const SigningKey &auditKey)
{
    QSqlQuery query(db);
    // Reading and advancing the head row serialises appenders on every store.
    if (!query.exec(QStringLiteral("SELECT seq, hash FROM audit_head WHERE id = 1")) || !query.next()) {
        qCWarning(lcAudit) << "audit head unreadable:" << query.lastError().text();
        return false;
    }
    const qint64 seq = query.value(0).toLongLong() + 1;
    const QByteArray previous = QByteArray::fromHex(query.value(1).toByteArray());
    const QString at = nowText();
    const QString details = QString::fromUtf8(QJsonDocument(entry.details).toJson(QJsonDocument::Compact));
    const QByteArray hash = chainHash(previous, seq,
                                      canonicalBytes(at, entry.action, entry.agent, entry.profile,
                                                     entry.verification, entry.outcome, details));
    const QString hashHex = QString::fromLatin1(hash.toHex());

    query.prepare(
            QStringLiteral("INSERT INTO audit_log (seq, at, action, agent, profile, verification, outcome,"
                           " details, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    for (const QVariant &value :
         {QVariant(seq), QVariant(at), QVariant(text(entry.action)), QVariant(text(entry.agent)),
          QVariant(text(entry.profile)), QVariant(text(entry.verification)), QVariant(text(entry.outcome)),
          QVariant(details), QVariant(hashHex)})
        query.addBindValue(value);
    if (!query.exec()) {
        qCWarning(lcAudit) << "audit write failed:" << query.lastError().text();
        return false;
    }
    query.prepare(QStringLiteral("UPDATE audit_head SET seq = ?, hash = ? WHERE id = 1"));
    query.addBindValue(seq);
    query.addBindValue(hashHex);
    if (!query.exec() || query.numRowsAffected() != 1) {
        qCWarning(lcAudit) << "audit head update failed:" << query.lastError().text();
        return false;
    }
    if (seq % kCheckpointInterval == 0)
        return writeCheckpoint(db, auditKey);
    return true;
}

bool AuditLog::writeCheckpoint(QSqlDatabase &db, const SigningKey &auditKey)
{
    QSqlQuery query(db);
    if (!query.exec(QStringLiteral("SELECT seq, hash FROM audit_head WHERE id = 1")) || !query.next())
        return false;
    const qint64 seq = query.value(0).toLongLong();
    const QString head = query.value(1).toString();
    if (seq == 0)
        return true;
    query.prepare(QStringLiteral("SELECT 1 FROM audit_checkpoints WHERE seq = ?"));
    query.addBindValue(seq);
    if (query.exec() && query.next())
        return true;
    const QString at = nowText();
    const QByteArray signature = auditKey.sign(checkpointMessage(seq, head, at));
    query.prepare(QStringLiteral(
            "INSERT INTO audit_checkpoints (seq, head_hash, at, signature) VALUES (?, ?, ?, ?)"));
    query.addBindValue(seq);
    query.addBindValue(head);
    query.addBindValue(at);
    query.addBindValue(QString::fromLatin1(signature.toBase64()));
    if (!query.exec()) {
        qCWarning(lcAudit) << "checkpoint write failed:" << query.lastError().text();
        return false;
    }
    return true;
}

AuditVerifyResult AuditLog::verify(QSqlDatabase &db, const QByteArray &auditPublicKey)
{
    const ReadSnapshot snapshot(db);
    AuditVerifyResult result;
    auto fail = [&result](qint64 seq, const QString &problem) {
        if (!result.firstBadSeq || seq < *result.firstBadSeq) {
            result.firstBadSeq = seq;
            result.problem = problem;
        }
    };

    // Read before the streamed scan: PostgreSQL cannot run a second query on the connection
    // while a forward-only result is still being fetched.
    QSet<qint64> checkpointSeqs;
    {
        QSqlQuery checkpoints(db);
        checkpoints.exec(QStringLiteral("SELECT seq FROM audit_checkpoints"));
        while (checkpoints.next())
            checkpointSeqs.insert(checkpoints.value(0).toLongLong());
    }
    QSqlQuery query(db);
    query.setForwardOnly(true);
    if (!query.exec(
                QStringLiteral("SELECT seq, at, action, agent, profile, verification, outcome, details, hash"
                               " FROM audit_log ORDER BY seq"))) {
        result.problem = QStringLiteral("audit log unreadable: %1").arg(query.lastError().text());
        result.firstBadSeq = 0;
        return result;
    }
    QByteArray previous(32, '\0');
    QHash<qint64, QByteArray> computed; // recomputed head at every seq that has a checkpoint
    qint64 expected = 1;
    while (query.next()) {
        const qint64 seq = query.value(0).toLongLong();
        if (seq != expected) {
            fail(expected, QStringLiteral("sequence gap: expected %1, found %2").arg(expected).arg(seq));
            // Keep walking from what is there so later checkpoints still get compared.
            expected = seq;
        }
        const QByteArray canonical = canonicalBytes(query.value(1).toString(), query.value(2).toString(),
                                                    query.value(3).toString(), query.value(4).toString(),
                                                    query.value(5).toString(), query.value(6).toString(),
                                                    query.value(7).toString());
        const QByteArray hash = chainHash(previous, seq, canonical);
        if (hash.toHex() != query.value(8).toByteArray())
            fail(seq, QStringLiteral("entry %1 does not match its hash").arg(seq));
        // Continue the chain from the recomputed hash: an edited row breaks every link after it,
        // but the first bad one is what gets reported.
        previous = hash;
        if (checkpointSeqs.contains(seq))
            computed.insert(seq, hash);
        ++result.entries;
        ++expected;
    }
    const qint64 lastSeq = expected - 1;
    result.head = QString::fromLatin1(previous.toHex());

    QSqlQuery head(db);
    if (head.exec(QStringLiteral("SELECT seq, hash FROM audit_head WHERE id = 1")) && head.next()) {
        if (head.value(0).toLongLong() != lastSeq || head.value(1).toByteArray() != previous.toHex())
            fail(std::min(head.value(0).toLongLong(), lastSeq) + 1,
                 QStringLiteral("the log ends at %1 but its head names %2")
                         .arg(lastSeq)
                         .arg(head.value(0).toLongLong()));
    } else {
        fail(lastSeq + 1, QStringLiteral("audit head missing"));
    }

    // Checkpoints are written every kCheckpointInterval entries; a missing one was deleted.
    for (qint64 seq = kCheckpointInterval; seq <= lastSeq; seq += kCheckpointInterval) {
        if (!checkpointSeqs.contains(seq))
            fail(seq, QStringLiteral("checkpoint %1 is missing").arg(seq));
    }
    QSqlQuery checkpoints(db);
    checkpoints.exec(
            QStringLiteral("SELECT seq, head_hash, at, signature FROM audit_checkpoints ORDER BY seq"));
    while (checkpoints.next()) {
        const qint64 seq = checkpoints.value(0).toLongLong();
        const QString headHex = checkpoints.value(1).toString();
        const QByteArray signature = QByteArray::fromBase64(checkpoints.value(3).toByteArray());
        if (!SigningKey::verify(auditPublicKey,
                                checkpointMessage(seq, headHex, checkpoints.value(2).toString()),
                                signature)) {
            fail(seq, QStringLiteral("checkpoint %1 has a bad signature").arg(seq));
            continue;
        }
        if (seq > lastSeq) {
            fail(lastSeq + 1, QStringLiteral("entries up to checkpoint %1 are missing").arg(seq));
            continue;
        }
        if (!computed.contains(seq) || computed.value(seq).toHex() != headHex.toLatin1())
            fail(seq, QStringLiteral("checkpoint %1 does not match the log").arg(seq));
    }
    result.ok = !result.firstBadSeq.has_value();
    return result;
}

} // namespace vigil
