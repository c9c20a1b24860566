#pragma once

#include "QuestionField.h"

#include <QDate>
#include <QString>
#include <optional>

namespace vigil {

// Turns what an agent typed for a caller into the canonical form that is hashed and compared,
// so that harmless differences (case, accents, spacing, date format) do not fail verification.
// Pure functions: the input is caller personal data and is never logged.
class AnswerNormalizer
{
public:
    AnswerNormalizer() = delete;

    // normalizeText plus the field's own rules: MiddleInitial drops one trailing '.', EmployeeId
    // drops spaces and dashes, Birthday becomes "yyyy-MM-dd" when it parses (and stays the
    // normalised text otherwise, so a wrong format simply does not match).
    static QString normalize(QuestionField field, QStringView typed);
    // NFKD, combining marks and invisible format characters removed, case-folded (ß to "ss"), surrounding
    // whitespace trimmed and inner runs of any Unicode whitespace collapsed to one ASCII space. Lone
    // surrogates become '?'. Normalising the result again changes nothing.
    static QString normalizeText(QStringView typed);
    // Accepted forms (English month names, full or three letters, any case, comma optional):
    //   yyyy-MM-dd, yyyy/MM/dd, yyyy.MM.dd
    //   MM/dd/yyyy (US), or dd/MM/yyyy when the first number is above 12
    //   dd.MM.yyyy (European)
    //   "11 Nov 1986", "11 November 1986", "November 11, 1986", "Nov 11 1986", "11-Nov-1986"
    // dd-MM-yyyy is refused because it is as often MM-dd-yyyy. Years need four digits.
    // Impossible dates (1986-02-30) give nullopt.
    static std::optional<QDate> parseBirthday(QStringView typed);
};

} // namespace vigil
