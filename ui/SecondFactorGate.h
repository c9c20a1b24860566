#pragma once

#include <QObject>
#include <QPointer>
#include <functional>

class QWidget;

namespace vigil {

class BackendClient;
class BackendReply;

// The supervisor's own second factor for this session: approving, denying and unfreezing need a
// session that has passed the agent's TOTP code (POST /v1/auth/second-factor). The gate asks for
// the code once, through DialogSeam, and remembers the pass until the server says otherwise.
class SecondFactorGate : public QObject
{
    Q_OBJECT
public:
    explicit SecondFactorGate(BackendClient *client, QObject *parent = nullptr);
    ~SecondFactorGate() override;

    // From the sign-in answer: whether the session has passed, and whether a TOTP is enrolled.
    void setState(bool verified, bool enrolled);
    bool isVerified() const { return m_verified; }
    bool isEnrolled() const { return m_enrolled; }
    bool isBusy() const { return m_reply != nullptr; }

    // Runs `proceed` once the session has passed the second factor, asking for the code first when
    // it has not. `failed` gets a translated reason when it did not pass (empty when cancelled).
    void run(QWidget *parent, std::function<void()> proceed, std::function<void(const QString &)> failed);
    // The server answered 403 second_factor_required: the pass is gone (e.g. a new session).
    void invalidate();

signals:
    void verifiedChanged(bool verified);

private:
    void submit(QString &code, std::function<void()> proceed, std::function<void(const QString &)> failed);

    BackendClient *m_client;
    QPointer<BackendReply> m_reply;
    bool m_verified = false;
    bool m_enrolled = false;
};

} // namespace vigil
