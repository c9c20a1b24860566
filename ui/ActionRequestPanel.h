#pragma once

#include "ApiModels.h"
#include "Policy.h"

#include <QGroupBox>
#include <QMap>
#include <QPointer>
#include <functional>
#include <optional>

class QComboBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QPushButton;

namespace vigil {

class BackendClient;
class BackendReply;

// "Request an action" under a verified profile: pick an action from the policy's catalog, see
// the level and approvals it needs against the verification's level, give a reason and the
// ticket, and send it (POST /v1/profiles/{id}/actions). The server's answer shows in place: done,
// awaiting approval, scheduled, or refused with what to do next.
class ActionRequestPanel : public QGroupBox
{
    Q_OBJECT
public:
    enum class Outcome { None, Sending, Done, AwaitingApproval, Scheduled, Failed, Refused };
    Q_ENUM(Outcome)

    explicit ActionRequestPanel(BackendClient *client, QWidget *parent = nullptr);
    ~ActionRequestPanel() override;

    // The policy's catalog; nullopt when the cached policy has none (the server still checks).
    void setCatalog(const std::optional<QMap<QString, ActionRule>> &catalog);
    // Shows the form for a passed verification of `profile`.
    void start(const ProfileDetails &profile, const QString &verificationId);
    void setLevel(int level);
    void setFrozen(bool frozen);
    void setOnline(bool online);
    // Aborts a request in flight, clears the form and hides the panel.
    void reset();

    QString selectedAction() const;
    void selectAction(const QString &action);
    int level() const { return m_level; }
    Outcome outcome() const { return m_outcome; }
    QString resultText() const;
    QString requirementText() const;
    QString errorCode() const { return m_errorCode; }
    std::optional<ActionInfo> lastAction() const { return m_lastAction; }

    // Requestable actions, in display order.
    static QStringList requestableActions();

public slots:
    void submit();

signals:
    void requested(const vigil::ActionInfo &action);
    // The server refused because the profile is locked (a failed check elsewhere locked it).
    void locked(const QDateTime &lockedUntil);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void updateRequirement();
    void updateButtons();
    void onAnswered(BackendReply *reply);
    // The text is rebuilt on a language change, so it is kept as a function.
    void showResult(Outcome outcome, std::function<QString()> text);
    void updateResultText();
    static QString refusalText(const QString &code, int requiredLevel, int level, const QString &message,
                               bool http);
    bool needsValue() const;

    BackendClient *m_client;
    QPointer<BackendReply> m_reply;
    std::optional<QMap<QString, ActionRule>> m_catalog;
    QString m_profileId;
    QString m_profileName;
    QString m_verificationId;
    bool m_privileged = false;
    bool m_frozen = false;
    bool m_online = true;
    int m_level = 0;
    Outcome m_outcome = Outcome::None;
    QString m_errorCode;
    std::optional<ActionInfo> m_lastAction;
    std::function<QString()> m_resultText;

    QFormLayout *m_form = nullptr;
    QLabel *m_actionLabel = nullptr;
    QComboBox *m_action = nullptr;
    QLabel *m_requirement = nullptr;
    QLabel *m_reasonLabel = nullptr;
    QLineEdit *m_reason = nullptr;
    QLabel *m_ticketLabel = nullptr;
    QLineEdit *m_ticket = nullptr;
    QLabel *m_valueLabel = nullptr;
    QLineEdit *m_value = nullptr;
    QPushButton *m_requestButton = nullptr;
    QLabel *m_result = nullptr;
};

} // namespace vigil
