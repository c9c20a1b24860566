#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QString>
#include <atomic>
#include <condition_variable>
#include <mutex>
#include <optional>
#include <sys/types.h>
#include <vector>

namespace vigil {

// argon2id checks in helper processes (vigil-argon2id-helper, app/argon2id_helper_main.cpp), one
// check at a time each.
//
// Why processes: libsodium maps and unmaps a fresh 19 MiB for every check, and about half of a
// check's CPU time is the kernel populating and freeing those pages. Threads of one process share
// one address space, so their checks queue on its memory-map lock: on 2 cores two threads hashed
// at 83% of twice the single-thread rate, two processes at 96% (docs/performance.md). A helper
// holds nothing but the check in hand: the stored encoding and the normalised answer arrive on a
// private socket, the answer is wiped after the check, and only one byte (right or wrong) goes back.
//
// A helper that dies, hangs or answers garbage is killed and replaced on next use, and that check
// is reported as unknown (nullopt) so the caller checks in-process instead: a broken helper never
// turns a right answer into a wrong one. Helpers die with the server (PR_SET_PDEATHSIG).
class HashHelpers
{
public:
    static constexpr const char *kProgramName = "vigil-argon2id-helper";

    // The helper program for a vigil-server in `serverDirectory`, or empty when there is none.
    static QString locateProgram(const QString &serverDirectory);

    explicit HashHelpers(QString program);
    ~HashHelpers();
    HashHelpers(const HashHelpers &) = delete;
    HashHelpers &operator=(const HashHelpers &) = delete;

    // Starts `count` helpers of the program. False with *error set if any
    // could not start; those already started are stopped again.
    bool start(int count, QString *error);
    // Blocks until a helper is free. nullopt when the helper failed (the caller checks itself).
    std::optional<bool> verify(const QByteArray &encoded, QByteArrayView secret);

    QString program() const { return m_program; }
    QList<qint64> pids() const;
    int replaced() const { return m_replaced; }

private:
    struct Helper
    {
        pid_t pid = -1;
        int fd = -1; // our end of the socket pair; -1: to be (re)started
        bool busy = false;
    };

    bool spawn(Helper &helper, QString *error);
    static void retire(Helper &helper);
    static std::optional<bool> ask(int fd, const QByteArray &encoded, QByteArrayView secret);

    const QString m_program;
    mutable std::mutex m_mutex;
    std::condition_variable m_freed;
    std::vector<Helper> m_helpers;
    std::atomic_int m_replaced = 0;
};

} // namespace vigil
