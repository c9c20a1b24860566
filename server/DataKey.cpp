#include "DataKey.h"

#include "SecureMemory.h"
#include "SecureRandom.h"
#include "Sodium.h"

#include <QFile>
#include <QSaveFile>
#include <sodium.h>

namespace vigil {

namespace {
const QByteArray kHeader = QByteArrayLiteral("vigil-data-key-v1\n");
}

DataKey::~DataKey()
{
    SecureMemory::wipe(m_key);
}

std::optional<DataKey> DataKey::loadOrCreate(const QString &path, QString *error)
{
    Sodium::ensureInitialised();
    DataKey key;
    QFile file(path);
    if (file.exists()) {
        if (!file.open(QIODevice::ReadOnly)) {
            *error = QStringLiteral("cannot read %1: %2").arg(path, file.errorString());
            return std::nullopt;
        }
        const QByteArray content = file.read(4096);
        if (!content.startsWith(kHeader)) {
            *error = QStringLiteral("%1 is not a Vigil data key").arg(path);
            return std::nullopt;
        }
        key.m_key = QByteArray::fromBase64(content.mid(kHeader.size()).trimmed());
        if (key.m_key.size() != crypto_aead_xchacha20poly1305_ietf_KEYBYTES) {
            *error = QStringLiteral("%1 holds a key of the wrong length").arg(path);
            return std::nullopt;
        }
        return key;
    }
    key.m_key = SecureRandom::bytes(crypto_aead_xchacha20poly1305_ietf_KEYBYTES);
    QSaveFile out(path);
    if (!out.open(QIODevice::WriteOnly)) {
        *error = QStringLiteral("cannot create %1: %2").arg(path, out.errorString());
        return std::nullopt;
    }
    out.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    QByteArray encoded = kHeader + key.m_key.toBase64() + '\n';
    out.write(encoded);
    SecureMemory::wipe(encoded);
    if (!out.commit()) {
        *error = QStringLiteral("cannot create %1: %2").arg(path, out.errorString());
        return std::nullopt;
    }
    return key;
}

QByteArray DataKey::encrypt(const QByteArray &plaintext, const QByteArray &context) const
{
    const QByteArray nonce = SecureRandom::bytes(crypto_aead_xchacha20poly1305_ietf_NPUBBYTES);
    QByteArray sealed(nonce.size() + plaintext.size() + crypto_aead_xchacha20poly1305_ietf_ABYTES, '\0');
    memcpy(sealed.data(), nonce.constData(), nonce.size());
    unsigned long long written = 0;
    crypto_aead_xchacha20poly1305_ietf_encrypt(
            reinterpret_cast<unsigned char *>(sealed.data()) + nonce.size(), &written,
            reinterpret_cast<const unsigned char *>(plaintext.constData()), plaintext.size(),
            reinterpret_cast<const unsigned char *>(context.constData()), context.size(), nullptr,
            reinterpret_cast<const unsigned char *>(nonce.constData()),
            reinterpret_cast<const unsigned char *>(m_key.constData()));
    sealed.resize(nonce.size() + static_cast<qsizetype>(written));
    return sealed;
}

std::optional<QByteArray> DataKey::decrypt(const QByteArray &sealed, const QByteArray &context) const
{
    const qsizetype nonceSize = crypto_aead_xchacha20poly1305_ietf_NPUBBYTES;
    if (sealed.size() < nonceSize + static_cast<qsizetype>(crypto_aead_xchacha20poly1305_ietf_ABYTES))
        return std::nullopt;
    QByteArray plain(sealed.size() - nonceSize, '\0');
    unsigned long long written = 0;
    if (crypto_aead_xchacha20poly1305_ietf_decrypt(
                reinterpret_cast<unsigned char *>(plain.data()), &written, nullptr,
                reinterpret_cast<const unsigned char *>(sealed.constData()) + nonceSize,
                sealed.size() - nonceSize, reinterpret_cast<const unsigned char *>(context.constData()),
                context.size(), reinterpret_cast<const unsigned char *>(sealed.constData()),
                reinterpret_cast<const unsigned char *>(m_key.constData()))
        != 0)
        return std::nullopt;
    plain.resize(static_cast<qsizetype>(written));
    return plain;
}

} // namespace vigil
