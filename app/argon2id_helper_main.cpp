// vigil-argon2id-helper: checks argon2id encodings for `vigil-server serve`, one at a time, on the
// socket it was given as standard input (server/HashHelpers.h says why these are processes). It
// links nothing but libsodium, holds nothing but the check in hand, wipes the secret after each
// check, and runs only as the child of the server whose pid it is given, dying with it.
#include "HashHelperProtocol.h"

#include <array>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <sodium.h>
#include <sys/resource.h>
#ifdef __linux__
#  include <sys/prctl.h>
#endif

using namespace vigil::hashhelper;

namespace {
// Static: no allocation per check, and one place to wipe.
std::array<char, kMaxSecret> g_secret;
} // namespace

int main(int argc, char *argv[])
{
#ifdef __linux__
    // Killed with the server. Elsewhere the socket closing does it: a helper waiting for a request
    // reads end-of-file, one in a check fails to send its reply, and both exit.
    ::prctl(PR_SET_PDEATHSIG, SIGKILL);
#endif
    // After the death signal is armed: a server that died before that is no longer our parent.
    if (argc != 2 || std::strtoll(argv[1], nullptr, 10) != static_cast<long long>(::getppid()))
        return kExitStranger;
    if (sodium_init() < 0)
        return kExitNoSodium;
    ::setpriority(PRIO_PROCESS, 0, kNice); // refused under a strict syscall filter: then as it is

    const int fd = STDIN_FILENO;
    std::array<char, kMaxEncoding + 1> encoded{};
    for (;;) {
        std::array<std::uint32_t, 2> lengths{};
        bool closed = false;
        if (!readAll(fd, reinterpret_cast<char *>(lengths.data()), sizeof lengths, &closed))
            return closed ? kExitClosed : kExitMalformed;
        if (lengths[0] == 0 || lengths[0] > kMaxEncoding || lengths[1] > kMaxSecret)
            return kExitMalformed;
        encoded.fill('\0');
        if (!readAll(fd, encoded.data(), lengths[0]) || !readAll(fd, g_secret.data(), lengths[1])) {
            sodium_memzero(g_secret.data(), g_secret.size());
            return kExitMalformed;
        }
        // libsodium reads the encoding as a C string: one with a NUL inside is malformed, so wrong.
        const bool wellFormed = std::memchr(encoded.data(), '\0', lengths[0]) == nullptr;
        const bool right =
                wellFormed && crypto_pwhash_str_verify(encoded.data(), g_secret.data(), lengths[1]) == 0;
        sodium_memzero(g_secret.data(), lengths[1]);
        const char reply = right ? kRight : kWrong;
        if (!sendAll(fd, &reply, 1))
            return kExitClosed;
    }
}
