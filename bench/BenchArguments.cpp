#include "BenchArguments.h"

#include <QtGlobal>

namespace vigil::bench {

BenchArguments::BenchArguments(QStringList arguments)
    : m_arguments(std::move(arguments))
{
}

BenchArguments BenchArguments::fromMain(int argc, char *argv[])
{
    QStringList arguments;
    for (int i = 1; i < argc; ++i)
        arguments.append(QString::fromLocal8Bit(argv[i]));
    return BenchArguments(arguments);
}

QString BenchArguments::applyPlatform() const
{
    const QString platform = value(QStringLiteral("--platform"), QStringLiteral("offscreen"));
    qputenv("QT_QPA_PLATFORM", platform.toLocal8Bit());
    return platform;
}

QString BenchArguments::value(const QString &name, const QString &fallback) const
{
    const qsizetype at = m_arguments.indexOf(name);
    return at >= 0 && at + 1 < m_arguments.size() ? m_arguments.at(at + 1) : fallback;
}

int BenchArguments::intValue(const QString &name, int fallback) const
{
    bool ok = false;
    const int number = value(name).toInt(&ok);
    return ok ? number : fallback;
}

int BenchArguments::profiles(int fallback) const
{
    if (has(QStringLiteral("--profiles")))
        return intValue(QStringLiteral("--profiles"), fallback);
    for (qsizetype i = 0; i < m_arguments.size(); ++i) {
        // A bare number that is not the value of some option.
        if (i > 0 && m_arguments.at(i - 1).startsWith(QLatin1String("--")))
            continue;
        bool ok = false;
        const int number = m_arguments.at(i).toInt(&ok);
        if (ok)
            return number;
    }
    return fallback;
}

} // namespace vigil::bench
