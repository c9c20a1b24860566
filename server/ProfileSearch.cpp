#include "ProfileSearch.h"

#include "AnswerNormalizer.h"
#include "EditDistance.h"
#include "ProfileStore.h"
#include "SearchTerms.h"
#include "SearchVocabulary.h"

#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>
#include <QSqlDriver>
#include <QSqlQuery>
#include <algorithm>

namespace vigil {

namespace {
// Each match costs PostgreSQL a heap fetch to recheck it (the tsvector lives in the table row):
// 5,000 took ~14 ms for a common prefix at 1,000,000 profiles, 1,000 takes ~4.5 ms.
constexpr int kPostgresRowsSorted = 1000;

QStringList words(const QString &normalised)
{
    static const QRegularExpression separators(QStringLiteral("[\\s@._+()-]+"));
    return normalised.split(separators, Qt::SkipEmptyParts);
}

// One typed term and what it may stand for: itself and the words it begins (by prefix; a single
// character only as itself), and close words of the vocabulary.
struct TypedTerm
{
    QString term;
    // False for a single character, and for one to three digits (a group of a phone number as read
    // out): as a prefix, "555" would stand for every number in the area.
    bool byPrefix = true;
    // FTS5 merges the postings of every word a prefix covers when no prefix index holds it (prefixes
    // longer than three characters): tens of milliseconds for a prefix a million profiles share
    // ("acme", "example"). Such a prefix is asked for as its most common words instead, exactly.
    QStringList expanded;
    // Many profiles hold it (an e-mail domain, a middle initial): it narrows nothing down and makes
    // FTS5 read a posting list as long as the store, so the index is asked without it while other
    // terms remain. It still counts in the ranking.
    bool common = false;
    QList<SearchVocabulary::Correction> corrections;
};

QList<TypedTerm> plan(const SearchVocabulary &vocabulary, const QStringList &terms)
{
    QList<TypedTerm> typed;
    for (const auto &term : terms) {
        const bool digits =
                std::all_of(term.cbegin(), term.cend(), [](QChar c) { return c >= u'0' && c <= u'9'; });
        TypedTerm entry{term, term.size() >= 2 && !(digits && term.size() <= 3), {}, false, {}};
        if (!SearchTerms::hasAsciiDigit(term)) {
            // Up to three characters a prefix index answers at once; longer ones are merged.
            const bool merged = term.size() > 3;
            auto prefixed = vocabulary.prefixed(term, merged ? ProfileSearch::kExpandedPrefixWords : 0,
                                                ProfileSearch::kPrefixProfiles);
            entry.common = prefixed.profiles > ProfileSearch::kPrefixProfiles;
            if (entry.common && merged)
                entry.expanded = std::move(prefixed.words);
        }
        typed.append(entry);
    }
    return typed;
}

// Candidate profile ids in the order found, without repeats.
class Candidates
{
public:
    void add(qint64 id)
    {
        if (!m_seen.contains(id)) {
            m_seen.insert(id);
            m_ids.append(id);
        }
    }
    qsizetype size() const { return m_ids.size(); }
    const QList<qint64> &ids() const { return m_ids; }

private:
    QSet<qint64> m_seen;
    QList<qint64> m_ids;
};

// The index's query language: FTS5 on SQLite, tsquery on PostgreSQL. Terms never hold quotes,
// backslashes or other ASCII punctuation (SearchTerms cuts there), so quoting them is enough.
class IndexQuery
{
public:
    explicit IndexQuery(bool postgres)
        : m_postgres(postgres)
    {
    }

    QString alternatives(const TypedTerm &typed, bool withCorrections) const
    {
        QStringList parts;
        if (!typed.expanded.isEmpty()) {
            for (const auto &word : typed.expanded)
                parts.append(exact(word));
        } else {
            parts.append(typed.byPrefix ? prefix(typed.term) : exact(typed.term));
        }
        if (withCorrections) {
            for (const auto &correction : typed.corrections)
                parts.append(exact(correction.word));
        }
        if (parts.size() == 1)
            return parts.first();
        return QLatin1Char('(') + parts.join(m_postgres ? QStringLiteral(" | ") : QStringLiteral(" OR "))
                + QLatin1Char(')');
    }
    QString all(const QStringList &parts) const
    {
        return parts.join(m_postgres ? QStringLiteral(" & ") : QStringLiteral(" AND "));
    }

    QString exact(const QString &term) const
    {
        return m_postgres ? QLatin1Char('\'') + term + QLatin1Char('\'')
                          : QLatin1Char('"') + term + QLatin1Char('"');
    }
    QString prefix(const QString &term) const
    {
        return exact(term) + (m_postgres ? QStringLiteral(":*") : QStringLiteral("*"));
    }

private:
    bool m_postgres;
};

// Profiles whose indexed terms satisfy `expression`, lowest id first, so the same store always
// gives the same candidates. FTS5 hands rows out in id order and stops at the limit. PostgreSQL
// would fetch every matching row to sort them, hundreds of thousands for a common word, so it sorts
// the first kPostgresRowsSorted it finds (in table order, which only writes change).
bool findInIndex(QSqlDatabase &db, bool postgres, const QString &expression, int limit, Candidates *found)
{
    QSqlQuery query(db);
    query.setForwardOnly(true);
    query.prepare(postgres ? QStringLiteral("SELECT rowid FROM (SELECT rowid FROM profile_terms"
                                            " WHERE terms @@ CAST(? AS tsquery) LIMIT ?) AS matched"
                                            " ORDER BY rowid LIMIT ?")
                           : QStringLiteral("SELECT rowid FROM profile_terms WHERE profile_terms MATCH ?"
                                            " ORDER BY rowid LIMIT ?"));
    query.addBindValue(expression);
    if (postgres)
        query.addBindValue(kPostgresRowsSorted);
    query.addBindValue(limit);
    if (!query.exec())
        return false;
    while (query.next())
        found->add(query.value(0).toLongLong());
    return true;
}

// Digits that are not the start of any indexed part of a phone number (e.g. the middle of it):
// a substring search over the trigram table, only when nothing else was found.
bool findBySubstring(QSqlDatabase &db, bool postgres, const QStringList &terms, int limit, Candidates *found)
{
    QSqlQuery query(db);
    query.setForwardOnly(true);
    if (postgres) {
        QStringList conditions;
        for (qsizetype i = 0; i < terms.size(); ++i)
            conditions.append(QStringLiteral("body LIKE ?"));
        query.prepare(QStringLiteral("SELECT rowid FROM (SELECT rowid FROM profile_search WHERE %1 LIMIT ?)"
                                     " AS matched ORDER BY rowid LIMIT ?")
                              .arg(conditions.join(QStringLiteral(" AND "))));
        for (const auto &term : terms)
            query.addBindValue(QString(QLatin1Char('%') + term + QLatin1Char('%')));
        query.addBindValue(kPostgresRowsSorted);
    } else {
        QStringList phrases;
        for (const auto &term : terms)
            phrases.append(QLatin1Char('"') + term + QLatin1Char('"'));
        query.prepare(QStringLiteral(
                "SELECT rowid FROM profile_search WHERE profile_search MATCH ? ORDER BY rowid LIMIT ?"));
        query.addBindValue(phrases.join(QStringLiteral(" AND ")));
    }
    query.addBindValue(limit);
    if (!query.exec())
        return false;
    while (query.next())
        found->add(query.value(0).toLongLong());
    return true;
}

// A typing mistake in a word the vocabulary does not hold (a user name, often with digits): the
// part typed before the mistake still begins the word. Shorter and shorter beginnings of the
// longest term, down to four characters, until one is found.
bool findByBeginning(QSqlDatabase &db, const SearchVocabulary &vocabulary, const QList<TypedTerm> &typed,
                     Candidates *found)
{
    const bool postgres = db.driverName() == QLatin1String("QPSQL");
    const auto longest = std::max_element(typed.cbegin(), typed.cend(), [](const auto &a, const auto &b) {
        return a.term.size() < b.term.size();
    });
    // A user name is short; a longer term would only cost one query per character.
    for (auto length = std::min<qsizetype>(longest->term.size() - 1, 32); length >= 4 && found->size() == 0;
         --length) {
        const QString beginning = longest->term.left(length);
        if (vocabulary.prefixed(beginning, 0, ProfileSearch::kPrefixProfiles).profiles
            > ProfileSearch::kPrefixProfiles)
            break;
        if (!findInIndex(db, postgres, IndexQuery(postgres).prefix(beginning), ProfileSearch::kCandidateLimit,
                         found))
            return false;
    }
    return true;
}

// Candidates in widening rounds:
// 1. every term by prefix (all of them must match): the best scores are there;
// 2. when that found fewer than `wanted`: every term by prefix or one of its corrections;
// 3. when nothing matched every term: any one term (a word that matches nothing must not hide the
//    others);
// 4. when still nothing (or a single term found few): the beginning of the longest term; then, when
//    still nothing, digits anywhere in a phone number, or the end of a long term anywhere.
bool collectCandidates(QSqlDatabase &db, const SearchVocabulary &vocabulary, QList<TypedTerm> &typed,
                       int wanted, Candidates *found)
{
    const bool postgres = db.driverName() == QLatin1String("QPSQL");
    const IndexQuery language(postgres);
    QList<TypedTerm *> selective;
    for (auto &term : typed) {
        if (!term.common)
            selective.append(&term);
    }
    if (selective.isEmpty()) {
        for (auto &term : typed)
            selective.append(&term);
    }
    auto all = [&](bool withCorrections) {
        QStringList parts;
        for (const auto *term : std::as_const(selective))
            parts.append(language.alternatives(*term, withCorrections));
        return language.all(parts);
    };
    if (!findInIndex(db, postgres, all(false), ProfileSearch::kCandidateLimit, found))
        return false;
    if (found->size() >= wanted)
        return true;
    bool anyCorrection = false;
    for (auto *term : std::as_const(selective)) {
        // A word thousands of profiles share is no typing mistake.
        if (!term->common && !SearchTerms::hasAsciiDigit(term->term))
            term->corrections = vocabulary.corrections(term->term, ProfileSearch::kCorrectionsPerTerm);
        anyCorrection = anyCorrection || !term->corrections.isEmpty();
    }
    if (anyCorrection && !findInIndex(db, postgres, all(true), ProfileSearch::kCandidateLimit, found))
        return false;
    if (found->size() == 0 && selective.size() > 1) {
        for (const auto *term : std::as_const(selective)) {
            if (!findInIndex(db, postgres, language.alternatives(*term, true), wanted, found))
                return false;
        }
    }
    // One term alone is often a user name, which corrections cannot reach: its beginning is looked
    // up even when corrections found something.
    if ((found->size() == 0 || (typed.size() == 1 && found->size() < wanted))
        && !findByBeginning(db, vocabulary, typed, found))
        return false;
    if (found->size() == 0) {
        QStringList pieces;
        for (const auto &term : typed) {
            const bool digitsOnly = std::all_of(term.term.cbegin(), term.term.cend(),
                                                [](QChar c) { return c >= u'0' && c <= u'9'; });
            if (digitsOnly && term.term.size() >= 3)
                pieces.append(term.term); // the middle of a phone number
            else if (term.term.size() >= 7)
                pieces.append(term.term.mid(3)); // what follows a mistake in the first characters
        }
        if (!pieces.isEmpty()
            && !findBySubstring(db, postgres, pieces, ProfileSearch::kCandidateLimit, found))
            return false;
    }
    return true;
}

// ProfileSearch::wordSimilarity, with the typed word's distance compiled once for all stored words.
double similarity(const QString &typed, const EditDistance &fromTyped, const QString &stored)
{
    if (typed.isEmpty() || stored.isEmpty())
        return 0.0;
    // Someone typing is usually part-way through a word: a prefix counts as a near match.
    if (stored.startsWith(typed))
        return typed.size() == stored.size() ? 1.0 : 0.9;
    const double distance = fromTyped.to(stored);
    return 1.0 - distance / double(std::max(typed.size(), stored.size()));
}

// Scores every candidate against the typed words (see wordSimilarity), best first.
bool rank(QSqlDatabase &db, const QList<qint64> &candidates, const QSet<qint64> &exactMatches,
          const QStringList &queryWords, int limit, QJsonArray *results)
{
    QSqlQuery query(db);
    QStringList placeholders;
    for (qsizetype i = 0; i < candidates.size(); ++i)
        placeholders.append(QStringLiteral("?"));
    query.prepare(
            QStringLiteral("SELECT p.id, p.display_name, p.department, p.email, p.phone, p.locked_until,"
                           " p.secret_hash IS NOT NULL, s.body, p.frozen_at IS NOT NULL FROM profiles p"
                           " JOIN profile_search s ON s.rowid = p.id WHERE p.id IN (%1)")
                    .arg(placeholders.join(QLatin1Char(','))));
    for (qint64 id : candidates)
        query.addBindValue(id);
    if (!query.exec())
        return false;

    struct Scored
    {
        double score;
        QString name;
        qint64 id;
        QJsonObject json;
    };
    QList<EditDistance> typedDistances;
    for (const auto &queryWord : queryWords)
        typedDistances.append(EditDistance(queryWord));
    QList<Scored> scored;
    while (query.next()) {
        const qint64 id = query.value(0).toLongLong();
        const QStringList bodyWords = words(query.value(7).toString())
                + SearchTerms::split(SearchTerms::phoneText(query.value(4).toString()));
        double score = 0.0;
        for (qsizetype i = 0; i < queryWords.size(); ++i) {
            double best = 0.0;
            for (const auto &bodyWord : bodyWords)
                best = std::max(best, similarity(queryWords.at(i), typedDistances.at(i), bodyWord));
            score += best;
        }
        score /= double(queryWords.size());
        if (exactMatches.contains(id))
            score += 10.0; // an exact employee id beats any fuzzy name
        if (score < 0.4)
            continue;
        QJsonObject json{{QStringLiteral("id"), QString::number(id)},
                         {QStringLiteral("display_name"), query.value(1).toString()},
                         {QStringLiteral("department"), query.value(2).toString()},
                         {QStringLiteral("email_hint"), ProfileStore::emailHint(query.value(3).toString())},
                         {QStringLiteral("phone_hint"), ProfileStore::phoneHint(query.value(4).toString())},
                         {QStringLiteral("locked"), !query.value(5).isNull()},
                         {QStringLiteral("has_secret"), query.value(6).toBool()},
                         {QStringLiteral("frozen"), query.value(8).toBool()}};
        scored.append({score, query.value(1).toString(), id, json});
    }
    // The id last: namesakes must come out in the same order every time.
    std::sort(scored.begin(), scored.end(), [](const Scored &a, const Scored &b) {
        if (a.score != b.score)
            return a.score > b.score;
        return a.name != b.name ? a.name < b.name : a.id < b.id;
    });
    for (qsizetype i = 0; i < scored.size() && i < limit; ++i)
        results->append(scored.at(i).json);
    return true;
}

} // namespace

double ProfileSearch::wordSimilarity(const QString &a, const QString &b)
{
    return similarity(a, EditDistance(a), b);
}

bool ProfileSearch::search(QSqlDatabase &db, const QByteArray &lookupKey, const QString &text, int limit,
                           QJsonArray *results)
{
    limit = std::clamp(limit, 1, kMaxLimit);
    const QString normalised = AnswerNormalizer::normalizeText(text);
    const QStringList queryWords = words(normalised);
    if (queryWords.isEmpty())
        return true;

    Candidates candidates;
    QSqlQuery query(db);
    const QByteArray lookup = ProfileStore::employeeLookup(lookupKey, text);
    if (!lookup.isEmpty()) {
        query.prepare(QStringLiteral("SELECT id FROM profiles WHERE employee_id_lookup = ?"));
        query.addBindValue(QString::fromLatin1(lookup));
        if (!query.exec())
            return false;
        while (query.next())
            candidates.add(query.value(0).toLongLong());
    }
    const QSet<qint64> exactMatches(candidates.ids().cbegin(), candidates.ids().cend());

    QStringList terms = SearchTerms::split(normalised);
    terms.removeDuplicates();
    terms = terms.mid(0, kMaxSearchTerms);
    if (!terms.isEmpty()) {
        const auto vocabulary = SearchVocabulary::of(db);
        if (!vocabulary->refresh(db))
            return false;
        QList<TypedTerm> typed = plan(*vocabulary, terms);
        if (!collectCandidates(db, *vocabulary, typed, limit, &candidates))
            return false;
    }
    if (candidates.size() == 0)
        return true;

    return rank(db, candidates.ids(), exactMatches, queryWords, limit, results);
}

} // namespace vigil
