#pragma once

#include "ApiModels.h"

#include <QPointer>
#include <QWidget>

class QFormLayout;
class QLabel;
class QLineEdit;
class QPushButton;
class QToolButton;

namespace vigil {

class BackendClient;
class BackendReply;

// Asks the caller the server's questions: one field per question, labelled by its field (the
// server's English prompt is the tooltip). Enter submits, Esc cancels. The typed answers are
// handed to BackendClient::submitAnswers and wiped from the form at once; the outcome shows with
// colour and text. Blind: the console never learns which answer was wrong.
class VerificationPanel : public QWidget
{
    Q_OBJECT
public:
    enum class State {
        Idle,
        Starting,
        Questions,
        Submitting,
        Passed,
        Failed,
        Locked,
        Expired,
        NoSecret,
        Error
    };
    Q_ENUM(State)

    explicit VerificationPanel(BackendClient *client, QWidget *parent = nullptr);
    ~VerificationPanel() override;

    void start(const ProfileSummary &profile);
    void reset();
    void setOnline(bool online);

    State state() const { return m_state; }
    QString statusText() const;
    ProfileSummary profile() const { return m_profile; }
    QString verificationId() const { return m_verificationId; }
    // The answer field for a question field ("title", "secret", …), or nullptr.
    QLineEdit *answerField(const QString &field) const;
    QStringList askedFields() const;

    static QString labelForField(const QString &field);

public slots:
    void submit();
    void cancel();

signals:
    void passed(const vigil::ProfileSummary &profile, const QDateTime &grantExpiresAt);
    void locked(const vigil::ProfileSummary &profile, const QDateTime &lockedUntil);
    void cancelled();

protected:
    void changeEvent(QEvent *event) override;

private:
    struct Question
    {
        VerificationQuestion question;
        QLabel *label = nullptr;
        QLineEdit *edit = nullptr;
        QToolButton *reveal = nullptr;
    };

    void retranslateUi();
    void buildForm(const VerificationStart &start);
    void clearForm();
    void onStarted(BackendReply *reply);
    void onAnswered(BackendReply *reply);
    void setState(State state);
    void updateStatus();
    void updateButtons();
    void showLocked(const QDateTime &until);

    BackendClient *m_client;
    QPointer<BackendReply> m_reply;
    ProfileSummary m_profile;
    QString m_verificationId;
    QList<Question> m_questions;
    State m_state = State::Idle;
    int m_attemptsRemaining = 0;
    QDateTime m_lockedUntil;
    QString m_errorText;
    bool m_online = true;

    QLabel *m_title = nullptr;
    QLabel *m_instructions = nullptr;
    QWidget *m_formHost = nullptr;
    QFormLayout *m_form = nullptr;
    QLabel *m_status = nullptr;
    QPushButton *m_submitButton = nullptr;
    QPushButton *m_retryButton = nullptr;
    QPushButton *m_cancelButton = nullptr;
};

} // namespace vigil
