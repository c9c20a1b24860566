#include "ProfileSearch.h"

#include "AnswerNormalizer.h"
#include "ProfileStore.h"
#include "ServerContext.h"

#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>
#include <QSqlDriver>
#include <QSqlQuery>
#include <algorithm>

namespace vigil {

namespace {
QStringList words(const QString &normalised)
{
    static const QRegularExpression separators(QStringLiteral("[\\s@._+()-]+"));
    return normalised.split(separators, Qt::SkipEmptyParts);
}

// An FTS5 query matching any trigram of the query text, each quoted as a phrase.
QString ftsQuery(const QString &normalised)
{
    QSet<QString> seen;
    QStringList terms;
    for (const auto &word : words(normalised)) {
        for (qsizetype i = 0; i + 3 <= word.size(); ++i) {
            const QString gram = word.mid(i, 3);
            if (!seen.contains(gram)) {
                seen.insert(gram);
                terms.append(QLatin1Char('"')
                             + QString(gram).replace(QLatin1Char('"'), QStringLiteral("\"\""))
                             + QLatin1Char('"'));
            }
        }
    }
    return terms.join(QStringLiteral(" OR "));
}
} // namespace

double ProfileSearch::wordSimilarity(const QString &a, const QString &b)
{
    if (a.isEmpty() || b.isEmpty())
        return 0.0;
    // Someone typing is usually part-way through a word: a prefix counts as a near match.
    if (b.startsWith(a))
        return a.size() == b.size() ? 1.0 : 0.9;
    // Levenshtein distance, two rows; words here are short.
    QList<int> previous(b.size() + 1);
    QList<int> current(b.size() + 1);
    for (qsizetype j = 0; j <= b.size(); ++j)
        previous[j] = static_cast<int>(j);
    for (qsizetype i = 1; i <= a.size(); ++i) {
        current[0] = static_cast<int>(i);
        for (qsizetype j = 1; j <= b.size(); ++j) {
            const int substitution = previous[j - 1] + (a.at(i - 1) == b.at(j - 1) ? 0 : 1);
            current[j] = std::min({previous[j] + 1, current[j - 1] + 1, substitution});
        }
        std::swap(previous, current);
    }
    const double distance = previous[b.size()];
    return 1.0 - distance / double(std::max(a.size(), b.size()));
}

bool ProfileSearch::search(QSqlDatabase &db, const QByteArray &lookupKey, const QString &text, int limit,
                           QJsonArray *results)
{
    limit = std::clamp(limit, 1, kMaxLimit);
    const QString normalised = AnswerNormalizer::normalizeText(text);
    const QStringList queryWords = words(normalised);
    if (queryWords.isEmpty())
        return true;

    QList<qint64> candidates;
    QSqlQuery query(db);
    const QByteArray lookup = ProfileStore::employeeLookup(lookupKey, text);
    if (!lookup.isEmpty()) {
        query.prepare(QStringLiteral("SELECT id FROM profiles WHERE employee_id_lookup = ?"));
        query.addBindValue(QString::fromLatin1(lookup));
        if (!query.exec())
            return false;
        while (query.next())
            candidates.append(query.value(0).toLongLong());
    }
    const qsizetype exactMatches = candidates.size();
    const QString fts = ftsQuery(normalised);
    if (!fts.isEmpty() && db.driverName() == QLatin1String("QPSQL")) {
        // pg_trgm: profiles where some part of the body is similar to a query word (GIN index),
        // best first; the edit-distance ranking below decides the final order, as on SQLite.
        QStringList searchable;
        for (const auto &word : queryWords) {
            if (word.size() >= 3)
                searchable.append(word);
        }
        QStringList conditions;
        QStringList scores;
        for (qsizetype i = 0; i < searchable.size(); ++i) {
            conditions.append(QStringLiteral("? <% body"));
            scores.append(QStringLiteral("word_similarity(?, body)"));
        }
        query.prepare(
                QStringLiteral("SELECT rowid FROM profile_search WHERE %1 ORDER BY %2 DESC LIMIT ?")
                        .arg(conditions.join(QStringLiteral(" OR ")), scores.join(QStringLiteral(" + "))));
        for (const auto &word : searchable)
            query.addBindValue(word);
        for (const auto &word : searchable)
            query.addBindValue(word);
        query.addBindValue(kCandidateLimit);
        if (!query.exec())
            return false;
        while (query.next()) {
            const qint64 id = query.value(0).toLongLong();
            if (!candidates.contains(id))
                candidates.append(id);
        }
    } else if (!fts.isEmpty()) {
        query.prepare(QStringLiteral(
                "SELECT rowid FROM profile_search WHERE profile_search MATCH ? ORDER BY rank LIMIT ?"));
        query.addBindValue(fts);
        query.addBindValue(kCandidateLimit);
        if (!query.exec())
            return false;
        while (query.next()) {
            const qint64 id = query.value(0).toLongLong();
            if (!candidates.contains(id))
                candidates.append(id);
        }
    }
    if (candidates.isEmpty())
        return true;

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
        QJsonObject json;
    };
    QList<Scored> scored;
    while (query.next()) {
        const qint64 id = query.value(0).toLongLong();
        const QStringList bodyWords = words(query.value(7).toString());
        double score = 0.0;
        for (const auto &queryWord : queryWords) {
            double best = 0.0;
            for (const auto &bodyWord : bodyWords)
                best = std::max(best, wordSimilarity(queryWord, bodyWord));
            score += best;
        }
        score /= double(queryWords.size());
        if (candidates.indexOf(id) < exactMatches)
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
        scored.append({score, query.value(1).toString(), json});
    }
    std::sort(scored.begin(), scored.end(), [](const Scored &a, const Scored &b) {
        return a.score != b.score ? a.score > b.score : a.name < b.name;
    });
    for (qsizetype i = 0; i < scored.size() && i < limit; ++i)
        results->append(scored.at(i).json);
    return true;
}

} // namespace vigil
