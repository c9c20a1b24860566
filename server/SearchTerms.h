#pragma once

#include <QSet>
#include <QString>
#include <QStringList>

namespace vigil {

// How search cuts normalised text into terms. A term is a run of characters between ASCII
// characters that are neither letters nor digits, which is exactly how SQLite's FTS5 `ascii`
// tokenizer cuts it: the word index, the PostgreSQL tsvector and the typed query then agree on
// every term, and a term is always one index token (never a phrase).
class SearchTerms
{
public:
    // The terms in order of appearance, ASCII letters lower-cased, duplicates kept.
    static QStringList split(QStringView text);
    // The text the word index holds for a profile: its search body, then the phone as written
    // (its digit groups) and its last 10, 7 and 4 digits, so that a number is found by prefix
    // however the caller reads it out. Migration 5 builds the same text in SQL for older rows,
    // and a contentless FTS5 row can only be removed with the text it was added with.
    static QString indexText(const QString &body, const QString &phone);
    // The phone part of indexText: as written, then the last 10, 7 and 4 digits. Its terms also
    // count as words of the profile when results are ranked, so a number typed in groups or in part
    // ranks its owner first.
    static QString phoneText(const QString &phone);
    // The words typed words are corrected against: terms of the display name and the e-mail
    // address made of letters only. User names and digits are left out: they are as many as the
    // profiles and are found by prefix instead.
    static QSet<QString> dictionaryWords(const QString &displayName, const QString &email);
    static bool isDictionaryWord(QStringView term);
    static bool hasAsciiDigit(QStringView term);
};

} // namespace vigil
