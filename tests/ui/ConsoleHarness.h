#pragma once

// Shared by the GUI tests: a fresh ConsoleController with its own settings folder, pointed at a
// TestServer, and the few steps every test needs (sign in, search, start a verification).

#include "ApiModels.h"
#include "ConsoleController.h"
#include "SettingsResolver.h"

#include <QJsonObject>
#include <QTemporaryDir>
#include <QUrl>
#include <memory>

class QLineEdit;

namespace vigil {
class MainWindow;
}

namespace vigil::test {

class TestServer;

class ConsoleHarness
{
public:
    explicit ConsoleHarness(const TestServer &server,
                            std::unique_ptr<EnforcedSettingsSource> enforced = nullptr);
    ~ConsoleHarness();

    ConsoleController *controller() const { return m_controller.get(); }
    QUrl serverUrl() const { return m_url; }
    QString settingsDir() const { return m_dir.path(); }

    // Remembers the server's real fingerprint, so no trust question comes up.
    void pin();
    // Shows the login window and fills it in; returns false if the window is not there.
    bool fillLogin(const QString &username, const QString &password);
    // pin + fillLogin + click "Sign in"; waits for the main window (nullptr on failure).
    MainWindow *signIn(const QString &username);
    // Types `text` into the search box and waits for a result named `expectedName` to be selected.
    bool search(const QString &text, const QString &expectedName);
    // Fills the verification form from `answers` (field → text); `wrong` types wrong answers.
    bool fillAnswers(const QJsonObject &answers, bool wrong = false);

private:
    const TestServer &m_server;
    QTemporaryDir m_dir;
    QUrl m_url;
    std::unique_ptr<ConsoleController> m_controller;
};

} // namespace vigil::test
