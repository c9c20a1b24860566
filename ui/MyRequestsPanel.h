#pragma once

#include "ApiModels.h"

#include <QGroupBox>
#include <QPointer>
#include <functional>

class QLabel;
class QPushButton;
class QTableView;
class QTimer;

namespace vigil {

class ActionTableModel;
class BackendClient;
class BackendReply;

// "My requests": the technician's own actions (GET /v1/actions?scope=mine), newest first, with
// their state. Polled while the panel is visible and the server reachable, one call at a time;
// an open request can be cancelled.
class MyRequestsPanel : public QGroupBox
{
    Q_OBJECT
public:
    explicit MyRequestsPanel(BackendClient *client, QWidget *parent = nullptr);
    ~MyRequestsPanel() override;

    void setPollInterval(int milliseconds); // default 5 s; tests shorten it
    int pollInterval() const;
    bool isPolling() const;
    void setOnline(bool online);

    ActionTableModel *model() const { return m_model; }
    QTableView *view() const { return m_view; }
    QString statusText() const;

public slots:
    void refresh();
    void cancelSelected();

signals:
    // A list arrived and the table shows it.
    void updated();

protected:
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void updateTimer();
    void updateButtons();
    void setStatus(std::function<QString()> text);
    std::optional<ActionInfo> selectedAction() const;

    BackendClient *m_client;
    ActionTableModel *m_model = nullptr;
    QTableView *m_view = nullptr;
    QLabel *m_status = nullptr;
    QPushButton *m_refreshButton = nullptr;
    QPushButton *m_cancelButton = nullptr;
    QTimer *m_timer = nullptr;
    QPointer<BackendReply> m_listReply;
    QPointer<BackendReply> m_cancelReply;
    std::function<QString()> m_statusText;
    bool m_online = true;
};

} // namespace vigil
