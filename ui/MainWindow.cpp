#include "MainWindow.h"

#include "ActionRequestPanel.h"
#include "AuditViewer.h"
#include "BackendClient.h"
#include "ConsoleController.h"
#include "EscalationQueue.h"
#include "LanguageManager.h"
#include "MyRequestsPanel.h"
#include "OfflineBanner.h"
#include "ProfileDetailsPanel.h"
#include "ProfileTableModel.h"
#include "SettingsDialog.h"
#include "SettingsResolver.h"
#include "VerificationPanel.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QPushButton>
#include <QScrollArea>
#include <QSplitter>
#include <QStatusBar>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

namespace vigil {

namespace {
constexpr int kSearchDelayMs = 250;
constexpr int kSearchLimit = 50;

bool isSupervisor(const AgentInfo &agent)
{
    return agent.hasRole(QStringLiteral("supervisor")) || agent.hasRole(QStringLiteral("admin"));
}

// The catalog the server signed. A policy from a server that predates the catalog parses with
// built-in defaults, which are not the server's word: then the level is "not known".
std::optional<QMap<QString, ActionRule>> actionCatalogOf(const std::optional<PolicyCache::Entry> &entry)
{
    if (!entry || !QJsonDocument::fromJson(entry->policyBytes).object().contains(QStringLiteral("actions")))
        return std::nullopt;
    return entry->policy.actions;
}
} // namespace

MainWindow::MainWindow(ConsoleController *controller, QWidget *parent)
    : QMainWindow(parent)
    , m_controller(controller)
    , m_model(new ProfileTableModel(this))
    , m_searchTimer(new QTimer(this))
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/vigil.svg")));
    setMinimumSize(900, 560);
    resize(1180, 720);

    BackendClient *client = controller->client();
    const AgentInfo &agent = controller->agent();

    m_banner = new OfflineBanner(this);
    m_banner->setVisible(false);
    m_keychainNotice = new QLabel(this);
    m_keychainNotice->setObjectName(QStringLiteral("keychainNotice"));
    m_keychainNotice->setWordWrap(true);
    m_keychainNotice->setStyleSheet(QStringLiteral("QLabel { background: #eff6fc; border: 1px solid #a6c8e8; "
                                                   "color: #004578; border-radius: 4px; padding: 6px; }"));
    m_keychainNotice->setVisible(false);

    // Left: search and results.
    m_searchLabel = new QLabel(this);
    m_search = new QLineEdit(this);
    m_search->setObjectName(QStringLiteral("searchBox"));
    m_search->setClearButtonEnabled(true);
    m_searchLabel->setBuddy(m_search);
    m_searchStatus = new QLabel(this);
    m_searchStatus->setObjectName(QStringLiteral("searchStatus"));
    m_results = new QTableView(this);
    m_results->setObjectName(QStringLiteral("resultsView"));
    m_results->setModel(m_model);
    m_results->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_results->setSelectionMode(QAbstractItemView::SingleSelection);
    m_results->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_results->setAlternatingRowColors(true);
    m_results->setTabKeyNavigation(false);
    m_results->verticalHeader()->setVisible(false);
    m_results->horizontalHeader()->setStretchLastSection(false);
    m_results->horizontalHeader()->setSectionResizeMode(ProfileTableModel::Name, QHeaderView::Stretch);
    m_results->horizontalHeader()->setMinimumSectionSize(60);
    m_results->horizontalHeader()->setHighlightSections(false);
    m_results->setMinimumWidth(480);
    m_results->setColumnHidden(ProfileTableModel::Frozen, true);
    m_verifyButton = new QPushButton(this);
    m_verifyButton->setObjectName(QStringLiteral("verifyButton"));
    m_myRequests = new MyRequestsPanel(client, this);

    auto *searchRow = new QHBoxLayout;
    searchRow->addWidget(m_searchLabel);
    searchRow->addWidget(m_search, 1);
    auto *verifyRow = new QHBoxLayout;
    verifyRow->addWidget(m_searchStatus, 1);
    verifyRow->addWidget(m_verifyButton);
    auto *searchPart = new QWidget(this);
    auto *searchLayout = new QVBoxLayout(searchPart);
    searchLayout->setContentsMargins(0, 0, 0, 0);
    searchLayout->setSpacing(8);
    searchLayout->addLayout(searchRow);
    searchLayout->addWidget(m_results, 1);
    searchLayout->addLayout(verifyRow);
    // The technician's own requests sit under the search, as tall as the user drags them.
    auto *left = new QSplitter(Qt::Vertical, this);
    left->setContentsMargins(0, 0, 6, 0);
    left->addWidget(searchPart);
    left->addWidget(m_myRequests);
    left->setStretchFactor(0, 3);
    left->setStretchFactor(1, 1);
    left->setChildrenCollapsible(false);
    left->setSizes({460, 180});

    // Right: verification, then the profile.
    m_placeholder = new QLabel(this);
    m_placeholder->setWordWrap(true);
    m_placeholder->setAlignment(Qt::AlignCenter);
    m_placeholder->setStyleSheet(QStringLiteral("QLabel { color: #605e5c; padding: 24px; }"));
    m_verification = new VerificationPanel(client, this);
    m_details = new ProfileDetailsPanel(client, this);
    m_details->setCanUnblock(isSupervisor(agent));
    m_details->setSecondFactorGate(controller->secondFactor());
    m_details->setActionCatalog(actionCatalogOf(controller->cachedPolicy()));
    auto *right = new QWidget(this);
    right->setMinimumWidth(360);
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(6, 0, 0, 0);
    rightLayout->setSpacing(16);
    rightLayout->addWidget(m_placeholder);
    rightLayout->addWidget(m_verification);
    rightLayout->addWidget(m_details);
    rightLayout->addStretch(1);
    auto *rightScroll = new QScrollArea(this);
    rightScroll->setWidget(right);
    rightScroll->setWidgetResizable(true);
    rightScroll->setFrameShape(QFrame::NoFrame);
    rightScroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    rightScroll->setMinimumWidth(400);

    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(left);
    splitter->addWidget(rightScroll);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    splitter->setChildrenCollapsible(false);
    splitter->setSizes({660, 480});

    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
    layout->setContentsMargins(12, 10, 12, 6);
    layout->setSpacing(8);
    layout->addWidget(m_banner);
    layout->addWidget(m_keychainNotice);
    layout->addWidget(splitter, 1);
    setCentralWidget(central);

    m_agentLabel = new QLabel(this);
    m_agentLabel->setObjectName(QStringLiteral("agentLabel"));
    m_serverLabel = new QLabel(this);
    m_serverLabel->setObjectName(QStringLiteral("serverLabel"));
    m_connectionLabel = new QLabel(this);
    m_connectionLabel->setObjectName(QStringLiteral("connectionLabel"));
    m_escalationNotice = new QPushButton(this);
    m_escalationNotice->setObjectName(QStringLiteral("escalationNotice"));
    m_escalationNotice->setStyleSheet(
            QStringLiteral("QPushButton { background: #fff4ce; border: 1px solid #c19c00; "
                           "color: #5c4400; border-radius: 4px; padding: 2px 8px; }"));
    m_escalationNotice->setVisible(false);
    connect(m_escalationNotice, &QPushButton::clicked, this, &MainWindow::openEscalationQueue);
    statusBar()->addWidget(m_agentLabel, 1);
    statusBar()->addPermanentWidget(m_escalationNotice);
    statusBar()->addPermanentWidget(m_serverLabel);
    statusBar()->addPermanentWidget(m_connectionLabel);

    createMenus();

    m_searchTimer->setSingleShot(true);
    m_searchTimer->setInterval(kSearchDelayMs);
    connect(m_searchTimer, &QTimer::timeout, this, &MainWindow::runSearch);
    connect(m_search, &QLineEdit::textChanged, this, &MainWindow::scheduleSearch);
    connect(m_search, &QLineEdit::returnPressed, this, [this] {
        // Enter in the search box moves to the first result; Enter there verifies.
        if (m_model->rowCount() > 0) {
            m_results->setFocus();
            m_results->selectRow(0);
        }
    });
    connect(m_results, &QTableView::activated, this, &MainWindow::verifySelected);
    connect(m_results->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &MainWindow::updateActions);
    connect(m_model, &QAbstractItemModel::modelReset, this, &MainWindow::updateActions);
    connect(m_verifyButton, &QPushButton::clicked, this, &MainWindow::verifySelected);

    connect(m_verification, &VerificationPanel::passed, this,
            [this](const ProfileSummary &profile, const QDateTime &) {
                m_details->showProfile(profile, m_verification->verificationId());
            });
    connect(m_verification, &VerificationPanel::locked, this, &MainWindow::onLocked);
    connect(m_verification, &VerificationPanel::cancelled, this, [this] {
        m_details->reset();
        updateActions();
        m_results->setFocus();
    });
    connect(m_details, &ProfileDetailsPanel::accessEnded, this, [this](const QString &) {
        m_verification->reset();
        updateActions();
    });
    connect(m_details, &ProfileDetailsPanel::unblocked, this, &MainWindow::onUnblocked);
    // A step-up failure that locks the profile shows the same locked state as failed questions.
    connect(m_details, &ProfileDetailsPanel::locked, this, &MainWindow::onLocked);
    connect(m_details, &ProfileDetailsPanel::closed, this, [this] {
        m_verification->reset();
        updateActions();
        m_results->setFocus();
    });
    connect(m_details, &ProfileDetailsPanel::actionRequested, m_myRequests, &MyRequestsPanel::refresh);
    connect(m_details, &ProfileDetailsPanel::unfrozen, this, [this](const QString &profileId) {
        m_model->setFrozen(profileId, false);
        updateFrozenColumn();
    });
    connect(controller, &ConsoleController::policyChanged, this, [this] {
        m_banner->setPolicy(m_controller->cachedPolicy());
        m_details->setActionCatalog(actionCatalogOf(m_controller->cachedPolicy()));
    });
    if (isSupervisor(agent)) {
        // Made at once (hidden) so the queue is polled for notifications before anyone opens it.
        m_queue = new EscalationQueue(client, controller->secondFactor(), agent.username, this);
        m_queue->setWindowFlag(Qt::Window);
        connect(m_queue, &EscalationQueue::newEscalations, this, [this](const QList<ActionInfo> &fresh) {
            m_unseenEscalations += static_cast<int>(fresh.size());
        });
        connect(m_queue, &EscalationQueue::notified, this,
                [this](const QString &, const QString &, bool viaTray) {
                    onEscalationNotified(viaTray, m_unseenEscalations);
                });
    }
    m_banner->setPolicy(controller->cachedPolicy());

    setTabOrder(m_search, m_results);
    setTabOrder(m_results, m_verifyButton);
    setTabOrder(m_verifyButton, m_myRequests);
    setTabOrder(m_myRequests, m_verification);
    setTabOrder(m_verification, m_details);

    const bool canSearch = agent.hasRole(QStringLiteral("technician"))
            || agent.hasRole(QStringLiteral("supervisor")) || agent.hasRole(QStringLiteral("admin"));
    m_search->setProperty("vigilCanSearch", canSearch);
    m_myRequests->setVisible(canSearch);

    retranslateUi();
    setOnline(controller->isOnline());
    m_search->setFocus();
}

MainWindow::~MainWindow()
{
    if (m_searchReply)
        m_searchReply->abort();
}

void MainWindow::createMenus()
{
    m_fileMenu = menuBar()->addMenu(QString());
    m_settingsAction = m_fileMenu->addAction(QString(), this, &MainWindow::openSettings);
    m_settingsAction->setShortcut(QKeySequence::Preferences);
    m_languageMenu = m_fileMenu->addMenu(QString());
    m_languageGroup = new QActionGroup(this);
    m_languageGroup->setExclusive(true);
    LanguageManager *languages = m_controller->languages();
    const bool languageEnforced = m_controller->settings()->isEnforced(SettingsResolver::Language);
    for (const QString &language : LanguageManager::available()) {
        QAction *action = m_languageMenu->addAction(LanguageManager::nativeName(language));
        action->setCheckable(true);
        action->setData(language);
        action->setChecked(languages->current() == language);
        action->setEnabled(!languageEnforced);
        m_languageGroup->addAction(action);
    }
    connect(m_languageGroup, &QActionGroup::triggered, this, [this](QAction *action) {
        const QString language = action->data().toString();
        if (m_controller->languages()->apply(language))
            m_controller->settings()->setUserValue(SettingsResolver::Language, language);
    });
    m_fileMenu->addSeparator();
    m_signOutAction = m_fileMenu->addAction(QString(), this, &MainWindow::signOutRequested);
    m_quitAction = m_fileMenu->addAction(QString(), qApp, &QApplication::closeAllWindows);
    m_quitAction->setShortcut(QKeySequence::Quit);

    m_profilesMenu = menuBar()->addMenu(QString());
    m_findAction = m_profilesMenu->addAction(QString(), this, &MainWindow::focusSearch);
    m_findAction->setShortcut(QKeySequence::Find);
    m_findAction->setShortcutContext(Qt::WindowShortcut);
    m_verifyAction = m_profilesMenu->addAction(QString(), this, &MainWindow::verifySelected);

    m_toolsMenu = menuBar()->addMenu(QString());
    m_auditAction = m_toolsMenu->addAction(QString(), this, &MainWindow::openAuditLog);
    const AgentInfo &agent = m_controller->agent();
    const bool auditor =
            agent.hasRole(QStringLiteral("auditor")) || agent.hasRole(QStringLiteral("supervisor"));
    m_auditAction->setVisible(auditor);
    m_queueAction = m_toolsMenu->addAction(QString(), this, &MainWindow::openEscalationQueue);
    m_queueAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    m_queueAction->setVisible(isSupervisor(agent));
    m_toolsMenu->menuAction()->setVisible(auditor || isSupervisor(agent));
}

void MainWindow::setOnline(bool online)
{
    m_online = online;
    m_banner->setVisible(!online);
    m_verification->setOnline(online);
    m_details->setOnline(online);
    m_myRequests->setOnline(online);
    if (m_queue)
        m_queue->setPolling(online);
    if (!online) {
        m_searchTimer->stop();
        if (m_searchReply)
            m_searchReply->abort();
    }
    updateActions();
    retranslateUi();
}

void MainWindow::setKeychainNotice(bool memoryOnly)
{
    m_keychainNotice->setVisible(memoryOnly);
}

QString MainWindow::escalationNotice() const
{
    return m_escalationNotice->isVisibleTo(this) ? m_escalationNotice->text() : QString();
}

QString MainWindow::keychainNotice() const
{
    return m_keychainNotice->isVisibleTo(this) ? m_keychainNotice->text() : QString();
}

void MainWindow::focusSearch()
{
    m_search->setFocus(Qt::ShortcutFocusReason);
    m_search->selectAll();
}

void MainWindow::scheduleSearch()
{
    if (!m_online)
        return;
    m_searchTimer->start(); // restarts: only a pause in typing sends a request
}

void MainWindow::runSearch()
{
    const QString query = m_search->text().trimmed();
    // A newer request supersedes the one in flight; its late answer is also ignored by generation.
    if (m_searchReply)
        m_searchReply->abort();
    const quint64 generation = ++m_searchGeneration;
    if (query.isEmpty()) {
        m_model->clear();
        setSearchStatus({});
        return;
    }
    setSearchStatus([] { return tr("Searching…"); });
    BackendReply *reply = m_controller->client()->searchProfiles(query, kSearchLimit);
    m_searchReply = reply;
    connect(reply, &BackendReply::finished, this, [this, reply, generation] {
        if (generation != m_searchGeneration || reply->error() == BackendReply::Error::Aborted)
            return;
        m_searchReply = nullptr;
        const auto results = reply->ok() ? ProfileSummary::parseSearch(reply->json()) : std::nullopt;
        if (!results) {
            const QString message = reply->message();
            setSearchStatus([message] { return message.isEmpty() ? tr("The search failed.") : message; });
            return;
        }
        m_model->setProfiles(*results);
        updateFrozenColumn();
        // Fit the short columns to their contents; the name column takes the rest.
        for (int column = ProfileTableModel::Department; column < ProfileTableModel::ColumnCount; ++column)
            m_results->resizeColumnToContents(column);
        const int count = static_cast<int>(results->size());
        setSearchStatus([count] {
            return count == 0 ? tr("No matching profile.") : tr("%n profile(s) found.", nullptr, count);
        });
        if (!results->isEmpty())
            m_results->selectRow(0);
    });
}

void MainWindow::verifySelected()
{
    if (!m_online)
        return;
    const QModelIndexList rows = m_results->selectionModel()->selectedRows();
    if (rows.isEmpty())
        return;
    const ProfileSummary profile = m_model->profileAt(rows.first().row());
    m_details->reset();
    m_placeholder->setVisible(false);
    m_verification->start(profile);
}

void MainWindow::onLocked(const ProfileSummary &profile, const QDateTime &until)
{
    m_model->setLocked(profile.id, true);
    m_details->showLocked(profile, until);
}

void MainWindow::onUnblocked(const QString &profileId)
{
    m_model->setLocked(profileId, false);
    m_verification->reset();
    runSearch(); // fresh lock states from the server
}

void MainWindow::updateFrozenColumn()
{
    // Shown only when a result is frozen: then it cannot be missed, and otherwise it takes no room.
    bool anyFrozen = false;
    for (int row = 0; row < m_model->rowCount() && !anyFrozen; ++row)
        anyFrozen = m_model->profileAt(row).frozen;
    m_results->setColumnHidden(ProfileTableModel::Frozen, !anyFrozen);
    if (anyFrozen)
        m_results->resizeColumnToContents(ProfileTableModel::Frozen);
}

void MainWindow::onEscalationNotified(bool viaTray, int count)
{
    // The tray carries the message itself; without one, the window has to say it.
    if (viaTray || (m_queue && m_queue->isVisible() && m_queue->isActiveWindow()))
        return;
    m_escalationNotice->setText(tr("New escalations waiting: %1 — open the queue").arg(count));
    m_escalationNotice->setAccessibleName(m_escalationNotice->text());
    m_escalationNotice->setVisible(true);
}

void MainWindow::openEscalationQueue()
{
    if (!m_queue)
        return;
    m_unseenEscalations = 0;
    m_escalationNotice->setVisible(false);
    m_queue->show();
    m_queue->raise();
    m_queue->activateWindow();
    m_queue->refresh();
}

void MainWindow::updateActions()
{
    const bool canSearch = m_search->property("vigilCanSearch").toBool();
    const bool hasSelection = m_results->selectionModel() && m_results->selectionModel()->hasSelection();
    m_search->setEnabled(m_online && canSearch);
    m_results->setEnabled(m_online && canSearch);
    m_verifyButton->setEnabled(m_online && hasSelection);
    m_verifyAction->setEnabled(m_online && hasSelection);
    m_findAction->setEnabled(m_online && canSearch);
    m_auditAction->setEnabled(m_online);
    m_queueAction->setEnabled(m_online);
    const bool busy = m_verification->state() != VerificationPanel::State::Idle
            || m_details->mode() != ProfileDetailsPanel::Mode::Hidden;
    m_placeholder->setVisible(!busy);
}

void MainWindow::openAuditLog()
{
    if (!m_online)
        return;
    if (!m_auditViewer) {
        m_auditViewer = new AuditViewer(m_controller->client(), this);
        m_auditViewer->setWindowFlag(Qt::Window);
        m_auditViewer->setAttribute(Qt::WA_DeleteOnClose);
    }
    m_auditViewer->show();
    m_auditViewer->raise();
    m_auditViewer->activateWindow();
}

void MainWindow::openSettings()
{
    auto *dialog = new SettingsDialog(m_controller->settings(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void MainWindow::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QMainWindow::changeEvent(event);
}

void MainWindow::setSearchStatus(std::function<QString()> text)
{
    m_searchStatusText = std::move(text);
    m_searchStatus->setText(m_searchStatusText ? m_searchStatusText() : QString());
}

void MainWindow::retranslateUi()
{
    if (m_searchStatusText)
        m_searchStatus->setText(m_searchStatusText());
    setWindowTitle(tr("Vigil — caller verification"));
    m_keychainNotice->setText(
            tr("No keychain available: you will need to sign in again after closing Vigil"));
    m_keychainNotice->setAccessibleName(m_keychainNotice->text());
    m_searchLabel->setText(tr("&Find caller:"));
    const bool canSearch = m_search->property("vigilCanSearch").toBool();
    m_search->setPlaceholderText(canSearch ? tr("Name, user name, e-mail, phone or employee ID")
                                           : tr("Your role cannot search profiles"));
    m_search->setAccessibleName(tr("Find caller"));
    m_search->setAccessibleDescription(tr("Fuzzy search by name, user name, e-mail, phone or employee ID; "
                                          "results appear as you type (Ctrl+F)"));
    m_results->setAccessibleName(tr("Matching profiles"));
    m_results->setAccessibleDescription(tr("Press Enter or double-click to verify the selected caller"));
    m_verifyButton->setText(tr("&Verify caller"));
    m_verifyButton->setAccessibleName(tr("Verify caller"));
    m_verifyButton->setAccessibleDescription(tr("Starts a verification of the selected profile"));
    m_placeholder->setText(tr("Find the caller's profile, then choose Verify caller. Vigil shows the "
                              "questions to ask; the profile opens only after the caller passes."));
    m_model->retranslate();

    const AgentInfo &agent = m_controller->agent();
    m_agentLabel->setText(
            tr("Signed in as %1 (%2) · %3")
                    .arg(agent.displayName, agent.username, QLocale().createSeparatedList(agent.roles)));
    m_serverLabel->setText(tr("Server: %1").arg(m_controller->client()->server().toString()));
    m_connectionLabel->setText(m_online ? tr("● Online") : tr("● Offline"));
    m_connectionLabel->setStyleSheet(m_online ? QStringLiteral("QLabel { color: #107c10; padding: 0 6px; }")
                                              : QStringLiteral("QLabel { color: #a4262c; padding: 0 6px; }"));
    m_connectionLabel->setAccessibleName(m_online ? tr("Connected to the server")
                                                  : tr("Offline: reconnecting to the server"));

    m_fileMenu->setTitle(tr("&Vigil"));
    m_settingsAction->setText(tr("&Settings…"));
    m_languageMenu->setTitle(tr("&Language"));
    m_signOutAction->setText(tr("Sign &out"));
    m_quitAction->setText(tr("&Quit"));
    m_profilesMenu->setTitle(tr("&Profiles"));
    m_findAction->setText(tr("&Find caller"));
    m_verifyAction->setText(tr("&Verify caller"));
    m_toolsMenu->setTitle(tr("&Tools"));
    m_auditAction->setText(tr("&Audit log…"));
    m_queueAction->setText(tr("&Escalation queue…"));
    if (m_escalationNotice->isVisible())
        m_escalationNotice->setText(
                tr("New escalations waiting: %1 — open the queue").arg(m_unseenEscalations));
    m_escalationNotice->setAccessibleName(m_escalationNotice->text());
}

} // namespace vigil
