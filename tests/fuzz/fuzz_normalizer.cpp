// Fuzzes answer normalisation (core/AnswerNormalizer): normalizeText, normalize for every question
// field, and parseBirthday. The server runs these over every typed answer (from JSON, so lone
// surrogates can arrive through \ud800 escapes) and every imported profile value.
//
// Input: text. It is fed once decoded as UTF-8 and once read as raw UTF-16 code units.

#include "FuzzSupport.h"

#include "AnswerNormalizer.h"

#include <algorithm>

using namespace vigil;

namespace {

const QuestionField kFields[] = {QuestionField::Title, QuestionField::MiddleInitial,
                                 QuestionField::EmployeeId, QuestionField::Birthday, QuestionField::Secret};

bool isDash(QChar c)
{
    return c.category() == QChar::Punctuation_Dash || c == QChar(0x2212);
}

void check(const QString &typed)
{
    // The canonical form: normalising it again changes nothing, it is case-folded, and it has no
    // surrounding or repeated whitespace.
    const QString text = AnswerNormalizer::normalizeText(typed);
    VIGIL_FUZZ_CHECK(AnswerNormalizer::normalizeText(text) == text);
    VIGIL_FUZZ_CHECK(text.toCaseFolded() == text);
    VIGIL_FUZZ_CHECK(text.simplified() == text);

    for (const QuestionField field : kFields) {
        const QString normal = AnswerNormalizer::normalize(field, typed);
        const QString again = AnswerNormalizer::normalize(field, normal);
        // A middle initial drops one trailing '.' per pass, by design ("A.." is not "A").
        if (field != QuestionField::MiddleInitial || !normal.endsWith(u'.'))
            VIGIL_FUZZ_CHECK(again == normal);
        if (field == QuestionField::EmployeeId)
            VIGIL_FUZZ_CHECK(std::none_of(normal.begin(), normal.end(),
                                          [](QChar c) { return c == u' ' || isDash(c); }));
    }

    // A birthday that parses is a real date, written as yyyy-MM-dd, and that form parses back to it.
    const auto birthday = AnswerNormalizer::parseBirthday(typed);
    if (birthday) {
        VIGIL_FUZZ_CHECK(birthday->isValid() && birthday->year() >= 1 && birthday->year() <= 9999);
        const QString iso = birthday->toString(Qt::ISODate);
        VIGIL_FUZZ_CHECK(AnswerNormalizer::normalize(QuestionField::Birthday, typed) == iso);
        VIGIL_FUZZ_CHECK(AnswerNormalizer::parseBirthday(iso) == birthday);
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    check(QString::fromUtf8(fuzz::bytes(data, size)));
    check(fuzz::utf16(data, size));
    return 0;
}
