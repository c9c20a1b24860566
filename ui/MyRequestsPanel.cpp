#include "MyRequestsPanel.h"

#include "ActionTableModel.h"
#include "BackendClient.h"
#include "DialogSeam.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QPushButton>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

namespace vigil {

namespace {
constexpr int kDefaultPollMs = 5000;
}

MyRequestsPanel::MyRequestsPanel(BackendClient *client, QWidget *parent)
    : QGroupBox(parent)
    , m_client(client)
    , m_model(new ActionTableModel(this))
    , m_timer(new QTimer(this))
{
    setObjectName(QStringLiteral("myRequestsPanel"));
    m_view = new QTableView(this);
    m_view->setObjectName(QStringLiteral("myRequestsView"));
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
    for (int column : {ActionTableModel::RequesterColumn, ActionTableModel::ApprovalsColumn,
                       ActionTableModel::ExpiresColumn})
        m_view->setColumnHidden(column, true);
    m_view->horizontalHeader()->moveSection(ActionTableModel::StateColumn, ActionTableModel::ColumnCount - 1);
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_view->horizontalHeader()->setSectionResizeMode(ActionTableModel::StateColumn, QHeaderView::Stretch);
    m_view->setMinimumHeight(m_view->fontMetrics().height() * 6);

    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("myRequestsStatus"));
    m_status->setWordWrap(true);
    m_refreshButton = new QPushButton(this);
    m_refreshButton->setObjectName(QStringLiteral("myRequestsRefreshButton"));
    m_cancelButton = new QPushButton(this);
    m_cancelButton->setObjectName(QStringLiteral("cancelRequestButton"));

    auto *row = new QHBoxLayout;
    row->addWidget(m_status, 1);
    row->addWidget(m_refreshButton);
    row->addWidget(m_cancelButton);
    auto *layout = new QVBoxLayout(this);
    layout->setSpacing(6);
    layout->addWidget(m_view, 1);
    layout->addLayout(row);

    m_timer->setInterval(kDefaultPollMs);
    connect(m_timer, &QTimer::timeout, this, &MyRequestsPanel::refresh);
    connect(m_refreshButton, &QPushButton::clicked, this, &MyRequestsPanel::refresh);
    connect(m_cancelButton, &QPushButton::clicked, this, &MyRequestsPanel::cancelSelected);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &MyRequestsPanel::updateButtons);
    connect(m_model, &QAbstractItemModel::modelReset, this, &MyRequestsPanel::updateButtons);
    connect(m_model, &QAbstractItemModel::dataChanged, this, &MyRequestsPanel::updateButtons);
    retranslateUi();
    updateButtons();
}

MyRequestsPanel::~MyRequestsPanel()
{
    if (m_listReply)
        m_listReply->abort();
    if (m_cancelReply)
        m_cancelReply->abort();
}

void MyRequestsPanel::setPollInterval(int milliseconds)
{
    m_timer->setInterval(milliseconds);
}

int MyRequestsPanel::pollInterval() const
{
    return m_timer->interval();
}

bool MyRequestsPanel::isPolling() const
{
    return m_timer->isActive();
}

void MyRequestsPanel::setOnline(bool online)
{
    m_online = online;
    if (!online && m_listReply)
        m_listReply->abort();
    updateTimer();
    updateButtons();
}

QString MyRequestsPanel::statusText() const
{
    return m_status->text();
}

void MyRequestsPanel::showEvent(QShowEvent *event)
{
    QGroupBox::showEvent(event);
    updateTimer();
    refresh();
}

void MyRequestsPanel::hideEvent(QHideEvent *event)
{
    QGroupBox::hideEvent(event);
    updateTimer();
}

void MyRequestsPanel::updateTimer()
{
    // Only while someone can see it: a hidden or offline panel costs the server nothing.
    if (m_online && isVisible()) {
        if (!m_timer->isActive())
            m_timer->start();
    } else {
        m_timer->stop();
    }
}

void MyRequestsPanel::refresh()
{
    if (!m_online || m_listReply)
        return;
    m_listReply = m_client->actions(QStringLiteral("mine"));
    BackendReply *reply = m_listReply;
    connect(reply, &BackendReply::finished, this, [this, reply] {
        m_listReply = nullptr;
        if (reply->error() == BackendReply::Error::Aborted)
            return;
        const auto actions = reply->ok() ? ActionInfo::parseList(reply->json()) : std::nullopt;
        if (!actions) {
            const QString message = reply->message();
            setStatus([message] {
                return message.isEmpty() ? tr("Your requests could not be loaded.") : message;
            });
            return;
        }
        const auto selected = selectedAction();
        m_model->setActions(*actions);
        if (selected) {
            const int row = m_model->rowOf(selected->id);
            if (row >= 0)
                m_view->selectRow(row);
        }
        int open = 0;
        for (const ActionInfo &action : *actions)
            open += action.awaitingApproval() || action.state == QLatin1String("scheduled");
        const int count = static_cast<int>(actions->size());
        setStatus([count, open] {
            if (count == 0)
                return tr("You have not requested any action yet.");
            return tr("Requests: %1, still open: %2.").arg(count).arg(open);
        });
        emit updated();
    });
}

std::optional<ActionInfo> MyRequestsPanel::selectedAction() const
{
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    if (rows.isEmpty() || rows.first().row() >= m_model->rowCount())
        return std::nullopt;
    return m_model->actionAt(rows.first().row());
}

void MyRequestsPanel::updateButtons()
{
    const auto action = selectedAction();
    const bool cancellable =
            action && (action->awaitingApproval() || action->state == QLatin1String("scheduled"));
    m_cancelButton->setEnabled(m_online && cancellable && !m_cancelReply);
    m_refreshButton->setEnabled(m_online);
}

void MyRequestsPanel::cancelSelected()
{
    const auto action = selectedAction();
    if (!action || !m_cancelButton->isEnabled())
        return;
    const QString id = action->id;
    const QPointer<MyRequestsPanel> self(this);
    DialogSeam::ask(
            this, QMessageBox::Question, tr("Cancel request?"),
            tr("Cancel %1 for %2 (ticket %3)? Supervisors will no longer see it.")
                    .arg(ActionTableModel::actionLabel(action->action), action->profileName, action->ticket),
            QMessageBox::Yes | QMessageBox::No, QMessageBox::No,
            [self, id](QMessageBox::StandardButton button) {
                if (!self || button != QMessageBox::Yes || self->m_cancelReply)
                    return;
                self->m_cancelReply = self->m_client->cancelAction(id);
                BackendReply *reply = self->m_cancelReply;
                self->updateButtons();
                MyRequestsPanel *panel = self;
                connect(reply, &BackendReply::finished, panel, [panel, reply] {
                    panel->m_cancelReply = nullptr;
                    panel->updateButtons();
                    if (reply->error() == BackendReply::Error::Aborted)
                        return;
                    const auto updated = reply->ok() ? ActionInfo::parse(reply->json()) : std::nullopt;
                    if (!updated) {
                        const QString message = reply->message();
                        panel->setStatus([message] {
                            return tr("The request could not be cancelled: %1").arg(message);
                        });
                        return;
                    }
                    panel->m_model->updateAction(*updated);
                    panel->setStatus([] { return tr("The request is cancelled."); });
                });
            });
}

void MyRequestsPanel::setStatus(std::function<QString()> text)
{
    m_statusText = std::move(text);
    m_status->setText(m_statusText ? m_statusText() : QString());
    m_status->setAccessibleDescription(m_status->text());
}

void MyRequestsPanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QGroupBox::changeEvent(event);
}

void MyRequestsPanel::retranslateUi()
{
    setTitle(tr("My requests"));
    setAccessibleName(tr("My requests"));
    m_view->setAccessibleName(tr("My requested actions"));
    m_view->setAccessibleDescription(
            tr("The actions you requested and their state, updated every few seconds"));
    m_status->setAccessibleName(tr("My requests status"));
    m_refreshButton->setText(tr("Refresh"));
    m_refreshButton->setAccessibleName(tr("Refresh my requests"));
    m_cancelButton->setText(tr("Cance&l request"));
    m_cancelButton->setAccessibleName(tr("Cancel the selected request"));
    m_model->retranslate();
    if (m_statusText)
        m_status->setText(m_statusText());
}

} // namespace vigil
