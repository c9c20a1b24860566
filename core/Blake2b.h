#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <array>

namespace vigil {

// BLAKE2b with a 32-byte digest (libsodium crypto_generichash). The static functions hash in one
// go; an instance hashes incrementally, which the audit hash chain uses to cover many fields.
class Blake2b
{
public:
    static constexpr int digestSize = 32;
    static constexpr int keySize = 32;

    static QByteArray hash256(QByteArrayView data);
    // Empty result when the key is not exactly keySize bytes.
    static QByteArray keyedHash256(QByteArrayView key, QByteArrayView data);

    Blake2b();
    ~Blake2b();
    Blake2b(const Blake2b &) = default;
    Blake2b &operator=(const Blake2b &) = default;

    void addData(QByteArrayView data);
    // Returns the digest; calling it again returns the same digest. Data added after finalize()
    // is ignored until reset().
    QByteArray finalize();
    void reset();

private:
    // Opaque storage for crypto_generichash_state, so this header does not need sodium.h
    // (libsodium is a private dependency of vigil-core). Size and alignment checked in the .cpp.
    alignas(64) std::array<unsigned char, 384> m_state{};
    QByteArray m_digest;
};

} // namespace vigil
