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

    // The first profile is always John P. Silver (username "jsilver", secret "treasure island"), the
    // person the README walkthrough verifies. The rest vary: about 5% have no secret, 10% no middle
    // initial, 10% no title and 1% are privileged (at least one once count >= 20). Usernames, e-mail
    // addresses and employee ids are unique. Returns an empty list for count <= 0.
    static QList<ProfileRecord> generate(int count, quint32 seed = 20231);

    // tech1, tech2 (technician), super1, super2 (supervisor) and audit1 (auditor).
    static QList<DemoAgent> demoAgents();
};

} // namespace vigil
