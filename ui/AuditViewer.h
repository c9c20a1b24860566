#pragma once

#include <QWidget>
#include <memory>

namespace vigil {

class BackendClient;
class AuditTableModel;

// The auditor's window: filter the audit log by action, agent, profile and time, and see the
// chain status from GET /v1/audit/verify. Everything asynchronous through BackendClient.
class AuditViewer : public QWidget
{
    Q_OBJECT
public:
    explicit AuditViewer(BackendClient *client, QWidget *parent = nullptr);
    ~AuditViewer() override;

public slots:
    void refresh();

protected:
    void changeEvent(QEvent *event) override; // retranslates on QEvent::LanguageChange
    void showEvent(QShowEvent *event) override; // the first show loads the log

private:
    void retranslateUi();
    void retranslateChain();
    void loadMore();
    QString loadedStatus() const;

    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace vigil
