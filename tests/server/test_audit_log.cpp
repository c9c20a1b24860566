#include "AuditLog.h"
#include "Blake2b.h"
#include "Database.h"
#include "SigningKey.h"

#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QtEndian>

using namespace vigil;

class TestAuditLog : public QObject
{
    Q_OBJECT

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Database> m_db;
    std::optional<SigningKey> m_key;

    void appendEntries(int count)
    {
        WriteTransaction tx(*m_db);
        QVERIFY(tx.isActive());
        for (int i = 0; i < count; ++i) {
            QVERIFY(AuditLog::append(tx.db(),
                                     {QStringLiteral("HELPDESK_UNLOCK_ATTEMPT"),
                                      QStringLiteral("tech1"),
                                      QString::number(i % 7),
                                      QStringLiteral("v%1").arg(i),
                                      QStringLiteral("failed"),
                                      {{QStringLiteral("failed_attempts"), i}}},
                                     *m_key));
        }
        QVERIFY(tx.commit());
    }

    AuditVerifyResult verify()
    {
        auto db = m_db->connection();
        return AuditLog::verify(db, m_key->publicKey());
    }

    void exec(const QString &sql)
    {
        auto db = m_db->connection();
        QSqlQuery query(db);
        QVERIFY2(query.exec(sql), qPrintable(sql));
    }

private slots:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        m_db = std::make_unique<Database>(m_dir->filePath(QStringLiteral("audit.db")));
        QString error;
        QVERIFY2(m_db->migrate(&error), qPrintable(error));
        m_key = SigningKey::generate();
    }

    void cleanup()
    {
        m_db.reset();
        m_dir.reset();
    }

    void chainHashMatchesTheDefinition()
    {
        const QByteArray previous(32, '\x11');
        const QByteArray canonical = AuditLog::canonicalBytes(QStringLiteral("2026-01-01T00:00:00.000Z"),
                                                              QStringLiteral("A"), QStringLiteral("b"), {},
                                                              {}, QStringLiteral("ok"), QStringLiteral("{}"));
        QByteArray input = previous;
        char seq[8];
        qToBigEndian<qint64>(42, seq);
        input.append(seq, 8);
        input.append(canonical);
        QCOMPARE(AuditLog::chainHash(previous, 42, canonical), Blake2b::hash256(input));
        QCOMPARE(AuditLog::chainHash(previous, 42, canonical).size(), 32);
        QVERIFY(AuditLog::chainHash(previous, 43, canonical) != AuditLog::chainHash(previous, 42, canonical));
    }

    void canonicalBytesHaveSortedKeys()
    {
        const QByteArray bytes = AuditLog::canonicalBytes(
                QStringLiteral("t"), QStringLiteral("ACT"), QStringLiteral("ag"), QStringLiteral("p"),
                QStringLiteral("v"), QStringLiteral("o"), QStringLiteral("{\"k\":1}"));
        QCOMPARE(bytes,
                 QByteArrayLiteral(
                         "{\"action\":\"ACT\",\"agent\":\"ag\",\"at\":\"t\",\"details\":\"{\\\"k\\\":1}\","
                         "\"outcome\":\"o\",\"profile\":\"p\",\"verification\":\"v\"}"));
    }

    void cleanLogVerifies()
    {
        appendEntries(150);
        const auto result = verify();
        QVERIFY2(result.ok, qPrintable(result.problem));
        QCOMPARE(result.entries, 150);
        QVERIFY(!result.firstBadSeq);
        auto db = m_db->connection();
        QSqlQuery query(db);
        QVERIFY(query.exec(QStringLiteral("SELECT COUNT(*) FROM audit_checkpoints")) && query.next());
        QCOMPARE(query.value(0).toInt(), 150 / AuditLog::kCheckpointInterval);
    }

    void checkpointSignaturesVerify()
    {
        appendEntries(AuditLog::kCheckpointInterval);
        auto db = m_db->connection();
        QSqlQuery query(db);
        QVERIFY(query.exec(QStringLiteral("SELECT seq, head_hash, at, signature FROM audit_checkpoints"))
                && query.next());
        const QByteArray message = AuditLog::checkpointMessage(
                query.value(0).toLongLong(), query.value(1).toString(), query.value(2).toString());
        const QByteArray signature = QByteArray::fromBase64(query.value(3).toByteArray());
        QVERIFY(SigningKey::verify(m_key->publicKey(), message, signature));
        QVERIFY(!SigningKey::verify(SigningKey::generate().publicKey(), message, signature));
    }

    void editedRowIsNamed()
    {
        appendEntries(100);
        exec(QStringLiteral("UPDATE audit_log SET outcome = 'passed' WHERE seq = 37"));
        const auto result = verify();
        QVERIFY(!result.ok);
        QCOMPARE(*result.firstBadSeq, 37);
    }

    void editedDetailsAreDetected()
    {
        appendEntries(10);
        exec(QStringLiteral("UPDATE audit_log SET details = '{}' WHERE seq = 4"));
        QCOMPARE(*verify().firstBadSeq, 4);
    }

    void deletedRowIsDetected()
    {
        appendEntries(20);
        exec(QStringLiteral("DELETE FROM audit_log WHERE seq = 12"));
        const auto result = verify();
        QVERIFY(!result.ok);
        QCOMPARE(*result.firstBadSeq, 12);
    }

    void insertedRowIsDetected()
    {
        appendEntries(20);
        exec(QStringLiteral("UPDATE audit_log SET seq = seq + 1000 WHERE seq >= 15"));
        exec(QStringLiteral("UPDATE audit_log SET seq = seq - 999 WHERE seq >= 1015"));
        exec(QStringLiteral("INSERT INTO audit_log (seq, at, action, agent, profile, verification, outcome, "
                            "details, hash)"
                            " VALUES (15, 'x', 'PROFILE_UNBLOCKED', 'evil', '1', '', 'ok', '{}', '00')"));
        QCOMPARE(*verify().firstBadSeq, 15);
    }

    void rewrittenTailIsCaughtByCheckpoint()
    {
        // An attacker who edits a row and recomputes every later hash still cannot re-sign the checkpoint.
        appendEntries(AuditLog::kCheckpointInterval + 5);
        auto db = m_db->connection();
        QSqlQuery rows(db);
        QVERIFY(rows.exec(
                QStringLiteral("SELECT seq, at, action, agent, profile, verification, outcome, details"
                               " FROM audit_log ORDER BY seq")));
        QByteArray previous(32, '\0');
        QList<QPair<qint64, QByteArray>> rehashed;
        while (rows.next()) {
            const qint64 seq = rows.value(0).toLongLong();
            const QString outcome = seq == 10 ? QStringLiteral("passed") : rows.value(6).toString();
            previous = AuditLog::chainHash(
                    previous, seq,
                    AuditLog::canonicalBytes(rows.value(1).toString(), rows.value(2).toString(),
                                             rows.value(3).toString(), rows.value(4).toString(),
                                             rows.value(5).toString(), outcome, rows.value(7).toString()));
            rehashed.append({seq, previous.toHex()});
        }
        exec(QStringLiteral("UPDATE audit_log SET outcome = 'passed' WHERE seq = 10"));
        for (const auto &[seq, hash] : rehashed)
            exec(QStringLiteral("UPDATE audit_log SET hash = '%1' WHERE seq = %2")
                         .arg(QString::fromLatin1(hash))
                         .arg(seq));
        exec(QStringLiteral("UPDATE audit_head SET hash = '%1'")
                     .arg(QString::fromLatin1(rehashed.last().second)));
        const auto result = verify();
        QVERIFY(!result.ok);
        QCOMPARE(*result.firstBadSeq, AuditLog::kCheckpointInterval);
    }

    void truncatedTailPastCheckpointIsDetected()
    {
        appendEntries(AuditLog::kCheckpointInterval + 3);
        exec(QStringLiteral("DELETE FROM audit_log WHERE seq > 50"));
        exec(QStringLiteral(
                "UPDATE audit_head SET seq = 50, hash = (SELECT hash FROM audit_log WHERE seq = 50)"));
        const auto result = verify();
        QVERIFY(!result.ok);
        QCOMPARE(*result.firstBadSeq, 51);
    }

    void checkpointSignedWithAnotherKeyIsDetected()
    {
        appendEntries(AuditLog::kCheckpointInterval);
        const auto other = SigningKey::generate();
        auto db = m_db->connection();
        QSqlQuery query(db);
        QVERIFY(query.exec(QStringLiteral("SELECT seq, head_hash, at FROM audit_checkpoints"))
                && query.next());
        const QByteArray forged = other.sign(AuditLog::checkpointMessage(
                query.value(0).toLongLong(), query.value(1).toString(), query.value(2).toString()));
        exec(QStringLiteral("UPDATE audit_checkpoints SET signature = '%1'")
                     .arg(QString::fromLatin1(forged.toBase64())));
        const auto result = verify();
        QVERIFY(!result.ok);
        QCOMPARE(*result.firstBadSeq, AuditLog::kCheckpointInterval);
    }
};

QTEST_GUILESS_MAIN(TestAuditLog)
#include "test_audit_log.moc"
