// PostgreSQL only (registered as pg_test_postgres_faults): the database turns read-only and
// drops the server's connections under it → writes get 503 and nothing is evaluated, reads keep
// working, and once the database is writable again the server recovers without a restart.
#include "ReliabilitySupport.h"
#include "TestServer.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

using namespace vigil::test;

class TestPostgresFaults : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void readOnlyDatabaseRefusesWritesThenRecovers();

private:
    bool setReadOnly(bool readOnly, QString *error) const;
    QVariant scalar(const QString &sql, const QVariantList &bindings) const;
    HttpResponse wrongAnswer(const QString &verification) const;

    QTemporaryDir m_dir;
    TestServer m_server;
    QByteArray m_tech1;
    QString m_profile;
    QJsonArray m_questions;
};

void TestPostgresFaults::initTestCase()
{
    if (TestServer::postgresServer().isEmpty())
        QFAIL("run with VIGIL_TEST_POSTGRES (CTest's pg_test_postgres_faults does)");
    QVERIFY(m_dir.isValid());
    QString error;
    QVERIFY2(m_server.createDemo(m_dir.filePath(QStringLiteral("data")), 10, &error), qPrintable(error));
    QVERIFY2(m_server.start(&error), qPrintable(error));
    m_tech1 = m_server.login(QStringLiteral("tech1"));
    QVERIFY(!m_tech1.isEmpty());
    m_profile = m_server.profileIds([](const QJsonObject &a) { return a.contains(QStringLiteral("secret")); })
                        .value(0);
    QVERIFY(!m_profile.isEmpty());
}

void TestPostgresFaults::cleanupTestCase()
{
    QString error;
    setReadOnly(false, &error);
    QCOMPARE(m_server.stop(), 0);
}

// Makes the database read-only (or writable) for new sessions and ends the server's current
// ones, as an administrator or a failover to a standby would.
bool TestPostgresFaults::setReadOnly(bool readOnly, QString *error) const
{
    bool ok = false;
    {
        QUrl admin(m_server.databaseUrl());
        const QString database = admin.path().mid(1);
        auto db = m_server.openStore(QStringLiteral("fault-admin"));
        QSqlQuery query(db);
        ok = db.isOpen() && query.exec(QStringLiteral("SET default_transaction_read_only = off"))
                && query.exec(QStringLiteral("ALTER DATABASE %1 SET default_transaction_read_only = %2")
                                      .arg(database, readOnly ? QStringLiteral("on") : QStringLiteral("off")))
                && query.exec(
                        QStringLiteral("SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                                       " WHERE datname = current_database() AND pid <> pg_backend_pid()"));
        if (!ok)
            *error = query.lastError().text();
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("fault-admin"));
    return ok;
}

QVariant TestPostgresFaults::scalar(const QString &sql, const QVariantList &bindings) const
{
    StoreConnection store(m_server);
    return storeScalar(store.db(), sql, bindings);
}

HttpResponse TestPostgresFaults::wrongAnswer(const QString &verification) const
{
    const auto body = answersBody(m_questions, [](const QString &) { return QStringLiteral("wrong"); });
    return m_server.client().post(QStringLiteral("/v1/verifications/%1/answers").arg(verification), body,
                                  m_tech1);
}

void TestPostgresFaults::readOnlyDatabaseRefusesWritesThenRecovers()
{
    const auto started = m_server.client().postEmpty(
            QStringLiteral("/v1/profiles/%1/verifications").arg(m_profile), m_tech1);
    QVERIFY2(started.status == 201, started.describe());
    const QString verification = started.json.value(QStringLiteral("id")).toString();
    m_questions = started.json.value(QStringLiteral("questions")).toArray();
    const qint64 auditBefore = scalar(QStringLiteral("SELECT seq FROM audit_head"), {}).toLongLong();

    QString error;
    QVERIFY2(setReadOnly(true, &error), qPrintable(error));
    int refused = 0;
    for (int i = 0; i < 6; ++i) {
        const auto answer = wrongAnswer(verification);
        QVERIFY2(answer.status == 503, answer.describe());
        QCOMPARE(answer.errorCode(), QStringLiteral("unavailable"));
        ++refused;
    }
    // Nothing evaluated, counted or audited while the store refused writes.
    QCOMPARE(scalar(QStringLiteral("SELECT failed_count FROM profiles WHERE id = ?"), {m_profile}).toInt(),
             0);
    QCOMPARE(
            scalar(QStringLiteral("SELECT state FROM verifications WHERE id = ?"), {verification}).toString(),
            QStringLiteral("open"));
    QCOMPARE(scalar(QStringLiteral("SELECT seq FROM audit_head"), {}).toLongLong(), auditBefore);
    // Reading still works (after at most one refused request per worker connection).
    int searchOk = 0;
    for (int i = 0; i < 12 && searchOk < 3; ++i) {
        if (m_server.client().get(QStringLiteral("/v1/profiles?q=silver"), m_tech1).status == 200)
            ++searchOk;
    }
    QCOMPARE(searchOk, 3);

    QVERIFY2(setReadOnly(false, &error), qPrintable(error));
    QElapsedTimer timer;
    timer.start();
    HttpResponse answer = wrongAnswer(verification);
    int retries = 0;
    while (answer.status == 503 && timer.elapsed() < 10000) {
        ++retries; // a worker still holding a connection the administrator ended
        answer = wrongAnswer(verification);
    }
    QVERIFY2(answer.status == 200, answer.describe());
    QCOMPARE(answer.json.value(QStringLiteral("result")).toString(), QStringLiteral("failed"));
    QCOMPARE(scalar(QStringLiteral("SELECT failed_count FROM profiles WHERE id = ?"), {m_profile}).toInt(),
             1);
    qInfo("figure postgres-read-only: %d writes refused with 503, nothing evaluated; recovered without "
          "restart"
          " after %d retried request(s), %lld ms",
          refused, retries, timer.elapsed());
    const auto verified = m_server.cli({QStringLiteral("audit"), QStringLiteral("verify")});
    QVERIFY2(verified.exitCode == 0, verified.output().constData());
}

QTEST_GUILESS_MAIN(TestPostgresFaults)
#include "test_postgres_faults.moc"
