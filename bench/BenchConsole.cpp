#include "BenchConsole.h"

#include "BenchBackend.h"
#include "CredentialStore.h"
#include "LoginDialog.h"
#include "MainWindow.h"
#include "ProfileTableModel.h"

#include <QItemSelectionModel>
#include <QLineEdit>
#include <QTableView>

#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

namespace vigil::bench {

BenchConsole::BenchConsole(const BenchBackend &backend)
    : m_backend(backend)
    , m_harness(backend.server())
{
}

MainWindow *BenchConsole::signIn(const QString &username, QString *error)
{
    m_harness.pin();
    if (!m_harness.fillLogin(username, m_backend.password(username))) {
        *error = QStringLiteral("the sign-in window did not appear");
        return nullptr;
    }
    ConsoleController *controller = m_harness.controller();
    // The token goes to the keychain after sign-in; a QtKeychain 0.13 job destroyed mid-flight
    // crashes, so nothing may end before the store has answered.
    QSignalSpy stored(controller->credentials(), &CredentialStore::stored);
    QTest::mouseClick(controller->loginDialog()->findChild<QPushButton *>(QStringLiteral("signInButton")),
                      Qt::LeftButton);
    if (!QTest::qWaitFor([controller] { return controller->mainWindow() != nullptr; }, 30000)) {
        *error = QStringLiteral("no main window 30 s after signing in as %1").arg(username);
        return nullptr;
    }
    if (!QTest::qWaitFor([&stored] { return stored.count() > 0; }, 30000)) {
        *error = QStringLiteral("the credential store never answered");
        return nullptr;
    }
    MainWindow *window = controller->mainWindow();
    if (!QTest::qWaitForWindowExposed(window)) {
        *error = QStringLiteral("the main window was never exposed");
        return nullptr;
    }
    return window;
}

QString BenchConsole::search(const QString &text, int timeoutMs)
{
    MainWindow *window = m_harness.controller()->mainWindow();
    if (!window)
        return {};
    window->searchBox()->setFocus();
    QTest::keyClicks(window->searchBox(), text);
    const auto selected = [window] {
        return window->resultsView()->selectionModel()->selectedRows();
    };
    if (!QTest::qWaitFor([&selected] { return !selected().isEmpty(); }, timeoutMs))
        return {};
    return window->resultsModel()->profileAt(selected().first().row()).displayName;
}

} // namespace vigil::bench
