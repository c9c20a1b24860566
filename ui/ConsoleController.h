#pragma once

#include "ApiModels.h"
#include "PolicyCache.h"

#include "BackendClient.h"
#include <QFutureWatcher>
#include <QObject>

#include <QPointer>
#include <QUrl>
#include <memory>
#include <optional>

class QTimer;

namespace vigil {

class BackendClient;
class CredentialStore;
class EnforcedSettingsSource;
class LanguageManager;
class LoginDialog;
class MainWindow;
class SecondFactorGate;
class SettingsResolver;

// The console's application object: owns the one BackendClient, SettingsResolver, CredentialStore
// and PolicyCache, drives sign-in → main window → sign-out, and watches reachability. While the
// server is away it polls /v1/health (asynchronously) and the main window shows the cached policy
// read-only; it comes back by itself.
class ConsoleController : public QObject
{
    Q_OBJECT
public:
    // settingsFile: the user settings INI; dataDir: where the policy cache lives.
    ConsoleController(std::unique_ptr<EnforcedSettingsSource> enforced, const QString &settingsFile,
                      const QString &dataDir, QObject *parent = nullptr);
    ~ConsoleController() override;

    // VIGIL_SETTINGS_DIR when set, else the platform's per-user config / app data folder.
    static QString defaultSettingsFile();
    static QString defaultDataDir();

    // --server: used instead of the stored URL unless IT enforces one.
    void setServerOverride(const QUrl &server);
    // --pin: trust this fingerprint for `server`, as if confirmed in the trust question.
    bool trustFingerprint(const QUrl &server, const QString &fingerprint);
    // Health poll intervals, in ms (tests shorten them).
    void setReconnectInterval(int milliseconds);
    void setHeartbeatInterval(int milliseconds);

    // Shows the sign-in window.
    void start();
    void signOut();

    BackendClient *client() const { return m_client; }
    SettingsResolver *settings() const { return m_settings; }
    CredentialStore *credentials() const { return m_credentials; }
    LanguageManager *languages() const { return m_languages; }
    // The signed-in agent's own second factor for this session (supervisors' decisions need it).
    SecondFactorGate *secondFactor() const { return m_secondFactor; }
    const AgentInfo &agent() const { return m_agent; }
    bool isSignedIn() const { return !m_agent.username.isEmpty(); }
    bool isOnline() const { return m_online; }
    const std::optional<PolicyCache::Entry> &cachedPolicy() const { return m_policy; }
    QString policyPath() const;

    LoginDialog *loginDialog() const;
    MainWindow *mainWindow() const;

signals:
    void signedIn();
    void signedOut();
    void onlineChanged(bool online);
    void policyChanged();

private:
    void onSignedIn(const LoginResult &result);
    void onSessionExpired();
    void setOnline(bool online);
    void pollHealth();
    void updateHealthTimer();
    void fetchPolicy();
    void loadCachedPolicy();
    void storePolicy(const SignedPolicy &signedPolicy);
    void showLogin(const QString &message);
    QString credentialAccount() const;

    BackendClient *m_client = nullptr;
    SettingsResolver *m_settings = nullptr;
    CredentialStore *m_credentials = nullptr;
    LanguageManager *m_languages = nullptr;
    SecondFactorGate *m_secondFactor = nullptr;
    std::unique_ptr<PolicyCache> m_policyCache;
    QFutureWatcher<std::optional<PolicyCache::Entry>> m_policyWatcher;
    std::optional<PolicyCache::Entry> m_policy;
    QTimer *m_healthTimer = nullptr;
    bool m_healthInFlight = false;
    QPointer<BackendReply> m_healthReply;
    int m_reconnectInterval = 3000;
    int m_heartbeatInterval = 15000;
    bool m_online = true;
    QUrl m_serverOverride;
    AgentInfo m_agent;
    QPointer<LoginDialog> m_login;
    QPointer<MainWindow> m_mainWindow;
};

} // namespace vigil
