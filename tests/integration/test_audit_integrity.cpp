// The audit hash chain against the real server and CLI: it verifies after real activity, and an
// edited or deleted row in the SQLite file is caught at its sequence number.
#include "TestServer.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QJsonArray>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

using namespace vigil::test;

namespace {
bool copyFolder(const QString &from, const QString &to)
{
    QDir source(from);
    if (!QDir().mkpath(to))
        return false;
    QDirIterator it(from, QDir::Files | QDir::Dirs | QDir::NoDotAndDotDot | QDir::Hidden,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        const QString target = to + QLatin1Char('/') + source.relativeFilePath(path);
        if (it.fileInfo().isDir()) {
            if (!QDir().mkpath(target))
                return false;
        } else if (!QFile::copy(path, target)) {
            return false;
        }
    }
    return true;
}

QByteArray badLine(qint64 seq)
{
    return QByteArrayLiteral("first bad sequence number: ") + QByteArray::number(seq) + '\n';
}

// Runs statements on a data folder's database with its own connection, closed again after.
bool tamper(const QString &dataDir, const QStringList &statements, QString *error)
{
    const QString name = QStringLiteral("tamper-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
    bool ok = true;
    {
        auto db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(dataDir + QStringLiteral("/vigil.db"));
        db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
        ok = db.open();
        if (!ok)
            *error = db.lastError().text();
        QSqlQuery query(db);
        for (const auto &statement : statements) {
            if (!ok)
                break;
            ok = query.exec(statement);
            if (!ok)
                *error = statement + QStringLiteral(": ") + query.lastError().text();
            else if (statement.startsWith(QLatin1String("UPDATE"))
                     || statement.startsWith(QLatin1String("DELETE")))
                ok = query.numRowsAffected() == 1;
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return ok;
}
} // namespace

class TestAuditIntegrity : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void chainVerifiesAfterActivity();
    void tamperedCopyIsDetected_data();
    void tamperedCopyIsDetected();
    void serverReportsTamperedChain();

private:
    QString dataDir() const { return m_dir.filePath(QStringLiteral("data")); }

    QTemporaryDir m_dir;
    TestServer m_server;
    qint64 m_target = 0; // a sequence number in the middle of the log
    qint64 m_entries = 0;
};

void TestAuditIntegrity::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QVERIFY2(!TestServer::binary().isEmpty(), "VIGIL_SERVER_BIN is not set");
    QString error;
    QVERIFY2(m_server.createDemo(dataDir(), 20, &error), qPrintable(error));
    QVERIFY2(m_server.start(&error), qPrintable(error));
}

void TestAuditIntegrity::cleanupTestCase()
{
    if (m_server.isRunning())
        QCOMPARE(m_server.stop(), 0);
}

void TestAuditIntegrity::chainVerifiesAfterActivity()
{
    const HttpsClient client = m_server.client();
    const QByteArray tech1 = m_server.login(QStringLiteral("tech1"));
    const QByteArray auditor = m_server.login(QStringLiteral("audit1"));
    QVERIFY(!tech1.isEmpty() && !auditor.isEmpty());
    QCOMPARE(m_server.loginWith(QStringLiteral("tech2"), QStringLiteral("wrong password")), QByteArray());
    const QJsonObject answers = m_server.answersOf(QStringLiteral("1"));
    // Enough activity to pass a signed checkpoint (every 64 entries) and then some.
    for (int round = 0; round < 40; ++round) {
        const auto started = client.postEmpty(QStringLiteral("/v1/profiles/1/verifications"), tech1);
        QVERIFY2(started.status == 201, started.describe());
        const bool pass = round % 2 == 1;
        const auto body =
                answersBody(started.json.value(QStringLiteral("questions")).toArray(), [&](const QString &f) {
                    return pass ? answers.value(f).toString() : QStringLiteral("wrong");
                });
        const auto answered = client.post(QStringLiteral("/v1/verifications/%1/answers")
                                                  .arg(started.json.value(QStringLiteral("id")).toString()),
                                          body, tech1);
        QVERIFY2(answered.status == 200, answered.describe());
    }
    const auto view = client.get(QStringLiteral("/v1/profiles/1"), tech1);
    QVERIFY2(view.status == 200, view.describe());

    const auto cli = m_server.cli({QStringLiteral("audit"), QStringLiteral("verify")});
    QVERIFY2(cli.finished && cli.exitCode == 0, cli.output().constData());
    QVERIFY(cli.out.contains("audit log OK"));

    const auto verify = client.get(QStringLiteral("/v1/audit/verify"), auditor);
    QVERIFY2(verify.status == 200, verify.describe());
    QCOMPARE(verify.json.value(QStringLiteral("ok")).toBool(), true);
    QVERIFY(verify.json.value(QStringLiteral("first_bad_seq")).isNull());
    m_entries = verify.json.value(QStringLiteral("entries")).toInteger();
    QVERIFY2(m_entries > 80, verify.describe());
    QCOMPARE(verify.json.value(QStringLiteral("head")).toString().size(), 64);
    const auto forbidden = client.get(QStringLiteral("/v1/audit/verify"), tech1);
    QVERIFY2(forbidden.status == 403, forbidden.describe());

    // A failed attempt in the middle of the log, after the first checkpoint.
    const QJsonArray attempts =
            m_server.audit(auditor, QStringLiteral("limit=1000&action=HELPDESK_UNLOCK_ATTEMPT"));
    for (const auto &value : attempts) {
        const QJsonObject entry = value.toObject();
        if (entry.value(QStringLiteral("seq")).toInteger() > 70
            && entry.value(QStringLiteral("outcome")).toString() == QLatin1String("failed")) {
            m_target = entry.value(QStringLiteral("seq")).toInteger();
            break;
        }
    }
    QVERIFY(m_target > 0 && m_target < m_entries - 5);

    QCOMPARE(m_server.stop(), 0);
    const auto afterStop = m_server.cli({QStringLiteral("audit"), QStringLiteral("verify")});
    QVERIFY2(afterStop.finished && afterStop.exitCode == 0, afterStop.output().constData());
    // Fold any WAL back into the main file so that a copy of the folder is the whole database.
    QString error;
    QVERIFY2(tamper(dataDir(), {QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)")}, &error),
             qPrintable(error));
}

void TestAuditIntegrity::tamperedCopyIsDetected_data()
{
    QTest::addColumn<QString>("statement");
    QTest::addColumn<bool>("lastRow");
    QTest::newRow("outcome edited") << QStringLiteral(
            "UPDATE audit_log SET outcome = 'passed' WHERE seq = %1")
                                    << false;
    QTest::newRow("details edited") << QStringLiteral(
            "UPDATE audit_log SET details = '{\"failed_attempts\":0}' WHERE seq = %1")
                                    << false;
    QTest::newRow("agent edited") << QStringLiteral("UPDATE audit_log SET agent = 'tech2' WHERE seq = %1")
                                  << false;
    QTest::newRow("row deleted") << QStringLiteral("DELETE FROM audit_log WHERE seq = %1") << false;
    QTest::newRow("last row deleted") << QStringLiteral("DELETE FROM audit_log WHERE seq = %1") << true;
}

void TestAuditIntegrity::tamperedCopyIsDetected()
{
    QFETCH(QString, statement);
    QFETCH(bool, lastRow);
    QVERIFY(m_target > 0);
    const qint64 target = lastRow ? m_entries : m_target;
    const QString copy =
            m_dir.filePath(QStringLiteral("copy-") + QString::fromLatin1(QTest::currentDataTag()))
                    .replace(QLatin1Char(' '), QLatin1Char('-'))
                    .replace(QLatin1Char(','), QLatin1Char('-'));
    QVERIFY(copyFolder(dataDir(), copy));
    const auto clean = TestServer::run(
            {QStringLiteral("audit"), QStringLiteral("verify"), QStringLiteral("--data"), copy});
    QVERIFY2(clean.finished && clean.exitCode == 0, clean.output().constData());

    QString error;
    QVERIFY2(tamper(copy, {statement.arg(target)}, &error), qPrintable(error));
    const auto result = TestServer::run(
            {QStringLiteral("audit"), QStringLiteral("verify"), QStringLiteral("--data"), copy});
    QVERIFY(result.finished);
    QCOMPARE(result.exitCode, 1);
    QVERIFY2(result.out.contains(badLine(target)), result.output().constData());
    // The original is untouched.
    const auto original = m_server.cli({QStringLiteral("audit"), QStringLiteral("verify")});
    QCOMPARE(original.exitCode, 0);
}

void TestAuditIntegrity::serverReportsTamperedChain()
{
    QString error;
    QVERIFY2(tamper(dataDir(),
                    {QStringLiteral("UPDATE audit_log SET outcome = 'passed' WHERE seq = %1").arg(m_target)},
                    &error),
             qPrintable(error));
    QVERIFY2(m_server.start(&error), qPrintable(error));
    const QByteArray auditor = m_server.login(QStringLiteral("audit1"));
    QVERIFY(!auditor.isEmpty());
    const auto verify = m_server.client().get(QStringLiteral("/v1/audit/verify"), auditor);
    QVERIFY2(verify.status == 200, verify.describe());
    QCOMPARE(verify.json.value(QStringLiteral("ok")).toBool(), false);
    QCOMPARE(verify.json.value(QStringLiteral("first_bad_seq")).toInteger(), m_target);
    QCOMPARE(m_server.stop(), 0);
    const auto cli = m_server.cli({QStringLiteral("audit"), QStringLiteral("verify")});
    QCOMPARE(cli.exitCode, 1);
    QVERIFY2(cli.out.contains(badLine(m_target)), cli.out.constData());
}

QTEST_GUILESS_MAIN(TestAuditIntegrity)
#include "test_audit_integrity.moc"
