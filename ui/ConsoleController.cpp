#include "ConsoleController.h"

#include "BackendClient.h"
#include "CredentialStore.h"
#include "LanguageManager.h"
#include "LoginDialog.h"
#include "MainWindow.h"
#include "SecondFactorGate.h"
#include "SettingsResolver.h"

#include <QDir>
#include <QLoggingCategory>
#include <QStandardPaths>
#include <QTimer>
#include <QtConcurrent/QtConcurrentRun>

Q_LOGGING_CATEGORY(lcConsole, "vigil.ui.console")

// The icons live in the static vigil-ui library; its resources must be registered by hand.
static void initUiResources()
{
    Q_INIT_RESOURCE(vigil);
}

namespace vigil {

ConsoleController::ConsoleController(std::unique_ptr<EnforcedSettingsSource> enforced,
                                     const QString &settingsFile, const QString &dataDir, QObject *parent)
    : QObject(parent)
    , m_client(new BackendClient(this))
    , m_settings(new SettingsResolver(std::move(enforced), settingsFile, this))
    , m_credentials(new CredentialStore(QStringLiteral("Vigil"), this))
    , m_languages(new LanguageManager(this))
    , m_secondFactor(new SecondFactorGate(m_client, this))
    , m_policyCache(
              std::make_unique<PolicyCache>(QDir(dataDir).filePath(QStringLiteral("policy-cache.sqlite"))))
    , m_healthTimer(new QTimer(this))
{
    initUiResources();
    QDir().mkpath(dataDir);
    m_client->setTimeout(10000);
    connect(m_client, &BackendClient::onlineChanged, this, &ConsoleController::setOnline);
    connect(m_client, &BackendClient::sessionExpired, this, &ConsoleController::onSessionExpired);
    connect(m_healthTimer, &QTimer::timeout, this, &ConsoleController::pollHealth);
    connect(&m_policyWatcher, &QFutureWatcher<std::optional<PolicyCache::Entry>>::finished, this, [this] {
        const auto entry = m_policyWatcher.result();
        if (entry) {
            m_policy = entry;
            if (m_login)
                m_login->setOffline(!m_online, m_policy);
            emit policyChanged();
        }
    });
    connect(m_credentials, &CredentialStore::stored, this, [this](bool inKeychain) {
        if (m_mainWindow)
            m_mainWindow->setKeychainNotice(!inKeychain);
    });
}

ConsoleController::~ConsoleController()
{
    // A policy job still running holds only copies, but its result must not land on a dead object.
    m_policyWatcher.disconnect(this);
    m_policyWatcher.waitForFinished();
    delete m_mainWindow;
    delete m_login;
}

QString ConsoleController::defaultSettingsFile()
{
    const QString overrideDir = qEnvironmentVariable("VIGIL_SETTINGS_DIR");
    const QString dir = overrideDir.isEmpty()
            ? QStandardPaths::writableLocation(QStandardPaths::AppConfigLocation)
            : overrideDir;
    return QDir(dir).filePath(QStringLiteral("vigil.ini"));
}

QString ConsoleController::defaultDataDir()
{
    const QString overrideDir = qEnvironmentVariable("VIGIL_SETTINGS_DIR");
    return overrideDir.isEmpty() ? QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)
                                 : overrideDir;
}

void ConsoleController::setServerOverride(const QUrl &server)
{
    m_serverOverride = server;
}

bool ConsoleController::trustFingerprint(const QUrl &server, const QString &fingerprint)
{
    const QByteArray raw = BackendClient::parseFingerprint(fingerprint);
    if (raw.isEmpty() || m_settings->isEnforced(SettingsResolver::ServerPin))
        return false;
    m_settings->rememberPin(server, BackendClient::formatFingerprint(raw));
    return true;
}

void ConsoleController::setReconnectInterval(int milliseconds)
{
    m_reconnectInterval = milliseconds;
    updateHealthTimer();
}

void ConsoleController::setHeartbeatInterval(int milliseconds)
{
    m_heartbeatInterval = milliseconds;
    updateHealthTimer();
}

LoginDialog *ConsoleController::loginDialog() const
{
    return m_login;
}

MainWindow *ConsoleController::mainWindow() const
{
    return m_mainWindow;
}

QString ConsoleController::policyPath() const
{
    return m_policyCache->path();
}

void ConsoleController::start()
{
    // --lang may have chosen already; otherwise the setting, or "" for the system language.
    if (m_languages->current().isEmpty())
        m_languages->apply(m_settings->value(SettingsResolver::Language).toString());
    loadCachedPolicy();
    showLogin({});
    // Find out at once whether the server is there: offline, the sign-in window shows the cached
    // policy read-only and keeps trying.
    QString server = m_settings->value(SettingsResolver::ServerUrl).toString();
    if (m_serverOverride.isValid() && !m_settings->isEnforced(SettingsResolver::ServerUrl))
        server = m_serverOverride.toString();
    // Only a server trusted before is probed (a first contact is the sign-in window's trust question),
    // and none while IT's enforced settings are invalid (the sign-in window says why).
    const QUrl url(server);
    const QByteArray pin = BackendClient::parseFingerprint(m_settings->pinFor(url));
    if (url.isValid() && !pin.isEmpty() && m_client->token().isEmpty()
        && m_settings->connectionBlockers().isEmpty()) {
        m_client->setServer(url);
        m_client->setPinnedFingerprint(pin);
        pollHealth();
    }
}

void ConsoleController::showLogin(const QString &message)
{
    if (!m_login) {
        m_login = new LoginDialog(m_client, m_settings);
        m_login->setAttribute(Qt::WA_DeleteOnClose);
        connect(m_login, &LoginDialog::signedIn, this, &ConsoleController::onSignedIn);
        // A probe still on the wire would share its connection with the sign-in request, and a
        // certificate refusal on one would fail the other; the sign-in answers reachability itself.
        connect(m_login, &LoginDialog::submitting, this, [this] {
            if (m_healthReply)
                m_healthReply->abort();
        });
    }
    QString server = m_settings->value(SettingsResolver::ServerUrl).toString();
    if (m_serverOverride.isValid() && !m_settings->isEnforced(SettingsResolver::ServerUrl))
        server = m_serverOverride.toString();
    m_login->setServerUrl(server);
    if (!m_agent.username.isEmpty())
        m_login->setUsername(m_agent.username);
    m_login->setMessage(message);
    m_login->show();
    m_login->raise();
    m_login->activateWindow();
}

void ConsoleController::onSignedIn(const LoginResult &result)
{
    m_agent = result.agent;
    m_client->setToken(result.token);
    m_secondFactor->setState(result.secondFactor, result.agent.secondFactorEnrolled);
    // Remembered only when it differs: storing IT's default server would pin this seat to it.
    const auto serverSetting = m_settings->resolve(SettingsResolver::ServerUrl);
    const QUrl configured = QUrl(serverSetting.value.toString()).adjusted(QUrl::StripTrailingSlash);
    if (!serverSetting.enforced() && configured != m_client->server())
        m_settings->setUserValue(SettingsResolver::ServerUrl, m_client->server().toString());
    m_credentials->store(credentialAccount(), result.token);
    qCInfo(lcConsole) << "signed in as" << m_agent.username << "to" << m_client->server().toString();

    if (m_login) {
        m_login->disconnect(this);
        m_login->close();
    }
    delete m_mainWindow;
    m_mainWindow = new MainWindow(this);
    m_mainWindow->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_mainWindow, &MainWindow::signOutRequested, this, &ConsoleController::signOut);
    m_mainWindow->setKeychainNotice(m_credentials->memoryOnly());
    m_mainWindow->show();

    m_online = true;
    updateHealthTimer();
    fetchPolicy();
    emit signedIn();
}

void ConsoleController::signOut()
{
    if (!isSignedIn())
        return;
    // Best effort: the server forgets the session; offline, the token simply expires there.
    m_client->logout();
    m_client->setToken({});
    m_credentials->remove(credentialAccount());
    qCInfo(lcConsole) << "signed out" << m_agent.username;
    if (m_mainWindow) {
        m_mainWindow->disconnect(this);
        m_mainWindow->setAttribute(Qt::WA_DeleteOnClose, false);
        m_mainWindow->close();
        m_mainWindow->deleteLater();
        m_mainWindow = nullptr;
    }
    const QString username = m_agent.username;
    m_agent = {};
    m_secondFactor->setState(false, false);
    updateHealthTimer();
    emit signedOut();
    showLogin({});
    m_login->setUsername(username);
}

void ConsoleController::onSessionExpired()
{
    if (!isSignedIn())
        return;
    signOut();
    if (m_login)
        m_login->setMessage(tr("Your session has ended. Please sign in again."));
}

void ConsoleController::setOnline(bool online)
{
    if (m_online == online)
        return;
    m_online = online;
    qCInfo(lcConsole) << (online ? "server reachable again" : "server unreachable: offline mode");
    updateHealthTimer();
    if (m_mainWindow)
        m_mainWindow->setOnline(online);
    if (m_login)
        m_login->setOffline(!online, m_policy);
    if (online && isSignedIn())
        fetchPolicy();
    emit onlineChanged(online);
}

void ConsoleController::updateHealthTimer()
{
    // Signed out, the server is only polled while it is unreachable (to lift the offline notice).
    if (!isSignedIn() && m_online) {
        m_healthTimer->stop();
        return;
    }
    const int interval = m_online ? m_heartbeatInterval : m_reconnectInterval;
    if (m_healthTimer->interval() != interval || !m_healthTimer->isActive())
        m_healthTimer->start(interval);
}

void ConsoleController::pollHealth()
{
    if (m_healthInFlight)
        return;
    m_healthInFlight = true;
    BackendReply *reply = m_client->health();
    m_healthReply = reply;
    connect(reply, &BackendReply::finished, this, [this, reply] {
        m_healthInFlight = false;
        const auto error = reply->error();
        if (error == BackendReply::Error::Aborted)
            return;
        // BackendClient reports reachability too; this keeps the two in step if it did not change.
        setOnline(error != BackendReply::Error::Network && error != BackendReply::Error::Timeout);
    });
}

void ConsoleController::fetchPolicy()
{
    BackendReply *reply = m_client->fetchPolicy();
    connect(reply, &BackendReply::finished, this, [this, reply] {
        if (!reply->ok()) {
            qCWarning(lcConsole) << "policy fetch failed:" << reply->error() << reply->errorCode();
            return;
        }
        const auto signedPolicy = SignedPolicy::parse(reply->json());
        if (!signedPolicy) {
            qCWarning(lcConsole) << "policy reply malformed";
            return;
        }
        storePolicy(*signedPolicy);
    });
}

void ConsoleController::storePolicy(const SignedPolicy &signedPolicy)
{
    const auto keySetting = m_settings->resolve(SettingsResolver::PolicyKey);
    QByteArray trustedKey = QByteArray::fromBase64(keySetting.value.toString().toLatin1());
    if (trustedKey.isEmpty() && !keySetting.enforced()) {
        // First use: the TLS pin already vouches for this server, so its policy key is trusted too.
        trustedKey = signedPolicy.publicKey;
        m_settings->setUserValue(SettingsResolver::PolicyKey, QString::fromLatin1(trustedKey.toBase64()));
    }
    if (trustedKey != signedPolicy.publicKey) {
        qCWarning(lcConsole) << "policy signed by an unexpected key: not cached";
        return;
    }
    // SQLite and the signature check run on a worker thread, never on the GUI thread.
    m_policyWatcher.setFuture(QtConcurrent::run([cache = *m_policyCache, signedPolicy,
                                                 trustedKey]() mutable -> std::optional<PolicyCache::Entry> {
        QString error;
        if (!cache.save(signedPolicy.policyBytes, signedPolicy.signature, trustedKey, &error)) {
            qCWarning(lcConsole) << "policy not cached:" << error;
            return std::nullopt;
        }
        return cache.load(trustedKey, &error);
    }));
}

void ConsoleController::loadCachedPolicy()
{
    const QByteArray trustedKey =
            QByteArray::fromBase64(m_settings->value(SettingsResolver::PolicyKey).toString().toLatin1());
    if (trustedKey.isEmpty() || m_policyWatcher.isRunning())
        return;
    m_policyWatcher.setFuture(
            QtConcurrent::run([cache = *m_policyCache, trustedKey]() -> std::optional<PolicyCache::Entry> {
                QString error;
                auto entry = cache.load(trustedKey, &error);
                if (!entry)
                    qCInfo(lcConsole) << "no usable cached policy:" << error;
                return entry;
            }));
}

QString ConsoleController::credentialAccount() const
{
    return m_agent.username + QLatin1Char('@') + m_client->server().toString(QUrl::RemoveUserInfo);
}

} // namespace vigil
