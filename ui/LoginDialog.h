#pragma once

#include "PolicyCache.h"

#include "ApiModels.h"

#include <QDialog>
#include <QPointer>
#include <QUrl>

class QLabel;
class QLineEdit;
class QPushButton;

namespace vigil {

class OfflineBanner;

class BackendClient;
class BackendReply;
class SettingsResolver;

// Sign-in: server URL, user name, password. The call is asynchronous; an unknown server
// certificate is offered for trust-on-first-use (through DialogSeam, so tests can answer it),
// a changed one is refused. When IT enforces the pin, nothing is offered: anything else is refused.
// When a setting IT enforces is invalid, it says which and connects to nothing.
class LoginDialog : public QDialog
{
    Q_OBJECT
public:
    LoginDialog(BackendClient *client, SettingsResolver *settings, QWidget *parent = nullptr);
    ~LoginDialog() override;

    void setServerUrl(const QString &url);
    void setUsername(const QString &username);
    // A line above the form (e.g. "your session has ended"); empty hides it.
    void setMessage(const QString &message);
    QString errorText() const;
    // Offline: shows the cached policy read-only above the form (the server cannot be reached).
    void setOffline(bool offline, const std::optional<PolicyCache::Entry> &policy);
    OfflineBanner *offlineBanner() const { return m_offline; }
    bool isBusy() const { return !m_reply.isNull(); }

signals:
    void signedIn(const LoginResult &result);
    // Emitted before a sign-in request goes out (the controller cancels its own probes first).
    void submitting();

protected:
    void changeEvent(QEvent *event) override;
    void reject() override;

private:
    OfflineBanner *m_offline = nullptr;
    void retranslateUi();
    void submit();
    void onReplyFinished(BackendReply *reply);
    void askTrust(const QByteArray &fingerprint);
    void showError(const QString &text);
    void setBusy(bool busy);
    QString pinText() const;
    // Shows why sign-in is refused while IT's enforced settings are invalid; true if it is.
    bool refuseInvalidPolicy();

    BackendClient *m_client;
    SettingsResolver *m_settings;
    QPointer<BackendReply> m_reply;
    QUrl m_server;
    bool m_policyRefused = false;
    QLabel *m_title = nullptr;
    QLabel *m_intro = nullptr;
    QLabel *m_message = nullptr;
    QLabel *m_serverLabel = nullptr;
    QLabel *m_userLabel = nullptr;
    QLabel *m_passwordLabel = nullptr;
    QLineEdit *m_serverEdit = nullptr;
    QLineEdit *m_userEdit = nullptr;
    QLineEdit *m_passwordEdit = nullptr;
    QLabel *m_error = nullptr;
    QLabel *m_progress = nullptr;
    QPushButton *m_signInButton = nullptr;
    QPushButton *m_cancelButton = nullptr;
};

} // namespace vigil
