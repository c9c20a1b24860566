#pragma once

#include <QHash>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>

namespace vigil {

// Keeps the search structures of migration 5 in step with the profiles, inside the caller's
// transaction: the word index `profile_terms` (FTS5 with the `ascii` tokenizer on SQLite, a
// tsvector with a GIN index on PostgreSQL) and the vocabulary `search_vocabulary` that typed
// words are corrected against. Vocabulary counts are gathered in memory and written by flush(),
// once per word, all under one new sequence number, so searching servers (this process or a
// replica) pick the change up on their next search.
class SearchIndex
{
public:
    explicit SearchIndex(QSqlDatabase db);

    // `body` is the profile_search body; `phone`, `displayName` and `email` are the stored values.
    bool add(qint64 id, const QString &body, const QString &phone, const QString &displayName,
             const QString &email);
    // Takes out what add() put in, given the same values.
    bool remove(qint64 id, const QString &body, const QString &phone, const QString &displayName,
                const QString &email);
    bool flush();
    QString lastError() const { return m_error; }

private:
    bool fail(const QSqlQuery &query);

    QSqlDatabase m_db;
    bool m_postgres = false;
    QSqlQuery m_insert;
    QSqlQuery m_remove;
    QHash<QString, qint64> m_delta; // word → change in the number of profiles holding it
    QString m_error;
};

} // namespace vigil
