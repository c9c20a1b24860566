#include "ConsoleHarness.h"

#include "BackendClient.h"
#include "CredentialStore.h"
#include "LoginDialog.h"
#include "MainWindow.h"
#include "ProfileTableModel.h"
#include "SettingsResolver.h"
#include "TestServer.h"
#include "VerificationPanel.h"

#include <QItemSelectionModel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>

namespace vigil::test {

namespace {
class NoEnforcedSettings : public EnforcedSettingsSource
{
public:
    QVariant value(const QString &) const override { return {}; }
};
} // namespace

ConsoleHarness::ConsoleHarness(const TestServer &server, std::unique_ptr<EnforcedSettingsSource> enforced)
    : m_server(server)
    , m_url(QStringLiteral("https://127.0.0.1:%1").arg(server.port()))
{
    if (!enforced)
        enforced = std::make_unique<NoEnforcedSettings>();
    m_controller = std::make_unique<ConsoleController>(
            std::move(enforced), m_dir.filePath(QStringLiteral("vigil.ini")), m_dir.path());
    m_controller->setServerOverride(m_url);
    m_controller->setReconnectInterval(300);
    m_controller->setHeartbeatInterval(500);
}

ConsoleHarness::~ConsoleHarness() = default;

void ConsoleHarness::pin()
{
    m_controller->trustFingerprint(m_url, BackendClient::formatFingerprint(m_server.client().fingerprint()));
}

bool ConsoleHarness::fillLogin(const QString &username, const QString &password)
{
    if (!m_controller->loginDialog())
        m_controller->start();
    LoginDialog *login = m_controller->loginDialog();
    if (!login || !QTest::qWaitForWindowExposed(login))
        return false;
    login->findChild<QLineEdit *>(QStringLiteral("serverEdit"))->setText(m_url.toString());
    login->findChild<QLineEdit *>(QStringLiteral("usernameEdit"))->setText(username);
    auto *password_ = login->findChild<QLineEdit *>(QStringLiteral("passwordEdit"));
    password_->clear();
    QTest::keyClicks(password_, password);
    return true;
}

MainWindow *ConsoleHarness::signIn(const QString &username)
{
    pin();
    if (!fillLogin(username, m_server.password(username)))
        return nullptr;
    // The token goes to the keychain after sign-in. A QtKeychain 0.13 job destroyed mid-flight
    // crashes, so a test must not end (and destroy the controller) before the store has answered.
    QSignalSpy stored(m_controller->credentials(), &CredentialStore::stored);
    QTest::mouseClick(m_controller->loginDialog()->findChild<QPushButton *>(QStringLiteral("signInButton")),
                      Qt::LeftButton);
    if (!QTest::qWaitFor([this] { return m_controller->mainWindow() != nullptr; }, 30000))
        return nullptr;
    if (!QTest::qWaitFor([&stored] { return stored.count() > 0; }, 30000))
        return nullptr;
    MainWindow *window = m_controller->mainWindow();
    return QTest::qWaitForWindowExposed(window) ? window : nullptr;
}

bool ConsoleHarness::search(const QString &text, const QString &expectedName)
{
    MainWindow *window = m_controller->mainWindow();
    if (!window)
        return false;
    QTest::keyClick(window, Qt::Key_F, Qt::ControlModifier);
    QLineEdit *box = window->searchBox();
    box->selectAll();
    QTest::keyClicks(box, text);
    return QTest::qWaitFor(
            [window, expectedName] {
                const auto rows = window->resultsView()->selectionModel()->selectedRows();
                return !rows.isEmpty()
                        && window->resultsModel()->profileAt(rows.first().row()).displayName == expectedName;
            },
            20000);
}

bool ConsoleHarness::fillAnswers(const QJsonObject &answers, bool wrong)
{
    VerificationPanel *panel = m_controller->mainWindow()->verificationPanel();
    if (panel->state() != VerificationPanel::State::Questions)
        return false;
    for (const QString &field : panel->askedFields()) {
        QLineEdit *edit = panel->answerField(field);
        edit->clear();
        QTest::keyClicks(edit, wrong ? QStringLiteral("certainly wrong") : answers.value(field).toString());
    }
    return true;
}

} // namespace vigil::test
