#pragma once

#include "ProfileRecord.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace vigil {

// Parses a profile file for `vigil-server import`. Pure: no database, no network.
//
// Every row is validated and every problem is reported, so an administrator can fix the whole file
// in one pass. The result holds all valid profiles and all errors; callers must treat any error as
// "import nothing", because a partial import would silently leave out the rejected people.
//
// Error messages name the field and the problem, never a value: the file carries knowledge answers
// and user secrets, and error output ends up in terminals and logs.
//
// CSV (RFC 4180): header row required; columns username, display_name, department, email, phone,
// privileged, title, middle_initial, employee_id, birthday, secret in any order (header names are
// trimmed and case-insensitive); username and display_name required. Quoted fields may hold commas,
// doubled quotes and line breaks; CRLF or LF; an optional UTF-8 BOM; blank lines are skipped.
// JSON: {"profiles": [{"username": "…", …, "privileged": true}]} with the same keys.
// In both formats an empty string, null or a missing value means null. Values are not trimmed.
class ProfileImporter
{
public:
    struct ImportError
    {
        // CSV: the 1-based line where the row starts (the header is line 1). JSON: the line where the
        // profile object starts. 0 when the error concerns the whole file.
        int line = 0;
        // JSON only: the 1-based index in the "profiles" array; 0 otherwise.
        int profile = 0;
        // The problem without its location, e.g. "secret must be 4 to 200 characters".
        QString message;

        // "line 7: …" (CSV), "profile 3 (line 12): …" (JSON) or the bare message.
        QString toString() const;
    };

    struct ImportResult
    {
        QList<ProfileRecord> profiles; // the rows that passed validation, in file order
        QList<ImportError> errors; // in file order

        bool ok() const { return errors.isEmpty(); }
    };

    // Picks the format by extension (.csv or .json, case-insensitive); anything else is an error.
    static ImportResult parseFile(const QString &path);
    static ImportResult parseCsv(const QByteArray &data);
    static ImportResult parseJson(const QByteArray &data);
};

} // namespace vigil
