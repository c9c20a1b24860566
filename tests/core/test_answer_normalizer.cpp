#include "AnswerNormalizer.h"

#include <QTest>

using namespace vigil;

class TestAnswerNormalizer : public QObject
{
    Q_OBJECT

private slots:
    void normalize_data();
    void normalize();
    void parseBirthday_data();
    void parseBirthday();
    void garbageDoesNotCrash();
    void loneSurrogatesNeverPairUp();
};

void TestAnswerNormalizer::normalize_data()
{
    QTest::addColumn<QuestionField>("field");
    QTest::addColumn<QString>("typed");
    QTest::addColumn<QString>("expected");

    const auto title = QuestionField::Title;
    const auto initial = QuestionField::MiddleInitial;
    const auto employeeId = QuestionField::EmployeeId;
    const auto birthday = QuestionField::Birthday;
    const auto secret = QuestionField::Secret;

    QTest::newRow("lower case") << title << QStringLiteral("Senior Engineer")
                                << QStringLiteral("senior engineer");
    QTest::newRow("upper case") << title << QStringLiteral("SENIOR ENGINEER")
                                << QStringLiteral("senior engineer");
    QTest::newRow("surrounding spaces")
            << title << QStringLiteral("  Analyst  ") << QStringLiteral("analyst");
    QTest::newRow("repeated spaces") << title << QStringLiteral("Head   of    IT")
                                     << QStringLiteral("head of it");
    QTest::newRow("tabs and newlines")
            << title << QStringLiteral("\tHead\t\tof\nIT\r\n") << QStringLiteral("head of it");
    QTest::newRow("nbsp") << title << QStringLiteral("Head\u00A0of\u00A0IT") << QStringLiteral("head of it");
    QTest::newRow("em space and ideographic space")
            << title << QStringLiteral("Head\u2003of\u3000IT") << QStringLiteral("head of it");
    QTest::newRow("zero width space")
            << title << QStringLiteral("Ana\u200Blyst") << QStringLiteral("analyst");
    QTest::newRow("accent precomposed") << title << QStringLiteral("Renée") << QStringLiteral("renee");
    QTest::newRow("accent decomposed") << title << QStringLiteral("Rene\u0301e") << QStringLiteral("renee");
    QTest::newRow("ring and umlaut") << title << QStringLiteral("Ångström") << QStringLiteral("angstrom");
    QTest::newRow("cedilla") << title << QStringLiteral("Façade") << QStringLiteral("facade");
    QTest::newRow("sharp s folds") << title << QStringLiteral("Straße") << QStringLiteral("strasse");
    QTest::newRow("capital sharp s folds")
            << title << QStringLiteral("STRA\u1E9EE") << QStringLiteral("strasse");
    QTest::newRow("fullwidth compatibility")
            << title << QStringLiteral("ＡＢＣ１２") << QStringLiteral("abc12");
    QTest::newRow("ligature") << title << QStringLiteral("\uFB01nance") << QStringLiteral("finance");
    QTest::newRow("empty") << title << QString() << QString();
    QTest::newRow("only whitespace") << title << QStringLiteral(" \t\u00A0 ") << QString();
    QTest::newRow("secret keeps punctuation")
            << secret << QStringLiteral(" Blue-Horse 42! ") << QStringLiteral("blue-horse 42!");

    QTest::newRow("initial plain") << initial << QStringLiteral("P") << QStringLiteral("p");
    QTest::newRow("initial with dot") << initial << QStringLiteral("P.") << QStringLiteral("p");
    QTest::newRow("initial dot and space") << initial << QStringLiteral(" p . ") << QStringLiteral("p");
    QTest::newRow("initial accent") << initial << QStringLiteral("É.") << QStringLiteral("e");

    QTest::newRow("employee id dashes")
            << employeeId << QStringLiteral("E-10 442") << QStringLiteral("e10442");
    QTest::newRow("employee id plain") << employeeId << QStringLiteral("e10442") << QStringLiteral("e10442");
    QTest::newRow("employee id unicode dashes")
            << employeeId << QStringLiteral("E\u201310\u2212442") << QStringLiteral("e10442");
    QTest::newRow("employee id nbsp")
            << employeeId << QStringLiteral(" E 10\u00A0442 ") << QStringLiteral("e10442");

    const QString iso = QStringLiteral("1986-11-11");
    QTest::newRow("birthday iso") << birthday << QStringLiteral("1986-11-11") << iso;
    QTest::newRow("birthday us slash") << birthday << QStringLiteral("11/11/1986") << iso;
    QTest::newRow("birthday european dot") << birthday << QStringLiteral("11.11.1986") << iso;
    QTest::newRow("birthday day short month") << birthday << QStringLiteral("11 Nov 1986") << iso;
    QTest::newRow("birthday day long month") << birthday << QStringLiteral("11 November 1986") << iso;
    QTest::newRow("birthday month day comma") << birthday << QStringLiteral("November 11, 1986") << iso;
    QTest::newRow("birthday short month day") << birthday << QStringLiteral("Nov 11 1986") << iso;
    QTest::newRow("birthday year first slash") << birthday << QStringLiteral("1986/11/11") << iso;
    QTest::newRow("birthday upper case month") << birthday << QStringLiteral("NOV 11, 1986") << iso;
    QTest::newRow("birthday extra spaces") << birthday << QStringLiteral("  11   nov\t1986 ") << iso;
    QTest::newRow("birthday slash first above 12")
            << birthday << QStringLiteral("25/12/1990") << QStringLiteral("1990-12-25");
    QTest::newRow("birthday slash month first")
            << birthday << QStringLiteral("3/4/1990") << QStringLiteral("1990-03-04");
    QTest::newRow("birthday dot day first")
            << birthday << QStringLiteral("3.4.1990") << QStringLiteral("1990-04-03");
    QTest::newRow("birthday invalid date stays text")
            << birthday << QStringLiteral("1986-02-30") << QStringLiteral("1986-02-30");
    QTest::newRow("birthday garbage stays text")
            << birthday << QStringLiteral("  Sometime In  Spring ") << QStringLiteral("sometime in spring");
    QTest::newRow("birthday empty") << birthday << QString() << QString();
}

void TestAnswerNormalizer::normalize()
{
    QFETCH(QuestionField, field);
    QFETCH(QString, typed);
    QFETCH(QString, expected);
    QCOMPARE(AnswerNormalizer::normalize(field, typed), expected);
}

void TestAnswerNormalizer::parseBirthday_data()
{
    QTest::addColumn<QString>("typed");
    QTest::addColumn<QDate>("expected"); // invalid QDate: must not parse

    const QDate date(1986, 11, 11);
    QTest::newRow("iso") << QStringLiteral("1986-11-11") << date;
    QTest::newRow("slash us") << QStringLiteral("11/11/1986") << date;
    QTest::newRow("dot european") << QStringLiteral("11.11.1986") << date;
    QTest::newRow("day Mon year") << QStringLiteral("11 Nov 1986") << date;
    QTest::newRow("day Month year") << QStringLiteral("11 November 1986") << date;
    QTest::newRow("Month day, year") << QStringLiteral("November 11, 1986") << date;
    QTest::newRow("Mon day year") << QStringLiteral("Nov 11 1986") << date;
    QTest::newRow("year slash") << QStringLiteral("1986/11/11") << date;
    QTest::newRow("Mon day, year") << QStringLiteral("nov 11, 1986") << date;
    QTest::newRow("day Mon, year") << QStringLiteral("11 Nov, 1986") << date;
    QTest::newRow("Mon. with dot") << QStringLiteral("Nov. 11, 1986") << date;
    QTest::newRow("ordinal") << QStringLiteral("November 11th 1986") << date;
    QTest::newRow("dashed month name") << QStringLiteral("11-Nov-1986") << date;
    QTest::newRow("single digits") << QStringLiteral("1986-1-2") << QDate(1986, 1, 2);
    QTest::newRow("leap day") << QStringLiteral("29.02.1988") << QDate(1988, 2, 29);
    QTest::newRow("September 4 letters") << QStringLiteral("Sept 5 1970") << QDate(1970, 9, 5);
    QTest::newRow("March full") << QStringLiteral("march 1 2000") << QDate(2000, 3, 1);
    QTest::newRow("May") << QStringLiteral("1 may 2000") << QDate(2000, 5, 1);

    QTest::newRow("february 30") << QStringLiteral("1986-02-30") << QDate();
    QTest::newRow("no leap day") << QStringLiteral("29.02.1987") << QDate();
    QTest::newRow("month 13 either way") << QStringLiteral("13/13/1986") << QDate();
    QTest::newRow("day 32") << QStringLiteral("Nov 32 1986") << QDate();
    QTest::newRow("two digit year") << QStringLiteral("11/11/86") << QDate();
    QTest::newRow("ambiguous dashes") << QStringLiteral("11-11-1986") << QDate();
    QTest::newRow("mixed separators") << QStringLiteral("1986-11/11") << QDate();
    QTest::newRow("unknown month") << QStringLiteral("11 Novembre 1986") << QDate();
    QTest::newRow("abbreviation too short") << QStringLiteral("11 No 1986") << QDate();
    QTest::newRow("missing year") << QStringLiteral("November 11") << QDate();
    QTest::newRow("empty") << QString() << QDate();
    QTest::newRow("letters") << QStringLiteral("yesterday") << QDate();
    QTest::newRow("arabic-indic digits") << QStringLiteral("\u0661\u0669\u0668\u0666-11-11") << QDate();
}

void TestAnswerNormalizer::parseBirthday()
{
    QFETCH(QString, typed);
    QFETCH(QDate, expected);
    const std::optional<QDate> parsed = AnswerNormalizer::parseBirthday(typed);
    if (expected.isValid()) {
        QVERIFY(parsed.has_value());
        QCOMPARE(*parsed, expected);
    } else {
        QVERIFY(!parsed.has_value());
    }
}

void TestAnswerNormalizer::garbageDoesNotCrash()
{
    const QList<QString> inputs = {
            QString(QChar(0xD800)), // lone high surrogate
            QString(QChar(0xDC00)) + QChar(0xD800), // reversed surrogates
            QStringLiteral("\U0001F600 \U0001F600"), // emoji outside the BMP
            QString(3, QChar(0)),
            QString(100000, QChar(0x0301)), // nothing but combining marks
            QString(10000, u'9') + QStringLiteral("/1/1"),
            QStringLiteral("////..--"),
            QStringLiteral("99999999999999999999-1-1"),
    };
    for (const QString &input : inputs) {
        for (auto field : {QuestionField::Title, QuestionField::MiddleInitial, QuestionField::EmployeeId,
                           QuestionField::Birthday, QuestionField::Secret})
            AnswerNormalizer::normalize(field, input);
        QVERIFY(!AnswerNormalizer::parseBirthday(input));
    }
    QCOMPARE(AnswerNormalizer::normalizeText(QString(100000, QChar(0x0301))), QString());
}

// Found by tests/fuzz/fuzz_normalizer: a high and a low surrogate, alone on either side of a space
// (employee id) or an invisible character, paired up into U+1E000 (a combining mark) once that was
// removed, so normalising the result again changed it.
void TestAnswerNormalizer::loneSurrogatesNeverPairUp()
{
    const QString spaced = QString(QChar(0xD838)) + u' ' + QChar(0xDC00);
    QCOMPARE(AnswerNormalizer::normalize(QuestionField::EmployeeId, spaced), QStringLiteral("??"));
    const QString hidden = QString(QChar(0xD838)) + QChar(0x200B) + QChar(0xDC00);
    QCOMPARE(AnswerNormalizer::normalizeText(hidden), QStringLiteral("??"));
    // Real pairs are kept.
    QCOMPARE(AnswerNormalizer::normalizeText(QStringLiteral("\U0001F600")), QStringLiteral("\U0001F600"));
}

QTEST_GUILESS_MAIN(TestAnswerNormalizer)
#include "test_answer_normalizer.moc"
