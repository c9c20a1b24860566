#include "HashHelpers.h"

#include "HashHelperProtocol.h"

#include <QFile>
#include <QFileInfo>
#include <QLoggingCategory>
#include <array>
#include <cerrno>
#include <csignal>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <poll.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

extern char **environ;

namespace vigil {

using namespace hashhelper;

namespace {

Q_LOGGING_CATEGORY(lcHelpers, "vigil.server.hash")

// A check takes ~15 ms of CPU; a helper that has not answered in this long is stuck.
constexpr int kReplyTimeoutMs = 30000;

} // namespace

HashHelpers::HashHelpers(QString program)
    : m_program(std::move(program))
{
}

HashHelpers::~HashHelpers()
{
    const std::lock_guard lock(m_mutex);
    for (auto &helper : m_helpers) {
        if (helper.fd >= 0) {
            ::close(helper.fd); // the helper reads end-of-file and exits
            helper.fd = -1;
        }
    }
    for (auto &helper : m_helpers) {
        if (helper.pid <= 0)
            continue;
        // A helper in the middle of a check finishes it first (~15 ms); give it a moment.
        for (int waited = 0; waited < 2000; waited += 10) {
            if (::waitpid(helper.pid, nullptr, WNOHANG) != 0) {
                helper.pid = -1;
                break;
            }
            ::usleep(10000);
        }
        if (helper.pid > 0) {
            ::kill(helper.pid, SIGKILL);
            ::waitpid(helper.pid, nullptr, 0);
            helper.pid = -1;
        }
    }
}

bool HashHelpers::start(int count, QString *error)
{
    const std::lock_guard lock(m_mutex);
    m_helpers.resize(static_cast<size_t>(std::max(0, count)));
    for (auto &helper : m_helpers) {
        if (!spawn(helper, error)) {
            for (auto &started : m_helpers)
                retire(started);
            m_helpers.clear();
            return false;
        }
    }
    return true;
}

bool HashHelpers::spawn(Helper &helper, QString *error)
{
    int pair[2] = {-1, -1};
    if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, pair) != 0) {
        if (error)
            *error = QStringLiteral("socketpair: %1").arg(QString::fromLocal8Bit(std::strerror(errno)));
        return false;
    }
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, pair[1], STDIN_FILENO); // dup2 drops FD_CLOEXEC
    posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, "/dev/null", O_WRONLY, 0);
    const QByteArray program = QFile::encodeName(m_program);
    const QByteArray parent = QByteArray::number(static_cast<qint64>(::getpid()));
    char *argv[] = {const_cast<char *>(program.constData()), const_cast<char *>(parent.constData()), nullptr};
    pid_t pid = -1;
    const int failed = posix_spawn(&pid, program.constData(), &actions, nullptr, argv, environ);
    posix_spawn_file_actions_destroy(&actions);
    ::close(pair[1]);
    if (failed != 0) {
        ::close(pair[0]);
        if (error)
            *error = QStringLiteral("cannot start %1: %2")
                             .arg(m_program, QString::fromLocal8Bit(std::strerror(failed)));
        return false;
    }
    helper.pid = pid;
    helper.fd = pair[0];
    return true;
}

void HashHelpers::retire(Helper &helper)
{
    if (helper.fd >= 0)
        ::close(helper.fd);
    if (helper.pid > 0) {
        ::kill(helper.pid, SIGKILL);
        ::waitpid(helper.pid, nullptr, 0);
    }
    helper.fd = -1;
    helper.pid = -1;
}

std::optional<bool> HashHelpers::ask(int fd, const QByteArray &encoded, QByteArrayView secret)
{
    const std::array<std::uint32_t, 2> lengths{static_cast<std::uint32_t>(encoded.size()),
                                               static_cast<std::uint32_t>(secret.size())};
    if (!sendAll(fd, reinterpret_cast<const char *>(lengths.data()), sizeof lengths)
        || !sendAll(fd, encoded.constData(), static_cast<size_t>(encoded.size()))
        || !sendAll(fd, secret.data(), static_cast<size_t>(secret.size())))
        return std::nullopt;
    pollfd ready{fd, POLLIN, 0};
    int polled = 0;
    do {
        polled = ::poll(&ready, 1, kReplyTimeoutMs);
    } while (polled < 0 && errno == EINTR);
    char reply = 0;
    if (polled != 1 || !readAll(fd, &reply, 1))
        return std::nullopt;
    if (reply != kRight && reply != kWrong)
        return std::nullopt;
    return reply == kRight;
}

std::optional<bool> HashHelpers::verify(const QByteArray &encoded, QByteArrayView secret)
{
    if (encoded.isEmpty() || static_cast<std::uint64_t>(encoded.size()) > kMaxEncoding
        || static_cast<std::uint64_t>(secret.size()) > kMaxSecret)
        return std::nullopt; // not ours to judge: checked in-process, where malformed input is refused
    Helper *helper = nullptr;
    {
        std::unique_lock lock(m_mutex);
        if (m_helpers.empty())
            return std::nullopt;
        m_freed.wait(lock, [&] {
            for (auto &candidate : m_helpers) {
                if (!candidate.busy) {
                    helper = &candidate;
                    return true;
                }
            }
            return false;
        });
        helper->busy = true;
    }
    // The helper is ours alone now: asking it needs no lock. Its pid and socket change under the
    // lock all the same, because pids() reads them from other threads.
    std::optional<bool> result;
    QString error;
    if (helper->fd < 0) {
        Helper fresh;
        if (spawn(fresh, &error)) {
            const std::lock_guard lock(m_mutex);
            helper->pid = fresh.pid;
            helper->fd = fresh.fd;
        }
    }
    if (helper->fd >= 0) {
        result = ask(helper->fd, encoded, secret);
        if (!result) {
            Helper failed;
            {
                const std::lock_guard lock(m_mutex);
                failed = *helper;
                helper->pid = -1;
                helper->fd = -1;
            }
            qCWarning(lcHelpers) << "argon2id helper" << failed.pid << "failed; replacing it";
            retire(failed);
            ++m_replaced;
        }
    } else {
        qCWarning(lcHelpers) << "argon2id helper:" << error << "- checking in-process";
    }
    {
        const std::lock_guard lock(m_mutex);
        helper->busy = false;
    }
    m_freed.notify_one();
    return result;
}

QList<qint64> HashHelpers::pids() const
{
    const std::lock_guard lock(m_mutex);
    QList<qint64> pids;
    for (const auto &helper : m_helpers) {
        if (helper.pid > 0)
            pids.append(helper.pid);
    }
    return pids;
}

QString HashHelpers::locateProgram(const QString &serverDirectory)
{
    // Beside vigil-server in a build tree; under libexec in an installed one.
    const QString name = QLatin1String(kProgramName);
    for (const QString &candidate :
         {QString(serverDirectory + QLatin1Char('/') + name),
          QString(serverDirectory + QStringLiteral("/../libexec/vigil/") + name)}) {
        const QFileInfo info(candidate);
        if (info.isFile() && info.isExecutable())
            return info.canonicalFilePath();
    }
    return {};
}

} // namespace vigil
