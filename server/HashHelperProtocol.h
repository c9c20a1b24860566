#pragma once

// What serve and its argon2id helpers (app/argon2id_helper_main.cpp) say to each other over a
// private socket pair, one check at a time: the request is two 32-bit lengths in host order, then
// the stored encoding and the normalised secret; the reply is one byte. Plain C++ and POSIX only:
// the helper links nothing but libsodium.

#include <cerrno>
#include <cstddef>
#include <cstdint>
#include <sys/socket.h>
#include <unistd.h>

namespace vigil::hashhelper {

// libsodium's encodings fit crypto_pwhash_STRBYTES (128) with their terminating NUL.
constexpr std::uint32_t kMaxEncoding = 127;
// Answers are at most 1024 characters (4 KiB of UTF-8); passwords are bounded by the body limit.
constexpr std::uint32_t kMaxSecret = 64 * 1024;
constexpr char kRight = '1';
constexpr char kWrong = '0';
// Like the hash pool's threads: checks wait for a core after the event loop and the workers.
constexpr int kNice = 10;
// The helper's exit codes.
constexpr int kExitClosed = 0; // serve closed the socket
constexpr int kExitStranger = 1; // not started by the server it names
constexpr int kExitMalformed = 2; // a request out of bounds
constexpr int kExitNoSodium = 3; // libsodium would not start

// Sends everything, never raising SIGPIPE (a dead peer is an error, not the end of the process).
inline bool sendAll(int fd, const char *data, std::size_t size)
{
    while (size > 0) {
        const ssize_t sent = ::send(fd, data, size, MSG_NOSIGNAL);
        if (sent < 0 && errno == EINTR)
            continue;
        if (sent <= 0)
            return false;
        data += sent;
        size -= static_cast<std::size_t>(sent);
    }
    return true;
}

// Reads exactly `size` bytes. *closed is set when the peer closed before the first byte.
inline bool readAll(int fd, char *data, std::size_t size, bool *closed = nullptr)
{
    std::size_t done = 0;
    while (done < size) {
        const ssize_t got = ::read(fd, data + done, size - done);
        if (got < 0 && errno == EINTR)
            continue;
        if (got <= 0) {
            if (closed)
                *closed = got == 0 && done == 0;
            return false;
        }
        done += static_cast<std::size_t>(got);
    }
    return true;
}

} // namespace vigil::hashhelper
