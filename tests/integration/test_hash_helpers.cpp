// serve's argon2id helper processes (server/HashHelpers.h), with the real vigil-argon2id-helper: they
// give the same answers as an in-process check, a helper that dies is replaced without turning a
// right answer into a wrong one, a helper refuses to run for anyone but its server and stops on a
// malformed request, and the helpers of a server killed with SIGKILL die with it.
#include "Argon2Hasher.h"
#include "HashHelpers.h"
#include "TestServer.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <algorithm>
#include <csignal>
#include <unistd.h>

using namespace vigil;
using vigil::test::TestServer;

namespace {

// The pids of the running argon2id helpers whose parent is `parent`, read from /proc.
QList<qint64> helpersOf(qint64 parent)
{
    QList<qint64> found;
    const auto entries = QDir(QStringLiteral("/proc")).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString &entry : entries) {
        bool numeric = false;
        const qint64 pid = entry.toLongLong(&numeric);
        if (!numeric)
            continue;
        QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
        QFile cmdline(QStringLiteral("/proc/%1/cmdline").arg(pid));
        if (!stat.open(QIODevice::ReadOnly) || !cmdline.open(QIODevice::ReadOnly))
            continue;
        // "pid (comm) state ppid …": the comm may hold spaces, so read after the last ')'.
        const QByteArray text = stat.readAll();
        const QList<QByteArray> fields = text.mid(text.lastIndexOf(')') + 2).split(' ');
        if (fields.size() < 2 || fields.at(0) == "Z" || fields.at(1).toLongLong() != parent)
            continue;
        if (cmdline.readAll().split('\0').value(0).endsWith(HashHelpers::kProgramName))
            found.append(pid);
    }
    return found;
}

bool alive(qint64 pid)
{
    return ::kill(static_cast<pid_t>(pid), 0) == 0;
}

} // namespace

class TestHashHelpers : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void helpersAnswerLikeTheProcess();
    void deadHelperIsReplacedWithoutAWrongAnswer();
    void helperRefusesStrangersAndMalformedRequests();
    void serverRunsHelpersThatDieWithIt();

private:
    QByteArray m_encoded;
    QString m_program;
};

void TestHashHelpers::initTestCase()
{
    QVERIFY2(!TestServer::binary().isEmpty(), "VIGIL_SERVER_BIN is not set");
    m_encoded = Argon2Hasher::hash("right answer");
    QVERIFY(!m_encoded.isEmpty());
    m_program = HashHelpers::locateProgram(QFileInfo(TestServer::binary()).absolutePath());
    QVERIFY2(!m_program.isEmpty(), "no vigil-argon2id-helper beside vigil-server");
}

void TestHashHelpers::helpersAnswerLikeTheProcess()
{
    HashHelpers helpers(m_program);
    QString error;
    QVERIFY2(helpers.start(2, &error), qPrintable(error));
    const QList<qint64> pids = helpers.pids();
    QCOMPARE(pids.size(), 2);
    QCOMPARE(helpersOf(::getpid()).size(), 2);

    QCOMPARE(helpers.verify(m_encoded, "right answer"), std::optional<bool>(true));
    QCOMPARE(helpers.verify(m_encoded, "wrong answer"), std::optional<bool>(false));
    QCOMPARE(helpers.verify(m_encoded, ""), std::optional<bool>(false));
    // A damaged encoding is judged by the helper like in-process: wrong, never right.
    QByteArray damaged = m_encoded;
    damaged[damaged.size() - 3] = damaged.at(damaged.size() - 3) == 'A' ? 'B' : 'A';
    QCOMPARE(helpers.verify(damaged, "right answer"), std::optional<bool>(false));
    QCOMPARE(helpers.verify("$argon2id$garbage", "right answer"), std::optional<bool>(false));
    // Out of bounds for the protocol: left to the caller, nothing sent.
    QVERIFY(!helpers.verify(m_encoded, QByteArray(70 * 1024, 'x')).has_value());
    QVERIFY(!helpers.verify(QByteArray(), "right answer").has_value());
    QCOMPARE(helpers.replaced(), 0);
    QCOMPARE(helpers.pids(), pids);
}

void TestHashHelpers::deadHelperIsReplacedWithoutAWrongAnswer()
{
    HashHelpers helpers(m_program);
    QString error;
    QVERIFY2(helpers.start(1, &error), qPrintable(error));
    const qint64 first = helpers.pids().value(0);
    QVERIFY(first > 0);
    QCOMPARE(::kill(static_cast<pid_t>(first), SIGKILL), 0);
    // The dead helper cannot tell; the caller is told so (never "wrong") and it is replaced.
    QVERIFY(!helpers.verify(m_encoded, "right answer").has_value());
    QCOMPARE(helpers.replaced(), 1);
    QVERIFY(!alive(first)); // reaped, not left a zombie
    QCOMPARE(helpers.verify(m_encoded, "right answer"), std::optional<bool>(true));
    QCOMPARE(helpers.pids().size(), 1);
    QVERIFY(helpers.pids().value(0) != first);

    // Through Argon2Hasher, a helper's death costs nothing: the check runs in-process instead.
    Argon2Hasher::setDelegate([&helpers](const QByteArray &encoded, QByteArrayView secret) {
        return helpers.verify(encoded, secret);
    });
    QCOMPARE(::kill(static_cast<pid_t>(helpers.pids().value(0)), SIGKILL), 0);
    QVERIFY(Argon2Hasher::verify(m_encoded, "right answer"));
    QVERIFY(!Argon2Hasher::verify(m_encoded, "wrong answer"));
    QCOMPARE(helpers.replaced(), 2);
    Argon2Hasher::setDelegate({});
}

void TestHashHelpers::helperRefusesStrangersAndMalformedRequests()
{
    // Not started by the server it names: exit 1 at once.
    for (const QStringList &arguments :
         {QStringList{}, QStringList{QStringLiteral("1")}, QStringList{QStringLiteral("not-a-pid")},
          QStringList{QString::number(::getpid()), QStringLiteral("extra")}}) {
        QProcess process;
        process.start(m_program, arguments);
        QVERIFY(process.waitForFinished(30000));
        QCOMPARE(process.exitCode(), 1);
    }
    // Started by this process: a request with an empty encoding stops it (exit 2), and so does a
    // secret longer than any answer; a closed socket ends it cleanly (exit 0).
    const QList<QPair<quint32, quint32>> malformedHeaders{{0, 4}, {200, 4}, {20, 70 * 1024}};
    for (const auto &[encodingLength, secretLength] : malformedHeaders) {
        QProcess malformed;
        malformed.start(m_program, {QString::number(::getpid())});
        QVERIFY(malformed.waitForStarted());
        const quint32 header[2] = {encodingLength, secretLength};
        malformed.write(reinterpret_cast<const char *>(header), sizeof header);
        malformed.write("abcd");
        QVERIFY(malformed.waitForFinished(30000));
        QCOMPARE(malformed.exitCode(), 2);
    }

    QProcess closed;
    closed.start(m_program, {QString::number(::getpid())});
    QVERIFY(closed.waitForStarted());
    closed.closeWriteChannel();
    QVERIFY(closed.waitForFinished(30000));
    QCOMPARE(closed.exitCode(), 0);
}

void TestHashHelpers::serverRunsHelpersThatDieWithIt()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    TestServer server;
    QString error;
    QVERIFY2(server.createDemo(dir.filePath(QStringLiteral("data")), 20, &error), qPrintable(error));
    server.setExtraServeArguments({QStringLiteral("--hash-threads"), QStringLiteral("3")});
    QVERIFY2(server.start(&error), qPrintable(error));
    QVERIFY2(server.stderrLog().contains("at most 3 argon2id checks at once, in 3 helper processes"),
             server.stderrLog().constData());
    const QList<qint64> helpers = helpersOf(server.pid());
    QCOMPARE(helpers.size(), 3);
    // Sign-ins are checked by them (a wrong password is refused, a right one accepted).
    QVERIFY(!server.login(QStringLiteral("tech1")).isEmpty());
    QVERIFY(server.loginWith(QStringLiteral("tech1"), QStringLiteral("not the password")).isEmpty());
    QCOMPARE(helpersOf(server.pid()), helpers);

    ::kill(static_cast<pid_t>(server.pid()), SIGKILL);
    QCOMPARE(server.stop(), -1);
    for (int waited = 0; waited < 10000; waited += 50) {
        if (std::none_of(helpers.begin(), helpers.end(), [](qint64 pid) { return alive(pid); }))
            break;
        QThread::msleep(50);
    }
    for (const qint64 pid : helpers) {
        // Gone, or at most a zombie waiting for init to reap it; never still checking answers.
        QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
        if (stat.open(QIODevice::ReadOnly)) {
            const QByteArray text = stat.readAll();
            QCOMPARE(text.mid(text.lastIndexOf(')') + 2, 1), QByteArray("Z"));
        }
    }
}

QTEST_GUILESS_MAIN(TestHashHelpers)
#include "test_hash_helpers.moc"
