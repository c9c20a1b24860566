#include "VerificationPanel.h"

#include "BackendClient.h"

#include <QEvent>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QShortcut>
#include <QToolButton>
#include <QVBoxLayout>

namespace vigil {

namespace {
QDateTime parseTime(const QJsonObject &json, const QString &key)
{
    QDateTime time = QDateTime::fromString(json.value(key).toString(), Qt::ISODate);
    if (time.isValid())
        time.setTimeSpec(Qt::UTC);
    return time;
}

QString statusStyle(const char *background, const char *border, const char *text)
{
    return QStringLiteral("QLabel#verificationStatus { background: %1; border: 1px solid %2; color: %3; "
                          "border-radius: 4px; padding: 8px; }")
            .arg(QLatin1String(background), QLatin1String(border), QLatin1String(text));
}
} // namespace

VerificationPanel::VerificationPanel(BackendClient *client, QWidget *parent)
    : QWidget(parent)
    , m_client(client)
{
    setObjectName(QStringLiteral("verificationPanel"));
    m_title = new QLabel(this);
    m_title->setObjectName(QStringLiteral("verificationTitle"));
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.25);
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_title->setWordWrap(true);
    m_instructions = new QLabel(this);
    m_instructions->setWordWrap(true);

    m_formHost = new QWidget(this);
    m_form = new QFormLayout(m_formHost);
    m_form->setContentsMargins(0, 4, 0, 4);
    m_form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    m_form->setRowWrapPolicy(QFormLayout::DontWrapRows);
    m_form->setVerticalSpacing(8);

    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("verificationStatus"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_submitButton = new QPushButton(this);
    m_submitButton->setObjectName(QStringLiteral("submitAnswersButton"));
    m_retryButton = new QPushButton(this);
    m_retryButton->setObjectName(QStringLiteral("newQuestionsButton"));
    m_cancelButton = new QPushButton(this);
    m_cancelButton->setObjectName(QStringLiteral("cancelVerificationButton"));
    connect(m_submitButton, &QPushButton::clicked, this, &VerificationPanel::submit);
    connect(m_cancelButton, &QPushButton::clicked, this, &VerificationPanel::cancel);
    connect(m_retryButton, &QPushButton::clicked, this, [this] { start(m_profile); });

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_submitButton);
    buttons->addWidget(m_retryButton);
    buttons->addStretch(1);
    buttons->addWidget(m_cancelButton);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(8);
    layout->addWidget(m_title);
    layout->addWidget(m_instructions);
    layout->addWidget(m_formHost);
    layout->addWidget(m_status);
    layout->addLayout(buttons);

    auto *escape = new QShortcut(QKeySequence(Qt::Key_Escape), this);
    escape->setContext(Qt::WidgetWithChildrenShortcut);
    connect(escape, &QShortcut::activated, this, &VerificationPanel::cancel);

    retranslateUi();
    setState(State::Idle);
}

VerificationPanel::~VerificationPanel()
{
    if (m_reply)
        m_reply->abort();
    clearForm();
}

QString VerificationPanel::labelForField(const QString &field)
{
    if (field == QLatin1String("title"))
        return tr("Job title");
    if (field == QLatin1String("middle_initial"))
        return tr("Middle initial");
    if (field == QLatin1String("employee_id"))
        return tr("Employee ID");
    if (field == QLatin1String("birthday"))
        return tr("Date of birth");
    if (field == QLatin1String("secret"))
        return tr("Secret word");
    return field;
}

void VerificationPanel::start(const ProfileSummary &profile)
{
    if (m_reply)
        m_reply->abort();
    clearForm();
    m_profile = profile;
    m_verificationId.clear();
    m_errorText.clear();
    retranslateUi();
    if (!profile.hasSecret) {
        // Known from the search result: no need to ask the server (it would answer 409).
        setState(State::NoSecret);
        return;
    }
    setState(State::Starting);
    m_reply = m_client->startVerification(profile.id);
    BackendReply *reply = m_reply;
    connect(reply, &BackendReply::finished, this, [this, reply] { onStarted(reply); });
}

void VerificationPanel::reset()
{
    if (m_reply)
        m_reply->abort();
    clearForm();
    m_profile = {};
    m_verificationId.clear();
    setState(State::Idle);
}

void VerificationPanel::setOnline(bool online)
{
    m_online = online;
    updateButtons();
}

QString VerificationPanel::statusText() const
{
    return m_status->text();
}

QLineEdit *VerificationPanel::answerField(const QString &field) const
{
    for (const Question &q : m_questions) {
        if (q.question.field == field)
            return q.edit;
    }
    return nullptr;
}

QStringList VerificationPanel::askedFields() const
{
    QStringList fields;
    for (const Question &q : m_questions)
        fields.append(q.question.field);
    return fields;
}

void VerificationPanel::onStarted(BackendReply *reply)
{
    m_reply = nullptr;
    if (reply->error() == BackendReply::Error::Aborted)
        return;
    if (reply->ok()) {
        const auto started = VerificationStart::parse(reply->json());
        if (!started || started->questions.isEmpty()) {
            m_errorText = tr("The server sent questions Vigil does not understand.");
            setState(State::Error);
            return;
        }
        m_verificationId = started->id;
        m_attemptsRemaining = started->attemptsRemaining;
        buildForm(*started);
        setState(State::Questions);
        if (!m_questions.isEmpty())
            m_questions.first().edit->setFocus();
        return;
    }
    if (reply->errorCode() == QLatin1String("no_user_secret")) {
        m_profile.hasSecret = false;
        setState(State::NoSecret);
        return;
    }
    if (reply->errorCode() == QLatin1String("profile_locked")) {
        showLocked(parseTime(reply->json(), QStringLiteral("locked_until")));
        return;
    }
    m_errorText =
            reply->message().isEmpty() ? tr("The verification could not be started.") : reply->message();
    setState(State::Error);
}

void VerificationPanel::submit()
{
    if (m_state != State::Questions || m_reply || !m_online)
        return;
    QHash<QString, QString> answers;
    for (const Question &q : m_questions)
        answers.insert(q.question.id, q.edit->text());
    // The form lets go of its copies first, so the ones in `answers` are the only ones left and
    // BackendClient can wipe them in place once they are sent.
    for (const Question &q : m_questions)
        q.edit->setText(QString());
    setState(State::Submitting);
    m_reply = m_client->submitAnswers(m_verificationId, answers);
    BackendReply *reply = m_reply;
    connect(reply, &BackendReply::finished, this, [this, reply] { onAnswered(reply); });
}

void VerificationPanel::onAnswered(BackendReply *reply)
{
    m_reply = nullptr;
    if (reply->error() == BackendReply::Error::Aborted)
        return;
    clearForm();
    const bool outcomeStatus = reply->ok()
            || (reply->error() == BackendReply::Error::Http
                && (reply->httpStatus() == 423 || reply->httpStatus() == 410));
    const auto outcome =
            outcomeStatus ? VerificationOutcome::parse(reply->httpStatus(), reply->json()) : std::nullopt;
    if (!outcome) {
        m_errorText = reply->message().isEmpty() ? tr("The answers could not be checked.") : reply->message();
        setState(State::Error);
        return;
    }
    switch (outcome->result) {
    case VerificationOutcome::Result::Passed:
        setState(State::Passed);
        emit passed(m_profile, outcome->grantExpiresAt);
        return;
    case VerificationOutcome::Result::Failed:
        m_attemptsRemaining = outcome->attemptsRemaining;
        setState(State::Failed);
        return;
    case VerificationOutcome::Result::Expired:
        m_attemptsRemaining = outcome->attemptsRemaining;
        setState(State::Expired);
        return;
    case VerificationOutcome::Result::Locked:
        showLocked(outcome->lockedUntil);
        return;
    }
}

void VerificationPanel::showLocked(const QDateTime &until)
{
    m_lockedUntil = until;
    m_attemptsRemaining = 0;
    m_profile.locked = true;
    setState(State::Locked);
    emit locked(m_profile, until);
}

void VerificationPanel::cancel()
{
    if (m_state == State::Idle)
        return;
    reset();
    emit cancelled();
}

void VerificationPanel::buildForm(const VerificationStart &start)
{
    clearForm();
    for (const VerificationQuestion &question : start.questions) {
        Question q;
        q.question = question;
        q.label = new QLabel(m_formHost);
        q.edit = new QLineEdit(m_formHost);
        q.edit->setObjectName(QStringLiteral("answer_") + question.field);
        q.edit->setMaxLength(1024);
        q.edit->setToolTip(question.prompt);
        q.label->setBuddy(q.edit);
        connect(q.edit, &QLineEdit::returnPressed, this, &VerificationPanel::submit);
        if (question.field == QLatin1String("secret")) {
            q.edit->setEchoMode(QLineEdit::Password);
            q.reveal = new QToolButton(m_formHost);
            q.reveal->setObjectName(QStringLiteral("revealSecretButton"));
            q.reveal->setCheckable(true);
            q.reveal->setFocusPolicy(Qt::StrongFocus);
            QLineEdit *edit = q.edit;
            connect(q.reveal, &QToolButton::toggled, edit, [edit](bool shown) {
                edit->setEchoMode(shown ? QLineEdit::Normal : QLineEdit::Password);
            });
            auto *row = new QWidget(m_formHost);
            auto *rowLayout = new QHBoxLayout(row);
            rowLayout->setContentsMargins(0, 0, 0, 0);
            rowLayout->addWidget(q.edit, 1);
            rowLayout->addWidget(q.reveal);
            m_form->addRow(q.label, row);
        } else {
            m_form->addRow(q.label, q.edit);
        }
        m_questions.append(q);
    }
    // Tab order: the answers top to bottom, then the buttons.
    QWidget *previous = nullptr;
    for (const Question &q : std::as_const(m_questions)) {
        if (previous)
            setTabOrder(previous, q.edit);
        previous = q.edit;
        if (q.reveal) {
            setTabOrder(previous, q.reveal);
            previous = q.reveal;
        }
    }
    if (previous) {
        setTabOrder(previous, m_submitButton);
        setTabOrder(m_submitButton, m_cancelButton);
    }
    retranslateUi();
}

void VerificationPanel::clearForm()
{
    for (const Question &q : std::as_const(m_questions))
        q.edit->setText(QString());
    while (m_form->rowCount() > 0)
        m_form->removeRow(0);
    m_questions.clear();
}

void VerificationPanel::setState(State state)
{
    m_state = state;
    m_formHost->setVisible(state == State::Questions || state == State::Submitting);
    m_instructions->setVisible(state == State::Questions || state == State::Submitting);
    m_title->setVisible(state != State::Idle);
    m_status->setVisible(state != State::Idle);
    updateStatus();
    updateButtons();
}

void VerificationPanel::updateButtons()
{
    const bool asking = m_state == State::Questions;
    m_submitButton->setVisible(asking || m_state == State::Submitting);
    m_submitButton->setEnabled(asking && m_online);
    for (const Question &q : std::as_const(m_questions))
        q.edit->setEnabled(asking && m_online);
    const bool retry = m_state == State::Failed || m_state == State::Expired || m_state == State::Error;
    m_retryButton->setVisible(retry);
    m_retryButton->setEnabled(retry && m_online);
    // After a pass or a lock the profile panel below takes over, with its own Close button.
    m_cancelButton->setVisible(m_state != State::Idle && m_state != State::Passed
                               && m_state != State::Locked);
    m_cancelButton->setText(asking || m_state == State::Starting || m_state == State::Submitting
                                    ? tr("Cancel")
                                    : tr("Close"));
    m_cancelButton->setAccessibleName(m_cancelButton->text());
}

void VerificationPanel::updateStatus()
{
    const QString name = m_profile.displayName;
    QString text;
    QString style;
    switch (m_state) {
    case State::Idle:
        break;
    case State::Starting:
        text = tr("Preparing the questions…");
        style = statusStyle("#f3f2f1", "#c8c6c4", "#323130");
        break;
    case State::Questions:
        text = tr("%n attempt(s) remaining before the profile locks.", nullptr, m_attemptsRemaining);
        style = statusStyle("#eff6fc", "#a6c8e8", "#004578");
        break;
    case State::Submitting:
        text = tr("Checking the answers…");
        style = statusStyle("#f3f2f1", "#c8c6c4", "#323130");
        break;
    case State::Passed:
        text = tr("✔ Passed: %1 answered every question correctly. The profile is open to you for a "
                  "limited time.")
                       .arg(name);
        style = statusStyle("#dff6dd", "#6bb700", "#0b5a08");
        break;
    case State::Failed:
        text = tr(
                "✘ Failed: the answers did not all match. %n attempt(s) remaining before the profile locks. "
                "Do not tell the caller which answer was wrong.",
                nullptr, m_attemptsRemaining);
        style = statusStyle("#fff4ce", "#c79a00", "#5c4400");
        break;
    case State::Expired:
        text = tr("✘ Too late: the questions expired before the answers were sent, which counts as a failed "
                  "attempt. %n attempt(s) remaining.",
                  nullptr, m_attemptsRemaining);
        style = statusStyle("#fff4ce", "#c79a00", "#5c4400");
        break;
    case State::Locked:
        text = m_lockedUntil.isValid()
                ? tr("Locked until %1: too many failed verifications. Nobody can verify this caller until "
                     "then, unless a supervisor unblocks the profile.")
                          .arg(QLocale().toString(m_lockedUntil.toLocalTime(), QLocale::ShortFormat))
                : tr("Locked: too many failed verifications. Nobody can verify this caller until the lock "
                     "ends, unless a supervisor unblocks the profile.");
        style = statusStyle("#fde7e9", "#d13438", "#a4262c");
        break;
    case State::NoSecret:
        text = tr("%1 has no secret word, so Vigil cannot verify this caller. The user must first set a "
                  "secret word in the self-service portal, or ask an administrator to set one. Do not "
                  "verify the caller any other way.")
                       .arg(name);
        style = statusStyle("#f3f2f1", "#8a8886", "#323130");
        break;
    case State::Error:
        text = m_errorText;
        style = statusStyle("#fde7e9", "#d13438", "#a4262c");
        break;
    }
    m_status->setText(text);
    m_status->setStyleSheet(style);
    m_status->setAccessibleDescription(text);
}

void VerificationPanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void VerificationPanel::retranslateUi()
{
    m_title->setText(m_profile.displayName.isEmpty() ? tr("Verify the caller")
                                                     : tr("Verify %1").arg(m_profile.displayName));
    m_instructions->setText(tr("Ask the caller each question and type the answer as spoken. Press Enter to "
                               "check the answers, Esc to cancel."));
    m_submitButton->setText(tr("Check answers"));
    m_submitButton->setAccessibleName(tr("Check answers"));
    m_submitButton->setAccessibleDescription(tr("Sends the typed answers to the server and clears the form"));
    m_retryButton->setText(tr("Ask new questions"));
    m_retryButton->setAccessibleName(tr("Ask new questions"));
    m_status->setAccessibleName(tr("Verification result"));
    for (const Question &q : std::as_const(m_questions)) {
        const QString label = labelForField(q.question.field);
        q.label->setText(label + QLatin1Char(':'));
        q.edit->setAccessibleName(label);
        q.edit->setAccessibleDescription(q.question.prompt);
        if (q.reveal) {
            q.reveal->setText(tr("Show"));
            q.reveal->setToolTip(tr("Show or hide the typed secret word"));
            q.reveal->setAccessibleName(tr("Show secret word"));
        }
    }
    updateButtons();
    updateStatus();
}

} // namespace vigil
