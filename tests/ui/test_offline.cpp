// Offline while running: the server stops, the banner shows the cached policy and every control
// that needs the server is disabled; when the server is back on the same port, the console
// reconnects by itself.

#include "ConsoleController.h"
#include "ConsoleHarness.h"
#include "LoginDialog.h"
#include "MainWindow.h"
#include "OfflineBanner.h"
#include "SettingsResolver.h"
#include "TestServer.h"
#include "VerificationPanel.h"

#include <QAction>
#include <QLineEdit>
#include <QPushButton>
#include <QTableView>
#include <QTest>

using namespace vigil;
using namespace vigil::test;

class TestOffline : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY2(!TestServer::binary().isEmpty(), "VIGIL_SERVER_BIN is not set");
        QString error;
        QVERIFY2(m_server.createDemo(m_dir.filePath(QStringLiteral("data")), 10, &error), qPrintable(error));
        QVERIFY2(m_server.start(&error), qPrintable(error));
    }

    void cleanupTestCase() { m_server.stop(); }

    void bannerWhileOfflineAndReconnect()
    {
        ConsoleHarness console(m_server);
        MainWindow *window = console.signIn(QStringLiteral("super1"));
        QVERIFY(window);
        // The policy is fetched and cached after sign-in (on a worker thread).
        QTRY_VERIFY_WITH_TIMEOUT(console.controller()->cachedPolicy().has_value(), 15000);
        QVERIFY(console.search(QStringLiteral("Jon Silvr"), QStringLiteral("John P. Silver")));
        QVERIFY(!window->offlineBanner()->isVisible());

        QCOMPARE(m_server.stop(), 0);
        QTRY_VERIFY_WITH_TIMEOUT(window->offlineBanner()->isVisible(), 15000);
        QVERIFY(!console.controller()->isOnline());
        QCOMPARE(window->offlineBanner()->message(),
                 QStringLiteral("Offline — showing the cached policy read-only; reconnecting…"));
        const QString summary = window->offlineBanner()->policySummary();
        QVERIFY2(summary.contains(QStringLiteral("3 question")), qPrintable(summary));
        QVERIFY(!window->searchBox()->isEnabled());
        QVERIFY(!window->resultsView()->isEnabled());
        QVERIFY(!window->verifyButton()->isEnabled());
        QVERIFY(!window->auditAction()->isEnabled());
        window->verifySelected(); // refused while offline
        QCOMPARE(window->verificationPanel()->state(), VerificationPanel::State::Idle);

        QString error;
        QVERIFY2(m_server.restartOnSamePort(&error), qPrintable(error));
        QTRY_VERIFY_WITH_TIMEOUT(!window->offlineBanner()->isVisible(), 15000);
        QVERIFY(console.controller()->isOnline());
        QVERIFY(window->searchBox()->isEnabled());
        QVERIFY(window->verifyButton()->isEnabled());
        // And the server is really usable again with the same session.
        window->verifyButton()->click();
        QTRY_COMPARE_WITH_TIMEOUT(window->verificationPanel()->state(), VerificationPanel::State::Questions,
                                  15000);
    }

    void offlineStartShowsCachedPolicy()
    {
        // A first session caches the signed policy, then signs out.
        ConsoleHarness console(m_server);
        QVERIFY(console.signIn(QStringLiteral("tech1")));
        QTRY_VERIFY_WITH_TIMEOUT(console.controller()->cachedPolicy().has_value(), 15000);
        console.controller()->signOut();
        QCOMPARE(m_server.stop(), 0);

        // The console starts again, with the same settings and cache, while the server is down.
        ConsoleController restarted(std::make_unique<IniEnforcedSettingsSource>(
                                            console.settingsDir() + QStringLiteral("/none.conf")),
                                    console.settingsDir() + QStringLiteral("/vigil.ini"),
                                    console.settingsDir());
        restarted.setServerOverride(console.serverUrl());
        restarted.setReconnectInterval(300);
        restarted.start();
        QTRY_VERIFY_WITH_TIMEOUT(
                restarted.loginDialog() && restarted.loginDialog()->offlineBanner()->isVisible(), 15000);
        QTRY_VERIFY_WITH_TIMEOUT(restarted.loginDialog()->offlineBanner()->policySummary().contains(
                                         QStringLiteral("3 question")),
                                 15000);
        QVERIFY(!restarted.isOnline());

        // The server returns: the notice goes away by itself.
        QString error;
        QVERIFY2(m_server.restartOnSamePort(&error), qPrintable(error));
        QTRY_VERIFY_WITH_TIMEOUT(!restarted.loginDialog()->offlineBanner()->isVisible(), 15000);
        QVERIFY(restarted.isOnline());
    }

private:
    QTemporaryDir m_dir;
    TestServer m_server;
};

QTEST_MAIN(TestOffline)
#include "test_offline.moc"
