#include "SigningKey.h"

#include "SecureMemory.h"
#include "Sodium.h"

#include <QFile>
#include <QSaveFile>
#include <cstring>
#include <sodium.h>

namespace vigil {

static_assert(crypto_sign_PUBLICKEYBYTES == SigningKey::publicKeySize);
static_assert(crypto_sign_SECRETKEYBYTES == SigningKey::secretKeySize);
static_assert(crypto_sign_BYTES == SigningKey::signatureSize);

namespace {

constexpr char fileHeader[] = "vigil-ed25519-secret-key-v1\n";
// A valid file is under 200 bytes; the cap keeps a wrong path from reading something huge.
constexpr qint64 maxFileSize = 4096;

void setError(QString *error, const QString &message)
{
    if (error)
        *error = message;
}

} // namespace

SigningKey SigningKey::generate()
{
    Sodium::ensureInitialised();
    SigningKey key;
    crypto_sign_keypair(key.m_publicKey.data(), key.m_secretKey.data());
    return key;
}

std::optional<SigningKey> SigningKey::fromSecretKey(const QByteArray &secretKey64)
{
    if (secretKey64.size() != secretKeySize)
        return std::nullopt;
    Sodium::ensureInitialised();
    // Re-deriving from the seed catches a file whose public half was altered or corrupted.
    std::array<unsigned char, crypto_sign_SEEDBYTES> seed{};
    std::memcpy(seed.data(), secretKey64.constData(), seed.size());
    SigningKey key;
    crypto_sign_seed_keypair(key.m_publicKey.data(), key.m_secretKey.data(), seed.data());
    sodium_memzero(seed.data(), seed.size());
    if (sodium_memcmp(key.m_secretKey.data(), secretKey64.constData(), secretKeySize) != 0)
        return std::nullopt;
    return key;
}

SigningKey::~SigningKey()
{
    sodium_memzero(m_secretKey.data(), m_secretKey.size());
}

QByteArray SigningKey::publicKey() const
{
    return QByteArray(reinterpret_cast<const char *>(m_publicKey.data()), publicKeySize);
}

QByteArray SigningKey::secretKey() const
{
    return QByteArray(reinterpret_cast<const char *>(m_secretKey.data()), secretKeySize);
}

QByteArray SigningKey::sign(QByteArrayView message) const
{
    QByteArray signature(signatureSize, Qt::Uninitialized);
    crypto_sign_detached(reinterpret_cast<unsigned char *>(signature.data()), nullptr,
                         reinterpret_cast<const unsigned char *>(message.data()),
                         static_cast<unsigned long long>(message.size()), m_secretKey.data());
    return signature;
}

bool SigningKey::verify(const QByteArray &publicKey, QByteArrayView message, const QByteArray &signature)
{
    if (publicKey.size() != publicKeySize || signature.size() != signatureSize)
        return false;
    Sodium::ensureInitialised();
    return crypto_sign_verify_detached(reinterpret_cast<const unsigned char *>(signature.constData()),
                                       reinterpret_cast<const unsigned char *>(message.data()),
                                       static_cast<unsigned long long>(message.size()),
                                       reinterpret_cast<const unsigned char *>(publicKey.constData()))
            == 0;
}

bool SigningKey::saveToFile(const QString &path, QString *error) const
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        setError(error, QStringLiteral("Cannot write signing key file %1: %2").arg(path, file.errorString()));
        return false;
    }
    // The temporary file is still empty here, so the secret is never readable by others.
    if (!file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner)) {
        setError(error,
                 QStringLiteral("Cannot restrict permissions of signing key file %1: %2")
                         .arg(path, file.errorString()));
        file.cancelWriting();
        return false;
    }
    QByteArray secret = secretKey();
    QByteArray content = QByteArray(fileHeader) + secret.toBase64() + '\n';
    SecureMemory::wipe(secret);
    const bool written = file.write(content) == content.size();
    SecureMemory::wipe(content);
    if (!written || !file.commit()) {
        setError(error, QStringLiteral("Cannot write signing key file %1: %2").arg(path, file.errorString()));
        file.cancelWriting();
        return false;
    }
    return true;
}

std::optional<SigningKey> SigningKey::loadFromFile(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.exists()) {
        setError(error, QStringLiteral("Signing key file %1 does not exist").arg(path));
        return std::nullopt;
    }
    if (!file.open(QIODevice::ReadOnly)) {
        setError(error, QStringLiteral("Cannot open signing key file %1: %2").arg(path, file.errorString()));
        return std::nullopt;
    }
    QByteArray content = file.read(maxFileSize + 1);
    file.close();
    const auto fail = [&](const QString &message) {
        SecureMemory::wipe(content);
        setError(error, message);
        return std::nullopt;
    };
    if (content.size() > maxFileSize)
        return fail(QStringLiteral("Signing key file %1 is too large to be a signing key").arg(path));
    if (!content.startsWith(fileHeader))
        return fail(QStringLiteral("Signing key file %1 does not start with the header \"%2\"")
                            .arg(path, QLatin1String(fileHeader).trimmed()));

    QByteArray encoded =
            QByteArrayView(content).sliced(qsizetype(sizeof(fileHeader) - 1)).trimmed().toByteArray();
    auto decoded = QByteArray::fromBase64Encoding(encoded, QByteArray::AbortOnBase64DecodingErrors);
    SecureMemory::wipe(encoded);
    if (!decoded || decoded.decoded.isEmpty())
        return fail(QStringLiteral("Signing key file %1 does not contain valid base64").arg(path));
    QByteArray secret = std::move(decoded.decoded);
    if (secret.size() != secretKeySize) {
        const qsizetype size = secret.size();
        SecureMemory::wipe(secret);
        return fail(QStringLiteral("Signing key in %1 is %2 bytes long, expected %3")
                            .arg(path)
                            .arg(size)
                            .arg(secretKeySize));
    }
    auto key = fromSecretKey(secret);
    SecureMemory::wipe(secret);
    if (!key)
        return fail(
                QStringLiteral("Signing key in %1 is inconsistent (public half does not match)").arg(path));
    SecureMemory::wipe(content);
    return key;
}

} // namespace vigil
