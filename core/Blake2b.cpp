#include "Blake2b.h"

#include "Sodium.h"

#include <sodium.h>

namespace vigil {

static_assert(sizeof(crypto_generichash_state) <= sizeof(std::array<unsigned char, 384>));
static_assert(alignof(crypto_generichash_state) <= 64);
static_assert(crypto_generichash_BYTES_MIN <= Blake2b::digestSize
              && Blake2b::digestSize <= crypto_generichash_BYTES_MAX);
static_assert(crypto_generichash_KEYBYTES_MIN <= Blake2b::keySize
              && Blake2b::keySize <= crypto_generichash_KEYBYTES_MAX);

namespace {

crypto_generichash_state *asState(std::array<unsigned char, 384> &storage)
{
    return reinterpret_cast<crypto_generichash_state *>(storage.data());
}

} // namespace

QByteArray Blake2b::hash256(QByteArrayView data)
{
    Sodium::ensureInitialised();
    QByteArray digest(digestSize, Qt::Uninitialized);
    crypto_generichash(reinterpret_cast<unsigned char *>(digest.data()), digestSize,
                       reinterpret_cast<const unsigned char *>(data.data()),
                       static_cast<unsigned long long>(data.size()), nullptr, 0);
    return digest;
}

QByteArray Blake2b::keyedHash256(QByteArrayView key, QByteArrayView data)
{
    if (key.size() != keySize)
        return {};
    Sodium::ensureInitialised();
    QByteArray digest(digestSize, Qt::Uninitialized);
    crypto_generichash(reinterpret_cast<unsigned char *>(digest.data()), digestSize,
                       reinterpret_cast<const unsigned char *>(data.data()),
                       static_cast<unsigned long long>(data.size()),
                       reinterpret_cast<const unsigned char *>(key.data()), keySize);
    return digest;
}

Blake2b::Blake2b()
{
    reset();
}

Blake2b::~Blake2b()
{
    // A keyless state holds no secret, but hashed audit fields may be personal data.
    sodium_memzero(m_state.data(), m_state.size());
}

void Blake2b::addData(QByteArrayView data)
{
    if (!m_digest.isEmpty())
        return;
    crypto_generichash_update(asState(m_state), reinterpret_cast<const unsigned char *>(data.data()),
                              static_cast<unsigned long long>(data.size()));
}

QByteArray Blake2b::finalize()
{
    if (m_digest.isEmpty()) {
        QByteArray digest(digestSize, Qt::Uninitialized);
        crypto_generichash_final(asState(m_state), reinterpret_cast<unsigned char *>(digest.data()),
                                 digestSize);
        m_digest = digest;
    }
    return m_digest;
}

void Blake2b::reset()
{
    Sodium::ensureInitialised();
    m_digest.clear();
    crypto_generichash_init(asState(m_state), nullptr, 0, digestSize);
}

} // namespace vigil
