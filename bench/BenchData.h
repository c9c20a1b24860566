#pragma once

// The data folder every server benchmark runs against: a real folder (keys, certificate, store)
// with agents and N synthetic profiles, filled once and reused while it holds the same N.
//
// What it writes beside the store, in the formats `vigil-server demo` uses:
// - demo-credentials.json: the agents' passwords (tech1…tech16, super1, super2, audit1, admin);
// - demo-profiles.json: the first profiles (up to `listedProfiles`) with their answers, and
//   "shared_answers": the answers every profile after the individual ones accepts;
// - bench-data.json: what was filled (profiles, seed, store), read to decide on reuse.
//
// Speed: argon2id for a million profiles would take days. Search never reads answer hashes and a
// verification only needs answers that match, so the first `individualProfiles` profiles get
// their own encodings (their own salts, as an import makes them) and all later ones share one
// encoding per field of the shared answers. Their employee id is searchable (keyed lookup) but
// never asked. Names are DemoDataGenerator's composed names (tens of thousands of them).

#include <QString>
#include <QTextStream>

namespace vigil::bench {

class BenchData
{
public:
    struct Options
    {
        QString dataDir;
        int profiles = 100000;
        QString databaseUrl; // postgresql://…; empty: SQLite in the folder
        quint32 seed = 20231;
        int individualProfiles = 100;
        int listedProfiles = 20000;
    };

    struct Filled
    {
        bool reused = false; // the folder already held this fill
        qint64 profiles = 0;
        double seconds = 0; // spent by this call
    };

    // Fills `options.dataDir`, or reuses it when its marker names the same profiles, seed and
    // store. Refuses a folder that holds anything else. Progress goes to `progress` when set.
    static bool fill(const Options &options, Filled *filled, QString *error, QTextStream *progress = nullptr);

    static QString markerPath(const QString &dataDir);
    static QStringList agentNames();
};

} // namespace vigil::bench
