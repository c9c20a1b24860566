// The vigil-server subcommands as IT runs them: help and exit codes, import (all or nothing,
// errors with line numbers), agents, policy, and the first admin's one-time password.
#include "TestServer.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTest>

using namespace vigil::test;

class TestCli : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    TestServer m_server;

    int profileCount()
    {
        const QString name = QStringLiteral("count-%1").arg(qintptr(this));
        int count = -1;
        {
            auto db = m_server.openStore(name);
            if (db.isOpen()) {
                QSqlQuery query(db);
                if (query.exec(QStringLiteral("SELECT COUNT(*) FROM profiles")) && query.next())
                    count = query.value(0).toInt();
            }
        }
        QSqlDatabase::removeDatabase(name);
        return count;
    }

    QString writeFile(const QString &name, const QByteArray &content)
    {
        const QString path = m_dir.filePath(name);
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly))
            return {};
        file.write(content);
        return path;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QString error;
        QVERIFY2(m_server.createDemo(m_dir.filePath(QStringLiteral("data")), 20, &error), qPrintable(error));
        QVERIFY(!m_server.adminPassword().isEmpty());
    }

    void helpAndUsage_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<int>("exitCode");
        QTest::newRow("help") << QStringList{QStringLiteral("--help")} << 0;
        QTest::newRow("no command") << QStringList{} << 2;
        QTest::newRow("unknown command") << QStringList{QStringLiteral("explode")} << 2;
        for (const char *command : {"init", "serve", "import", "demo", "unlock-expired"})
            QTest::addRow("%s --help", command)
                    << QStringList{QLatin1String(command), QStringLiteral("--help")} << 0;
        QTest::newRow("agent add --help")
                << QStringList{QStringLiteral("agent"), QStringLiteral("add"), QStringLiteral("--help")} << 0;
        QTest::newRow("audit verify --help")
                << QStringList{QStringLiteral("audit"), QStringLiteral("verify"), QStringLiteral("--help")}
                << 0;
        QTest::newRow("policy set --help")
                << QStringList{QStringLiteral("policy"), QStringLiteral("set"), QStringLiteral("--help")}
                << 0;
        QTest::newRow("missing --data") << QStringList{QStringLiteral("unlock-expired")} << 2;
        QTest::newRow("unknown option")
                << QStringList{QStringLiteral("serve"), QStringLiteral("--bogus")} << 2;
    }

    void helpAndUsage()
    {
        QFETCH(QStringList, arguments);
        QFETCH(int, exitCode);
        const auto result = TestServer::run(arguments);
        QVERIFY(result.finished);
        QCOMPARE(result.exitCode, exitCode);
        QVERIFY2(!result.output().trimmed().isEmpty(), "every outcome says something");
    }

    void initRefusesAnExistingFolder()
    {
        const auto result = m_server.cli({QStringLiteral("init")});
        QCOMPARE(result.exitCode, 1);
        QVERIFY(result.err.contains("already holds"));
        if (m_server.usesPostgres()) {
            // A second folder on the same shared database is refused before any key is made.
            const QString other = m_dir.filePath(QStringLiteral("second-init"));
            const auto second = TestServer::run({QStringLiteral("init"), QStringLiteral("--data"), other,
                                                 QStringLiteral("--database"), m_server.databaseUrl()});
            QCOMPARE(second.exitCode, 1);
            QVERIFY(second.err.contains("already holds a Vigil store"));
            QVERIFY(!QFileInfo::exists(other));
        }
    }

    void notADataFolderIsAClearError()
    {
        const auto result =
                TestServer::run({QStringLiteral("policy"), QStringLiteral("show"), QStringLiteral("--data"),
                                 m_dir.filePath(QStringLiteral("nothing-here"))});
        QCOMPARE(result.exitCode, 1);
        QVERIFY(result.err.contains("not a Vigil data folder"));
    }

    void importWithABadRowImportsNothing()
    {
        const int before = profileCount();
        QVERIFY(before > 0);
        const QString path = writeFile(QStringLiteral("bad.csv"),
                                       "username,display_name,email,birthday,secret\n"
                                       "ada,Ada Lovelace,ada@acme.example,1915-12-10,analytical engine\n"
                                       "alan,Alan Turing,alan@acme.example,1912-13-40,enigma machine\n"
                                       "grace,Grace Hopper,grace@acme.example,1906-12-09,cob\n");
        const auto result = m_server.cli({QStringLiteral("import"), path});
        QCOMPARE(result.exitCode, 1);
        QVERIFY2(result.err.contains("line 3"), result.err.constData());
        QVERIFY2(result.err.contains("line 4"),
                 result.err.constData()); // a secret of three letters is too short
        QVERIFY(!result.err.contains("enigma")); // values never appear in errors
        QVERIFY(result.err.contains("nothing was imported"));
        QCOMPARE(profileCount(), before);
    }

    void importClashingWithTheStoreImportsNothing()
    {
        const int before = profileCount();
        const QString path = writeFile(QStringLiteral("clash.json"), R"({"profiles":[
            {"username":"newperson","display_name":"New Person","secret":"fresh start"},
            {"username":"jsilver","display_name":"Another Silver","secret":"second copy"}]})");
        const auto result = m_server.cli({QStringLiteral("import"), path});
        QCOMPARE(result.exitCode, 1);
        QCOMPARE(profileCount(), before);
    }

    void goodImportIsVerifiable()
    {
        const int before = profileCount();
        const QString path =
                writeFile(QStringLiteral("good.csv"),
                          "username,display_name,department,title,birthday,secret\n"
                          "\"hopper\",\"Hopper, Grace\",Navy,Rear Admiral,1906-12-09,\"compiler, first\"\n");
        const auto result = m_server.cli({QStringLiteral("import"), path});
        QVERIFY2(result.exitCode == 0, result.err.constData());
        QVERIFY(result.out.contains("Imported 1 profiles."));
        QCOMPARE(profileCount(), before + 1);

        QString error;
        QVERIFY2(m_server.start(&error), qPrintable(error));
        const QByteArray token = m_server.login(QStringLiteral("tech1"));
        const auto found = m_server.client().get(QStringLiteral("/v1/profiles?q=grace%20hoper"), token);
        QCOMPARE(found.status, 200);
        const QJsonObject first = found.json.value(QStringLiteral("results")).toArray().first().toObject();
        QCOMPARE(first.value(QStringLiteral("display_name")).toString(), QStringLiteral("Hopper, Grace"));
        const QString id = first.value(QStringLiteral("id")).toString();
        const auto started =
                m_server.client().postEmpty(QStringLiteral("/v1/profiles/%1/verifications").arg(id), token);
        QCOMPARE(started.status, 201);
        const QJsonObject body = answersBody(started.json.value(QStringLiteral("questions")).toArray(),
                                             [](const QString &field) {
                                                 if (field == QLatin1String("title"))
                                                     return QStringLiteral("rear admiral");
                                                 if (field == QLatin1String("birthday"))
                                                     return QStringLiteral("December 9, 1906");
                                                 return QStringLiteral("Compiler,  First");
                                             });
        const auto answered =
                m_server.client().post(QStringLiteral("/v1/verifications/%1/answers")
                                               .arg(started.json.value(QStringLiteral("id")).toString()),
                                       body, token);
        QCOMPARE(answered.status, 200);
        QCOMPARE(answered.json.value(QStringLiteral("result")).toString(), QStringLiteral("passed"));
        QCOMPARE(m_server.stop(), 0);
    }

    void agentsCanBeAddedListedAndDisabled()
    {
        const auto added = m_server.cli({QStringLiteral("agent"), QStringLiteral("add"),
                                         QStringLiteral("--username"), QStringLiteral("Nina"),
                                         QStringLiteral("--role"), QStringLiteral("technician,supervisor")});
        QVERIFY2(added.exitCode == 0, added.err.constData());
        const QByteArray marker = "Password (shown once): ";
        const qsizetype at = added.out.indexOf(marker);
        QVERIFY(at >= 0);
        const QString password = QString::fromUtf8(added.out.mid(at + marker.size()).trimmed());
        QCOMPARE(password.size(), 24);

        const auto duplicate = m_server.cli({QStringLiteral("agent"), QStringLiteral("add"),
                                             QStringLiteral("--username"), QStringLiteral("nina"),
                                             QStringLiteral("--role"), QStringLiteral("technician")});
        QCOMPARE(duplicate.exitCode, 1);
        const auto badRole =
                m_server.cli({QStringLiteral("agent"), QStringLiteral("add"), QStringLiteral("--username"),
                              QStringLiteral("omar"), QStringLiteral("--role"), QStringLiteral("root")});
        QCOMPARE(badRole.exitCode, 1);

        const auto listed = m_server.cli({QStringLiteral("agent"), QStringLiteral("list")});
        QCOMPARE(listed.exitCode, 0);
        QVERIFY(listed.out.contains("nina\ttechnician,supervisor\tactive"));
        QVERIFY(!listed.out.contains(password.toUtf8())); // never shown again

        QString error;
        QVERIFY2(m_server.start(&error), qPrintable(error));
        const QByteArray token = m_server.loginWith(QStringLiteral("nina"), password);
        QVERIFY(!token.isEmpty());
        const auto disabled = m_server.cli({QStringLiteral("agent"), QStringLiteral("disable"),
                                            QStringLiteral("--username"), QStringLiteral("nina")});
        QCOMPARE(disabled.exitCode, 0);
        // Disabling ends the live session and refuses new ones.
        QCOMPARE(m_server.client().get(QStringLiteral("/v1/policy"), token).status, 401);
        QVERIFY(m_server.loginWith(QStringLiteral("nina"), password).isEmpty());
        QCOMPARE(m_server.stop(), 0);
        QVERIFY(m_server.cli({QStringLiteral("agent"), QStringLiteral("list")})
                        .out.contains("nina\ttechnician,supervisor\tdisabled"));
    }

    void policyShowAndSet()
    {
        const auto shown = m_server.cli({QStringLiteral("policy"), QStringLiteral("show")});
        QCOMPARE(shown.exitCode, 0);
        const QJsonObject policy = QJsonDocument::fromJson(shown.out).object();
        QCOMPARE(policy.value(QStringLiteral("max_failed_attempts")).toInt(), 3);
        QCOMPARE(policy.value(QStringLiteral("lockout_seconds")).toInt(), 1800);

        QVERIFY(m_server.setPolicy(
                {QStringLiteral("max_failed_attempts=5"), QStringLiteral("grant_seconds=600")}));
        const QJsonObject changed =
                QJsonDocument::fromJson(m_server.cli({QStringLiteral("policy"), QStringLiteral("show")}).out)
                        .object();
        QCOMPARE(changed.value(QStringLiteral("max_failed_attempts")).toInt(), 5);
        QCOMPARE(changed.value(QStringLiteral("grant_seconds")).toInt(), 600);

        // A bad assignment changes nothing, not even the good ones beside it.
        QString error;
        QVERIFY(!m_server.setPolicy(
                {QStringLiteral("grant_seconds=60"), QStringLiteral("max_failed_attempts=0")}, &error));
        QVERIFY(error.contains(QLatin1String("max_failed_attempts")));
        QVERIFY(!m_server.setPolicy({QStringLiteral("lockout=5")}, &error));
        QVERIFY(error.contains(QLatin1String("unknown policy key")));
        const QJsonObject after =
                QJsonDocument::fromJson(m_server.cli({QStringLiteral("policy"), QStringLiteral("show")}).out)
                        .object();
        QCOMPARE(after.value(QStringLiteral("grant_seconds")).toInt(), 600);
        QVERIFY(m_server.setPolicy(
                {QStringLiteral("max_failed_attempts=3"), QStringLiteral("grant_seconds=900")}));
    }

    void actionCatalogIsSetFromTheCommandLine()
    {
        QVERIFY(m_server.setPolicy({QStringLiteral("actions.change_email.undo_seconds=600"),
                                    QStringLiteral("actions.reset_password.approvals=2")}));
        const QJsonObject shown =
                QJsonDocument::fromJson(m_server.cli({QStringLiteral("policy"), QStringLiteral("show")}).out)
                        .object();
        const QJsonObject actions = shown.value(QStringLiteral("actions")).toObject();
        QCOMPARE(actions.value(QStringLiteral("change_email"))
                         .toObject()
                         .value(QStringLiteral("undo_seconds"))
                         .toInt(),
                 600);
        const QJsonObject reset = actions.value(QStringLiteral("reset_password")).toObject();
        QCOMPARE(reset.value(QStringLiteral("approvals")).toInt(), 2);
        QCOMPARE(reset.value(QStringLiteral("privileged_approvals")).toInt(), 2);
        QString error;
        QVERIFY(!m_server.setPolicy({QStringLiteral("actions.reset_password.level=0")}, &error));
        QVERIFY(!m_server.setPolicy({QStringLiteral("actions.launch_rocket.level=1")}, &error));
        QVERIFY(m_server.setPolicy({QStringLiteral("actions.change_email.undo_seconds=86400"),
                                    QStringLiteral("actions.reset_password.approvals=1"),
                                    QStringLiteral("actions.reset_password.privileged_approvals=2")}));
    }

    void supervisorSecondFactorIsEnrolledFromTheCommandLine()
    {
        const auto enrolled = m_server.cli({QStringLiteral("totp"), QStringLiteral("enroll"),
                                            QStringLiteral("--agent"), QStringLiteral("super1")});
        QVERIFY2(enrolled.exitCode == 0, enrolled.output().constData());
        QVERIFY(enrolled.out.contains("otpauth://totp/Vigil:super1?secret="));
        const auto unknown = m_server.cli({QStringLiteral("totp"), QStringLiteral("enroll"),
                                           QStringLiteral("--agent"), QStringLiteral("nobody")});
        QCOMPARE(unknown.exitCode, 1);
        const auto both =
                m_server.cli({QStringLiteral("totp"), QStringLiteral("enroll"), QStringLiteral("--agent"),
                              QStringLiteral("super1"), QStringLiteral("--profile"), QStringLiteral("1")});
        QCOMPARE(both.exitCode, 2);
        const auto audited = m_server.cli({QStringLiteral("audit"), QStringLiteral("verify")});
        QCOMPARE(audited.exitCode, 0);
    }

    void notifyLinksAreValidated()
    {
        const auto good = m_server.cli({QStringLiteral("notify"), QStringLiteral("set"),
                                        QStringLiteral("public_url=https://vigil.acme.example:8443"),
                                        QStringLiteral("reset_url=https://sso.acme.example/reset"),
                                        QStringLiteral("directory_webhook=https://idm.acme.example/vigil")});
        QVERIFY2(good.exitCode == 0, good.output().constData());
        const QJsonObject shown =
                QJsonDocument::fromJson(m_server.cli({QStringLiteral("notify"), QStringLiteral("show")}).out)
                        .object();
        QCOMPARE(shown.value(QStringLiteral("public_url")).toString(),
                 QStringLiteral("https://vigil.acme.example:8443"));
        QCOMPARE(shown.value(QStringLiteral("directory_webhook")).toString(),
                 QStringLiteral("https://idm.acme.example/vigil"));
        for (const QString &bad : {QStringLiteral("public_url=ftp://x.example"),
                                   QStringLiteral("reset_url=https://user:pw@sso.example/reset"),
                                   QStringLiteral("reset_url=https://sso.example/reset?x=1")}) {
            const auto refused = m_server.cli({QStringLiteral("notify"), QStringLiteral("set"), bad});
            QVERIFY2(refused.exitCode == 2 && refused.err.contains("URL"), qPrintable(bad));
        }
    }

    void auditVerifyCoversTheCommands()
    {
        const auto verified = m_server.cli({QStringLiteral("audit"), QStringLiteral("verify")});
        QCOMPARE(verified.exitCode, 0);
        QVERIFY(verified.out.contains("audit log OK"));
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "test_cli.moc"
