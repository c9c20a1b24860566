#include "StepUpPanel.h"

#include "BackendClient.h"

#include <QEvent>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QRegularExpressionValidator>
#include <QTimer>
#include <QVBoxLayout>

namespace vigil {

namespace {

QString noteStyle(const char *background, const char *border, const char *text)
{
    return QStringLiteral("QLabel#stepUpStatus { background: %1; border: 1px solid %2; color: %3; "
                          "border-radius: 4px; padding: 8px; }")
            .arg(QLatin1String(background), QLatin1String(border), QLatin1String(text));
}

} // namespace

StepUpPanel::StepUpPanel(BackendClient *client, QWidget *parent)
    : QGroupBox(parent)
    , m_client(client)
    , m_pollTimer(new QTimer(this))
{
    setObjectName(QStringLiteral("stepUpPanel"));

    m_levelLabel = new QLabel(this);
    m_levelLabel->setObjectName(QStringLiteral("stepUpLevel"));
    QFont levelFont = m_levelLabel->font();
    levelFont.setBold(true);
    m_levelLabel->setFont(levelFont);

    m_choices = new QWidget(this);
    m_emailButton = new QPushButton(m_choices);
    m_emailButton->setObjectName(QStringLiteral("stepUpEmailButton"));
    m_smsButton = new QPushButton(m_choices);
    m_smsButton->setObjectName(QStringLiteral("stepUpSmsButton"));
    m_totpButton = new QPushButton(m_choices);
    m_totpButton->setObjectName(QStringLiteral("stepUpTotpButton"));
    m_deviceButton = new QPushButton(m_choices);
    m_deviceButton->setObjectName(QStringLiteral("stepUpDeviceButton"));
    auto *grid = new QGridLayout(m_choices);
    grid->setContentsMargins(0, 0, 0, 0);
    grid->addWidget(m_emailButton, 0, 0);
    grid->addWidget(m_smsButton, 0, 1);
    grid->addWidget(m_totpButton, 1, 0);
    grid->addWidget(m_deviceButton, 1, 1);
    connect(m_emailButton, &QPushButton::clicked, this, [this] { requestCode(Method::Email); });
    connect(m_smsButton, &QPushButton::clicked, this, [this] { requestCode(Method::Sms); });
    connect(m_totpButton, &QPushButton::clicked, this, &StepUpPanel::enterTotp);
    connect(m_deviceButton, &QPushButton::clicked, this, &StepUpPanel::requestDevice);

    m_instruction = new QLabel(this);
    m_instruction->setObjectName(QStringLiteral("stepUpInstruction"));
    m_instruction->setWordWrap(true);

    m_codeRow = new QWidget(this);
    m_codeLabel = new QLabel(m_codeRow);
    m_codeEdit = new QLineEdit(m_codeRow);
    m_codeEdit->setObjectName(QStringLiteral("stepUpCodeEdit"));
    // Digits, and the spaces people read out in "123 456".
    m_codeEdit->setValidator(
            new QRegularExpressionValidator(QRegularExpression(QStringLiteral("[0-9 ]{0,12}")), m_codeEdit));
    m_codeEdit->setInputMethodHints(Qt::ImhDigitsOnly | Qt::ImhSensitiveData | Qt::ImhNoPredictiveText);
    m_codeEdit->setMaximumWidth(m_codeEdit->fontMetrics().horizontalAdvance(QLatin1Char('0')) * 16);
    m_codeLabel->setBuddy(m_codeEdit);
    m_checkButton = new QPushButton(m_codeRow);
    m_checkButton->setObjectName(QStringLiteral("stepUpCheckButton"));
    auto *codeLayout = new QHBoxLayout(m_codeRow);
    codeLayout->setContentsMargins(0, 0, 0, 0);
    codeLayout->addWidget(m_codeLabel);
    codeLayout->addWidget(m_codeEdit, 1);
    codeLayout->addWidget(m_checkButton);
    codeLayout->addStretch(1);
    connect(m_codeEdit, &QLineEdit::returnPressed, this, &StepUpPanel::submitCode);
    connect(m_checkButton, &QPushButton::clicked, this, &StepUpPanel::submitCode);

    m_numberLabel = new QLabel(this);
    m_numberLabel->setObjectName(QStringLiteral("stepUpNumber"));
    m_numberLabel->setAlignment(Qt::AlignCenter);
    m_numberLabel->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    QFont numberFont = m_numberLabel->font();
    numberFont.setPointSizeF(numberFont.pointSizeF() * 4);
    numberFont.setBold(true);
    m_numberLabel->setFont(numberFont);

    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("stepUpStatus"));
    m_status->setWordWrap(true);

    m_cancelButton = new QPushButton(this);
    m_cancelButton->setObjectName(QStringLiteral("stepUpCancelButton"));
    connect(m_cancelButton, &QPushButton::clicked, this, &StepUpPanel::cancel);
    auto *buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(m_cancelButton);

    auto *layout = new QVBoxLayout(this);
    layout->setSpacing(8);
    layout->addWidget(m_levelLabel);
    layout->addWidget(m_choices);
    layout->addWidget(m_instruction);
    layout->addWidget(m_codeRow);
    layout->addWidget(m_numberLabel);
    layout->addWidget(m_status);
    layout->addLayout(buttons);

    m_pollTimer->setInterval(1000);
    connect(m_pollTimer, &QTimer::timeout, this, &StepUpPanel::poll);
    setState(State::Hidden);
}

StepUpPanel::~StepUpPanel()
{
    abortReplies();
}

void StepUpPanel::start(const QString &verificationId, int level)
{
    abortReplies();
    m_verificationId = verificationId;
    m_level = level;
    m_method = Method::None;
    m_attemptsRemaining = -1;
    setOutcome(Outcome::None, QString());
    setState(State::Choosing);
}

void StepUpPanel::reset()
{
    abortReplies();
    m_verificationId.clear();
    m_otpChallengeId.clear();
    m_method = Method::None;
    m_level = 0;
    m_outcome = Outcome::None;
    setState(State::Hidden);
}

void StepUpPanel::setOnline(bool online)
{
    m_online = online;
    setState(m_state);
}

QString StepUpPanel::levelText() const
{
    switch (m_level) {
    case 0:
        return QString();
    case 1:
        return tr("Level 1: questions passed");
    case 2:
        return tr("Level 2: code confirmed");
    default:
        return tr("Level 3: approved on the user's device");
    }
}

QString StepUpPanel::statusText() const
{
    return m_status->isVisibleTo(this) ? m_status->text() : QString();
}

QString StepUpPanel::deviceNumber() const
{
    return m_state == State::WaitingForDevice ? QString::number(m_device.number) : QString();
}

void StepUpPanel::abortReplies()
{
    m_pollTimer->stop();
    if (m_reply)
        m_reply->abort();
    if (m_pollReply)
        m_pollReply->abort();
    m_codeEdit->setText(QString());
}

void StepUpPanel::requestCode(Method method)
{
    if (m_state != State::Choosing || !m_online || m_level >= 2)
        return;
    m_method = method;
    setOutcome(Outcome::None, QString());
    setState(State::Requesting);
    const QString channel = method == Method::Email ? QStringLiteral("email") : QStringLiteral("sms");
    m_reply = m_client->requestOtp(m_verificationId, channel);
    BackendReply *reply = m_reply;
    connect(reply, &BackendReply::finished, this, [this, reply] {
        m_reply = nullptr;
        if (reply->error() == BackendReply::Error::Aborted)
            return;
        const auto challenge = reply->ok() ? StepUpChallenge::parse(reply->json()) : std::nullopt;
        if (!challenge) {
            showRequestFailure(reply, tr("The code could not be sent."));
            return;
        }
        m_otpChallengeId = challenge->id;
        m_otpHint = challenge->destinationHint;
        setState(State::EnteringCode);
        m_codeEdit->setFocus();
    });
}

void StepUpPanel::enterTotp()
{
    if (m_state != State::Choosing || m_level >= 2)
        return;
    m_method = Method::Totp;
    setOutcome(Outcome::None, QString());
    setState(State::EnteringCode);
    m_codeEdit->setFocus();
}

void StepUpPanel::submitCode()
{
    if (m_state != State::EnteringCode || m_reply || !m_online)
        return;
    QString code = m_codeEdit->text();
    // The field lets go of its copy first, so `code` is the only one left to wipe once sent.
    m_codeEdit->setText(QString());
    code.remove(QLatin1Char(' '));
    if (code.isEmpty())
        return;
    setOutcome(Outcome::None, QString());
    setState(State::Checking);
    m_reply = m_method == Method::Totp ? m_client->submitTotp(m_verificationId, code)
                                       : m_client->submitOtp(m_verificationId, m_otpChallengeId, code);
    BackendReply *reply = m_reply;
    connect(reply, &BackendReply::finished, this, [this, reply] { onCodeChecked(reply); });
}

void StepUpPanel::onCodeChecked(BackendReply *reply)
{
    m_reply = nullptr;
    if (reply->error() == BackendReply::Error::Aborted)
        return;
    const bool outcomeStatus = reply->ok()
            || (reply->error() == BackendReply::Error::Http
                && (reply->httpStatus() == 423 || reply->httpStatus() == 410));
    const auto outcome =
            outcomeStatus ? StepUpOutcome::parse(reply->httpStatus(), reply->json()) : std::nullopt;
    if (!outcome) {
        setState(State::Choosing);
        setOutcome(Outcome::Error, failureText(reply, tr("The code could not be checked.")));
        return;
    }
    m_attemptsRemaining = outcome->attemptsRemaining;
    switch (outcome->result) {
    case StepUpOutcome::Result::Passed:
        m_otpChallengeId.clear();
        raiseLevel(outcome->level);
        setState(State::Choosing);
        setOutcome(Outcome::Passed, QString());
        break;
    case StepUpOutcome::Result::Failed:
        setState(State::EnteringCode);
        setOutcome(Outcome::Failed, QString());
        m_codeEdit->setFocus();
        break;
    case StepUpOutcome::Result::Locked:
        m_lockedUntil = outcome->lockedUntil;
        setState(State::Locked);
        setOutcome(Outcome::Locked, QString());
        emit locked(m_lockedUntil);
        break;
    case StepUpOutcome::Result::Expired:
        m_otpChallengeId.clear();
        setState(State::Choosing);
        setOutcome(Outcome::Expired, QString());
        break;
    }
}

void StepUpPanel::requestDevice()
{
    if (m_state != State::Choosing || !m_online || m_level >= 3)
        return;
    m_method = Method::Device;
    setOutcome(Outcome::None, QString());
    setState(State::Requesting);
    m_reply = m_client->requestDeviceApproval(m_verificationId);
    BackendReply *reply = m_reply;
    connect(reply, &BackendReply::finished, this, [this, reply] {
        m_reply = nullptr;
        if (reply->error() == BackendReply::Error::Aborted)
            return;
        const auto challenge = reply->ok() ? DeviceChallenge::parse(reply->json()) : std::nullopt;
        if (!challenge) {
            showRequestFailure(reply, tr("The request could not be sent to the device."));
            return;
        }
        m_device = *challenge;
        setState(State::WaitingForDevice);
        m_pollTimer->start();
    });
}

void StepUpPanel::poll()
{
    // One status call at a time: a slow server gets no pile of overlapping polls.
    if (m_state != State::WaitingForDevice || m_pollReply)
        return;
    m_pollReply = m_client->deviceApprovalStatus(m_verificationId, m_device.id);
    BackendReply *reply = m_pollReply;
    connect(reply, &BackendReply::finished, this, [this, reply] { onPolled(reply); });
}

void StepUpPanel::onPolled(BackendReply *reply)
{
    m_pollReply = nullptr;
    if (reply->error() == BackendReply::Error::Aborted || m_state != State::WaitingForDevice)
        return;
    if (reply->error() == BackendReply::Error::Network || reply->error() == BackendReply::Error::Timeout)
        return; // the next tick tries again; the challenge's own expiry ends the wait
    const auto status = reply->ok() ? DeviceStatus::parse(reply->json()) : std::nullopt;
    if (!status) {
        m_pollTimer->stop();
        setState(State::Choosing);
        setOutcome(Outcome::Error, failureText(reply, tr("The answer from the device could not be read.")));
        return;
    }
    if (status->state == QLatin1String("pending"))
        return;
    m_pollTimer->stop();
    if (status->state == QLatin1String("approved")) {
        raiseLevel(status->level);
        setState(State::Choosing);
        setOutcome(Outcome::Approved, QString());
    } else if (status->state == QLatin1String("expired")) {
        setState(State::Choosing);
        setOutcome(Outcome::Expired, QString());
    } else {
        setState(State::Choosing);
        setOutcome(Outcome::Denied, QString());
    }
}

void StepUpPanel::cancel()
{
    if (m_state != State::EnteringCode && m_state != State::WaitingForDevice && m_state != State::Requesting)
        return;
    abortReplies();
    setOutcome(Outcome::None, QString());
    setState(State::Choosing);
}

void StepUpPanel::raiseLevel(int level)
{
    if (level <= m_level)
        return;
    m_level = level;
    emit levelRaised(level);
}

void StepUpPanel::showRequestFailure(BackendReply *reply, const QString &fallback)
{
    if (reply->errorCode() == QLatin1String("profile_locked")) {
        m_lockedUntil = QDateTime::fromString(reply->json().value(QStringLiteral("locked_until")).toString(),
                                              Qt::ISODate);
        setState(State::Locked);
        setOutcome(Outcome::Locked, QString());
        emit locked(m_lockedUntil);
        return;
    }
    setState(State::Choosing);
    setOutcome(Outcome::Error, failureText(reply, fallback));
}

QString StepUpPanel::failureText(BackendReply *reply, const QString &fallback) const
{
    const QString code = reply->errorCode();
    if (code == QLatin1String("no_channel"))
        return m_method == Method::Sms ? tr("No mobile phone number is on record for this user.")
                                       : tr("No e-mail address is on record for this user.");
    if (code == QLatin1String("no_totp"))
        return tr("This user has no authenticator app (TOTP) enrolled.");
    if (code == QLatin1String("no_device"))
        return tr("This user has no device enrolled for approval.");
    if (code == QLatin1String("verification_required"))
        return tr("The verification has ended. Verify the caller again.");
    return reply->message().isEmpty() ? fallback : reply->message();
}

void StepUpPanel::setOutcome(Outcome outcome, const QString &text)
{
    m_outcome = outcome;
    QString message = text;
    QString style;
    const QString until = m_lockedUntil.isValid()
            ? QLocale().toString(m_lockedUntil.toLocalTime(), QLocale::ShortFormat)
            : QString();
    switch (outcome) {
    case Outcome::None:
        break;
    case Outcome::Passed:
        message = tr("Passed: the code is confirmed.");
        style = noteStyle("#dff6dd", "#6bb700", "#0b5a08");
        break;
    case Outcome::Approved:
        message = tr("Approved on \u201c%1\u201d.").arg(m_device.deviceName);
        style = noteStyle("#dff6dd", "#6bb700", "#0b5a08");
        break;
    case Outcome::Failed:
        message = m_attemptsRemaining >= 0
                ? tr("Check failed: the code is not right. Attempts remaining before the profile locks: %1.")
                          .arg(m_attemptsRemaining)
                : tr("Check failed: the code is not right.");
        style = noteStyle("#fff4ce", "#c19c00", "#5c4400");
        break;
    case Outcome::Locked:
        message = until.isEmpty()
                ? tr("The profile is now locked. Ask a supervisor if the caller needs help.")
                : tr("The profile is now locked until %1. Ask a supervisor if the caller "
                     "needs help.")
                          .arg(until);
        style = noteStyle("#fde7e9", "#d13438", "#a4262c");
        break;
    case Outcome::Expired:
        message = m_method == Method::Device
                ? tr("The request on the user's device has expired. Ask again if you still need it.")
                : tr("The code has expired or was already used. Send a new code.");
        style = noteStyle("#fff4ce", "#c19c00", "#5c4400");
        break;
    case Outcome::Denied:
        message = tr("Denied on the user's device, or a different number was entered. This counts as a "
                     "failed attempt.");
        style = noteStyle("#fde7e9", "#d13438", "#a4262c");
        break;
    case Outcome::Error:
        style = noteStyle("#fde7e9", "#d13438", "#a4262c");
        break;
    }
    m_status->setText(message);
    m_status->setStyleSheet(style);
    m_status->setAccessibleDescription(message);
    m_status->setVisible(outcome != Outcome::None && m_state != State::Hidden);
}

void StepUpPanel::setState(State state)
{
    m_state = state;
    setVisible(state != State::Hidden);
    if (state != State::WaitingForDevice)
        m_pollTimer->stop();
    if (state != State::EnteringCode && state != State::Checking)
        m_codeEdit->setText(QString());
    m_choices->setVisible(state == State::Choosing && m_level < 3);
    m_emailButton->setVisible(m_level < 2);
    m_smsButton->setVisible(m_level < 2);
    m_totpButton->setVisible(m_level < 2);
    for (QPushButton *button : {m_emailButton, m_smsButton, m_deviceButton})
        button->setEnabled(m_online);
    m_codeRow->setVisible(state == State::EnteringCode || state == State::Checking);
    m_codeEdit->setEnabled(state == State::EnteringCode);
    m_checkButton->setEnabled(state == State::EnteringCode && m_online);
    m_numberLabel->setVisible(state == State::WaitingForDevice);
    m_cancelButton->setVisible(state == State::EnteringCode || state == State::WaitingForDevice
                               || state == State::Requesting);
    if (state == State::Hidden)
        m_status->setVisible(false);
    retranslateUi();
}

void StepUpPanel::updateInstruction()
{
    QString text;
    switch (m_state) {
    case State::Hidden:
    case State::Locked:
        break;
    case State::Choosing:
        if (m_level < 3)
            text = tr("Ask for stronger proof before changes that need it, such as a password reset.");
        break;
    case State::Requesting:
        text = m_method == Method::Device ? tr("Sending the request to the user's device…")
                                          : tr("Sending the code…");
        break;
    case State::EnteringCode:
        if (m_method == Method::Totp)
            text = tr("Ask the caller to read out the 6-digit code their authenticator app shows now.");
        else if (m_method == Method::Sms)
            text = tr("A code was sent by SMS to %1. Ask the caller to read it out.").arg(m_otpHint);
        else
            text = tr("A code was sent by e-mail to %1. Ask the caller to read it out.").arg(m_otpHint);
        break;
    case State::Checking:
        text = tr("Checking the code…");
        break;
    case State::WaitingForDevice:
        text = tr("Ask the caller to enter %1 in the Vigil app on their phone. Waiting for an answer from "
                  "\u201c%2\u201d…")
                       .arg(m_device.number)
                       .arg(m_device.deviceName);
        break;
    }
    m_instruction->setText(text);
    m_instruction->setVisible(!text.isEmpty());
}

void StepUpPanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslateUi();
        setOutcome(m_outcome, m_outcome == Outcome::Error ? m_status->text() : QString());
    }
    QGroupBox::changeEvent(event);
}

void StepUpPanel::retranslateUi()
{
    setTitle(tr("Stronger proof"));
    setAccessibleName(tr("Stronger proof"));
    m_levelLabel->setText(levelText());
    m_levelLabel->setAccessibleName(tr("Assurance level"));
    m_levelLabel->setAccessibleDescription(levelText());
    m_emailButton->setText(tr("Send code by e-mail"));
    m_emailButton->setAccessibleName(tr("Send code by e-mail"));
    m_emailButton->setAccessibleDescription(tr("Sends a one-time code to the e-mail address on record"));
    m_smsButton->setText(tr("Send code by SMS"));
    m_smsButton->setAccessibleName(tr("Send code by SMS"));
    m_smsButton->setAccessibleDescription(tr("Sends a one-time code to the mobile number on record"));
    m_totpButton->setText(tr("Caller reads TOTP code"));
    m_totpButton->setAccessibleName(tr("Caller reads TOTP code"));
    m_totpButton->setAccessibleDescription(tr("The caller reads the code shown in their authenticator app"));
    m_deviceButton->setText(tr("Ask for approval on the user's device"));
    m_deviceButton->setAccessibleName(tr("Ask for approval on the user's device"));
    m_deviceButton->setAccessibleDescription(
            tr("Sends a request to the Vigil app on the user's enrolled phone"));
    m_codeLabel->setText(tr("Code:"));
    m_codeEdit->setAccessibleName(tr("Code read out by the caller"));
    m_codeEdit->setPlaceholderText(tr("6 digits"));
    m_checkButton->setText(tr("Check code"));
    m_checkButton->setAccessibleName(tr("Check code"));
    m_cancelButton->setText(tr("Cancel"));
    m_cancelButton->setAccessibleName(tr("Cancel stronger proof"));
    m_status->setAccessibleName(tr("Stronger proof result"));
    m_instruction->setAccessibleName(tr("Instructions"));
    if (m_state == State::WaitingForDevice) {
        m_numberLabel->setText(QString::number(m_device.number));
        m_numberLabel->setAccessibleName(tr("Number to enter on the phone: %1").arg(m_device.number));
    } else {
        m_numberLabel->clear();
    }
    updateInstruction();
}

} // namespace vigil
