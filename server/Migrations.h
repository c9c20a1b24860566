#pragma once

#include <QList>
#include <QStringList>

namespace vigil {

// Versioned schema migrations: step N (1-based) brings the schema version (SQLite's
// PRAGMA user_version, PostgreSQL's vigil_schema table) from N-1 to N. Steps are append-only; a
// released step is never edited. They are written once, in SQLite's dialect, and translated for
// PostgreSQL: 64-bit integers, BYTEA, identity keys, and a pg_trgm table for the FTS5 index.
class Migrations
{
public:
    enum class Dialect { Sqlite, Postgres };
    static const QList<QStringList> &steps(); // SQLite
    static QList<QStringList> steps(Dialect dialect);
    static QString toPostgres(const QString &statement);
};

} // namespace vigil
