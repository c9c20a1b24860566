#include "ActionRequestPanel.h"

#include "ActionTableModel.h"
#include "BackendClient.h"

#include <QComboBox>
#include <QEvent>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace vigil {

namespace {

constexpr int kMaxReason = 500;
constexpr int kMaxTicket = 64;

QString noteStyle(const char *background, const char *border, const char *text)
{
    return QStringLiteral("QLabel#actionResult { background: %1; border: 1px solid %2; color: %3; "
                          "border-radius: 4px; padding: 8px; }")
            .arg(QLatin1String(background), QLatin1String(border), QLatin1String(text));
}

} // namespace

ActionRequestPanel::ActionRequestPanel(BackendClient *client, QWidget *parent)
    : QGroupBox(parent)
    , m_client(client)
{
    setObjectName(QStringLiteral("actionRequestPanel"));

    m_actionLabel = new QLabel(this);
    m_action = new QComboBox(this);
    m_action->setObjectName(QStringLiteral("actionCombo"));
    for (const QString &action : requestableActions())
        m_action->addItem(QString(), action);
    m_actionLabel->setBuddy(m_action);

    m_requirement = new QLabel(this);
    m_requirement->setObjectName(QStringLiteral("actionRequirement"));
    m_requirement->setWordWrap(true);

    m_reasonLabel = new QLabel(this);
    m_reason = new QLineEdit(this);
    m_reason->setObjectName(QStringLiteral("actionReasonEdit"));
    m_reason->setMaxLength(kMaxReason);
    m_reasonLabel->setBuddy(m_reason);

    m_ticketLabel = new QLabel(this);
    m_ticket = new QLineEdit(this);
    m_ticket->setObjectName(QStringLiteral("actionTicketEdit"));
    m_ticket->setMaxLength(kMaxTicket);
    m_ticketLabel->setBuddy(m_ticket);

    m_valueLabel = new QLabel(this);
    m_value = new QLineEdit(this);
    m_value->setObjectName(QStringLiteral("actionValueEdit"));
    m_value->setMaxLength(254);
    m_valueLabel->setBuddy(m_value);

    m_requestButton = new QPushButton(this);
    m_requestButton->setObjectName(QStringLiteral("requestActionButton"));

    m_result = new QLabel(this);
    m_result->setObjectName(QStringLiteral("actionResult"));
    m_result->setWordWrap(true);
    m_result->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);

    m_form = new QFormLayout;
    m_form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    m_form->addRow(m_actionLabel, m_action);
    m_form->addRow(m_requirement);
    m_form->addRow(m_reasonLabel, m_reason);
    m_form->addRow(m_ticketLabel, m_ticket);
    m_form->addRow(m_valueLabel, m_value);
    auto *buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(m_requestButton);
    auto *layout = new QVBoxLayout(this);
    layout->setSpacing(8);
    layout->addLayout(m_form);
    layout->addLayout(buttons);
    layout->addWidget(m_result);

    connect(m_action, &QComboBox::currentIndexChanged, this, [this] {
        m_value->clear();
        updateRequirement();
        updateButtons();
    });
    for (QLineEdit *edit : {m_reason, m_ticket, m_value}) {
        connect(edit, &QLineEdit::textChanged, this, &ActionRequestPanel::updateButtons);
        connect(edit, &QLineEdit::returnPressed, this, &ActionRequestPanel::submit);
    }
    connect(m_requestButton, &QPushButton::clicked, this, &ActionRequestPanel::submit);

    retranslateUi();
    reset();
}

ActionRequestPanel::~ActionRequestPanel()
{
    if (m_reply)
        m_reply->abort();
}

QStringList ActionRequestPanel::requestableActions()
{
    QStringList actions;
    for (const QString &action : actionNames()) {
        if (isRequestableAction(action))
            actions.append(action);
    }
    return actions;
}

void ActionRequestPanel::setCatalog(const std::optional<QMap<QString, ActionRule>> &catalog)
{
    m_catalog = catalog;
    updateRequirement();
}

void ActionRequestPanel::start(const ProfileDetails &profile, const QString &verificationId)
{
    if (m_reply)
        m_reply->abort();
    m_profileId = profile.id;
    m_profileName = profile.displayName;
    m_privileged = profile.privileged;
    m_frozen = profile.frozen;
    m_verificationId = verificationId;
    m_level = profile.level;
    m_reason->clear();
    m_ticket->clear();
    m_value->clear();
    m_lastAction.reset();
    showResult(Outcome::None, {});
    setVisible(true);
    updateRequirement();
    updateButtons();
}

void ActionRequestPanel::setLevel(int level)
{
    m_level = level;
    updateRequirement();
}

void ActionRequestPanel::setFrozen(bool frozen)
{
    m_frozen = frozen;
    updateRequirement();
    updateButtons();
}

void ActionRequestPanel::setOnline(bool online)
{
    m_online = online;
    updateButtons();
}

void ActionRequestPanel::reset()
{
    if (m_reply)
        m_reply->abort();
    m_profileId.clear();
    m_profileName.clear();
    m_verificationId.clear();
    m_level = 0;
    m_frozen = false;
    m_reason->clear();
    m_ticket->clear();
    m_value->clear();
    m_lastAction.reset();
    showResult(Outcome::None, {});
    setVisible(false);
}

QString ActionRequestPanel::selectedAction() const
{
    return m_action->currentData().toString();
}

void ActionRequestPanel::selectAction(const QString &action)
{
    const int index = m_action->findData(action);
    if (index >= 0)
        m_action->setCurrentIndex(index);
}

QString ActionRequestPanel::resultText() const
{
    return m_result->isVisibleTo(this) ? m_result->text() : QString();
}

QString ActionRequestPanel::requirementText() const
{
    return m_requirement->text();
}

bool ActionRequestPanel::needsValue() const
{
    const QString action = selectedAction();
    return action == QLatin1String("change_email") || action == QLatin1String("change_phone");
}

void ActionRequestPanel::updateRequirement()
{
    const QString action = selectedAction();
    QStringList lines;
    QString style = QStringLiteral("color: #323130;");
    if (m_frozen) {
        lines.append(
                tr("This profile is frozen after a revert: no action can be requested until a supervisor "
                   "has reviewed and unfrozen it."));
        style = QStringLiteral("color: #a4262c;");
    } else if (m_catalog && m_catalog->contains(action)) {
        const ActionRule rule = m_catalog->value(action);
        const int approvals = m_privileged ? rule.privilegedApprovals : rule.approvals;
        if (m_privileged && rule.privilegedRefused) {
            lines.append(tr("The policy refuses this action on privileged profiles."));
            style = QStringLiteral("color: #a4262c;");
        } else {
            lines.append(approvals == 0 ? tr("Needs assurance level %1; runs at once.").arg(rule.level)
                                        : tr("Needs assurance level %1 and approval by %2 supervisor(s).")
                                                  .arg(rule.level)
                                                  .arg(approvals));
        }
        if (rule.undoSeconds > 0) {
            const int seconds = rule.undoSeconds;
            const QString duration = seconds % 3600 == 0 ? tr("%1 h").arg(seconds / 3600)
                                                         : tr("%1 min").arg((seconds + 59) / 60);
            lines.append(tr("Takes effect after an undo window of %1.").arg(duration));
        }
        if (m_level >= rule.level) {
            lines.append(tr("The verification is at level %1: enough.").arg(m_level));
        } else {
            lines.append(tr("The verification is at level %1: use Stronger proof above first.").arg(m_level));
            style = QStringLiteral("color: #8a5a00;");
        }
    } else {
        lines.append(tr("The verification is at level %1. The cached policy does not say which level this "
                        "action needs; the server checks it.")
                             .arg(m_level));
    }
    m_requirement->setText(lines.join(QLatin1Char('\n')));
    m_requirement->setStyleSheet(QStringLiteral("QLabel { %1 }").arg(style));
    m_requirement->setAccessibleName(tr("What this action needs"));
    m_requirement->setAccessibleDescription(m_requirement->text());

    const bool value = needsValue();
    m_form->setRowVisible(m_value, value);
    m_valueLabel->setText(action == QLatin1String("change_phone") ? tr("New phone n&umber:")
                                                                  : tr("New e-mail &address:"));
    m_value->setAccessibleName(action == QLatin1String("change_phone") ? tr("New phone number")
                                                                       : tr("New e-mail address"));
    m_value->setPlaceholderText(action == QLatin1String("change_phone") ? tr("+1 555 0100 001")
                                                                        : tr("name@example.com"));
}

void ActionRequestPanel::updateButtons()
{
    const bool filled = !m_reason->text().trimmed().isEmpty() && !m_ticket->text().trimmed().isEmpty()
            && (!needsValue() || !m_value->text().trimmed().isEmpty());
    m_requestButton->setEnabled(m_online && !m_reply && filled && !m_frozen && !m_verificationId.isEmpty());
    for (QWidget *widget : {static_cast<QWidget *>(m_action), static_cast<QWidget *>(m_reason),
                            static_cast<QWidget *>(m_ticket), static_cast<QWidget *>(m_value)})
        widget->setEnabled(!m_reply);
}

void ActionRequestPanel::submit()
{
    if (!m_requestButton->isEnabled())
        return;
    QJsonObject body{{QStringLiteral("action"), selectedAction()},
                     {QStringLiteral("verification_id"), m_verificationId},
                     {QStringLiteral("reason"), m_reason->text().trimmed()},
                     {QStringLiteral("ticket"), m_ticket->text().trimmed()}};
    if (needsValue())
        body.insert(QStringLiteral("value"), m_value->text().trimmed());
    showResult(Outcome::Sending, [] { return tr("Sending the request…"); });
    m_reply = m_client->requestAction(m_profileId, body);
    BackendReply *reply = m_reply;
    connect(reply, &BackendReply::finished, this, [this, reply] { onAnswered(reply); });
    updateButtons();
}

void ActionRequestPanel::onAnswered(BackendReply *reply)
{
    m_reply = nullptr;
    updateButtons();
    if (reply->error() == BackendReply::Error::Aborted)
        return;
    m_errorCode = reply->errorCode();
    const auto action = reply->ok() ? ActionInfo::parse(reply->json()) : std::nullopt;
    if (!action) {
        const QJsonObject json = reply->json();
        if (m_errorCode == QLatin1String("profile_frozen"))
            setFrozen(true);
        if (m_errorCode == QLatin1String("level_insufficient")
            && json.value(QStringLiteral("level")).isDouble())
            setLevel(json.value(QStringLiteral("level")).toInt());
        const int required = json.value(QStringLiteral("required_level")).toInt();
        const int level = m_level;
        const QString code = m_errorCode;
        const QString message = reply->message();
        const bool http = reply->error() == BackendReply::Error::Http;
        showResult(Outcome::Refused, [code, required, level, message, http] {
            return refusalText(code, required, level, message, http);
        });
        if (m_errorCode == QLatin1String("profile_locked"))
            emit locked(QDateTime::fromString(json.value(QStringLiteral("locked_until")).toString(),
                                              Qt::ISODate));
        return;
    }
    m_lastAction = action;
    const ActionInfo info = *action;
    if (info.state == QLatin1String("done")) {
        showResult(Outcome::Done, [info] {
            return tr("Done: %1 for %2.").arg(ActionTableModel::actionLabel(info.action), info.profileName);
        });
    } else if (info.awaitingApproval()) {
        showResult(Outcome::AwaitingApproval, [info] {
            return tr("Awaiting approval: %1 for %2 waits for a supervisor (ticket %3). Follow it under My "
                      "requests.")
                    .arg(ActionTableModel::actionLabel(info.action), info.profileName, info.ticket);
        });
    } else if (info.state == QLatin1String("scheduled")) {
        showResult(Outcome::Scheduled, [info] {
            return tr("Scheduled until %1: %2 for %3 takes effect then unless the user reverts it.")
                    .arg(ActionTableModel::timeText(info.runAt), ActionTableModel::actionLabel(info.action),
                         info.profileName);
        });
    } else {
        showResult(Outcome::Failed, [info] {
            return tr("%1 for %2: %3")
                    .arg(ActionTableModel::actionLabel(info.action), info.profileName,
                         ActionTableModel::stateLabel(info));
        });
    }
    m_reason->clear();
    m_value->clear();
    emit requested(info);
}

QString ActionRequestPanel::refusalText(const QString &code, int requiredLevel, int level,
                                        const QString &message, bool http)
{
    if (code == QLatin1String("level_insufficient")) {
        return requiredLevel > 0
                ? tr("Refused: this action needs assurance level %1 and the verification is at level %2. "
                     "Step up first with Stronger proof, then request it again.")
                          .arg(requiredLevel)
                          .arg(level)
                : tr("Refused: the verification's level is too low. Step up first with Stronger proof, then "
                     "request it again.");
    }
    if (code == QLatin1String("profile_frozen"))
        return tr("Refused: the profile is frozen after a revert. A supervisor has to review and unfreeze it "
                  "first.");
    if (code == QLatin1String("profile_locked"))
        return tr("Refused: the profile is locked. Ask a supervisor if the caller needs help.");
    if (code == QLatin1String("verification_required"))
        return tr("Refused: your access to this profile has ended. Verify the caller again.");
    if (code == QLatin1String("action_pending"))
        return tr("Refused: the same action is already open on this profile. Follow it under My requests.");
    if (code == QLatin1String("no_channel"))
        return tr("Refused: there is no e-mail address or phone number on record to send the reset link to.");
    if (code == QLatin1String("refused_by_policy"))
        return tr("Refused: the policy does not allow this action on a privileged profile.");
    if (http)
        return tr("Refused by the server: %1").arg(message);
    return message.isEmpty() ? tr("The request could not be sent.") : message;
}

void ActionRequestPanel::showResult(Outcome outcome, std::function<QString()> text)
{
    m_outcome = outcome;
    m_resultText = std::move(text);
    QString style;
    switch (outcome) {
    case Outcome::None:
    case Outcome::Sending:
        style = noteStyle("#f3f2f1", "#c8c6c4", "#323130");
        break;
    case Outcome::Done:
        style = noteStyle("#dff6dd", "#6bb700", "#0b5a08");
        break;
    case Outcome::AwaitingApproval:
    case Outcome::Scheduled:
        style = noteStyle("#eff6fc", "#a6c8e8", "#004578");
        break;
    case Outcome::Failed:
    case Outcome::Refused:
        style = noteStyle("#fde7e9", "#d13438", "#a4262c");
        break;
    }
    m_result->setStyleSheet(style);
    updateResultText();
    m_result->setVisible(outcome != Outcome::None);
}

void ActionRequestPanel::updateResultText()
{
    const QString text = m_resultText ? m_resultText() : QString();
    m_result->setText(text);
    m_result->setAccessibleDescription(text);
}

void ActionRequestPanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QGroupBox::changeEvent(event);
}

void ActionRequestPanel::retranslateUi()
{
    setTitle(tr("Request an action"));
    setAccessibleName(tr("Request an action"));
    m_actionLabel->setText(tr("Acti&on:"));
    for (int i = 0; i < m_action->count(); ++i)
        m_action->setItemText(i, ActionTableModel::actionLabel(m_action->itemData(i).toString()));
    m_action->setAccessibleName(tr("Action to request"));
    m_reasonLabel->setText(tr("Rea&son:"));
    m_reason->setAccessibleName(tr("Reason"));
    m_reason->setPlaceholderText(tr("Why the caller needs it (required)"));
    m_ticketLabel->setText(tr("Tic&ket:"));
    m_ticket->setAccessibleName(tr("Ticket"));
    m_ticket->setPlaceholderText(tr("e.g. INC-1234 (required)"));
    m_requestButton->setText(tr("Send re&quest"));
    m_requestButton->setAccessibleName(tr("Request action"));
    m_requestButton->setAccessibleDescription(
            tr("Sends the request; actions that need approval wait for a supervisor"));
    m_result->setAccessibleName(tr("Request result"));
    updateRequirement();
    updateResultText();
}

} // namespace vigil
