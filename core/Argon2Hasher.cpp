#include "Argon2Hasher.h"

#include "SecureMemory.h"
#include "SecureRandom.h"
#include "Sodium.h"

#include <QLoggingCategory>
#include <QThread>
#include <algorithm>
#include <array>
#include <condition_variable>
#include <cstring>
#include <mutex>
#include <optional>
#include <sodium.h>

namespace vigil {

namespace {

Q_LOGGING_CATEGORY(lcCrypto, "vigil.core.crypto")

constexpr char argon2idPrefix[] = "$argon2id$";

// libsodium reads the encoding as a C string inside a crypto_pwhash_STRBYTES buffer; copying it
// into one guarantees termination and bounds for any input, including embedded NULs.
std::optional<std::array<char, crypto_pwhash_STRBYTES>> toEncodingBuffer(const QByteArray &encoded)
{
    if (encoded.isEmpty() || encoded.size() >= qsizetype(crypto_pwhash_STRBYTES) || encoded.contains('\0'))
        return std::nullopt;
    std::array<char, crypto_pwhash_STRBYTES> buffer{};
    std::memcpy(buffer.data(), encoded.constData(), static_cast<size_t>(encoded.size()));
    return buffer;
}

// The process-wide bound on concurrent computations. A condition variable rather than a semaphore,
// because the limit can change while threads wait.
class HashGate
{
public:
    static HashGate &instance()
    {
        static HashGate gate;
        return gate;
    }

    void enter()
    {
        std::unique_lock lock(m_mutex);
        m_changed.wait(lock, [this] { return m_limit <= 0 || m_running < m_limit; });
        ++m_running;
    }

    void leave()
    {
        {
            const std::lock_guard lock(m_mutex);
            --m_running;
        }
        m_changed.notify_one();
    }

    void setLimit(int limit)
    {
        {
            const std::lock_guard lock(m_mutex);
            m_limit = limit;
        }
        m_changed.notify_all();
    }

    int limit()
    {
        const std::lock_guard lock(m_mutex);
        return m_limit;
    }

    int running()
    {
        const std::lock_guard lock(m_mutex);
        return m_running;
    }

private:
    HashGate()
        : m_limit(std::max(1, QThread::idealThreadCount()))
    {
    }

    std::mutex m_mutex;
    std::condition_variable m_changed;
    int m_limit;
    int m_running = 0;
};

std::mutex &delegateMutex()
{
    static std::mutex mutex;
    return mutex;
}

Argon2Hasher::Delegate &delegateSlot()
{
    static Argon2Hasher::Delegate delegate;
    return delegate;
}

// A copy, so a delegate being replaced never pulls the function from under a running check.
Argon2Hasher::Delegate currentDelegate()
{
    const std::lock_guard lock(delegateMutex());
    return delegateSlot();
}

class GatePass
{
public:
    GatePass() { HashGate::instance().enter(); }
    ~GatePass() { HashGate::instance().leave(); }
    GatePass(const GatePass &) = delete;
    GatePass &operator=(const GatePass &) = delete;
};

} // namespace

QByteArray Argon2Hasher::hash(QByteArrayView secret)
{
    Sodium::ensureInitialised();
    std::array<char, crypto_pwhash_STRBYTES> out{};
    const GatePass pass;
    if (crypto_pwhash_str_alg(out.data(), secret.data(), static_cast<unsigned long long>(secret.size()),
                              opsLimit, memLimit, crypto_pwhash_ALG_ARGON2ID13)
        != 0) {
        qCWarning(lcCrypto) << "argon2id hashing failed (out of memory?)";
        return {};
    }
    return QByteArray(out.data());
}

bool Argon2Hasher::verify(const QByteArray &encoded, QByteArrayView secret)
{
    if (!toEncodingBuffer(encoded))
        return false;
    const GatePass pass;
    if (const Delegate delegate = currentDelegate()) {
        if (const auto result = delegate(encoded, secret))
            return *result;
    }
    return verifyHere(encoded, secret);
}

bool Argon2Hasher::verifyHere(const QByteArray &encoded, QByteArrayView secret)
{
    Sodium::ensureInitialised();
    const auto buffer = toEncodingBuffer(encoded);
    if (!buffer)
        return false;
    return crypto_pwhash_str_verify(buffer->data(), secret.data(),
                                    static_cast<unsigned long long>(secret.size()))
            == 0;
}

void Argon2Hasher::setDelegate(Delegate delegate)
{
    const std::lock_guard lock(delegateMutex());
    delegateSlot() = std::move(delegate);
}

bool Argon2Hasher::needsRehash(const QByteArray &encoded)
{
    Sodium::ensureInitialised();
    // libsodium would happily compare an argon2i encoding against argon2i parameters.
    if (!encoded.startsWith(argon2idPrefix))
        return true;
    // libsodium reads only the parameters; a damaged salt or digest must count as "rehash" too.
    // Ours are $argon2id$v=19$m=…,t=…,p=…$<22 base64 salt>$<43 base64 digest>.
    const auto parts = encoded.split('$');
    if (parts.size() != 6 || parts.at(4).size() != 22 || parts.at(5).size() != 43)
        return true;
    const auto buffer = toEncodingBuffer(encoded);
    if (!buffer)
        return true;
    return crypto_pwhash_str_needs_rehash(buffer->data(), opsLimit, memLimit) != 0;
}

QByteArray Argon2Hasher::dummyHash()
{
    static std::mutex mutex;
    static QByteArray cached;
    const std::lock_guard lock(mutex);
    // Retried on the next call if hashing failed, rather than caching an empty value forever.
    if (cached.isEmpty()) {
        QByteArray secret = SecureRandom::bytes(32);
        cached = hash(secret);
        SecureMemory::wipe(secret);
    }
    return cached;
}

void Argon2Hasher::setConcurrencyLimit(int limit)
{
    HashGate::instance().setLimit(std::max(0, limit));
}

int Argon2Hasher::concurrencyLimit()
{
    return HashGate::instance().limit();
}

int Argon2Hasher::running()
{
    return HashGate::instance().running();
}

} // namespace vigil
