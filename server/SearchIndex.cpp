#include "SearchIndex.h"

#include "SearchTerms.h"

#include <QSqlError>
#include <QStringList>
#include <algorithm>

namespace vigil {

SearchIndex::SearchIndex(QSqlDatabase db)
    : m_db(std::move(db))
    , m_postgres(m_db.driverName() == QLatin1String("QPSQL"))
    , m_insert(m_db)
    , m_remove(m_db)
{
    if (m_postgres) {
        m_insert.prepare(QStringLiteral("INSERT INTO profile_terms (rowid, terms)"
                                        " VALUES (?, array_to_tsvector(string_to_array(?, ' ')))"));
        m_remove.prepare(QStringLiteral("DELETE FROM profile_terms WHERE rowid = ?"));
    } else {
        m_insert.prepare(QStringLiteral("INSERT INTO profile_terms (rowid, terms) VALUES (?, ?)"));
        // A contentless FTS5 row is removed by repeating the text it was added with.
        m_remove.prepare(QStringLiteral(
                "INSERT INTO profile_terms (profile_terms, rowid, terms) VALUES ('delete', ?, ?)"));
    }
}

bool SearchIndex::fail(const QSqlQuery &query)
{
    m_error = query.lastError().text();
    return false;
}

bool SearchIndex::add(qint64 id, const QString &body, const QString &phone, const QString &displayName,
                      const QString &email)
{
    const QString text = SearchTerms::indexText(body, phone);
    m_insert.addBindValue(id);
    if (m_postgres) {
        QStringList terms = SearchTerms::split(text);
        terms.removeDuplicates();
        m_insert.addBindValue(terms.join(QLatin1Char(' ')));
    } else {
        m_insert.addBindValue(text);
    }
    if (!m_insert.exec())
        return fail(m_insert);
    for (const auto &word : SearchTerms::dictionaryWords(displayName, email))
        ++m_delta[word];
    return true;
}

bool SearchIndex::remove(qint64 id, const QString &body, const QString &phone, const QString &displayName,
                         const QString &email)
{
    m_remove.addBindValue(id);
    if (!m_postgres)
        m_remove.addBindValue(SearchTerms::indexText(body, phone));
    if (!m_remove.exec())
        return fail(m_remove);
    for (const auto &word : SearchTerms::dictionaryWords(displayName, email))
        --m_delta[word];
    return true;
}

bool SearchIndex::flush()
{
    if (std::all_of(m_delta.cbegin(), m_delta.cend(), [](qint64 change) { return change == 0; })) {
        m_delta.clear();
        return true;
    }
    QSqlQuery query(m_db);
    // Writers are serialised (BEGIN IMMEDIATE, or the advisory lock on PostgreSQL), so the next
    // number is free, and transactions commit in the order of their numbers.
    if (!query.exec(QStringLiteral("SELECT COALESCE(MAX(seq), 0) + 1 FROM search_vocabulary"))
        || !query.next())
        return fail(query);
    const qint64 seq = query.value(0).toLongLong();
    query.finish();
    query.prepare(QStringLiteral(
            "INSERT INTO search_vocabulary (word, profiles, seq) VALUES (?, ?, ?)"
            " ON CONFLICT (word) DO UPDATE SET profiles = CASE WHEN search_vocabulary.profiles"
            " + excluded.profiles > 0 THEN search_vocabulary.profiles + excluded.profiles ELSE 0 END,"
            " seq = excluded.seq"));
    for (auto it = m_delta.cbegin(); it != m_delta.cend(); ++it) {
        if (it.value() == 0)
            continue;
        query.addBindValue(it.key());
        query.addBindValue(it.value());
        query.addBindValue(seq);
        if (!query.exec())
            return fail(query);
    }
    m_delta.clear();
    return true;
}

} // namespace vigil
