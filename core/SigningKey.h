#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>
#include <array>
#include <optional>

namespace vigil {

// An Ed25519 key pair (libsodium crypto_sign). The secret key lives in a plain array rather than
// a QByteArray so that copies are deep and each copy wipes its own bytes when destroyed.
class SigningKey
{
public:
    static constexpr int publicKeySize = 32;
    static constexpr int secretKeySize = 64;
    static constexpr int signatureSize = 64;

    static SigningKey generate();
    // Accepts libsodium's 64-byte secret key (seed + public key); refuses inconsistent halves.
    static std::optional<SigningKey> fromSecretKey(const QByteArray &secretKey64);
    static std::optional<SigningKey> loadFromFile(const QString &path, QString *error);
    // False on wrong sizes or a bad signature; never crashes on any input.
    static bool verify(const QByteArray &publicKey, QByteArrayView message, const QByteArray &signature);

    SigningKey(const SigningKey &other) = default;
    SigningKey(SigningKey &&other) noexcept = default;
    SigningKey &operator=(const SigningKey &other) = default;
    SigningKey &operator=(SigningKey &&other) noexcept = default;
    ~SigningKey();

    QByteArray publicKey() const;
    // A copy of the secret: wipe it with SecureMemory::wipe when done.
    QByteArray secretKey() const;
    QByteArray sign(QByteArrayView message) const;
    // Writes a header line and the base64 secret key, atomically, readable by the owner only.
    bool saveToFile(const QString &path, QString *error) const;

private:
    SigningKey() = default;

    std::array<unsigned char, publicKeySize> m_publicKey{};
    std::array<unsigned char, secretKeySize> m_secretKey{};
};

} // namespace vigil
