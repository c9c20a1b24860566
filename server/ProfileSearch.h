#pragma once

#include <QJsonArray>
#include <QSqlDatabase>
#include <QString>

namespace vigil {

// Fuzzy search over name, user name, e-mail and phone, plus an exact match on the employee id
// through its keyed hash. Candidates come from the word index (each typed term by prefix, and
// corrected against the search vocabulary), never from a ranking of the whole table; they are
// then re-ranked by word-level edit distance.
class ProfileSearch
{
public:
    static constexpr int kMaxLimit = 50;
    // Candidates each round of index lookups asks for, at most (lowest ids first).
    static constexpr int kCandidateLimit = 200;
    // Vocabulary corrections tried per typed term, at most.
    static constexpr int kCorrectionsPerTerm = 16;
    // Typed terms used to find candidates (all typed words still count in the ranking).
    static constexpr int kMaxSearchTerms = 8;
    // A term whose prefix more profiles share is common: it is left out of index lookups while
    // other terms remain, and, when longer than three characters, looked up as its most common
    // vocabulary words (at most kExpandedPrefixWords of them) instead of by prefix.
    static constexpr qint64 kPrefixProfiles = 20000;
    static constexpr int kExpandedPrefixWords = 24;

    // Returns false when the store could not be read.
    static bool search(QSqlDatabase &db, const QByteArray &lookupKey, const QString &text, int limit,
                       QJsonArray *results);
    // Similarity in [0, 1] of a typed word to a stored word (both normalised): 1 − edit distance
    // over the longer length, with prefixes of the stored word counting as near matches. The edit
    // distance counts a swap of two neighbouring letters as one edit, the commonest typing mistake.
    static double wordSimilarity(const QString &typed, const QString &stored);
};

} // namespace vigil
