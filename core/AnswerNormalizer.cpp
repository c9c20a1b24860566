#include "AnswerNormalizer.h"

#include <QRegularExpression>
#include <array>

namespace vigil {

namespace {

bool isCombiningMark(char32_t codePoint)
{
    switch (QChar::category(codePoint)) {
    case QChar::Mark_NonSpacing:
    case QChar::Mark_SpacingCombining:
    case QChar::Mark_Enclosing:
        return true;
    default:
        return false;
    }
}

// Zero-width spaces, joiners, soft hyphens and byte order marks arrive with pasted text and are
// invisible to the agent, so they must not make an answer fail.
bool isInvisibleFormat(char32_t codePoint)
{
    return QChar::category(codePoint) == QChar::Other_Format;
}

QString stripMarks(const QString &text)
{
    QString result;
    result.reserve(text.size());
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c.isHighSurrogate() && i + 1 < text.size() && text.at(i + 1).isLowSurrogate()) {
            const char32_t codePoint = QChar::surrogateToUcs4(c, text.at(i + 1));
            if (!isCombiningMark(codePoint) && !isInvisibleFormat(codePoint)) {
                result.append(c);
                result.append(text.at(i + 1));
            }
            ++i;
            continue;
        }
        if (!isCombiningMark(c.unicode()) && !isInvisibleFormat(c.unicode()))
            result.append(c);
    }
    return result;
}

// A lone surrogate (JSON carries them as "\ud800") becomes '?', the byte QString::toUtf8() writes for
// it anyway. Left in place, two of them could pair up into a new character once whatever stood
// between them is removed, and normalising the result again would change it.
QString replaceLoneSurrogates(QString text)
{
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (text.at(i).isHighSurrogate() && i + 1 < text.size() && text.at(i + 1).isLowSurrogate())
            ++i;
        else if (text.at(i).isSurrogate())
            text[i] = u'?';
    }
    return text;
}

bool isDash(QChar c)
{
    // U+2212 MINUS SIGN is a math symbol, not a dash, but looks identical on screen.
    return c.category() == QChar::Punctuation_Dash || c == QChar(0x2212);
}

std::optional<int> monthFromName(QStringView name)
{
    static const std::array<QLatin1String, 12> months = {
            QLatin1String("january"), QLatin1String("february"), QLatin1String("march"),
            QLatin1String("april"),   QLatin1String("may"),      QLatin1String("june"),
            QLatin1String("july"),    QLatin1String("august"),   QLatin1String("september"),
            QLatin1String("october"), QLatin1String("november"), QLatin1String("december")};
    if (name.endsWith(u'.'))
        name.chop(1);
    if (name == QLatin1String("sept"))
        return 9;
    for (int i = 0; i < int(months.size()); ++i) {
        if (name == months[i] || (name.size() == 3 && months[i].startsWith(name)))
            return i + 1;
    }
    return std::nullopt;
}

std::optional<QDate> makeDate(int year, int month, int day)
{
    const QDate date(year, month, day);
    if (!date.isValid())
        return std::nullopt;
    return date;
}

std::optional<QDate> parseNumericDate(const QString &text)
{
    static const QRegularExpression pattern(
            QStringLiteral("^([0-9]{1,4}) ?([-/.]) ?([0-9]{1,2}) ?\\2 ?([0-9]{1,4})$"));
    const QRegularExpressionMatch match = pattern.match(text);
    if (!match.hasMatch())
        return std::nullopt;
    const QStringView first = match.capturedView(1);
    const QChar separator = match.capturedView(2).front();
    const int a = first.toInt();
    const int b = match.capturedView(3).toInt();
    const QStringView last = match.capturedView(4);
    const int c = last.toInt();

    if (first.size() == 4)
        return last.size() <= 2 ? makeDate(a, b, c) : std::nullopt;
    if (last.size() != 4 || first.size() > 2)
        return std::nullopt;
    if (separator == u'.')
        return makeDate(c, b, a);
    if (separator == u'/')
        return a > 12 ? makeDate(c, b, a) : makeDate(c, a, b);
    return std::nullopt;
}

std::optional<int> dayFromToken(QStringView token)
{
    // "11th", "1st", "2nd", "3rd"
    for (const auto suffix : {u"st", u"nd", u"rd", u"th"}) {
        if (token.endsWith(QStringView(suffix))) {
            token.chop(2);
            break;
        }
    }
    if (token.isEmpty() || token.size() > 2)
        return std::nullopt;
    for (const QChar c : token) {
        if (c < u'0' || c > u'9')
            return std::nullopt;
    }
    return token.toInt();
}

std::optional<int> yearFromToken(QStringView token)
{
    if (token.size() != 4)
        return std::nullopt;
    for (const QChar c : token) {
        if (c < u'0' || c > u'9')
            return std::nullopt;
    }
    return token.toInt();
}

std::optional<QDate> parseTextualDate(const QString &text)
{
    static const QRegularExpression separators(QStringLiteral("[ ,./-]+"));
    const QStringList tokens = text.split(separators, Qt::SkipEmptyParts);
    if (tokens.size() != 3)
        return std::nullopt;
    const auto year = yearFromToken(tokens.at(2));
    if (!year)
        return std::nullopt;
    // "11 Nov 1986" or "Nov 11 1986"
    auto day = dayFromToken(tokens.at(0));
    auto month = monthFromName(tokens.at(1));
    if (!day || !month) {
        day = dayFromToken(tokens.at(1));
        month = monthFromName(tokens.at(0));
    }
    if (!day || !month)
        return std::nullopt;
    return makeDate(*year, *month, *day);
}

} // namespace

QString AnswerNormalizer::normalizeText(QStringView typed)
{
    // Case folding can produce characters that decompose further (and vice versa), hence NFKD twice.
    QString text = replaceLoneSurrogates(typed.toString()).normalized(QString::NormalizationForm_KD);
    text = text.toCaseFolded().normalized(QString::NormalizationForm_KD);
    // Qt folds simply, leaving ß; full Unicode folding makes it "ss", as German writers expect.
    text.replace(QChar(0x00DF), QLatin1String("ss"));
    return stripMarks(text).simplified();
}

QString AnswerNormalizer::normalize(QuestionField field, QStringView typed)
{
    QString text = normalizeText(typed);
    switch (field) {
    case QuestionField::MiddleInitial:
        if (text.endsWith(u'.')) {
            text.chop(1);
            text = text.trimmed();
        }
        break;
    case QuestionField::EmployeeId:
        text.removeIf([](QChar c) { return c == u' ' || isDash(c); });
        break;
    case QuestionField::Birthday:
        if (const auto date = parseBirthday(text))
            return date->toString(Qt::ISODate);
        break;
    case QuestionField::Title:
    case QuestionField::Secret:
        break;
    }
    return text;
}

std::optional<QDate> AnswerNormalizer::parseBirthday(QStringView typed)
{
    const QString text = normalizeText(typed);
    if (text.isEmpty() || text.size() > 64)
        return std::nullopt;
    for (const QChar c : text) {
        if (c.isLetter())
            return parseTextualDate(text);
    }
    return parseNumericDate(text);
}

} // namespace vigil
