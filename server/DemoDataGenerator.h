#pragma once

#include "ProfileRecord.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace vigil {

// Synthetic people for `vigil-server demo --profiles N`. Pure: no database, no network.
//
// The output depends only on count and seed, on every platform, so demos, screenshots and bug
// reports can refer to the same people. It is demo data, not secret material: the generator is a
// seeded std::mt19937, never a cryptographic source. Every profile passes ProfileImporter's rules.
class DemoDataGenerator
{
public:
    struct DemoAgent
    {
        QString username;
        QString displayName;
        QStringList roles; // "technician", "supervisor", "auditor"
    };

    enum class Names {
        // About 80 given names and 100 surnames, many of them common ones: what the demo shows.
        Listed,
        // A quarter from those lists, the rest composed from syllables: about 20,000 given names and
        // 60,000 surnames, the low numbers far more common than the high ones, as in a real company
        // of a million people. Search benchmarks use it, so a small vocabulary cannot flatter them.
        Composed,
    };

    // The first profile is always John P. Silver (username "jsilver", secret "treasure island"), the
    // person the README walkthrough verifies. The rest vary: about 5% have no secret, 10% no middle
    // initial, 10% no title and 1% are privileged (at least one once count >= 20). Usernames, e-mail
    // addresses and employee ids are unique. Returns an empty list for count <= 0.
    static QList<ProfileRecord> generate(int count, quint32 seed = 20231, Names names = Names::Listed);

    // The employee id generate() gives the profile at `index` (0 is John P. Silver's E-100001).
    static QString employeeIdOf(int index);

    // tech1, tech2 (technician), super1, super2 (supervisor) and audit1 (auditor).
    static QList<DemoAgent> demoAgents();
};

} // namespace vigil
