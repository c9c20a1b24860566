#pragma once

#include "ApiModels.h"
#include "Policy.h"

#include <QDateTime>
#include <QPointer>
#include <QWidget>

class QFormLayout;
class QGroupBox;
class QLabel;
class QPushButton;
class QTimer;

namespace vigil {

class ActionRequestPanel;
class BackendClient;
class BackendReply;
class SecondFactorGate;
class StepUpPanel;

// After a pass: the full profile (GET /v1/profiles/{id}) with a live countdown to the end of the
// grant; when it ends the details close. On a locked profile, supervisors get "Unblock profile";
// on a frozen one, "Unfreeze profile". Under the details: stronger proof, then action requests.
class ProfileDetailsPanel : public QWidget
{
    Q_OBJECT
public:
    enum class Mode { Hidden, Loading, Details, Ended, Locked, Error };
    Q_ENUM(Mode)

    explicit ProfileDetailsPanel(BackendClient *client, QWidget *parent = nullptr);
    ~ProfileDetailsPanel() override;

    // Supervisors and admins may unblock and unfreeze (the latter behind their second factor).
    void setCanUnblock(bool canUnblock);
    void setSecondFactorGate(SecondFactorGate *gate);
    // The policy's action catalog for the request form (nullopt: not known).
    void setActionCatalog(const std::optional<QMap<QString, ActionRule>> &catalog);
    void setOnline(bool online);

    // With the passed verification's id, the details offer stronger proof (StepUpPanel).
    void showProfile(const ProfileSummary &profile, const QString &verificationId = {});
    void showLocked(const ProfileSummary &profile, const QDateTime &lockedUntil);
    void reset();

    Mode mode() const { return m_mode; }
    QString countdownText() const;
    QString noteText() const;
    std::optional<ProfileDetails> details() const { return m_details; }
    StepUpPanel *stepUpPanel() const { return m_stepUp; }
    ActionRequestPanel *actionPanel() const { return m_actions; }
    QString frozenText() const;

signals:
    void unblocked(const QString &profileId);
    // A failed step-up attempt locked the profile shown.
    void locked(const vigil::ProfileSummary &profile, const QDateTime &lockedUntil);
    void accessEnded(const QString &profileId);
    void actionRequested(const vigil::ActionInfo &action);
    void unfrozen(const QString &profileId);
    void closed(); // the user closed the panel

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void setMode(Mode mode);
    void tick();
    void endAccess();
    void confirmUnblock();
    void doUnblock();
    void fillDetails();
    void confirmUnfreeze();
    void doUnfreeze(bool mayRetry);
    void updateFrozen();
    void setNote(const QString &text, const QString &style);

    BackendClient *m_client;
    QPointer<BackendReply> m_reply;
    ProfileSummary m_profile;
    QString m_verificationId;
    std::optional<ProfileDetails> m_details;
    QDateTime m_lockedUntil;
    Mode m_mode = Mode::Hidden;
    bool m_canUnblock = false;
    bool m_online = true;

    QLabel *m_title = nullptr;
    QLabel *m_countdown = nullptr;
    QGroupBox *m_detailsBox = nullptr;
    QFormLayout *m_form = nullptr;
    QList<QLabel *> m_rowLabels;
    QList<QLabel *> m_values;
    StepUpPanel *m_stepUp = nullptr;
    ActionRequestPanel *m_actions = nullptr;
    SecondFactorGate *m_gate = nullptr;
    QLabel *m_frozenNote = nullptr;
    QPushButton *m_unfreezeButton = nullptr;
    QString m_frozenError;
    QLabel *m_note = nullptr;
    QPushButton *m_unblockButton = nullptr;
    QPushButton *m_closeButton = nullptr;
    QTimer *m_timer = nullptr;
};

} // namespace vigil
