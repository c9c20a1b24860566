#include "ProcStatus.h"

#include <QByteArray>
#include <QDir>
#include <QFile>
#include <QList>
#include <QString>
#include <unistd.h>

namespace vigil::bench {

ProcStatus::ProcStatus(qint64 pid)
    : m_pid(pid)
{
    refresh();
}

bool ProcStatus::refresh()
{
    QFile file(m_pid == 0 ? QStringLiteral("/proc/self/status")
                          : QStringLiteral("/proc/%1/status").arg(m_pid));
    // /proc files report size 0, so read them whole rather than line by line with atEnd().
    if (!file.open(QIODevice::ReadOnly))
        return false;
    const QByteArray text = file.readAll();
    if (text.isEmpty())
        return false;
    auto number = [](const QByteArray &line, qsizetype colon) {
        return line.mid(colon + 1).trimmed().split(' ').first().toLongLong();
    };
    for (const QByteArray &line : text.split('\n')) {
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0)
            continue;
        const QByteArray key = line.left(colon);
        if (key == "VmRSS")
            m_vmRss = number(line, colon);
        else if (key == "VmHWM")
            m_vmHwm = number(line, colon);
        else if (key == "RssAnon")
            m_rssAnon = number(line, colon);
        else if (key == "RssFile")
            m_rssFile = number(line, colon);
        else if (key == "Threads")
            m_threads = static_cast<int>(number(line, colon));
    }
    QFile rollup(m_pid == 0 ? QStringLiteral("/proc/self/smaps_rollup")
                            : QStringLiteral("/proc/%1/smaps_rollup").arg(m_pid));
    if (rollup.open(QIODevice::ReadOnly)) {
        for (const QByteArray &line : rollup.readAll().split('\n')) {
            if (line.startsWith("Pss:"))
                m_pss = number(line, 3);
        }
    }
    return true;
}

namespace {

// The fields of /proc/<pid>/stat after the command name (which is in parentheses and may hold
// spaces): index 0 is the state, 1 the parent, 11/12 utime/stime, 13/14 the reaped children's.
QList<QByteArray> statFields(qint64 pid)
{
    QFile file(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    const QByteArray stat = file.readAll();
    return stat.mid(stat.lastIndexOf(')') + 2).split(' ');
}

} // namespace

QList<qint64> ProcStatus::childrenOf(qint64 pid)
{
    QList<qint64> children;
    const auto entries = QDir(QStringLiteral("/proc")).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString &entry : entries) {
        bool numeric = false;
        const qint64 candidate = entry.toLongLong(&numeric);
        if (!numeric)
            continue;
        const QList<QByteArray> fields = statFields(candidate);
        if (fields.size() > 1 && fields.at(0) != "Z" && fields.at(1).toLongLong() == pid)
            children.append(candidate);
    }
    return children;
}

ProcStatus ProcStatus::withChildren(qint64 pid)
{
    ProcStatus total(pid);
    for (const qint64 child : childrenOf(pid)) {
        const ProcStatus status(child);
        if (status.m_vmRss < 0)
            continue;
        total.m_vmRss += status.m_vmRss;
        total.m_vmHwm += status.m_vmHwm;
        total.m_rssAnon += status.m_rssAnon;
        total.m_rssFile += status.m_rssFile;
        total.m_pss += status.m_pss;
        total.m_threads += status.m_threads;
        ++total.m_processes;
    }
    return total;
}

double ProcStatus::cpuSecondsWithChildren(qint64 pid)
{
    const QList<QByteArray> own = statFields(pid);
    if (own.size() < 15)
        return -1;
    qint64 ticks = own.at(11).toLongLong() + own.at(12).toLongLong() + own.at(13).toLongLong()
            + own.at(14).toLongLong();
    for (const qint64 child : childrenOf(pid)) {
        const QList<QByteArray> fields = statFields(child);
        if (fields.size() >= 13)
            ticks += fields.at(11).toLongLong() + fields.at(12).toLongLong();
    }
    return ticks / static_cast<double>(sysconf(_SC_CLK_TCK));
}

} // namespace vigil::bench
