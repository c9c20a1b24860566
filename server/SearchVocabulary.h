#pragma once

#include <QList>
#include <QMutex>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>
#include <limits>
#include <memory>

namespace vigil {

// The search vocabulary (table search_vocabulary: the dictionary words of every display name and
// e-mail address, with how many profiles hold each), kept in memory so that a typed word can be
// corrected without reading the table. One instance per store and process, shared by every worker
// thread. Each row carries the sequence number of the transaction that last changed it, so a
// refresh reads only what changed since the last one, and words added by an import or by another
// replica on the same store are seen on the next search.
class SearchVocabulary
{
public:
    struct Correction
    {
        QString word;
        double similarity = 0; // 1 − edit distance / longer length; a swap of neighbours is one edit
        qint64 profiles = 0;
    };

    // Words at least this similar, and at most this many edits away, are offered as corrections.
    static constexpr double kMinSimilarity = 0.5;
    static constexpr int kMaxEdits = 2;
    // Longer words are not kept: nobody types them, and the bit-parallel distance stops at 64.
    static constexpr int kMaxWordLength = 64;

    // The shared vocabulary of the store `db` is connected to.
    static std::shared_ptr<SearchVocabulary> of(const QSqlDatabase &db);

    // Brings the words up to date with the store; false when the store could not be read.
    bool refresh(QSqlDatabase &db);
    // Up to `limit` words close to `term` (see kMinSimilarity), best first, then the more
    // common, then in code point order. `term` itself and the words it is a prefix of are left
    // out: the caller finds those by prefix. Terms shorter than 3 characters get none: nearly every
    // short word is one edit away from them.
    QList<Correction> corrections(const QString &term, int limit) const;

    struct Prefixed
    {
        qint64 profiles = 0; // summed over every word that starts with the prefix
        QStringList words; // the most common of them, at most the limit asked for
    };
    // Words that start with `prefix` (itself included), so the caller can tell a prefix that
    // thousands of profiles share before asking the index for it. With no words asked for, the
    // count stops once it passes `enough`.
    Prefixed prefixed(const QString &prefix, int limit,
                      qint64 enough = std::numeric_limits<qint64>::max()) const;
    qsizetype size() const;

private:
    // An immutable view of the vocabulary: searches hold one while a refresh builds the next.
    struct Snapshot
    {
        qint64 seq = -1; // highest sequence number applied; -1 before the first load
        QList<QString> words; // in code point order, for prefixes
        QList<qint64> profiles; // beside each word: how many profiles hold it
        // Beside each word, the set of its ASCII letters (bit n: letter 'a' + n; bit 26: anything
        // else). An edit changes at most two of those bits, so a word whose letters differ too much
        // is passed over without computing a distance.
        QList<quint32> letters;
        QList<QList<qsizetype>>
                byLength; // word positions by length, so only lengths that can qualify are read
    };

    std::shared_ptr<const Snapshot> snapshot() const;
    static std::shared_ptr<Snapshot> build(QList<QString> words, QList<qint64> profiles, qint64 seq);

    mutable QMutex m_snapshotMutex; // guards the pointer only; a snapshot never changes
    std::shared_ptr<const Snapshot> m_snapshot = std::make_shared<Snapshot>();
    QMutex m_refreshMutex; // one refresh at a time; other searches meanwhile use the old snapshot
};

} // namespace vigil
