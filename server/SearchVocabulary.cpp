#include "SearchVocabulary.h"

#include "EditDistance.h"

#include <QHash>
#include <QLoggingCategory>
#include <QScopeGuard>
#include <QSqlError>
#include <QSqlQuery>
#include <algorithm>
#include <bit>
#include <cmath>
#include <numeric>

Q_LOGGING_CATEGORY(lcSearch, "vigil.server.search")

namespace vigil {

namespace {
quint32 lettersOf(QStringView word)
{
    quint32 letters = 0;
    for (QChar c : word) {
        const char16_t u = c.unicode();
        letters |= u >= u'a' && u <= u'z' ? quint32(1) << (u - u'a') : quint32(1) << 26;
    }
    return letters;
}
} // namespace

std::shared_ptr<SearchVocabulary> SearchVocabulary::of(const QSqlDatabase &db)
{
    static QMutex mutex;
    static QHash<QString, std::shared_ptr<SearchVocabulary>> stores;
    // Connections of any thread or Database object to the same store share one vocabulary.
    const QString key = db.driverName() + QLatin1Char('\n') + db.hostName() + QLatin1Char('\n')
            + QString::number(db.port()) + QLatin1Char('\n') + db.databaseName();
    QMutexLocker lock(&mutex);
    auto &vocabulary = stores[key];
    if (!vocabulary)
        vocabulary = std::make_shared<SearchVocabulary>();
    return vocabulary;
}

std::shared_ptr<const SearchVocabulary::Snapshot> SearchVocabulary::snapshot() const
{
    QMutexLocker lock(&m_snapshotMutex);
    return m_snapshot;
}

qsizetype SearchVocabulary::size() const
{
    return snapshot()->words.size();
}

std::shared_ptr<SearchVocabulary::Snapshot> SearchVocabulary::build(QList<QString> words,
                                                                    QList<qint64> profiles, qint64 seq)
{
    auto next = std::make_shared<Snapshot>();
    next->seq = seq;
    next->byLength.resize(kMaxWordLength + 1);
    next->letters.reserve(words.size());
    for (qsizetype i = 0; i < words.size(); ++i) {
        next->letters.append(lettersOf(words.at(i)));
        next->byLength[words.at(i).size()].append(i);
    }
    next->words = std::move(words);
    next->profiles = std::move(profiles);
    return next;
}

bool SearchVocabulary::refresh(QSqlDatabase &db)
{
    QSqlQuery query(db);
    if (!query.exec(QStringLiteral("SELECT MAX(seq) FROM search_vocabulary")) || !query.next()) {
        qCWarning(lcSearch) << "cannot read the search vocabulary:" << query.lastError().text();
        return false;
    }
    const qint64 storeSeq = query.value(0).isNull() ? 0 : query.value(0).toLongLong();
    query.finish();
    const auto current = snapshot();
    if (current->seq == storeSeq)
        return true;
    // Another thread is reading the change: search with the words as they were until it is done,
    // unless there are none yet.
    if (!m_refreshMutex.tryLock()) {
        if (current->seq >= 0)
            return true;
        m_refreshMutex.lock();
    }
    const auto unlock = qScopeGuard([this] { m_refreshMutex.unlock(); });
    const auto latest = snapshot();
    if (latest->seq == storeSeq)
        return true;
    // A store whose numbers went backwards was replaced (restored, recreated): read it all again.
    const bool full = latest->seq < 0 || storeSeq < latest->seq;
    if (full) {
        query.prepare(QStringLiteral("SELECT word, profiles, seq FROM search_vocabulary ORDER BY word"));
    } else {
        query.prepare(QStringLiteral(
                "SELECT word, profiles, seq FROM search_vocabulary WHERE seq > ? ORDER BY word"));
        query.addBindValue(latest->seq);
    }
    query.setForwardOnly(true);
    if (!query.exec()) {
        qCWarning(lcSearch) << "cannot read the search vocabulary:" << query.lastError().text();
        return false;
    }
    QList<QString> changed;
    QList<qint64> counts;
    qint64 seq = full ? 0 : latest->seq;
    while (query.next()) {
        changed.append(query.value(0).toString());
        counts.append(query.value(1).toLongLong());
        seq = std::max(seq, query.value(2).toLongLong());
    }
    // The database's order of text need not be code point order (PostgreSQL collations).
    QList<qsizetype> order(changed.size());
    std::iota(order.begin(), order.end(), 0);
    std::sort(order.begin(), order.end(),
              [&](qsizetype a, qsizetype b) { return changed.at(a) < changed.at(b); });
    // Merge the changed rows into the words of the current snapshot (none for a full read).
    QList<QString> words;
    QList<qint64> profiles;
    const QList<QString> noWords;
    const QList<qint64> noProfiles;
    const auto &oldWords = full ? noWords : latest->words;
    const auto &oldProfiles = full ? noProfiles : latest->profiles;
    words.reserve(oldWords.size() + changed.size());
    profiles.reserve(oldWords.size() + changed.size());
    auto keep = [&](const QString &word, qint64 count) {
        if (count > 0 && word.size() <= kMaxWordLength) {
            words.append(word);
            profiles.append(count);
        }
    };
    qsizetype i = 0;
    for (qsizetype k : order) {
        while (i < oldWords.size() && oldWords.at(i) < changed.at(k)) {
            keep(oldWords.at(i), oldProfiles.at(i));
            ++i;
        }
        if (i < oldWords.size() && oldWords.at(i) == changed.at(k))
            ++i; // replaced by the changed row
        keep(changed.at(k), counts.at(k));
    }
    for (; i < oldWords.size(); ++i)
        keep(oldWords.at(i), oldProfiles.at(i));
    auto next = build(std::move(words), std::move(profiles), seq);
    QMutexLocker lock(&m_snapshotMutex);
    m_snapshot = std::move(next);
    return true;
}

QList<SearchVocabulary::Correction> SearchVocabulary::corrections(const QString &term, int limit) const
{
    QList<Correction> found;
    const auto m = term.size();
    if (m < 3 || m > kMaxWordLength || limit <= 0)
        return found;
    const auto words = snapshot();
    if (words->byLength.isEmpty())
        return found;
    const EditDistance distance(term);
    const quint32 termLetters = lettersOf(term);
    struct Hit
    {
        double similarity;
        qint64 profiles;
        const QString *word;
    };
    QList<Hit> hits;
    for (auto n = std::max<qsizetype>(1, m - kMaxEdits);
         n <= std::min<qsizetype>(kMaxWordLength, m + kMaxEdits); ++n) {
        const auto longer = std::max(m, n);
        // At most kMaxEdits, and few enough to keep kMinSimilarity; never fewer than the difference in length.
        const int allowed =
                std::min(kMaxEdits, int(std::floor(double(longer) * (1.0 - kMinSimilarity) + 1e-9)));
        if (std::abs(m - n) > allowed)
            continue;
        for (qsizetype i : words->byLength.at(n)) {
            if (std::popcount(words->letters.at(i) ^ termLetters) > 2 * allowed)
                continue;
            const QString &word = words->words.at(i);
            const int edits = distance.to(word);
            if (edits <= allowed && !word.startsWith(term))
                hits.append({1.0 - double(edits) / double(longer), words->profiles.at(i), &word});
        }
    }
    const auto byQuality = [](const Hit &a, const Hit &b) {
        if (a.similarity != b.similarity)
            return a.similarity > b.similarity;
        if (a.profiles != b.profiles)
            return a.profiles > b.profiles;
        return *a.word < *b.word;
    };
    const auto kept = std::min<qsizetype>(limit, hits.size());
    std::partial_sort(hits.begin(), hits.begin() + kept, hits.end(), byQuality);
    for (qsizetype i = 0; i < kept; ++i)
        found.append({*hits.at(i).word, hits.at(i).similarity, hits.at(i).profiles});
    return found;
}

} // namespace vigil

namespace vigil {

SearchVocabulary::Prefixed SearchVocabulary::prefixed(const QString &prefix, int limit, qint64 enough) const
{
    Prefixed found;
    const auto words = snapshot();
    QList<QPair<qint64, QString>> matches;
    for (auto i =
                 std::lower_bound(words->words.cbegin(), words->words.cend(), prefix) - words->words.cbegin();
         i < words->words.size() && words->words.at(i).startsWith(prefix); ++i) {
        const qint64 profiles = words->profiles.at(i);
        found.profiles += profiles;
        if (limit > 0)
            matches.append({-profiles, words->words.at(i)});
        else if (found.profiles > enough)
            break;
    }
    std::sort(matches.begin(), matches.end());
    for (qsizetype i = 0; i < matches.size() && i < limit; ++i)
        found.words.append(matches.at(i).second);
    return found;
}

} // namespace vigil
