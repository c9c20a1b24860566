// Fills (or reuses) the data folder the server benchmarks run against; see BenchData.h.
//
// Usage: bench_fill --data DIR --profiles N [--database postgresql://…] [--seed S]
#include "BenchData.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QTextStream>

using namespace vigil::bench;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QTextStream out(stdout);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Fill a data folder for the server benchmarks."));
    parser.addHelpOption();
    const QCommandLineOption dataOption(
            QStringLiteral("data"), QStringLiteral("Data folder to fill or reuse."), QStringLiteral("DIR"));
    const QCommandLineOption profilesOption(QStringLiteral("profiles"),
                                            QStringLiteral("Synthetic profiles (default 100000)."),
                                            QStringLiteral("N"), QStringLiteral("100000"));
    const QCommandLineOption databaseOption(
            QStringLiteral("database"), QStringLiteral("A PostgreSQL store instead of SQLite in the folder."),
            QStringLiteral("URL"));
    const QCommandLineOption seedOption(QStringLiteral("seed"),
                                        QStringLiteral("Generator seed (default 20231)."),
                                        QStringLiteral("S"), QStringLiteral("20231"));
    parser.addOptions({dataOption, profilesOption, databaseOption, seedOption});
    parser.process(app);
    if (!parser.isSet(dataOption)) {
        out << "--data DIR is required\n";
        return 2;
    }
    BenchData::Options options;
    options.dataDir = parser.value(dataOption);
    options.profiles = parser.value(profilesOption).toInt();
    options.databaseUrl = parser.value(databaseOption);
    options.seed = parser.value(seedOption).toUInt();
    BenchData::Filled filled;
    QString error;
    if (!BenchData::fill(options, &filled, &error, &out)) {
        out << "bench_fill: " << error << "\n";
        return 1;
    }
    out << (filled.reused ? "reused " : "filled ") << options.dataDir << ": " << filled.profiles
        << " profiles"
        << (filled.reused ? QString() : QStringLiteral(" in %1 s").arg(filled.seconds, 0, 'f', 1)) << "\n";
    return 0;
}
