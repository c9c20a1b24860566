#pragma once

#include <QByteArray>
#include <QString>
#include <optional>

namespace vigil {

// RFC 6238 time-based one-time passwords (HMAC-SHA1, 30-second steps) as authenticator apps
// implement them, plus the RFC 4648 base32 text those apps take the secret in.
class Totp
{
public:
    static constexpr int periodSeconds = 30;
    static constexpr int defaultDigits = 6;
    static constexpr int secretSize = 20;

    Totp() = delete;

    static QString base32Encode(const QByteArray &data);
    // Accepts upper or lower case, spaces and '=' padding; nullopt for any other character.
    static std::optional<QByteArray> base32Decode(const QString &text);

    static qint64 stepAt(qint64 unixTime) { return unixTime / periodSeconds; }
    static QString codeForStep(const QByteArray &secret, qint64 step, int digits = defaultDigits);
    static QString code(const QByteArray &secret, qint64 unixTime, int digits = defaultDigits)
    {
        return codeForStep(secret, stepAt(unixTime), digits);
    }
    // The step `code` belongs to, within `window` steps of unixTime's, or nullopt. A step at or
    // before lastAcceptedStep is refused, so a code read out once cannot be replayed.
    static std::optional<qint64> verify(const QByteArray &secret, const QString &code, qint64 unixTime,
                                        int window = 1, qint64 lastAcceptedStep = -1);
    static QString otpauthUri(const QString &issuer, const QString &account, const QByteArray &secret);
};

} // namespace vigil
