#pragma once

// Memory figures of a Linux process from /proc/<pid>/status, in KiB (-1 when unreadable).

#include <QList>
#include <QtGlobal>

namespace vigil::bench {

class ProcStatus
{
public:
    // pid 0: this process.
    explicit ProcStatus(qint64 pid = 0);

    // Reads the file again; false when the process is gone.
    bool refresh();

    // The process and its children summed: `serve` checks argon2id in helper processes, and what
    // it holds is theirs too. VmHWM is the sum of each one's peak, so an upper bound.
    static ProcStatus withChildren(qint64 pid);
    static QList<qint64> childrenOf(qint64 pid);
    // CPU seconds (user + system) of the process, of its children that still run, and of those
    // it has reaped; -1 when the process is gone.
    static double cpuSecondsWithChildren(qint64 pid);
    int processes() const { return m_processes; }

    qint64 vmRssKb() const { return m_vmRss; }
    qint64 vmHwmKb() const { return m_vmHwm; }
    qint64 rssAnonKb() const { return m_rssAnon; }
    qint64 rssFileKb() const { return m_rssFile; }
    // Proportional set size (/proc/<pid>/smaps_rollup): each shared page divided among the
    // processes that map it, so summed over processes it counts every page once.
    qint64 pssKb() const { return m_pss; }
    int threads() const { return m_threads; }

    static double mb(qint64 kb) { return kb / 1024.0; }

private:
    qint64 m_pid = 0;
    qint64 m_vmRss = -1;
    qint64 m_vmHwm = -1;
    qint64 m_rssAnon = -1;
    qint64 m_rssFile = -1;
    qint64 m_pss = -1;
    int m_threads = -1;
    int m_processes = 1;
};

} // namespace vigil::bench
