#pragma once

#include "ApiModels.h"

#include <QDateTime>
#include <QGroupBox>
#include <QPointer>

class QLabel;
class QLineEdit;
class QPushButton;
class QTimer;

namespace vigil {

class BackendClient;
class BackendReply;

// "Stronger proof" after a passed verification: a one-time code by e-mail or SMS, a TOTP code the
// caller reads out (level 2), or number-matched approval on the user's enrolled device (level 3).
class StepUpPanel : public QGroupBox
{
    Q_OBJECT
public:
    enum class State { Hidden, Choosing, Requesting, EnteringCode, Checking, WaitingForDevice, Locked };
    Q_ENUM(State)
    enum class Outcome { None, Passed, Failed, Locked, Expired, Approved, Denied, Error };
    Q_ENUM(Outcome)

    explicit StepUpPanel(BackendClient *client, QWidget *parent = nullptr);
    ~StepUpPanel() override;

    // Shows the choices for a passed verification at `level`.
    void start(const QString &verificationId, int level);
    // Stops polling, drops any typed code and hides the panel.
    void reset();
    void setOnline(bool online);

    State state() const { return m_state; }
    Outcome outcome() const { return m_outcome; }
    int level() const { return m_level; }
    int attemptsRemaining() const { return m_attemptsRemaining; }
    QString levelText() const;
    QString statusText() const;
    // The two-digit number while waiting for the device, else empty.
    QString deviceNumber() const;

signals:
    void levelRaised(int level);
    // A wrong code, a denial or a wrong number locked the profile.
    void locked(const QDateTime &lockedUntil);

protected:
    void changeEvent(QEvent *event) override;

private:
    enum class Method { None, Email, Sms, Totp, Device };

    void retranslateUi();
    void setState(State state);
    void setOutcome(Outcome outcome, const QString &text);
    void requestCode(Method method);
    void enterTotp();
    void submitCode();
    void onCodeChecked(BackendReply *reply);
    void requestDevice();
    void poll();
    void onPolled(BackendReply *reply);
    void cancel();
    void raiseLevel(int level);
    void abortReplies();
    void showRequestFailure(BackendReply *reply, const QString &fallback);
    QString failureText(BackendReply *reply, const QString &fallback) const;
    void updateInstruction();

    BackendClient *m_client;
    QPointer<BackendReply> m_reply;
    QPointer<BackendReply> m_pollReply;
    QString m_verificationId;
    QString m_otpChallengeId;
    QString m_otpHint;
    DeviceChallenge m_device;
    Method m_method = Method::None;
    State m_state = State::Hidden;
    Outcome m_outcome = Outcome::None;
    int m_level = 0;
    int m_attemptsRemaining = -1;
    QDateTime m_lockedUntil;
    bool m_online = true;

    QLabel *m_levelLabel = nullptr;
    QWidget *m_choices = nullptr;
    QPushButton *m_emailButton = nullptr;
    QPushButton *m_smsButton = nullptr;
    QPushButton *m_totpButton = nullptr;
    QPushButton *m_deviceButton = nullptr;
    QLabel *m_instruction = nullptr;
    QWidget *m_codeRow = nullptr;
    QLabel *m_codeLabel = nullptr;
    QLineEdit *m_codeEdit = nullptr;
    QPushButton *m_checkButton = nullptr;
    QLabel *m_numberLabel = nullptr;
    QLabel *m_status = nullptr;
    QPushButton *m_cancelButton = nullptr;
    QTimer *m_pollTimer = nullptr;
};

} // namespace vigil
