#include "SecureRandom.h"

#include "SecureMemory.h"
#include "Sodium.h"

#include <sodium.h>

namespace vigil {

QByteArray SecureRandom::bytes(int n)
{
    if (n <= 0)
        return {};
    Sodium::ensureInitialised();
    QByteArray result(n, Qt::Uninitialized);
    randombytes_buf(result.data(), static_cast<size_t>(n));
    return result;
}

quint32 SecureRandom::uniform(quint32 upperBound)
{
    Sodium::ensureInitialised();
    return randombytes_uniform(upperBound);
}

QByteArray SecureRandom::token()
{
    QByteArray raw = bytes(32);
    const QByteArray encoded = raw.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
    SecureMemory::wipe(raw);
    return encoded;
}

QString SecureRandom::hexId(int byteCount)
{
    return QString::fromLatin1(bytes(byteCount).toHex());
}

} // namespace vigil
