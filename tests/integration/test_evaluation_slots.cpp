// Evaluation slots against the real server (docs/architecture.md#atomic-lockout). An answer is
// evaluated outside the write lock on a slot reserved for its profile. A slot left by a server that
// died between reserving and recording counts as a failed attempt once found, with its audit
// entry, and never gives a free guess; a slot of a process that still runs holds later answers
// back; and the slots of a server killed with SIGKILL are settled after its restart.
//
// Slots of other processes are made with portable SQL in the shape the server leaves them
// ('evaluating', an evaluator id, the time); a running evaluator is this test process holding what
// the server asks about: a lock on the evaluator id's byte of "vigil.db-evaluators" (SQLite), or a
// connection whose application_name carries the id (PostgreSQL).
#include "TestServer.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QSqlError>
#include <QSqlQuery>
#include <QSslSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QUrl>

#include <csignal>
#include <memory>
#include <thread>
#include <vector>

#include <fcntl.h>
#include <unistd.h>

using namespace vigil::test;

namespace {
const QString kWrong = QStringLiteral("zebra-quartz-1234");
const QString kStore = QStringLiteral("slots-store");
const QString kEvaluatorConnection = QStringLiteral("slots-evaluator");

QString randomEvaluatorId()
{
    return QStringLiteral("%1").arg(QRandomGenerator::global()->generate64() >> 2, 16, 16, QLatin1Char('0'));
}
} // namespace

class TestEvaluationSlots : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void interruptedSlotCountsAsFailedAttempt();
    void interruptedSlotsNeverGiveAFreeGuess();
    void runningEvaluatorHoldsAnswersBack();
    void killedServerSlotsAreSettledAfterRestart();
    void oneHashThreadServesEveryone();

private:
    HttpResponse start(const QString &profileId) const;
    QByteArray answersFor(const HttpResponse &started, const QString &profileId, bool correct) const;
    HttpResponse answer(const HttpResponse &started, const QString &profileId, bool correct) const;
    static QString idOf(const HttpResponse &started);
    QVariant scalar(const QString &sql, const QVariantList &values = {}) const;
    bool holdSlot(const QString &verificationId, const QString &evaluator) const;
    QJsonArray attemptsOf(const QString &verificationId) const;
    // This test process as a running evaluator, and its death.
    QString startEvaluator();
    void stopEvaluator();

    QTemporaryDir m_dir;
    TestServer m_server;
    QByteArray m_tech1;
    QByteArray m_auditor;
    QStringList m_profiles;
    int m_evaluatorFd = -1;
};

void TestEvaluationSlots::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QVERIFY2(!TestServer::binary().isEmpty(), "VIGIL_SERVER_BIN is not set");
    QString error;
    QVERIFY2(m_server.createDemo(m_dir.filePath(QStringLiteral("data")), 40, &error), qPrintable(error));
    QVERIFY2(m_server.setPolicy({QStringLiteral("max_failed_attempts=3")}, &error), qPrintable(error));
    QVERIFY2(m_server.start(&error), qPrintable(error));
    m_tech1 = m_server.login(QStringLiteral("tech1"));
    m_auditor = m_server.login(QStringLiteral("audit1"));
    QVERIFY(!m_tech1.isEmpty() && !m_auditor.isEmpty());
    m_profiles = m_server.profileIds(
            [](const QJsonObject &answers) { return answers.contains(QStringLiteral("secret")); });
    QVERIFY(m_profiles.size() >= 12);
    auto db = m_server.openStore(kStore);
    QVERIFY2(db.isOpen(), qPrintable(db.lastError().text()));
}

void TestEvaluationSlots::cleanupTestCase()
{
    stopEvaluator();
    QSqlDatabase::database(kStore, false).close();
    QSqlDatabase::removeDatabase(kStore);
    if (m_server.isRunning())
        QCOMPARE(m_server.stop(), 0);
}

HttpResponse TestEvaluationSlots::start(const QString &profileId) const
{
    return m_server.client().postEmpty(QStringLiteral("/v1/profiles/%1/verifications").arg(profileId),
                                       m_tech1);
}

QByteArray TestEvaluationSlots::answersFor(const HttpResponse &started, const QString &profileId,
                                           bool correct) const
{
    const QJsonObject answers = m_server.answersOf(profileId);
    const auto body =
            answersBody(started.json.value(QStringLiteral("questions")).toArray(), [&](const QString &field) {
                return correct ? answers.value(field).toString() : kWrong;
            });
    return QJsonDocument(body).toJson(QJsonDocument::Compact);
}

HttpResponse TestEvaluationSlots::answer(const HttpResponse &started, const QString &profileId,
                                         bool correct) const
{
    return m_server.client().request("POST",
                                     QStringLiteral("/v1/verifications/%1/answers").arg(idOf(started)),
                                     m_tech1, answersFor(started, profileId, correct));
}

QString TestEvaluationSlots::idOf(const HttpResponse &started)
{
    return started.json.value(QStringLiteral("id")).toString();
}

QVariant TestEvaluationSlots::scalar(const QString &sql, const QVariantList &values) const
{
    QSqlQuery query(QSqlDatabase::database(kStore, false));
    query.prepare(sql);
    for (const auto &value : values)
        query.addBindValue(value);
    if (!query.exec() || !query.next()) {
        qWarning() << sql << query.lastError().text();
        return {};
    }
    return query.value(0);
}

// The verification as a server leaves it after reserving its slot and before recording the outcome.
bool TestEvaluationSlots::holdSlot(const QString &verificationId, const QString &evaluator) const
{
    QSqlQuery query(QSqlDatabase::database(kStore, false));
    query.prepare(QStringLiteral(
            "UPDATE verifications SET state = 'evaluating', evaluator = ?, evaluating_since = ?"
            " WHERE id = ? AND state = 'open'"));
    query.addBindValue(evaluator);
    query.addBindValue(QDateTime::currentSecsSinceEpoch());
    query.addBindValue(verificationId);
    if (!query.exec() || query.numRowsAffected() != 1) {
        qWarning() << query.lastError().text();
        return false;
    }
    return true;
}

QJsonArray TestEvaluationSlots::attemptsOf(const QString &verificationId) const
{
    QJsonArray attempts;
    for (const auto &value :
         m_server.audit(m_auditor, QStringLiteral("limit=1000&action=HELPDESK_UNLOCK_ATTEMPT"))) {
        if (value.toObject().value(QStringLiteral("verification")).toString() == verificationId)
            attempts.append(value);
    }
    return attempts;
}

QString TestEvaluationSlots::startEvaluator()
{
    const QString id = randomEvaluatorId();
    if (m_server.usesPostgres()) {
        const QUrl url(m_server.databaseUrl());
        auto db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), kEvaluatorConnection);
        db.setHostName(url.host());
        db.setPort(url.port(5432));
        db.setUserName(url.userName());
        db.setPassword(url.password());
        db.setDatabaseName(url.path().mid(1));
        db.setConnectOptions(QStringLiteral("application_name=vigil-") + id);
        if (!db.open())
            return {};
        return id;
    }
    const QString lockFile = QFileInfo(m_server.dataDir() + QStringLiteral("/vigil.db")).canonicalFilePath()
            + QStringLiteral("-evaluators");
    m_evaluatorFd = ::open(QFile::encodeName(lockFile).constData(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
    struct flock byte = {};
    byte.l_type = F_WRLCK;
    byte.l_whence = SEEK_SET;
    byte.l_start = static_cast<off_t>(id.toLongLong(nullptr, 16));
    byte.l_len = 1;
    if (m_evaluatorFd < 0 || ::fcntl(m_evaluatorFd, F_SETLK, &byte) != 0)
        return {};
    return id;
}

void TestEvaluationSlots::stopEvaluator()
{
    if (m_evaluatorFd >= 0) {
        ::close(m_evaluatorFd); // drops the lock, as the kernel does for a process that dies
        m_evaluatorFd = -1;
    }
    if (QSqlDatabase::contains(kEvaluatorConnection)) {
        QSqlDatabase::database(kEvaluatorConnection, false).close();
        QSqlDatabase::removeDatabase(kEvaluatorConnection);
    }
}

void TestEvaluationSlots::interruptedSlotCountsAsFailedAttempt()
{
    const QString profile = m_profiles.at(0);
    const auto started = start(profile);
    QVERIFY2(started.status == 201, started.describe());
    QCOMPARE(started.json.value(QStringLiteral("attempts_remaining")).toInt(), 3);
    QVERIFY(holdSlot(idOf(started), randomEvaluatorId()));

    // The next start finds the slot of a process that no longer runs and counts it.
    const auto next = start(profile);
    QVERIFY2(next.status == 201, next.describe());
    QCOMPARE(next.json.value(QStringLiteral("attempts_remaining")).toInt(), 2);
    QCOMPARE(scalar(QStringLiteral("SELECT failed_count FROM profiles WHERE id = ?"), {profile}).toInt(), 1);
    QCOMPARE(scalar(QStringLiteral("SELECT state FROM verifications WHERE id = ?"), {idOf(started)})
                     .toString(),
             QStringLiteral("failed"));
    const QJsonArray attempts = attemptsOf(idOf(started));
    QCOMPARE(attempts.size(), 1);
    const QJsonObject entry = attempts.first().toObject();
    QCOMPARE(entry.value(QStringLiteral("outcome")).toString(), QStringLiteral("failed"));
    QCOMPARE(entry.value(QStringLiteral("agent")).toString(), QStringLiteral("tech1"));
    const QJsonObject details = entry.value(QStringLiteral("details")).toObject();
    QCOMPARE(details.value(QStringLiteral("reason")).toString(), QStringLiteral("evaluation_interrupted"));
    QCOMPARE(details.value(QStringLiteral("failed_attempts")).toInt(), 1);

    // Answered once is answered: the interrupted verification takes no second answer.
    const auto again = answer(started, profile, true);
    QVERIFY2(again.status == 410, again.describe());
    QCOMPARE(attemptsOf(idOf(started)).size(), 1);
    const auto verified = m_server.cli({QStringLiteral("audit"), QStringLiteral("verify")});
    QVERIFY2(verified.exitCode == 0, verified.output().constData());
}

void TestEvaluationSlots::interruptedSlotsNeverGiveAFreeGuess()
{
    const QString profile = m_profiles.at(1);
    QList<HttpResponse> started;
    for (int i = 0; i < 4; ++i) {
        started.append(start(profile));
        QVERIFY2(started.last().status == 201, started.last().describe());
    }
    // Three evaluations of a dead server: the whole budget.
    for (int i = 0; i < 3; ++i)
        QVERIFY(holdSlot(idOf(started.at(i)), randomEvaluatorId()));

    // Even the right answers get no evaluation: the three interrupted ones count first and lock.
    const auto refused = answer(started.at(3), profile, true);
    QVERIFY2(refused.status == 423, refused.describe());
    QCOMPARE(refused.errorCode(), QStringLiteral("profile_locked"));
    QCOMPARE(scalar(QStringLiteral("SELECT failed_count FROM profiles WHERE id = ?"), {profile}).toInt(), 3);
    QVERIFY(!scalar(QStringLiteral("SELECT locked_until FROM profiles WHERE id = ?"), {profile}).isNull());
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM grants WHERE profile_id = ?"), {profile}).toInt(),
             0);
    for (int i = 0; i < 3; ++i) {
        const QJsonArray attempts = attemptsOf(idOf(started.at(i)));
        QCOMPARE(attempts.size(), 1);
        QCOMPARE(attempts.first().toObject().value(QStringLiteral("outcome")).toString(),
                 QStringLiteral("failed"));
    }
    const QJsonArray last = attemptsOf(idOf(started.at(3)));
    QCOMPARE(last.size(), 1);
    QCOMPARE(last.first().toObject().value(QStringLiteral("outcome")).toString(), QStringLiteral("locked"));
    QCOMPARE(countEntries(
                     m_server.audit(m_auditor, QStringLiteral("action=PROFILE_LOCKED&profile=") + profile),
                     QStringLiteral("action"), QStringLiteral("PROFILE_LOCKED")),
             1);
}

void TestEvaluationSlots::runningEvaluatorHoldsAnswersBack()
{
    const QString profile = m_profiles.at(2);
    QList<HttpResponse> started;
    for (int i = 0; i < 4; ++i) {
        started.append(start(profile));
        QVERIFY2(started.last().status == 201, started.last().describe());
    }
    const QString evaluator = startEvaluator();
    QVERIFY2(!evaluator.isEmpty(), "cannot act as a running evaluator");
    for (int i = 0; i < 3; ++i)
        QVERIFY(holdSlot(idOf(started.at(i)), evaluator));

    // Failures counted (0) + evaluations in flight (3) reach max_failed_attempts: the fourth
    // answer waits for their outcome instead of being evaluated.
    HttpResponse waited;
    QElapsedTimer timer;
    timer.start();
    std::thread answering([&] { waited = answer(started.at(3), profile, true); });
    QThread::msleep(1500);
    const QString stateWhileHeld =
            scalar(QStringLiteral("SELECT state FROM verifications WHERE id = ?"), {idOf(started.at(3))})
                    .toString();
    const int countWhileHeld =
            scalar(QStringLiteral("SELECT failed_count FROM profiles WHERE id = ?"), {profile}).toInt();
    // The evaluator dies without recording anything.
    stopEvaluator();
    answering.join();

    QCOMPARE(stateWhileHeld, QStringLiteral("open"));
    QCOMPARE(countWhileHeld, 0);
    QVERIFY2(waited.status == 423, waited.describe());
    QVERIFY(timer.elapsed() >= 1500);
    QCOMPARE(scalar(QStringLiteral("SELECT failed_count FROM profiles WHERE id = ?"), {profile}).toInt(), 3);
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM grants WHERE profile_id = ?"), {profile}).toInt(),
             0);
    QCOMPARE(attemptsOf(idOf(started.at(3))).first().toObject().value(QStringLiteral("outcome")).toString(),
             QStringLiteral("locked"));
}

void TestEvaluationSlots::killedServerSlotsAreSettledAfterRestart()
{
    // Answers on fresh profiles, killed while they are evaluated; repeated until a kill leaves slots.
    const QStringList profiles = m_profiles.mid(4, 8);
    QStringList interrupted;
    QHash<QString, QString> profileOf;
    QHash<QString, int> countBefore;
    QString error;
    for (int attempt = 0; attempt < 30 && interrupted.isEmpty(); ++attempt) {
        if (!m_server.isRunning()) {
            QVERIFY2(m_server.restartOnSamePort(&error), qPrintable(error));
            m_tech1 = m_server.login(QStringLiteral("tech1"));
        }
        const HttpsClient client = m_server.client();
        std::vector<std::unique_ptr<QSslSocket>> sockets;
        QList<QByteArray> requests;
        for (const auto &profile : profiles) {
            const auto started = start(profile);
            if (started.status != 201)
                continue;
            profileOf.insert(idOf(started), profile);
            const QByteArray body = answersFor(started, profile, true);
            requests.append(client.requestHead(
                                    "POST", QStringLiteral("/v1/verifications/%1/answers").arg(idOf(started)),
                                    m_tech1, body.size(), "application/json")
                            + body);
            sockets.push_back(client.connectPinned(&error));
            QVERIFY2(sockets.back(), qPrintable(error));
        }
        for (qsizetype i = 0; i < requests.size(); ++i) {
            sockets.at(i)->write(requests.at(i));
            sockets.at(i)->waitForBytesWritten(2000);
        }
        QThread::msleep(5 + QRandomGenerator::global()->bounded(60));
        ::kill(static_cast<pid_t>(m_server.pid()), SIGKILL);
        QCOMPARE(m_server.stop(), -1);
        sockets.clear();

        QSqlQuery query(QSqlDatabase::database(kStore, false));
        QVERIFY(query.exec(
                QStringLiteral("SELECT id, profile_id FROM verifications WHERE state = 'evaluating'")));
        while (query.next())
            interrupted.append(query.value(0).toString());
        for (const auto &id : std::as_const(interrupted))
            countBefore.insert(id,
                               scalar(QStringLiteral("SELECT failed_count FROM profiles WHERE id = ?"),
                                      {profileOf.value(id)})
                                       .toInt());
    }
    QVERIFY2(!interrupted.isEmpty(), "no kill caught an answer while it was evaluated");
    const auto verifiedDown = m_server.cli({QStringLiteral("audit"), QStringLiteral("verify")});
    QVERIFY2(verifiedDown.exitCode == 0, verifiedDown.output().constData());

    QVERIFY2(m_server.restartOnSamePort(&error), qPrintable(error));
    m_tech1 = m_server.login(QStringLiteral("tech1"));
    for (const auto &id : std::as_const(interrupted)) {
        const QString profile = profileOf.value(id);
        const auto next = start(profile); // a new process: the slot's evaluator is gone
        QVERIFY2(next.status == 201 || next.status == 423, next.describe());
        const QString state =
                scalar(QStringLiteral("SELECT state FROM verifications WHERE id = ?"), {id}).toString();
        const QJsonArray attempts = attemptsOf(id);
        QCOMPARE(attempts.size(), 1);
        const QJsonObject entry = attempts.first().toObject();
        QCOMPARE(entry.value(QStringLiteral("details")).toObject().value(QStringLiteral("reason")).toString(),
                 QStringLiteral("evaluation_interrupted"));
        if (state == QLatin1String("failed")) {
            QCOMPARE(entry.value(QStringLiteral("outcome")).toString(), QStringLiteral("failed"));
            QCOMPARE(scalar(QStringLiteral("SELECT failed_count FROM profiles WHERE id = ?"), {profile})
                             .toInt(),
                     countBefore.value(id) + 1);
        } else {
            QCOMPARE(state, QStringLiteral("refused")); // the profile was locked by then
        }
        QCOMPARE(
                scalar(QStringLiteral("SELECT COUNT(*) FROM grants WHERE verification_id = ?"), {id}).toInt(),
                0);
    }
    const auto verified = m_server.cli({QStringLiteral("audit"), QStringLiteral("verify")});
    QVERIFY2(verified.exitCode == 0, verified.output().constData());
    qInfo("%lld answers were caught by the kill while evaluated; each settled as one failed attempt",
          static_cast<long long>(interrupted.size()));
}

void TestEvaluationSlots::oneHashThreadServesEveryone()
{
    // --hash-threads is checked before anything opens.
    for (const QString &bad : {QStringLiteral("-1"), QStringLiteral("65"), QStringLiteral("two")}) {
        const auto refused = TestServer::run({QStringLiteral("serve"), QStringLiteral("--hash-threads"), bad,
                                              QStringLiteral("--data"), m_server.dataDir()});
        QCOMPARE(refused.exitCode, 2);
        QVERIFY2(refused.err.contains("--hash-threads takes a whole number"), refused.output().constData());
    }

    // One argon2id check at a time for the whole server: answers (on the hash pool) and sign-ins
    // (on the request workers) arriving together all wait their turn and are all served right.
    QVERIFY(m_profiles.size() >= 14);
    if (m_server.isRunning())
        QCOMPARE(m_server.stop(), 0);
    m_server.setExtraServeArguments({QStringLiteral("--hash-threads"), QStringLiteral("1")});
    QString error;
    QVERIFY2(m_server.restartOnSamePort(&error), qPrintable(error));
    QVERIFY2(m_server.stderrLog().contains("at most 1 argon2id checks at once"),
             m_server.stderrLog().constData());
    m_tech1 = m_server.login(QStringLiteral("tech1"));
    QVERIFY(!m_tech1.isEmpty());
    const QString right = m_profiles.at(m_profiles.size() - 1);
    const QString wrong = m_profiles.at(m_profiles.size() - 2);
    const auto startedRight = start(right);
    const auto startedWrong = start(wrong);
    QVERIFY2(startedRight.status == 201, startedRight.describe());
    QVERIFY2(startedWrong.status == 201, startedWrong.describe());

    HttpResponse passed;
    HttpResponse failed;
    std::vector<QByteArray> tokens(3);
    std::vector<std::thread> threads;
    threads.emplace_back([&] { passed = answer(startedRight, right, true); });
    threads.emplace_back([&] { failed = answer(startedWrong, wrong, false); });
    const QStringList agents{QStringLiteral("tech1"), QStringLiteral("tech2"), QStringLiteral("super1")};
    for (int i = 0; i < 3; ++i)
        threads.emplace_back([&, i] { tokens[i] = m_server.login(agents.at(i)); });
    for (auto &thread : threads)
        thread.join();
    QVERIFY2(passed.status == 200, passed.describe());
    QCOMPARE(passed.json.value(QStringLiteral("result")).toString(), QStringLiteral("passed"));
    QVERIFY2(failed.status == 200, failed.describe());
    QCOMPARE(failed.json.value(QStringLiteral("result")).toString(), QStringLiteral("failed"));
    for (const auto &token : tokens)
        QVERIFY(!token.isEmpty());
    QCOMPARE(m_server.stop(), 0);
    m_server.setExtraServeArguments({});
}

QTEST_GUILESS_MAIN(TestEvaluationSlots)
#include "test_evaluation_slots.moc"
