#include "SearchTerms.h"

#include "AnswerNormalizer.h"

namespace vigil {

namespace {
bool isSeparator(QChar c)
{
    const char16_t u = c.unicode();
    if (u >= 0x80)
        return false;
    return !((u >= u'a' && u <= u'z') || (u >= u'A' && u <= u'Z') || (u >= u'0' && u <= u'9'));
}
} // namespace

QStringList SearchTerms::split(QStringView text)
{
    QStringList terms;
    QString current;
    for (QChar c : text) {
        if (isSeparator(c)) {
            if (!current.isEmpty())
                terms.append(std::exchange(current, QString()));
            continue;
        }
        const char16_t u = c.unicode();
        current.append(u >= u'A' && u <= u'Z' ? QChar(u + (u'a' - u'A')) : c);
    }
    if (!current.isEmpty())
        terms.append(current);
    return terms;
}

QString SearchTerms::indexText(const QString &body, const QString &phone)
{
    return body + QLatin1Char(' ') + phoneText(phone);
}

QString SearchTerms::phoneText(const QString &phone)
{
    QString digits;
    for (QChar c : phone) {
        if (c >= u'0' && c <= u'9')
            digits.append(c);
    }
    return phone + QLatin1Char(' ') + digits.right(10) + QLatin1Char(' ') + digits.right(7) + QLatin1Char(' ')
            + digits.right(4);
}

QSet<QString> SearchTerms::dictionaryWords(const QString &displayName, const QString &email)
{
    QSet<QString> words;
    for (const auto &term :
         split(AnswerNormalizer::normalizeText(QString(displayName + QLatin1Char(' ') + email)))) {
        if (isDictionaryWord(term))
            words.insert(term);
    }
    return words;
}

bool SearchTerms::isDictionaryWord(QStringView term)
{
    return !term.isEmpty() && std::all_of(term.begin(), term.end(), [](QChar c) { return c.isLetter(); });
}

bool SearchTerms::hasAsciiDigit(QStringView term)
{
    return std::any_of(term.begin(), term.end(), [](QChar c) { return c >= u'0' && c <= u'9'; });
}

} // namespace vigil
