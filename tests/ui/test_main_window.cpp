// The main window against a real server: as-you-type search, Ctrl+F, the newest query winning,
// menus by role, the status bar and the keychain notice.

#include "AuditViewer.h"
#include "ConsoleHarness.h"
#include "CredentialStore.h"
#include "LoginDialog.h"
#include "MainWindow.h"
#include "ProfileTableModel.h"
#include "TestServer.h"

#include <QAction>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableView>
#include <QTest>

using namespace vigil;
using namespace vigil::test;

class TestMainWindow : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY2(!TestServer::binary().isEmpty(), "VIGIL_SERVER_BIN is not set");
        QString error;
        QVERIFY2(m_server.createDemo(m_dir.filePath(QStringLiteral("data")), 40, &error), qPrintable(error));
        QVERIFY2(m_server.start(&error), qPrintable(error));
    }

    void cleanupTestCase() { m_server.stop(); }

    void searchAsYouType()
    {
        ConsoleHarness console(m_server);
        MainWindow *window = console.signIn(QStringLiteral("tech1"));
        QVERIFY(window);
        QLineEdit *box = window->searchBox();
        QTest::keyClicks(box, QStringLiteral("Jon Silvr"));
        QTRY_VERIFY_WITH_TIMEOUT(window->resultsModel()->rowCount() > 0, 15000);
        ProfileTableModel *model = window->resultsModel();
        QCOMPARE(model->profileAt(0).displayName, QStringLiteral("John P. Silver"));
        // Masked hints only.
        const QString email = model->data(model->index(0, ProfileTableModel::Email)).toString();
        QVERIFY2(email.contains(QStringLiteral("***")), qPrintable(email));
        QCOMPARE(model->data(model->index(0, ProfileTableModel::SecretSet)).toString(),
                 QStringLiteral("Yes"));
        QVERIFY(window->verifyButton()->isEnabled()); // the first result is selected
    }

    void newestQueryWins()
    {
        ConsoleHarness console(m_server);
        MainWindow *window = console.signIn(QStringLiteral("tech1"));
        QVERIFY(window);
        const QString other = m_server.displayNameOf(QStringLiteral("2"));
        QTest::keyClicks(window->searchBox(), QStringLiteral("Jon Silvr"));
        QTRY_VERIFY_WITH_TIMEOUT(window->resultsModel()->rowCount() > 0, 15000);
        // Replace the query while results for the old one may still be on their way.
        window->searchBox()->clear();
        QTest::keyClicks(window->searchBox(), other);
        QTRY_VERIFY_WITH_TIMEOUT(window->resultsModel()->rowCount() > 0
                                         && window->resultsModel()->profileAt(0).displayName == other,
                                 15000);
        window->searchBox()->clear();
        QTRY_COMPARE(window->resultsModel()->rowCount(), 0);
    }

    void ctrlFFocusesSearch()
    {
        ConsoleHarness console(m_server);
        MainWindow *window = console.signIn(QStringLiteral("tech1"));
        QVERIFY(window);
        window->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(window));
        window->resultsView()->setFocus();
        QTRY_VERIFY(window->resultsView()->hasFocus());
        QTest::keyClick(window, Qt::Key_F, Qt::ControlModifier);
        QTRY_VERIFY(window->searchBox()->hasFocus());
    }

    void auditLogOnlyForAuditorsAndSupervisors()
    {
        {
            ConsoleHarness console(m_server);
            MainWindow *window = console.signIn(QStringLiteral("tech1"));
            QVERIFY(window);
            QVERIFY(!window->auditAction()->isVisible());
        }
        {
            ConsoleHarness console(m_server);
            MainWindow *window = console.signIn(QStringLiteral("super1"));
            QVERIFY(window);
            QVERIFY(window->auditAction()->isVisible());
            window->auditAction()->trigger();
            QTRY_VERIFY(window->findChild<AuditViewer *>() != nullptr);
            QVERIFY(window->findChild<AuditViewer *>()->isWindow());
        }
    }

    void statusBarAndKeychainNotice()
    {
        ConsoleHarness console(m_server);
        MainWindow *window = console.signIn(QStringLiteral("tech1"));
        QVERIFY(window);
        const QString agent = window->findChild<QLabel *>(QStringLiteral("agentLabel"))->text();
        QVERIFY2(agent.contains(QStringLiteral("tech1")), qPrintable(agent));
        const QString server = window->findChild<QLabel *>(QStringLiteral("serverLabel"))->text();
        QVERIFY2(server.contains(console.serverUrl().toString()), qPrintable(server));
        // The offscreen test run has no keychain: the token stays in memory, and the window says so.
        QTRY_VERIFY_WITH_TIMEOUT(console.controller()->credentials()->memoryOnly()
                                         == !window->keychainNotice().isEmpty(),
                                 15000);
        if (console.controller()->credentials()->memoryOnly())
            QCOMPARE(window->keychainNotice(),
                     QStringLiteral(
                             "No keychain available: you will need to sign in again after closing Vigil"));
    }

    void signOutReturnsToLogin()
    {
        ConsoleHarness console(m_server);
        MainWindow *window = console.signIn(QStringLiteral("tech1"));
        QVERIFY(window);
        emit window->signOutRequested();
        QTRY_VERIFY(console.controller()->mainWindow() == nullptr);
        QVERIFY(console.controller()->loginDialog() && console.controller()->loginDialog()->isVisible());
        QVERIFY(!console.controller()->isSignedIn());
    }

private:
    QTemporaryDir m_dir;
    TestServer m_server;
};

QTEST_MAIN(TestMainWindow)
#include "test_main_window.moc"
