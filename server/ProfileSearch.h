#pragma once

#include <QJsonArray>
#include <QSqlDatabase>
#include <QString>

namespace vigil {

// Fuzzy search over name, user name, e-mail and phone (FTS5 trigram candidates, re-ranked by
// word-level edit distance), plus an exact match on the employee id through its keyed hash.
class ProfileSearch
{
public:
    static constexpr int kMaxLimit = 50;
    static constexpr int kCandidateLimit = 200;

    // Returns false when the store could not be read.
    static bool search(QSqlDatabase &db, const QByteArray &lookupKey, const QString &text, int limit,
                       QJsonArray *results);
    // Similarity in [0, 1] of a typed word to a stored word (both normalised): 1 − edit distance
    // over the longer length, with prefixes of the stored word counting as near matches.
    static double wordSimilarity(const QString &a, const QString &b);
};

} // namespace vigil
