#include "LoginDialog.h"

#include "BackendClient.h"
#include "DialogSeam.h"
#include "SettingsResolver.h"

#include <QDialogButtonBox>
#include <QEvent>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

#include "OfflineBanner.h"

namespace vigil {

LoginDialog::LoginDialog(BackendClient *client, SettingsResolver *settings, QWidget *parent)
    : QDialog(parent)
    , m_client(client)
    , m_settings(settings)
{
    setObjectName(QStringLiteral("loginDialog"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/vigil.svg")));
    setMinimumWidth(460);

    m_title = new QLabel(this);
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.4);
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_intro = new QLabel(this);
    m_intro->setWordWrap(true);
    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("loginMessage"));
    m_message->setWordWrap(true);
    m_message->setVisible(false);

    m_serverEdit = new QLineEdit(this);
    m_serverEdit->setObjectName(QStringLiteral("serverEdit"));
    m_serverEdit->setPlaceholderText(QStringLiteral("https://vigil.example:8443"));
    m_userEdit = new QLineEdit(this);
    m_userEdit->setObjectName(QStringLiteral("usernameEdit"));
    m_passwordEdit = new QLineEdit(this);
    m_passwordEdit->setObjectName(QStringLiteral("passwordEdit"));
    m_passwordEdit->setEchoMode(QLineEdit::Password);

    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    form->setRowWrapPolicy(QFormLayout::DontWrapRows);
    m_serverLabel = new QLabel(this);
    m_userLabel = new QLabel(this);
    m_passwordLabel = new QLabel(this);
    m_serverLabel->setBuddy(m_serverEdit);
    m_userLabel->setBuddy(m_userEdit);
    m_passwordLabel->setBuddy(m_passwordEdit);
    form->addRow(m_serverLabel, m_serverEdit);
    form->addRow(m_userLabel, m_userEdit);
    form->addRow(m_passwordLabel, m_passwordEdit);

    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("loginError"));
    m_error->setWordWrap(true);
    m_error->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_error->setStyleSheet(QStringLiteral("QLabel { color: #a4262c; background: #fde7e9; border: 1px solid "
                                          "#e8a0a5; border-radius: 4px; padding: 6px; }"));
    m_error->setVisible(false);
    m_progress = new QLabel(this);
    m_progress->setVisible(false);

    auto *buttons = new QDialogButtonBox(this);
    m_signInButton = buttons->addButton(QString(), QDialogButtonBox::AcceptRole);
    m_signInButton->setObjectName(QStringLiteral("signInButton"));
    m_signInButton->setDefault(true);
    m_cancelButton = buttons->addButton(QString(), QDialogButtonBox::RejectRole);
    m_cancelButton->setObjectName(QStringLiteral("quitButton"));
    connect(m_signInButton, &QPushButton::clicked, this, &LoginDialog::submit);
    connect(m_cancelButton, &QPushButton::clicked, this, &LoginDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(20, 20, 20, 16);
    layout->setSpacing(10);
    layout->addWidget(m_title);
    layout->addWidget(m_intro);
    m_offline = new OfflineBanner(this);
    m_offline->setVisible(false);
    layout->addWidget(m_offline);
    layout->addWidget(m_message);
    layout->addSpacing(4);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addWidget(m_progress);
    layout->addStretch(1);
    layout->addWidget(buttons);

    setTabOrder(m_serverEdit, m_userEdit);
    setTabOrder(m_userEdit, m_passwordEdit);
    setTabOrder(m_passwordEdit, m_signInButton);
    setTabOrder(m_signInButton, m_cancelButton);

    const bool serverEnforced = m_settings->isEnforced(SettingsResolver::ServerUrl);
    m_serverEdit->setEnabled(!serverEnforced);
    if (serverEnforced)
        m_serverEdit->setText(m_settings->value(SettingsResolver::ServerUrl).toString());
    retranslateUi();
    // Said at once, before anyone types a password that could not be used anyway.
    refuseInvalidPolicy();
}

LoginDialog::~LoginDialog()
{
    if (m_reply)
        m_reply->abort();
}

void LoginDialog::setServerUrl(const QString &url)
{
    if (m_settings->isEnforced(SettingsResolver::ServerUrl))
        return;
    m_serverEdit->setText(url);
}

void LoginDialog::setUsername(const QString &username)
{
    m_userEdit->setText(username);
    if (!username.isEmpty())
        m_passwordEdit->setFocus();
}

void LoginDialog::setMessage(const QString &message)
{
    m_message->setText(message);
    m_message->setVisible(!message.isEmpty());
}

QString LoginDialog::errorText() const
{
    return m_error->isVisibleTo(this) ? m_error->text() : QString();
}

void LoginDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QDialog::changeEvent(event);
}

void LoginDialog::reject()
{
    if (m_reply)
        m_reply->abort();
    QDialog::reject();
}

void LoginDialog::retranslateUi()
{
    setWindowTitle(tr("Sign in to Vigil"));
    m_title->setText(tr("Vigil"));
    m_intro->setText(tr("Sign in with your help desk account to verify callers."));
    m_serverLabel->setText(tr("&Server:"));
    m_userLabel->setText(tr("&User name:"));
    m_passwordLabel->setText(tr("&Password:"));
    m_signInButton->setText(tr("Sign in"));
    m_cancelButton->setText(tr("Quit"));
    m_progress->setText(tr("Signing in…"));
    m_serverEdit->setAccessibleName(tr("Server address"));
    m_serverEdit->setAccessibleDescription(
            m_serverEdit->isEnabled() ? tr("The HTTPS address of your Vigil server")
                                      : tr("Set by your IT department; it cannot be changed here"));
    m_serverEdit->setToolTip(m_serverEdit->isEnabled() ? QString() : tr("Set by your IT department"));
    m_userEdit->setAccessibleName(tr("User name"));
    m_passwordEdit->setAccessibleName(tr("Password"));
    m_signInButton->setAccessibleName(tr("Sign in"));
    m_cancelButton->setAccessibleName(tr("Quit Vigil"));
    m_error->setAccessibleName(tr("Sign-in problem"));
    if (m_policyRefused)
        refuseInvalidPolicy();
}

bool LoginDialog::refuseInvalidPolicy()
{
    QStringList problems;
    for (const QString &key : m_settings->connectionBlockers()) {
        const QString problem = m_settings->describeProblem(key);
        if (!problems.contains(problem)) // an unreadable store is one problem, not three
            problems.append(problem);
    }
    const bool refused = !problems.isEmpty();
    if (refused) {
        showError(tr("Vigil will not connect, because settings your IT department enforces are invalid:\n"
                     "%1\nCall your IT service desk to have them corrected. Nothing was sent to any server.")
                          .arg(problems.join(QLatin1Char('\n'))));
    } else if (m_policyRefused) {
        showError({}); // IT corrected the settings while this window was open
    }
    m_policyRefused = refused;
    return refused;
}

QString LoginDialog::pinText() const
{
    return m_settings->pinFor(m_server); // IT's pin, when IT enforces one
}

void LoginDialog::submit()
{
    if (m_reply || refuseInvalidPolicy())
        return;
    emit submitting();
    // An enforced server comes from the settings, whatever the (disabled) field was made to show.
    const QString serverText = m_settings->isEnforced(SettingsResolver::ServerUrl)
            ? m_settings->value(SettingsResolver::ServerUrl).toString()
            : m_serverEdit->text().trimmed();
    const QUrl server = QUrl::fromUserInput(serverText);
    if (serverText.isEmpty() || !server.isValid() || server.scheme() != QLatin1String("https")
        || server.host().isEmpty()) {
        showError(tr("Enter the server address, starting with https://"));
        m_serverEdit->setFocus();
        return;
    }
    if (m_userEdit->text().trimmed().isEmpty()) {
        showError(tr("Enter your user name."));
        m_userEdit->setFocus();
        return;
    }
    if (m_passwordEdit->text().isEmpty()) {
        showError(tr("Enter your password."));
        m_passwordEdit->setFocus();
        return;
    }
    m_server = server.adjusted(QUrl::StripTrailingSlash);
    m_client->setServer(m_server);
    m_client->setPinnedFingerprint(BackendClient::parseFingerprint(pinText()));
    showError({});
    setBusy(true);
    m_reply = m_client->login(m_userEdit->text().trimmed(), m_passwordEdit->text());
    BackendReply *reply = m_reply;
    connect(reply, &BackendReply::finished, this, [this, reply] { onReplyFinished(reply); });
}

void LoginDialog::onReplyFinished(BackendReply *reply)
{
    m_reply = nullptr;
    setBusy(false);
    const QString server = m_server.toString();
    switch (reply->error()) {
    case BackendReply::Error::None: {
        const auto result = LoginResult::parse(reply->json());
        if (!result) {
            showError(tr("The server at %1 sent an answer Vigil does not understand. Ask IT to check that "
                         "the server and the console have the same version.")
                              .arg(server));
            return;
        }
        m_passwordEdit->setText(QString()); // setText also drops the undo history
        emit signedIn(*result);
        return;
    }
    case BackendReply::Error::CertificateUnknown:
        if (m_settings->isEnforced(SettingsResolver::ServerPin)) {
            showError(tr("Vigil refused to connect to %1: your IT department requires a known certificate, "
                         "and this server did not present it. Call your IT service desk.")
                              .arg(server));
            return;
        }
        askTrust(reply->presentedFingerprint());
        return;
    case BackendReply::Error::CertificateMismatch: {
        const QString text =
                tr("The certificate of %1 has changed since it was trusted. It now shows the fingerprint "
                   "%2. This can mean that someone is intercepting the connection, so Vigil refused to "
                   "connect and sent nothing. Do not sign in: call your IT service desk (or the Vigil "
                   "administrator) and tell them the certificate changed.")
                        .arg(server, BackendClient::formatFingerprint(reply->presentedFingerprint()));
        showError(text);
        DialogSeam::inform(this, QMessageBox::Critical, tr("Server certificate changed"), text);
        return;
    }
    case BackendReply::Error::Network:
    case BackendReply::Error::Timeout:
        showError(tr("Cannot reach the Vigil server at %1. Check the address and your network connection; "
                     "if it still fails, ask IT whether the server is running.")
                          .arg(server));
        return;
    case BackendReply::Error::Tls:
        showError(tr("A secure connection to %1 could not be established: %2").arg(server, reply->message()));
        return;
    case BackendReply::Error::Aborted:
        return;
    case BackendReply::Error::Http:
        if (reply->errorCode() == QLatin1String("invalid_credentials")) {
            showError(tr("The user name or password is wrong."));
            m_passwordEdit->setText(QString());
            m_passwordEdit->setFocus();
            return;
        }
        if (reply->errorCode() == QLatin1String("rate_limited")) {
            showError(tr("Too many failed sign-ins for this user name. Wait five minutes, then try again."));
            return;
        }
        showError(reply->message().isEmpty()
                          ? tr("The server refused the sign-in (HTTP %1).").arg(reply->httpStatus())
                          : reply->message());
        return;
    case BackendReply::Error::Malformed:
        showError(tr("The server at %1 sent an answer Vigil does not understand.").arg(server));
        return;
    }
}

void LoginDialog::askTrust(const QByteArray &fingerprint)
{
    const QString formatted = BackendClient::formatFingerprint(fingerprint);
    const QUrl server = m_server;
    const QString text = tr("Vigil has not connected to %1 before. The server presents a certificate with "
                            "this SHA-256 fingerprint:\n\n%2\n\nCompare it with the fingerprint your IT "
                            "department gave you. Trust this server only if they match exactly.")
                                 .arg(server.toString(), formatted);
    QPointer<LoginDialog> self(this);
    DialogSeam::ask(this, QMessageBox::Question, tr("Trust this server?"), text,
                    QMessageBox::Yes | QMessageBox::No, QMessageBox::No,
                    [self, server, formatted](QMessageBox::StandardButton button) {
                        if (!self)
                            return;
                        if (button != QMessageBox::Yes) {
                            self->showError(tr("You did not trust the server, so nothing was sent to it."));
                            return;
                        }
                        self->m_settings->rememberPin(server, formatted);
                        self->submit();
                    });
}

void LoginDialog::showError(const QString &text)
{
    m_error->setText(text);
    m_error->setVisible(!text.isEmpty());
    if (!text.isEmpty())
        m_error->setAccessibleDescription(text);
    // Grow (never shrink) to fit a long, wrapped explanation.
    const int needed = layout()->totalHeightForWidth(width());
    if (needed > height())
        resize(width(), needed);
}

void LoginDialog::setBusy(bool busy)
{
    m_progress->setVisible(busy);
    m_signInButton->setEnabled(!busy);
    m_serverEdit->setEnabled(!busy && !m_settings->isEnforced(SettingsResolver::ServerUrl));
    m_userEdit->setEnabled(!busy);
    m_passwordEdit->setEnabled(!busy);
}

} // namespace vigil

namespace vigil {

void LoginDialog::setOffline(bool offline, const std::optional<PolicyCache::Entry> &policy)
{
    m_offline->setPolicy(policy);
    m_offline->setVisible(offline);
    adjustSize();
}

} // namespace vigil
