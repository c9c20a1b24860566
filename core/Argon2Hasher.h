#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <cstddef>
#include <functional>
#include <optional>

namespace vigil {

// Argon2id password hashing for user secrets and API client credentials. The parameters follow
// the OWASP minimum for argon2id (19 MiB, 2 passes, 1 lane), which keeps one check around 15 ms
// of CPU (docs/performance.md) so the server can afford it per answer and per sign-in.
class Argon2Hasher
{
public:
    Argon2Hasher() = delete;

    static constexpr unsigned long long opsLimit = 2;
    static constexpr std::size_t memLimit = 19 * 1024 * 1024;

    // The encoded "$argon2id$v=19$m=19456,t=2,p=1$salt$hash" string, or empty on failure.
    static QByteArray hash(QByteArrayView secret);
    // False for a wrong secret and for empty or malformed encodings; never throws or crashes.
    // Passes the concurrency bound below, and runs the check through the delegate if one is set.
    static bool verify(const QByteArray &encoded, QByteArrayView secret);
    // The check itself, here and now: no bound, no delegate (what a helper process runs).
    static bool verifyHere(const QByteArray &encoded, QByteArrayView secret);

    // Where verify() has its checks run, e.g. the server's helper processes. It returns nullopt
    // when it could not tell (a helper died); verify() then checks here. Empty: always here.
    using Delegate = std::function<std::optional<bool>(const QByteArray &encoded, QByteArrayView secret)>;
    static void setDelegate(Delegate delegate);
    // True when the encoding is not argon2id with the current parameters (or is malformed).
    static bool needsRehash(const QByteArray &encoded);
    // A valid hash of a random value, computed once. Verifying against it for unknown users
    // costs the same time as for real ones, so response time does not reveal who exists.
    static QByteArray dummyHash();

    // At most this many argon2id computations run at once in this process; callers beyond it wait
    // (blocking their own thread, never an event loop). Each one holds 19 MiB, so this bounds what
    // hashing can take from memory however many threads ask at once, and more than one per core
    // would only make each slower. The default is QThread::idealThreadCount(); 0 lifts it.
    static void setConcurrencyLimit(int limit);
    static int concurrencyLimit();
    // How many computations are running now (for tests and diagnostics).
    static int running();
};

} // namespace vigil
