#pragma once

#include "ApiModels.h"

#include <QPointer>
#include <QSet>
#include <QWidget>
#include <functional>

class QLabel;
class QLineEdit;
class QPushButton;
class QSystemTrayIcon;
class QTableView;
class QTextBrowser;
class QTimer;

namespace vigil {

class ActionTableModel;
class BackendClient;
class BackendReply;
class SecondFactorGate;

// The supervisors' window: open escalations (GET /v1/actions?scope=queue, oldest first), the
// evidence behind the selected one, and Approve / Deny with a reason. Deciding needs the
// session's second factor (SecondFactorGate). The queue is polled while polling is on, even when
// the window is closed, so escalations that were not there before raise a desktop notification.
class EscalationQueue : public QWidget
{
    Q_OBJECT
public:
    enum class Decision { None, Sending, Approved, Denied, Error };
    Q_ENUM(Decision)

    EscalationQueue(BackendClient *client, SecondFactorGate *gate, const QString &username,
                    QWidget *parent = nullptr);
    ~EscalationQueue() override;

    void setPollInterval(int milliseconds); // default 5 s; tests shorten it
    int pollInterval() const;
    // On while signed in and online (MainWindow decides); off stops the timer and any call.
    void setPolling(bool polling);
    bool isPolling() const;

    ActionTableModel *model() const { return m_model; }
    QTableView *view() const { return m_view; }
    QPushButton *approveButton() const { return m_approveButton; }
    QPushButton *denyButton() const { return m_denyButton; }
    QLineEdit *reasonEdit() const { return m_reason; }
    bool selectAction(const QString &actionId);
    std::optional<ActionInfo> selectedAction() const;
    QString evidenceText() const;
    QString statusText() const;
    QString decisionText() const;
    QString hintText() const;
    Decision decision() const { return m_decision; }

public slots:
    void refresh();
    void approveSelected();
    void denySelected();

signals:
    void updated();
    // Escalations by other agents that this session had not seen before.
    void newEscalations(const QList<vigil::ActionInfo> &actions);
    // A desktop notification went out: through the system tray, or (without one) as an alert.
    void notified(const QString &title, const QString &text, bool viaTray);
    void decided(const vigil::ActionInfo &action);

protected:
    void showEvent(QShowEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void onListed(BackendReply *reply);
    void notify(const QList<ActionInfo> &fresh);
    void decide(bool approve);
    void sendDecision(const QString &actionId, const QString &reason, bool approve, bool mayRetry);
    void onDecided(BackendReply *reply, const QString &actionId, const QString &reason, bool approve,
                   bool mayRetry);
    void updateEvidence();
    void updateButtons();
    void setStatus(std::function<QString()> text);
    void setDecision(Decision decision, std::function<QString()> text);

    BackendClient *m_client;
    SecondFactorGate *m_gate;
    QString m_username;
    ActionTableModel *m_model = nullptr;
    QTimer *m_timer = nullptr;
    QPointer<BackendReply> m_listReply;
    QPointer<BackendReply> m_decisionReply;
    QSet<QString> m_seen;
    bool m_polling = false;
    bool m_deciding = false;
    Decision m_decision = Decision::None;
    std::function<QString()> m_statusText;
    std::function<QString()> m_decisionText;
    QSystemTrayIcon *m_tray = nullptr;

    QLabel *m_status = nullptr;
    QPushButton *m_refreshButton = nullptr;
    QTableView *m_view = nullptr;
    QTextBrowser *m_evidence = nullptr;
    QLabel *m_hint = nullptr;
    QLabel *m_reasonLabel = nullptr;
    QLineEdit *m_reason = nullptr;
    QPushButton *m_approveButton = nullptr;
    QPushButton *m_denyButton = nullptr;
    QLabel *m_result = nullptr;
};

} // namespace vigil
