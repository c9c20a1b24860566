#include "ProcStatus.h"

#include <QByteArray>
#include <QFile>
#include <QList>
#include <QString>

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
    return true;
}

} // namespace vigil::bench
