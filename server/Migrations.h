#pragma once

#include <QList>
#include <QStringList>

namespace vigil {

// Versioned schema migrations: step N (1-based) brings PRAGMA user_version from N-1 to N.
// Steps are append-only; a released step is never edited.
class Migrations
{
public:
    static const QList<QStringList> &steps();
};

} // namespace vigil
