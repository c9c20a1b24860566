#pragma once

#include <QByteArray>
#include <QString>
#include <optional>

namespace vigil {

// The server's symmetric key for data that must be readable again but never stored in plaintext
// (TOTP secrets, queued notification bodies): XChaCha20-Poly1305 with a random nonce per value.
// Kept in keys/data.key beside the other keys, never in the database.
class DataKey
{
public:
    static std::optional<DataKey> loadOrCreate(const QString &path, QString *error);

    // nonce ‖ ciphertext ‖ tag. `context` is bound as associated data (e.g. "totp:42"), so a
    // value copied to another row does not decrypt there.
    QByteArray encrypt(const QByteArray &plaintext, const QByteArray &context) const;
    std::optional<QByteArray> decrypt(const QByteArray &sealed, const QByteArray &context) const;

    DataKey(const DataKey &) = default;
    DataKey &operator=(const DataKey &) = default;
    ~DataKey();

private:
    DataKey() = default;
    QByteArray m_key;
};

} // namespace vigil
