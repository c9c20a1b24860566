#pragma once

// Command-line options shared by the benchmark programs: `--name value` pairs, plus the older
// form where a bare number is the profile count.

#include <QString>
#include <QStringList>

namespace vigil::bench {

class BenchArguments
{
public:
    explicit BenchArguments(QStringList arguments); // without the program name
    // From main()'s arguments, before any Q*Application exists (the Qt platform is chosen from them).
    static BenchArguments fromMain(int argc, char *argv[]);
    // `--platform P` (default offscreen), set as QT_QPA_PLATFORM; call before the application exists.
    QString applyPlatform() const;

    QString value(const QString &name, const QString &fallback = {}) const;
    int intValue(const QString &name, int fallback) const;
    bool has(const QString &name) const { return m_arguments.contains(name); }

    // `--data DIR`: a data folder made by bench_fill or `vigil-server demo`; empty when not given.
    QString dataDir() const { return value(QStringLiteral("--data")); }
    // `--profiles N`, or the first bare number.
    int profiles(int fallback) const;

private:
    QStringList m_arguments;
};

} // namespace vigil::bench
