#include "SecondFactorGate.h"

#include "BackendClient.h"
#include "DialogSeam.h"
#include "SecureMemory.h"

#include <QLoggingCategory>
#include <QWidget>

Q_LOGGING_CATEGORY(lcSecondFactor, "vigil.ui.secondfactor")

namespace vigil {

SecondFactorGate::SecondFactorGate(BackendClient *client, QObject *parent)
    : QObject(parent)
    , m_client(client)
{
}

SecondFactorGate::~SecondFactorGate()
{
    if (m_reply)
        m_reply->abort();
}

void SecondFactorGate::setState(bool verified, bool enrolled)
{
    m_enrolled = enrolled;
    if (m_verified == verified)
        return;
    m_verified = verified;
    emit verifiedChanged(verified);
}

void SecondFactorGate::invalidate()
{
    setState(false, m_enrolled);
}

void SecondFactorGate::run(QWidget *parent, std::function<void()> proceed,
                           std::function<void(const QString &)> failed)
{
    if (m_verified) {
        proceed();
        return;
    }
    if (m_reply) {
        failed(tr("Your code is still being checked."));
        return;
    }
    if (!m_enrolled) {
        failed(tr("Approving, denying and unfreezing need your own authenticator app (TOTP), and none is "
                  "enrolled for you. Ask an administrator to enroll one."));
        return;
    }
    const QPointer<SecondFactorGate> self(this);
    DialogSeam::askCode(
            parent, tr("Confirm it is you"), tr("Enter the 6-digit code your authenticator app shows now:"),
            [self, proceed = std::move(proceed), failed = std::move(failed)](bool accepted, QString &code) {
                if (!self)
                    return;
                code.remove(QLatin1Char(' '));
                if (!accepted || code.isEmpty()) {
                    SecureMemory::wipe(code);
                    failed(QString());
                    return;
                }
                self->submit(code, proceed, failed);
            });
}

void SecondFactorGate::submit(QString &code, std::function<void()> proceed,
                              std::function<void(const QString &)> failed)
{
    m_reply = m_client->submitSecondFactor(code);
    BackendReply *reply = m_reply;
    connect(reply, &BackendReply::finished, this, [this, reply, proceed, failed] {
        m_reply = nullptr;
        if (reply->error() == BackendReply::Error::Aborted)
            return;
        if (reply->ok() && reply->json().value(QStringLiteral("second_factor")).toBool()) {
            qCInfo(lcSecondFactor) << "second factor passed for this session";
            setState(true, m_enrolled);
            proceed();
            return;
        }
        const QString code = reply->errorCode();
        if (code == QLatin1String("invalid_code"))
            failed(tr("The code is not right, or it was already used. Wait for the next code and try "
                      "again."));
        else if (code == QLatin1String("no_totp"))
            failed(tr("No authenticator app is enrolled for you. Ask an administrator to enroll one."));
        else if (code == QLatin1String("rate_limited"))
            failed(tr("Too many wrong codes. Wait a few minutes, then try again."));
        else
            failed(reply->message().isEmpty() ? tr("Your code could not be checked.") : reply->message());
    });
}

} // namespace vigil
