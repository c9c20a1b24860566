#pragma once

#include <QByteArray>
#include <QString>

namespace vigil {

// Cryptographically secure randomness from libsodium (getrandom(2) on Linux).
class SecureRandom
{
public:
    SecureRandom() = delete;

    static QByteArray bytes(int n);
    // Uniform in [0, upperBound) without modulo bias; 0 when upperBound < 2.
    static quint32 uniform(quint32 upperBound);
    // 256-bit bearer token for API clients: base64url without padding, always 43 characters.
    static QByteArray token();
    // Random lowercase hex string of 2 * byteCount characters, for identifiers.
    static QString hexId(int byteCount = 16);
};

} // namespace vigil
