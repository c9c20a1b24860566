// "Typed answers, secrets and passwords never appear in responses, logs, audit details or the
// database in plaintext": a real session, then every byte the server wrote is searched.
#include "TestServer.h"

#include <QDirIterator>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

using namespace vigil::test;

namespace {
const QString kWrongAnswer = QStringLiteral("zebra-quartz-1234");
const QString kOtherWrongAnswer = QStringLiteral("Xylophone-Mango-9876");
const QString kNewSecret = QStringLiteral("moonlit harbour 77");
const QString kWrongPassword = QStringLiteral("hunter2-Wrong-Password-77");
} // namespace

class TestNoPlaintext : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void session();
    void nothingInFilesWhileRunning();
    void nothingInFilesOrLogsAfterStop();
    void nothingInResponses();
    void passwordTypedAsUserNameIsNotKept();

private:
    struct Needle
    {
        QByteArray bytes;
        QString what;
    };
    HttpResponse record(const HttpResponse &response, bool isLogin = false);
    QByteArray loginRecorded(const QString &username, const QString &password);
    // "file: what" for every needle found in the data folder's files (and `extra`).
    QStringList findings(const QList<Needle> &needles, const QByteArray &extra,
                         const QString &extraName) const;

    QTemporaryDir m_dir;
    TestServer m_server;
    QList<Needle> m_needles;
    QList<QByteArray> m_tokens;
    QList<QByteArray> m_responses; // every body, login replies excepted
    QList<QByteArray> m_loginResponses;
};

void TestNoPlaintext::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QVERIFY2(!TestServer::binary().isEmpty(), "VIGIL_SERVER_BIN is not set");
    QString error;
    QVERIFY2(m_server.createDemo(m_dir.filePath(QStringLiteral("data")), 20, &error), qPrintable(error));
    QVERIFY2(m_server.start(&error), qPrintable(error));
    const QJsonObject john = m_server.answersOf(QStringLiteral("1"));
    QCOMPARE(john.value(QStringLiteral("secret")).toString(), QStringLiteral("treasure island"));
    QCOMPARE(john.value(QStringLiteral("employee_id")).toString(), QStringLiteral("E-100001"));

    m_needles = {
            {kWrongAnswer.toUtf8(), QStringLiteral("a typed wrong answer")},
            {kOtherWrongAnswer.toUtf8(), QStringLiteral("a typed wrong answer")},
            {kNewSecret.toUtf8(), QStringLiteral("the new secret")},
            {"treasure island", QStringLiteral("profile 1's secret")},
            {"treasure  island", QStringLiteral("profile 1's secret as typed")},
            {"E-100001", QStringLiteral("profile 1's employee id")},
            {"e100001", QStringLiteral("profile 1's employee id, normalised")},
            {"E 100001", QStringLiteral("profile 1's employee id as typed")},
            {"1986-11-11", QStringLiteral("profile 1's birthday")},
            {"11/11/1986", QStringLiteral("profile 1's birthday as typed")},
            {"Developer", QStringLiteral("profile 1's title")},
            {kWrongPassword.toUtf8(), QStringLiteral("a typed wrong password")},
    };
    for (const auto &name : {QStringLiteral("admin"), QStringLiteral("tech1"), QStringLiteral("tech2"),
                             QStringLiteral("super1"), QStringLiteral("super2"), QStringLiteral("audit1")}) {
        QVERIFY(!m_server.password(name).isEmpty());
        m_needles.append({m_server.password(name).toUtf8(), QStringLiteral("the password of ") + name});
    }
}

void TestNoPlaintext::cleanupTestCase()
{
    if (m_server.isRunning())
        QCOMPARE(m_server.stop(), 0);
}

HttpResponse TestNoPlaintext::record(const HttpResponse &response, bool isLogin)
{
    (isLogin ? m_loginResponses : m_responses).append(response.raw);
    return response;
}

QByteArray TestNoPlaintext::loginRecorded(const QString &username, const QString &password)
{
    const auto response = record(m_server.client().post(QStringLiteral("/v1/auth/login"),
                                                        {{QStringLiteral("username"), username},
                                                         {QStringLiteral("password"), password}}),
                                 true);
    const QByteArray token = response.json.value(QStringLiteral("token")).toString().toLatin1();
    if (!token.isEmpty()) {
        m_tokens.append(token);
        m_needles.append({token, QStringLiteral("a bearer token of ") + username});
    }
    return token;
}

void TestNoPlaintext::session()
{
    const auto client = m_server.client();
    const QByteArray tech1 =
            loginRecorded(QStringLiteral("tech1"), m_server.password(QStringLiteral("tech1")));
    const QByteArray admin = loginRecorded(QStringLiteral("admin"), m_server.adminPassword());
    const QByteArray auditor =
            loginRecorded(QStringLiteral("audit1"), m_server.password(QStringLiteral("audit1")));
    QVERIFY(!tech1.isEmpty() && !admin.isEmpty() && !auditor.isEmpty());
    QVERIFY(loginRecorded(QStringLiteral("tech2"), kWrongPassword).isEmpty());

    QCOMPARE(record(client.get(QStringLiteral("/v1/profiles?q=Jon%20Silvr"), tech1)).status, 200);
    // Searching by employee id is allowed; the id must still not be logged or stored.
    const auto byId = record(client.get(QStringLiteral("/v1/profiles?q=E-100001"), tech1));
    QVERIFY2(byId.status == 200, byId.describe());

    const QJsonObject john = m_server.answersOf(QStringLiteral("1"));
    auto attempt = [&](const std::function<QString(const QString &)> &answerFor) {
        const auto started = record(client.postEmpty(QStringLiteral("/v1/profiles/1/verifications"), tech1));
        const auto body = answersBody(started.json.value(QStringLiteral("questions")).toArray(), answerFor);
        return record(client.post(QStringLiteral("/v1/verifications/%1/answers")
                                          .arg(started.json.value(QStringLiteral("id")).toString()),
                                  body, tech1));
    };
    auto failed = attempt([](const QString &) { return kWrongAnswer; });
    QVERIFY2(failed.status == 200 && failed.json.value(QStringLiteral("result")) == QLatin1String("failed"),
             failed.describe());
    // Right knowledge answers, wrong secret: fails as a whole.
    failed = attempt([&](const QString &field) {
        return field == QLatin1String("secret") ? kOtherWrongAnswer : john.value(field).toString();
    });
    QVERIFY2(failed.status == 200 && failed.json.value(QStringLiteral("result")) == QLatin1String("failed"),
             failed.describe());
    auto passed = attempt([&](const QString &field) { return john.value(field).toString(); });
    QVERIFY2(passed.status == 200 && passed.json.value(QStringLiteral("result")) == QLatin1String("passed"),
             passed.describe());
    passed = attempt([&](const QString &field) {
        if (field == QLatin1String("secret"))
            return QStringLiteral("  Treasure  Island ");
        if (field == QLatin1String("employee_id"))
            return QStringLiteral("E 100001");
        if (field == QLatin1String("birthday"))
            return QStringLiteral("11/11/1986");
        return john.value(field).toString().toUpper();
    });
    QVERIFY2(passed.status == 200 && passed.json.value(QStringLiteral("result")) == QLatin1String("passed"),
             passed.describe());
    const auto view = record(client.get(QStringLiteral("/v1/profiles/1"), tech1));
    QVERIFY2(view.status == 200, view.describe());

    const auto saved = record(client.put(QStringLiteral("/v1/profiles/1/secret"),
                                         {{QStringLiteral("secret"), kNewSecret}}, admin));
    QVERIFY2(saved.status == 204, saved.describe());
    passed = attempt([&](const QString &field) {
        return field == QLatin1String("secret") ? QStringLiteral("Moonlit Harbour 77")
                                                : john.value(field).toString();
    });
    QVERIFY2(passed.status == 200 && passed.json.value(QStringLiteral("result")) == QLatin1String("passed"),
             passed.describe());

    QCOMPARE(record(client.get(QStringLiteral("/v1/audit?limit=1000"), auditor)).status, 200);
    QCOMPARE(record(client.get(QStringLiteral("/v1/audit/verify"), auditor)).status, 200);
    QCOMPARE(record(client.get(QStringLiteral("/v1/policy"), tech1)).status, 200);
    QCOMPARE(record(client.postEmpty(QStringLiteral("/v1/auth/logout"), tech1)).status, 204);
}

QStringList TestNoPlaintext::findings(const QList<Needle> &needles, const QByteArray &extra,
                                      const QString &extraName) const
{
    QStringList found;
    auto search = [&](const QByteArray &bytes, const QString &where) {
        const QByteArray lower = bytes.toLower();
        for (const auto &needle : needles) {
            if (lower.contains(needle.bytes.toLower()))
                found.append(where + QStringLiteral(": ") + needle.what);
        }
    };
    // On PostgreSQL the store's bytes are the cluster's files (tables, indexes, WAL), all of them.
    QStringList roots{m_server.dataDir()};
    if (m_server.usesPostgres() && !qEnvironmentVariable("VIGIL_TEST_POSTGRES_DIR").isEmpty())
        roots.append(qEnvironmentVariable("VIGIL_TEST_POSTGRES_DIR"));
    int files = 0;
    for (const auto &root : roots) {
        QDirIterator it(root, QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString path = it.next();
            if (!it.fileInfo().isFile() || it.fileInfo().isSymLink())
                continue; // the cluster's socket
            if (it.fileName() == QLatin1String("postmaster.pid")
                || it.fileName().endsWith(QLatin1String(".lock")))
                continue;
            if (it.fileName() == QLatin1String("demo-profiles.json")
                || it.fileName() == QLatin1String("demo-credentials.json"))
                continue;
            QFile file(path);
            if (!file.open(QIODevice::ReadOnly)) {
                found.append(path + QStringLiteral(": unreadable"));
                continue;
            }
            search(file.readAll(), it.fileName());
            ++files;
        }
    }
    if (files < 3)
        found.append(QStringLiteral("only %1 files were searched").arg(files));
    if (!extraName.isEmpty())
        search(extra, extraName);
    return found;
}

void TestNoPlaintext::nothingInFilesWhileRunning()
{
    if (!m_server.usesPostgres())
        QVERIFY(QFile::exists(m_server.dataDir() + QStringLiteral("/vigil.db-wal")));
    // The search itself works: what is meant to be stored in clear is found.
    QVERIFY(!findings({{"john.silver@acme.example", QStringLiteral("an e-mail address")}}, {}, {}).isEmpty());
    QVERIFY(!findings({{"AGENT_LOGIN_FAILED", QStringLiteral("an audit action")}}, {}, {}).isEmpty());
    const QStringList found = findings(m_needles, {}, {});
    QVERIFY2(found.isEmpty(), qPrintable(found.join(QStringLiteral("; "))));
}

void TestNoPlaintext::nothingInFilesOrLogsAfterStop()
{
    QCOMPARE(m_server.stop(), 0);
    const QByteArray log = m_server.log();
    QVERIFY(log.contains("POST /v1/verifications/")); // the log was captured
    const QStringList found = findings(m_needles, log, QStringLiteral("server stdout+stderr"));
    QVERIFY2(found.isEmpty(), qPrintable(found.join(QStringLiteral("; "))));
}

void TestNoPlaintext::nothingInResponses()
{
    QVERIFY(m_responses.size() > 10);
    QStringList found;
    for (const auto &response : m_responses) {
        for (const auto &needle : m_needles) {
            if (containsIgnoringCase(response, needle.bytes))
                found.append(needle.what + QStringLiteral(" in ") + QString::fromUtf8(response.left(200)));
        }
    }
    // A login reply carries its own token and nothing else secret.
    for (const auto &response : m_loginResponses) {
        for (const auto &needle : m_needles) {
            if (!m_tokens.contains(needle.bytes) && containsIgnoringCase(response, needle.bytes))
                found.append(needle.what + QStringLiteral(" in a login reply"));
        }
    }
    QVERIFY2(found.isEmpty(), qPrintable(found.join(QStringLiteral("; "))));
}

void TestNoPlaintext::passwordTypedAsUserNameIsNotKept()
{
    // A classic slip: the password typed into the user-name field. It is a failed login like any
    // other, and the typed text must not be kept anywhere.
    QString error;
    QVERIFY2(m_server.start(&error), qPrintable(error));
    const QString password = m_server.password(QStringLiteral("tech2"));
    const auto response = m_server.client().post(
            QStringLiteral("/v1/auth/login"),
            {{QStringLiteral("username"), password}, {QStringLiteral("password"), password}});
    QVERIFY2(response.status == 401, response.describe());
    QCOMPARE(m_server.stop(), 0);
    const QStringList found =
            findings({{password.toUtf8(), QStringLiteral("tech2's password typed as user name")}},
                     m_server.log(), QStringLiteral("server stdout+stderr"));
    QVERIFY2(found.isEmpty(), qPrintable(found.join(QStringLiteral("; "))));
}

QTEST_GUILESS_MAIN(TestNoPlaintext)
#include "test_no_plaintext.moc"
