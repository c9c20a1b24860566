// LD_PRELOAD shim for test_reliability_store_faults: a disk that fills up, or turns read-only,
// under the SQLite store, without root. While the file named by VIGIL_FAULT_CONTROL exists, every
// write, pwrite, fdatasync, fsync and ftruncate on a file whose name starts with "vigil.db" (the
// database, its WAL and journal) fails with ENOSPC, or with EROFS when the control file says
// "EROFS". Everything else passes through untouched. No Qt: it is loaded before anything else.
#include <dlfcn.h>
#include <fcntl.h>
#include <sys/types.h>
#include <unistd.h>

#include <cerrno>
#include <climits>
#include <cstdio>
#include <cstdlib>
#include <cstring>

namespace {

// The errno an armed fault fails with, or 0 while the control file is absent.
int armedError()
{
    static const char *const control = std::getenv("VIGIL_FAULT_CONTROL");
    if (!control)
        return 0;
    const int fd = ::open(control, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return 0;
    char mode[8] = {};
    const ssize_t length = ::read(fd, mode, sizeof mode - 1);
    ::close(fd);
    return length >= 5 && std::strncmp(mode, "EROFS", 5) == 0 ? EROFS : ENOSPC;
}

bool isStoreFile(int fd)
{
    char link[32];
    std::snprintf(link, sizeof link, "/proc/self/fd/%d", fd);
    char target[PATH_MAX];
    const ssize_t length = ::readlink(link, target, sizeof target - 1);
    if (length <= 0)
        return false;
    target[length] = '\0';
    const char *slash = std::strrchr(target, '/');
    return std::strncmp(slash ? slash + 1 : target, "vigil.db", 8) == 0;
}

// True, with errno set, when this call on `fd` must fail; otherwise errno is left as it was.
bool injectFault(int fd)
{
    const int saved = errno;
    const int error = armedError();
    const bool fail = error != 0 && isStoreFile(fd);
    errno = fail ? error : saved;
    return fail;
}

template <typename Function>
Function next(const char *name)
{
    return reinterpret_cast<Function>(::dlsym(RTLD_NEXT, name));
}

} // namespace

extern "C" {

ssize_t write(int fd, const void *buffer, size_t count)
{
    static const auto real = next<ssize_t (*)(int, const void *, size_t)>("write");
    if (injectFault(fd))
        return -1;
    return real(fd, buffer, count);
}

ssize_t pwrite(int fd, const void *buffer, size_t count, off_t offset)
{
    static const auto real = next<ssize_t (*)(int, const void *, size_t, off_t)>("pwrite");
    if (injectFault(fd))
        return -1;
    return real(fd, buffer, count, offset);
}

ssize_t pwrite64(int fd, const void *buffer, size_t count, off64_t offset)
{
    static const auto real = next<ssize_t (*)(int, const void *, size_t, off64_t)>("pwrite64");
    if (injectFault(fd))
        return -1;
    return real(fd, buffer, count, offset);
}

int fsync(int fd)
{
    static const auto real = next<int (*)(int)>("fsync");
    if (injectFault(fd))
        return -1;
    return real(fd);
}

int fdatasync(int fd)
{
    static const auto real = next<int (*)(int)>("fdatasync");
    if (injectFault(fd))
        return -1;
    return real(fd);
}

int ftruncate(int fd, off_t length)
{
    static const auto real = next<int (*)(int, off_t)>("ftruncate");
    if (injectFault(fd))
        return -1;
    return real(fd, length);
}

int ftruncate64(int fd, off64_t length)
{
    static const auto real = next<int (*)(int, off64_t)>("ftruncate64");
    if (injectFault(fd))
        return -1;
    return real(fd, length);
}

} // extern "C"
