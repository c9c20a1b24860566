#include "EscalationQueue.h"

#include "ActionTableModel.h"
#include "BackendClient.h"
#include "EscalationEvidence.h"
#include "SecondFactorGate.h"

#include <QApplication>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QLoggingCategory>
#include <QPushButton>
#include <QSplitter>
#include <QStyle>
#include <QSystemTrayIcon>
#include <QTableView>
#include <QTextBrowser>
#include <QTimer>
#include <QVBoxLayout>

Q_LOGGING_CATEGORY(lcEscalations, "vigil.ui.escalations")

namespace vigil {

namespace {

constexpr int kDefaultPollMs = 5000;
constexpr int kMaxReason = 500;

QString noteStyle(const char *background, const char *border, const char *text)
{
    return QStringLiteral("QLabel#decisionResult { background: %1; border: 1px solid %2; color: %3; "
                          "border-radius: 4px; padding: 8px; }")
            .arg(QLatin1String(background), QLatin1String(border), QLatin1String(text));
}

} // namespace

EscalationQueue::EscalationQueue(BackendClient *client, SecondFactorGate *gate, const QString &username,
                                 QWidget *parent)
    : QWidget(parent)
    , m_client(client)
    , m_gate(gate)
    , m_username(username)
    , m_model(new ActionTableModel(this))
    , m_timer(new QTimer(this))
{
    setObjectName(QStringLiteral("escalationQueue"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/vigil.svg")));
    resize(1280, 640);

    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("queueStatus"));
    m_status->setWordWrap(true);
    m_refreshButton = new QPushButton(this);
    m_refreshButton->setObjectName(QStringLiteral("queueRefreshButton"));
    m_refreshButton->setIcon(style()->standardIcon(QStyle::SP_BrowserReload));
    m_refreshButton->setShortcut(QKeySequence::Refresh);

    m_view = new QTableView(this);
    m_view->setObjectName(QStringLiteral("queueView"));
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setAlternatingRowColors(true);
    m_view->setTabKeyNavigation(false);
    m_view->setWordWrap(false);
    m_view->verticalHeader()->setVisible(false);
    m_view->horizontalHeader()->setHighlightSections(false);
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->setColumnHidden(ActionTableModel::StateColumn, true);
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_view->setMinimumWidth(480);

    m_evidence = new QTextBrowser(this);
    m_evidence->setObjectName(QStringLiteral("evidencePane"));
    m_evidence->setOpenLinks(false);
    m_evidence->setMinimumWidth(360);
    m_hint = new QLabel(this);
    m_hint->setObjectName(QStringLiteral("decisionHint"));
    m_hint->setWordWrap(true);
    m_hint->setStyleSheet(QStringLiteral("QLabel { color: #8a5a00; }"));

    m_reasonLabel = new QLabel(this);
    m_reason = new QLineEdit(this);
    m_reason->setObjectName(QStringLiteral("decisionReasonEdit"));
    m_reason->setMaxLength(kMaxReason);
    m_reasonLabel->setBuddy(m_reason);
    m_approveButton = new QPushButton(this);
    m_approveButton->setObjectName(QStringLiteral("approveButton"));
    m_denyButton = new QPushButton(this);
    m_denyButton->setObjectName(QStringLiteral("denyButton"));
    m_result = new QLabel(this);
    m_result->setObjectName(QStringLiteral("decisionResult"));
    m_result->setWordWrap(true);
    m_result->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_result->setVisible(false);

    auto *top = new QHBoxLayout;
    top->addWidget(m_status, 1);
    top->addWidget(m_refreshButton);

    auto *reasonRow = new QHBoxLayout;
    reasonRow->addWidget(m_reasonLabel);
    reasonRow->addWidget(m_reason, 1);
    auto *buttonRow = new QHBoxLayout;
    buttonRow->addStretch(1);
    buttonRow->addWidget(m_denyButton);
    buttonRow->addWidget(m_approveButton);
    auto *right = new QWidget(this);
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(6, 0, 0, 0);
    rightLayout->addWidget(m_evidence, 1);
    rightLayout->addWidget(m_hint);
    rightLayout->addLayout(reasonRow);
    rightLayout->addLayout(buttonRow);
    rightLayout->addWidget(m_result);

    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(m_view);
    splitter->addWidget(right);
    splitter->setChildrenCollapsible(false);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    splitter->setSizes({760, 500});

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(12, 10, 12, 10);
    layout->addLayout(top);
    layout->addWidget(splitter, 1);

    setTabOrder(m_view, m_evidence);
    setTabOrder(m_evidence, m_reason);
    setTabOrder(m_reason, m_approveButton);
    setTabOrder(m_approveButton, m_denyButton);
    setTabOrder(m_denyButton, m_refreshButton);

    m_timer->setInterval(kDefaultPollMs);
    connect(m_timer, &QTimer::timeout, this, &EscalationQueue::refresh);
    connect(m_refreshButton, &QPushButton::clicked, this, &EscalationQueue::refresh);
    connect(m_approveButton, &QPushButton::clicked, this, &EscalationQueue::approveSelected);
    connect(m_denyButton, &QPushButton::clicked, this, &EscalationQueue::denySelected);
    connect(m_reason, &QLineEdit::textChanged, this, &EscalationQueue::updateButtons);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, [this] {
        updateEvidence();
        updateButtons();
    });
    connect(m_model, &QAbstractItemModel::modelReset, this, [this] {
        updateEvidence();
        updateButtons();
    });
    connect(m_model, &QAbstractItemModel::dataChanged, this, [this] {
        updateEvidence();
        updateButtons();
    });
    if (m_gate)
        connect(m_gate, &SecondFactorGate::verifiedChanged, this, &EscalationQueue::updateEvidence);

    retranslateUi();
    updateEvidence();
    updateButtons();
}

EscalationQueue::~EscalationQueue()
{
    if (m_listReply)
        m_listReply->abort();
    if (m_decisionReply)
        m_decisionReply->abort();
}

void EscalationQueue::setPollInterval(int milliseconds)
{
    m_timer->setInterval(milliseconds);
}

int EscalationQueue::pollInterval() const
{
    return m_timer->interval();
}

void EscalationQueue::setPolling(bool polling)
{
    m_polling = polling;
    if (polling) {
        if (!m_timer->isActive())
            m_timer->start();
        refresh();
    } else {
        m_timer->stop();
        if (m_listReply)
            m_listReply->abort();
    }
    updateButtons();
}

bool EscalationQueue::isPolling() const
{
    return m_timer->isActive();
}

bool EscalationQueue::selectAction(const QString &actionId)
{
    const int row = m_model->rowOf(actionId);
    if (row < 0)
        return false;
    m_view->selectRow(row);
    return true;
}

std::optional<ActionInfo> EscalationQueue::selectedAction() const
{
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    if (rows.isEmpty() || rows.first().row() >= m_model->rowCount())
        return std::nullopt;
    return m_model->actionAt(rows.first().row());
}

QString EscalationQueue::evidenceText() const
{
    return m_evidence->toPlainText();
}

QString EscalationQueue::statusText() const
{
    return m_status->text();
}

QString EscalationQueue::decisionText() const
{
    return m_result->isVisibleTo(this) ? m_result->text() : QString();
}

QString EscalationQueue::hintText() const
{
    return m_hint->isVisibleTo(this) ? m_hint->text() : QString();
}

void EscalationQueue::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    refresh();
}

void EscalationQueue::refresh()
{
    if (!m_polling || m_listReply)
        return;
    m_listReply = m_client->actions(QStringLiteral("queue"));
    BackendReply *reply = m_listReply;
    connect(reply, &BackendReply::finished, this, [this, reply] { onListed(reply); });
}

void EscalationQueue::onListed(BackendReply *reply)
{
    m_listReply = nullptr;
    if (reply->error() == BackendReply::Error::Aborted)
        return;
    const auto actions = reply->ok() ? ActionInfo::parseList(reply->json()) : std::nullopt;
    if (!actions) {
        const QString message = reply->message();
        setStatus([message] {
            return message.isEmpty() ? tr("The escalation queue could not be loaded.") : message;
        });
        return;
    }
    const auto selected = selectedAction();
    m_model->setActions(*actions);
    if (selected)
        selectAction(selected->id);
    if (!selectedAction() && !actions->isEmpty())
        m_view->selectRow(0);

    QList<ActionInfo> fresh;
    for (const ActionInfo &action : *actions) {
        if (m_seen.contains(action.id))
            continue;
        m_seen.insert(action.id);
        if (action.requestedBy != m_username)
            fresh.append(action);
    }
    const int count = static_cast<int>(actions->size());
    setStatus([count] {
        return count == 0 ? tr("No escalation is waiting for approval.")
                          : tr("Escalations waiting for approval: %1").arg(count);
    });
    emit updated();
    if (!fresh.isEmpty()) {
        qCInfo(lcEscalations) << fresh.size() << "new escalation(s)";
        emit newEscalations(fresh);
        notify(fresh);
    }
}

void EscalationQueue::notify(const QList<ActionInfo> &fresh)
{
    const QString title = tr("Vigil: escalation waiting for approval");
    const ActionInfo &first = fresh.first();
    const QString text = fresh.size() == 1
            ? tr("%1 asks for \u201c%2\u201d on %3 (ticket %4).")
                      .arg(first.requestedByName.isEmpty() ? first.requestedBy : first.requestedByName,
                           ActionTableModel::actionLabel(first.action), first.profileName, first.ticket)
            : tr("New escalations waiting for approval: %1").arg(fresh.size());
    const bool viaTray = QSystemTrayIcon::isSystemTrayAvailable();
    if (viaTray) {
        if (!m_tray) {
            m_tray = new QSystemTrayIcon(QIcon(QStringLiteral(":/icons/vigil.svg")), this);
            m_tray->setToolTip(tr("Vigil escalation queue"));
            connect(m_tray, &QSystemTrayIcon::messageClicked, this, [this] {
                show();
                raise();
                activateWindow();
            });
        }
        m_tray->show();
        m_tray->showMessage(title, text, QSystemTrayIcon::Information, 10000);
    } else {
        // No tray to show it in: flash the taskbar entry; the main window shows a notice as well.
        QWidget *target = isVisible() ? this : (parentWidget() ? parentWidget()->window() : this);
        QApplication::alert(target);
    }
    emit notified(title, text, viaTray);
}

void EscalationQueue::approveSelected()
{
    decide(true);
}

void EscalationQueue::denySelected()
{
    decide(false);
}

void EscalationQueue::decide(bool approve)
{
    QPushButton *button = approve ? m_approveButton : m_denyButton;
    const auto action = selectedAction();
    if (!action || !button->isEnabled())
        return;
    const QString id = action->id;
    const QString reason = m_reason->text().trimmed();
    m_deciding = true;
    setDecision(Decision::Sending, [] { return tr("Sending your decision…"); });
    updateButtons();
    if (!m_gate) {
        sendDecision(id, reason, approve, false);
        return;
    }
    const QPointer<EscalationQueue> self(this);
    m_gate->run(
            this,
            [self, id, reason, approve] {
                if (self)
                    self->sendDecision(id, reason, approve, true);
            },
            [self](const QString &message) {
                if (!self)
                    return;
                self->m_deciding = false;
                if (message.isEmpty())
                    self->setDecision(Decision::None, {});
                else
                    self->setDecision(Decision::Error, [message] { return message; });
                self->updateButtons();
            });
}

void EscalationQueue::sendDecision(const QString &actionId, const QString &reason, bool approve,
                                   bool mayRetry)
{
    m_deciding = true;
    m_decisionReply =
            approve ? m_client->approveAction(actionId, reason) : m_client->denyAction(actionId, reason);
    BackendReply *reply = m_decisionReply;
    connect(reply, &BackendReply::finished, this, [this, reply, actionId, reason, approve, mayRetry] {
        onDecided(reply, actionId, reason, approve, mayRetry);
    });
    updateButtons();
}

void EscalationQueue::onDecided(BackendReply *reply, const QString &actionId, const QString &reason,
                                bool approve, bool mayRetry)
{
    m_decisionReply = nullptr;
    if (reply->error() == BackendReply::Error::Aborted) {
        m_deciding = false;
        updateButtons();
        return;
    }
    const QString code = reply->errorCode();
    if (code == QLatin1String("second_factor_required") && mayRetry && m_gate) {
        // The server no longer counts this session as second-factor verified: ask once more.
        m_gate->invalidate();
        const QPointer<EscalationQueue> self(this);
        m_gate->run(
                this,
                [self, actionId, reason, approve] {
                    if (self)
                        self->sendDecision(actionId, reason, approve, false);
                },
                [self](const QString &message) {
                    if (!self)
                        return;
                    self->m_deciding = false;
                    self->setDecision(
                            message.isEmpty() ? Decision::None : Decision::Error,
                            message.isEmpty() ? std::function<QString()>() : [message] { return message; });
                    self->updateButtons();
                });
        return;
    }
    m_deciding = false;
    const auto updated = reply->ok() ? ActionInfo::parse(reply->json()) : std::nullopt;
    if (!updated) {
        const QString message = reply->message();
        std::function<QString()> text;
        if (code == QLatin1String("self_approval"))
            text = [] {
                return tr("You requested this action or verified the caller, so another supervisor has to "
                          "decide.");
            };
        else if (code == QLatin1String("already_decided"))
            text = [] {
                return tr("You have already approved this escalation.");
            };
        else if (code == QLatin1String("not_pending"))
            text = [] {
                return tr("This escalation has already been decided or cancelled.");
            };
        else if (code == QLatin1String("escalation_expired"))
            text = [] {
                return tr("This escalation has expired. The technician has to request it again.");
            };
        else if (code == QLatin1String("second_factor_required"))
            text = [] {
                return tr("The server still asks for your second factor. Try again.");
            };
        else
            text = [message] {
                return message.isEmpty() ? tr("Your decision could not be sent.")
                                         : tr("Your decision was refused: %1").arg(message);
            };
        setDecision(Decision::Error, text);
        updateButtons();
        refresh();
        return;
    }
    m_model->updateAction(*updated);
    m_reason->clear();
    const ActionInfo info = *updated;
    if (!approve) {
        setDecision(Decision::Denied, [info] {
            return tr("Denied: %1 for %2.").arg(ActionTableModel::actionLabel(info.action), info.profileName);
        });
    } else {
        setDecision(Decision::Approved, [info] {
            const QString label = ActionTableModel::actionLabel(info.action);
            if (info.awaitingApproval())
                return tr("Your approval is recorded: %1 for %2 now has %3 of %4 approvals.")
                        .arg(label, info.profileName)
                        .arg(info.approvedCount())
                        .arg(info.approvalsRequired);
            return tr("Approved: %1 for %2 is now: %3.")
                    .arg(label, info.profileName, ActionTableModel::stateLabel(info));
        });
    }
    emit decided(info);
    updateButtons();
    refresh();
}

void EscalationQueue::updateEvidence()
{
    const auto action = selectedAction();
    m_evidence->setHtml(action ? EscalationEvidence::html(*action) : QString());
    const QString hint = action ? EscalationEvidence::whyNot(*action, m_username) : QString();
    m_hint->setText(hint);
    m_hint->setVisible(!hint.isEmpty());
    m_hint->setAccessibleDescription(hint);
    if (!action)
        m_evidence->setPlaceholderText(tr("Select an escalation to see the evidence behind it."));
}

void EscalationQueue::updateButtons()
{
    const auto action = selectedAction();
    const bool can = m_polling && action && action->canApprove && action->awaitingApproval() && !m_deciding
            && !m_decisionReply;
    const bool reasoned = !m_reason->text().trimmed().isEmpty();
    m_approveButton->setEnabled(can && reasoned);
    m_denyButton->setEnabled(can && reasoned);
    m_reason->setEnabled(can);
    m_refreshButton->setEnabled(m_polling);
}

void EscalationQueue::setStatus(std::function<QString()> text)
{
    m_statusText = std::move(text);
    m_status->setText(m_statusText ? m_statusText() : QString());
    m_status->setAccessibleDescription(m_status->text());
}

void EscalationQueue::setDecision(Decision decision, std::function<QString()> text)
{
    m_decision = decision;
    m_decisionText = std::move(text);
    switch (decision) {
    case Decision::None:
    case Decision::Sending:
        m_result->setStyleSheet(noteStyle("#f3f2f1", "#c8c6c4", "#323130"));
        break;
    case Decision::Approved:
        m_result->setStyleSheet(noteStyle("#dff6dd", "#6bb700", "#0b5a08"));
        break;
    case Decision::Denied:
        m_result->setStyleSheet(noteStyle("#eff6fc", "#a6c8e8", "#004578"));
        break;
    case Decision::Error:
        m_result->setStyleSheet(noteStyle("#fde7e9", "#d13438", "#a4262c"));
        break;
    }
    m_result->setText(m_decisionText ? m_decisionText() : QString());
    m_result->setAccessibleDescription(m_result->text());
    m_result->setVisible(decision != Decision::None);
}

void EscalationQueue::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void EscalationQueue::retranslateUi()
{
    setWindowTitle(tr("Vigil — escalation queue"));
    m_refreshButton->setText(tr("&Refresh"));
    m_refreshButton->setAccessibleName(tr("Refresh the queue"));
    m_view->setAccessibleName(tr("Open escalations"));
    m_view->setAccessibleDescription(tr("Oldest first; select one to see its evidence"));
    m_evidence->setAccessibleName(tr("Evidence"));
    m_evidence->setAccessibleDescription(
            tr("What the requester proved: levels, methods, attempt history, ticket and reason"));
    m_status->setAccessibleName(tr("Queue status"));
    m_hint->setAccessibleName(tr("Why you cannot decide"));
    m_reasonLabel->setText(tr("Re&ason for your decision:"));
    m_reason->setAccessibleName(tr("Reason for your decision"));
    m_reason->setPlaceholderText(tr("Required for approving and denying"));
    m_approveButton->setText(tr("A&pprove"));
    m_approveButton->setAccessibleName(tr("Approve escalation"));
    m_approveButton->setAccessibleDescription(
            tr("Approves the selected escalation; asks for your authenticator code first if needed"));
    m_denyButton->setText(tr("&Deny"));
    m_denyButton->setAccessibleName(tr("Deny escalation"));
    m_denyButton->setAccessibleDescription(tr("Denies the selected escalation"));
    m_result->setAccessibleName(tr("Decision result"));
    m_model->retranslate();
    if (m_statusText)
        m_status->setText(m_statusText());
    if (m_decisionText)
        m_result->setText(m_decisionText());
    updateEvidence();
}

} // namespace vigil
