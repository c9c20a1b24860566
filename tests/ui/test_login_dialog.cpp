// The sign-in window against a real server: trust on first use through the dialog seam, a changed
// certificate refused, an IT-enforced pin never offered for trust, an invalid enforced setting
// refused before anything is sent, IT's default server and pin used without a question, a server
// that is down.

#include "BackendClient.h"
#include "ConsoleHarness.h"
#include "CredentialStore.h"
#include "DialogSeam.h"
#include "LoginDialog.h"
#include "MainWindow.h"
#include "SettingsResolver.h"
#include "TestServer.h"

#include <QFile>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

using namespace vigil;
using namespace vigil::test;

namespace {
class EnforcedPin : public EnforcedSettingsSource
{
public:
    explicit EnforcedPin(QString pin)
        : m_pin(std::move(pin))
    {
    }
    QVariant value(const QString &key) const override
    {
        return key == SettingsResolver::ServerPin ? QVariant(m_pin) : QVariant();
    }

private:
    QString m_pin;
};

QString wrongPin()
{
    return BackendClient::formatFingerprint(QByteArray(32, '\xab'));
}

bool writeFile(const QString &path, const QByteArray &content)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(content) == content.size();
}

void clickSignIn(ConsoleHarness &console)
{
    QTest::mouseClick(
            console.controller()->loginDialog()->findChild<QPushButton *>(QStringLiteral("signInButton")),
            Qt::LeftButton);
}
} // namespace

class TestLoginDialog : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY2(!TestServer::binary().isEmpty(), "VIGIL_SERVER_BIN is not set");
        QVERIFY(m_dir.isValid());
        QString error;
        QVERIFY2(m_server.createDemo(m_dir.filePath(QStringLiteral("data")), 20, &error), qPrintable(error));
        QVERIFY2(m_server.start(&error), qPrintable(error));
    }

    void cleanup()
    {
        DialogSeam::setTestAnswerer({});
        DialogSeam::takeAsked();
    }

    void cleanupTestCase() { m_server.stop(); }

    void trustOnFirstUseAsksAndRemembers()
    {
        ConsoleHarness console(m_server);
        const QString expected = BackendClient::formatFingerprint(m_server.client().fingerprint());
        QString askedText;
        DialogSeam::setTestAnswerer([&askedText](const QString &, const QString &text) {
            askedText = text;
            return QMessageBox::Yes;
        });
        QVERIFY(console.fillLogin(QStringLiteral("tech1"), m_server.password(QStringLiteral("tech1"))));
        QSignalSpy stored(console.controller()->credentials(), &CredentialStore::stored);
        clickSignIn(console);
        QTRY_VERIFY_WITH_TIMEOUT(console.controller()->mainWindow() != nullptr, 30000);
        // Let the keychain job finish before the controller goes (see ConsoleHarness::signIn).
        QTRY_VERIFY_WITH_TIMEOUT(stored.count() > 0, 30000);
        QVERIFY2(askedText.contains(expected), qPrintable(askedText));
        QVERIFY(expected.contains(QLatin1Char(':')));
        QCOMPARE(console.controller()->settings()->pinFor(console.serverUrl()), expected);
        QCOMPARE(console.controller()->agent().username, QStringLiteral("tech1"));
        QTRY_VERIFY(console.controller()->loginDialog() == nullptr
                    || !console.controller()->loginDialog()->isVisible());
    }

    void declinedTrustSendsNothing()
    {
        ConsoleHarness console(m_server);
        DialogSeam::setTestAnswerer([](const QString &, const QString &) { return QMessageBox::No; });
        QVERIFY(console.fillLogin(QStringLiteral("tech1"), m_server.password(QStringLiteral("tech1"))));
        clickSignIn(console);
        QTRY_VERIFY(!console.controller()->loginDialog()->errorText().isEmpty());
        QVERIFY(console.controller()->loginDialog()->errorText().contains(QStringLiteral("did not trust")));
        QCOMPARE(DialogSeam::takeAsked().size(), 1);
        QVERIFY(console.controller()->mainWindow() == nullptr);
        QVERIFY(console.controller()->settings()->pinFor(console.serverUrl()).isEmpty());
    }

    void changedCertificateIsRefused()
    {
        ConsoleHarness console(m_server);
        DialogSeam::setTestAnswerer([](const QString &, const QString &) { return QMessageBox::Ok; });
        console.controller()->trustFingerprint(console.serverUrl(), wrongPin());
        QVERIFY(console.fillLogin(QStringLiteral("tech1"), m_server.password(QStringLiteral("tech1"))));
        clickSignIn(console);
        QTRY_VERIFY(!console.controller()->loginDialog()->errorText().isEmpty());
        const QString error = console.controller()->loginDialog()->errorText();
        QVERIFY2(error.contains(QStringLiteral("has changed")), qPrintable(error));
        QVERIFY2(error.contains(QStringLiteral("call your IT service desk")), qPrintable(error));
        QVERIFY(error.contains(BackendClient::formatFingerprint(m_server.client().fingerprint())));
        const QStringList asked = DialogSeam::takeAsked();
        QCOMPARE(asked.size(), 1); // the critical notice only: never a trust question
        QVERIFY(asked.first().startsWith(QStringLiteral("Server certificate changed")));
        QVERIFY(console.controller()->mainWindow() == nullptr);
        // The wrong pin stays: a mismatch never replaces what was trusted.
        QCOMPARE(console.controller()->settings()->pinFor(console.serverUrl()), wrongPin());
    }

    void enforcedPinIsNeverOfferedForTrust()
    {
        ConsoleHarness console(m_server, std::make_unique<EnforcedPin>(wrongPin()));
        DialogSeam::setTestAnswerer([](const QString &, const QString &) { return QMessageBox::Yes; });
        QVERIFY(console.fillLogin(QStringLiteral("tech1"), m_server.password(QStringLiteral("tech1"))));
        clickSignIn(console);
        QTRY_VERIFY(!console.controller()->loginDialog()->errorText().isEmpty());
        for (const QString &asked : DialogSeam::takeAsked())
            QVERIFY2(!asked.startsWith(QStringLiteral("Trust this server?")), qPrintable(asked));
        QVERIFY(console.controller()->mainWindow() == nullptr);
        QCOMPARE(console.controller()->settings()->pinFor(console.serverUrl()), wrongPin());
    }

    void invalidEnforcedPolicyRefusesToConnect()
    {
        QTemporaryDir dir;
        const QString policy = dir.filePath(QStringLiteral("policies.conf"));
        ConsoleHarness console(m_server, std::make_unique<IniEnforcedSettingsSource>(policy));
        DialogSeam::setTestAnswerer([](const QString &, const QString &) { return QMessageBox::Yes; });
        // A pin remembered before IT's policy arrived must not stand in for IT's broken one.
        console.pin();
        QVERIFY(writeFile(policy, "[Vigil]\nserver_pin=AB:CD:EF\n"));
        QVERIFY(console.fillLogin(QStringLiteral("tech1"), m_server.password(QStringLiteral("tech1"))));
        LoginDialog *login = console.controller()->loginDialog();
        // Said as soon as the window opens…
        const QString error = login->errorText();
        QVERIFY2(error.startsWith(QStringLiteral("Vigil will not connect")), qPrintable(error));
        QVERIFY2(error.contains(QStringLiteral("server_pin in ") + policy), qPrintable(error));
        QVERIFY2(error.contains(QStringLiteral("call your IT service desk"), Qt::CaseInsensitive),
                 qPrintable(error));
        QVERIFY(console.controller()->settings()->pinFor(console.serverUrl()).isEmpty());
        // …and signing in sends nothing anywhere: no request, no trust question, no window.
        QSignalSpy submitting(login, &LoginDialog::submitting);
        clickSignIn(console);
        QCOMPARE(submitting.count(), 0);
        QVERIFY(!login->isBusy());
        QCOMPARE(login->errorText(), error);
        QVERIFY(console.controller()->client()->server().isEmpty());
        QVERIFY(DialogSeam::takeAsked().isEmpty());
        QTest::qWait(200);
        QVERIFY(console.controller()->mainWindow() == nullptr);

        // IT corrects the policy while the window is open: the next click signs in, pinned to IT's pin.
        const QString realPin = BackendClient::formatFingerprint(m_server.client().fingerprint());
        QVERIFY(writeFile(policy, "[Vigil]\nserver_pin=" + realPin.toLower().toLatin1() + "\n"));
        QSignalSpy stored(console.controller()->credentials(), &CredentialStore::stored);
        clickSignIn(console);
        QTRY_VERIFY_WITH_TIMEOUT(console.controller()->mainWindow() != nullptr, 30000);
        QTRY_VERIFY_WITH_TIMEOUT(stored.count() > 0, 30000);
        QVERIFY(DialogSeam::takeAsked().isEmpty());
        QCOMPARE(console.controller()->settings()->pinFor(console.serverUrl()), realPin);
    }

    void machineDefaultsSeedTheSeat()
    {
        // Enforce false: IT's server and pin are defaults. They connect without a trust question,
        // and signing in does not copy IT's server into the user's settings.
        QTemporaryDir dir;
        const QString policy = dir.filePath(QStringLiteral("policies.conf"));
        const QString realPin = BackendClient::formatFingerprint(m_server.client().fingerprint());
        ConsoleHarness console(m_server, std::make_unique<IniEnforcedSettingsSource>(policy));
        QVERIFY(writeFile(policy,
                          "[Vigil]\nenforce=false\nserver_url=" + console.serverUrl().toString().toLatin1()
                                  + "\nserver_pin=" + realPin.toLatin1() + "\n"));
        SettingsResolver *settings = console.controller()->settings();
        QCOMPARE(settings->resolve(SettingsResolver::ServerPin).source,
                 SettingsResolver::Source::MachineDefault);
        DialogSeam::setTestAnswerer([](const QString &, const QString &) { return QMessageBox::No; });
        QVERIFY(console.fillLogin(QStringLiteral("tech1"), m_server.password(QStringLiteral("tech1"))));
        QVERIFY(console.controller()->loginDialog()->errorText().isEmpty());
        QVERIFY(console.controller()
                        ->loginDialog()
                        ->findChild<QLineEdit *>(QStringLiteral("serverEdit"))
                        ->isEnabled());
        QSignalSpy stored(console.controller()->credentials(), &CredentialStore::stored);
        clickSignIn(console);
        QTRY_VERIFY_WITH_TIMEOUT(console.controller()->mainWindow() != nullptr, 30000);
        QTRY_VERIFY_WITH_TIMEOUT(stored.count() > 0, 30000);
        QVERIFY(DialogSeam::takeAsked().isEmpty());
        QCOMPARE(settings->resolve(SettingsResolver::ServerUrl).source,
                 SettingsResolver::Source::MachineDefault);
        QCOMPARE(settings->pinFor(console.serverUrl()), realPin);
        // Still only a default: the user may remember another pin for this server.
        QVERIFY(console.controller()->trustFingerprint(console.serverUrl(), wrongPin()));
        QCOMPARE(settings->pinFor(console.serverUrl()), wrongPin());
    }

    void wrongPasswordIsExplained()
    {
        ConsoleHarness console(m_server);
        console.pin();
        QVERIFY(console.fillLogin(QStringLiteral("tech2"), QStringLiteral("not the password")));
        clickSignIn(console);
        QTRY_VERIFY_WITH_TIMEOUT(!console.controller()->loginDialog()->errorText().isEmpty(), 20000);
        QVERIFY(console.controller()->loginDialog()->errorText().contains(QStringLiteral("wrong")));
        QVERIFY(console.controller()
                        ->loginDialog()
                        ->findChild<QLineEdit *>(QStringLiteral("passwordEdit"))
                        ->text()
                        .isEmpty());
        QVERIFY(console.controller()->mainWindow() == nullptr);
    }

    void serverDownAtLogin()
    {
        // A server of its own, stopped before the console tries it: the port then refuses.
        QTemporaryDir dir;
        TestServer down;
        QString error;
        QVERIFY2(down.createDemo(dir.filePath(QStringLiteral("data")), 5, &error), qPrintable(error));
        QVERIFY2(down.start(&error), qPrintable(error));
        ConsoleHarness console(down);
        console.pin();
        QCOMPARE(down.stop(), 0);
        QVERIFY(console.fillLogin(QStringLiteral("tech1"), down.password(QStringLiteral("tech1"))));
        clickSignIn(console);
        QTRY_VERIFY_WITH_TIMEOUT(!console.controller()->loginDialog()->errorText().isEmpty(), 20000);
        const QString message = console.controller()->loginDialog()->errorText();
        QVERIFY2(message.contains(QStringLiteral("Cannot reach")), qPrintable(message));
        QVERIFY(console.controller()->mainWindow() == nullptr);
        // Still usable: the button is back.
        QVERIFY(console.controller()
                        ->loginDialog()
                        ->findChild<QPushButton *>(QStringLiteral("signInButton"))
                        ->isEnabled());
    }

private:
    QTemporaryDir m_dir;
    TestServer m_server;
};

QTEST_MAIN(TestLoginDialog)
#include "test_login_dialog.moc"
