#pragma once

#include <functional>

#include "ApiModels.h"
#include "PolicyCache.h"

#include <QMainWindow>
#include <QPointer>
#include <optional>

class QAction;
class QActionGroup;
class QLabel;
class QLineEdit;
class QMenu;
class QPushButton;
class QTableView;
class QTimer;

namespace vigil {

class AuditViewer;
class BackendReply;
class ConsoleController;
class EscalationQueue;
class MyRequestsPanel;
class OfflineBanner;
class ProfileDetailsPanel;
class ProfileTableModel;
class VerificationPanel;

// The technician's window: find the caller's profile as you type, verify, read the details while
// the grant lasts, request actions and follow them under "My requests". Supervisors also reach
// the escalation queue, which notifies them of new escalations. Offline, everything that needs
// the server is disabled and a banner shows the cached policy.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(ConsoleController *controller, QWidget *parent = nullptr);
    ~MainWindow() override;

    void setOnline(bool online);
    void setKeychainNotice(bool memoryOnly);

    QLineEdit *searchBox() const { return m_search; }
    QTableView *resultsView() const { return m_results; }
    ProfileTableModel *resultsModel() const { return m_model; }
    VerificationPanel *verificationPanel() const { return m_verification; }
    ProfileDetailsPanel *detailsPanel() const { return m_details; }
    OfflineBanner *offlineBanner() const { return m_banner; }
    QPushButton *verifyButton() const { return m_verifyButton; }
    QAction *auditAction() const { return m_auditAction; }
    QAction *escalationQueueAction() const { return m_queueAction; }
    MyRequestsPanel *myRequestsPanel() const { return m_myRequests; }
    // Supervisors and admins only; nullptr for everyone else.
    EscalationQueue *escalationQueue() const { return m_queue; }
    // The in-window notice of new escalations (shown when there is no system tray), or empty.
    QString escalationNotice() const;
    QString keychainNotice() const;

public slots:
    void focusSearch();
    void verifySelected();
    void openEscalationQueue();

signals:
    void signOutRequested();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void createMenus();
    void scheduleSearch();
    void runSearch();
    void updateActions();
    void openAuditLog();
    void openSettings();
    void onLocked(const ProfileSummary &profile, const QDateTime &until);
    void onUnblocked(const QString &profileId);
    void onEscalationNotified(bool viaTray, int count);
    void updateFrozenColumn();

    ConsoleController *m_controller;
    ProfileTableModel *m_model = nullptr;
    QTimer *m_searchTimer = nullptr;
    QPointer<BackendReply> m_searchReply;
    quint64 m_searchGeneration = 0;
    bool m_online = true;

    OfflineBanner *m_banner = nullptr;
    QLabel *m_keychainNotice = nullptr;
    QLabel *m_searchLabel = nullptr;
    QLineEdit *m_search = nullptr;
    QLabel *m_searchStatus = nullptr;
    // Rebuilds the search status in the current language (kept so a language switch can redo it).
    std::function<QString()> m_searchStatusText;
    void setSearchStatus(std::function<QString()> text);
    QTableView *m_results = nullptr;
    QPushButton *m_verifyButton = nullptr;
    VerificationPanel *m_verification = nullptr;
    ProfileDetailsPanel *m_details = nullptr;
    QLabel *m_placeholder = nullptr;
    QLabel *m_agentLabel = nullptr;
    QLabel *m_serverLabel = nullptr;
    QLabel *m_connectionLabel = nullptr;
    MyRequestsPanel *m_myRequests = nullptr;
    EscalationQueue *m_queue = nullptr;
    QPushButton *m_escalationNotice = nullptr;
    int m_unseenEscalations = 0;

    QMenu *m_fileMenu = nullptr;
    QMenu *m_profilesMenu = nullptr;
    QMenu *m_toolsMenu = nullptr;
    QMenu *m_languageMenu = nullptr;
    QActionGroup *m_languageGroup = nullptr;
    QAction *m_findAction = nullptr;
    QAction *m_verifyAction = nullptr;
    QAction *m_auditAction = nullptr;
    QAction *m_queueAction = nullptr;
    QAction *m_settingsAction = nullptr;
    QAction *m_signOutAction = nullptr;
    QAction *m_quitAction = nullptr;
    QPointer<AuditViewer> m_auditViewer;
};

} // namespace vigil
