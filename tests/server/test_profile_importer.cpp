#include "ProfileImporter.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using vigil::ProfileImporter;
using vigil::ProfileRecord;

namespace {

const QByteArray Header = "username,display_name,department,email,phone,privileged,title,middle_initial,"
                          "employee_id,birthday,secret\n";

// A valid row; tests overwrite single columns to break exactly one rule.
QList<QByteArray> validRow(const QByteArray &username = "jsilver")
{
    return {username,          "John P. Silver",
            "Engineering",     "john.silver@acme.example",
            "+1 555 0100 001", "no",
            "Developer",       "P",
            "E-100001",        "1986-11-11",
            "treasure island"};
}

QByteArray csvWith(const QList<QList<QByteArray>> &rows)
{
    QByteArray csv = Header;
    for (const auto &row : rows)
        csv += row.join(',') + '\n';
    return csv;
}

QByteArray csvWithColumn(int column, const QByteArray &value)
{
    QList<QByteArray> row = validRow();
    row[column] = value;
    return csvWith({row});
}

QStringList messages(const ProfileImporter::ImportResult &result)
{
    QStringList list;
    for (const auto &error : result.errors)
        list.append(error.toString());
    return list;
}

void verifyJohn(const ProfileRecord &p)
{
    QCOMPARE(p.username, QStringLiteral("jsilver"));
    QCOMPARE(p.displayName, QStringLiteral("John P. Silver"));
    QCOMPARE(p.department, QStringLiteral("Engineering"));
    QCOMPARE(p.email, QStringLiteral("john.silver@acme.example"));
    QCOMPARE(p.phone, QStringLiteral("+1 555 0100 001"));
    QCOMPARE(p.privileged, false);
    QCOMPARE(p.title, std::optional<QString>(QStringLiteral("Developer")));
    QCOMPARE(p.middleInitial, std::optional<QString>(QStringLiteral("P")));
    QCOMPARE(p.employeeId, std::optional<QString>(QStringLiteral("E-100001")));
    QCOMPARE(p.birthday, std::optional<QDate>(QDate(1986, 11, 11)));
    QCOMPARE(p.secret, std::optional<QString>(QStringLiteral("treasure island")));
}

enum Column {
    Username,
    DisplayName,
    Department,
    Email,
    Phone,
    Privileged,
    Title,
    MiddleInitial,
    EmployeeId,
    Birthday,
    Secret
};

} // namespace

class TestProfileImporter : public QObject
{
    Q_OBJECT

private slots:
    void csvValid();
    void csvEmptyCellsAreNull();
    void csvHeaderAnyOrderOnlyRequiredColumns();
    void csvQuotedFields();
    void csvCrlfAndBom();
    void csvBlankLinesSkipped();
    void csvEmptyFileAndHeaderOnly();
    void jsonValid();
    void jsonNullsAndBom();
    void acceptedValues_data();
    void acceptedValues();
    void validationRules_data();
    void validationRules();
    void multipleBadRowsAllReported();
    void duplicateUsernamesCsv();
    void duplicateUsernamesJson();
    void invalidUtf8Csv();
    void invalidUtf8Json();
    void unknownColumn();
    void missingAndRepeatedColumns();
    void wrongColumnCount();
    void malformedQuotes();
    void jsonStructureErrors();
    void jsonLineNumbers();
    void errorsNeverContainKnowledgeValues();
    void parseFilePicksFormat();
};

void TestProfileImporter::csvValid()
{
    const auto result = ProfileImporter::parseCsv(
            Header
            + "jsilver,John P. Silver,Engineering,john.silver@acme.example,+1 555 0100 001,no,Developer,P,"
              "E-100001,1986-11-11,treasure island\n"
              "aadmin,Ada Admin,IT,ada@acme.example,(555) 123-4567,YES,CEO,Q.,E-2,1900-01-01,open sesame\n");
    QVERIFY2(result.ok(), qPrintable(messages(result).join(u'\n')));
    QCOMPARE(result.profiles.size(), 2);
    verifyJohn(result.profiles[0]);
    const ProfileRecord &ada = result.profiles[1];
    QCOMPARE(ada.privileged, true);
    QCOMPARE(ada.middleInitial, std::optional<QString>(QStringLiteral("Q")));
    QCOMPARE(ada.birthday, std::optional<QDate>(QDate(1900, 1, 1)));
    QCOMPARE(ada.phone, QStringLiteral("(555) 123-4567"));
}

void TestProfileImporter::csvEmptyCellsAreNull()
{
    const auto result = ProfileImporter::parseCsv(Header + "jdoe,Jane Doe,,,,,,,,,\n");
    QVERIFY2(result.ok(), qPrintable(messages(result).join(u'\n')));
    QCOMPARE(result.profiles.size(), 1);
    const ProfileRecord &p = result.profiles[0];
    QVERIFY(p.department.isEmpty() && p.email.isEmpty() && p.phone.isEmpty());
    QCOMPARE(p.privileged, false);
    QVERIFY(!p.title && !p.middleInitial && !p.employeeId && !p.birthday && !p.secret);
}

void TestProfileImporter::csvHeaderAnyOrderOnlyRequiredColumns()
{
    const auto result =
            ProfileImporter::parseCsv(" Secret , DISPLAY_NAME,username\nhunter42,Jane Doe,jdoe\n");
    QVERIFY2(result.ok(), qPrintable(messages(result).join(u'\n')));
    QCOMPARE(result.profiles.size(), 1);
    QCOMPARE(result.profiles[0].username, QStringLiteral("jdoe"));
    QCOMPARE(result.profiles[0].displayName, QStringLiteral("Jane Doe"));
    QCOMPARE(result.profiles[0].secret, std::optional<QString>(QStringLiteral("hunter42")));
}

void TestProfileImporter::csvQuotedFields()
{
    const QByteArray csv = "username,display_name,department,title,secret\n"
                           "jsilver,\"Silver, John P.\",\"Research\nand Development\",\"The \"\"Boss\"\"\","
                           "\"a, \"\"quoted\"\"\nsecret\"\n"
                           "\"jdoe\",\"\",,\"\",\"\"\n" // line 5: a quoted empty display name is still empty
                           "bad user,Bad User,,,\n"; // line 6
    const auto result = ProfileImporter::parseCsv(csv);
    QCOMPARE(result.profiles.size(), 1);
    const ProfileRecord &p = result.profiles[0];
    QCOMPARE(p.displayName, QStringLiteral("Silver, John P."));
    QCOMPARE(p.department, QStringLiteral("Research\nand Development"));
    QCOMPARE(p.title, std::optional<QString>(QStringLiteral("The \"Boss\"")));
    QCOMPARE(p.secret, std::optional<QString>(QStringLiteral("a, \"quoted\"\nsecret")));
    QCOMPARE(result.errors.size(), 2);
    QCOMPARE(result.errors[0].line, 5);
    QCOMPARE(result.errors[0].message, QStringLiteral("display_name is required"));
    QCOMPARE(result.errors[1].line, 6);
    QVERIFY(result.errors[1].message.startsWith(QStringLiteral("username must be")));
}

void TestProfileImporter::csvCrlfAndBom()
{
    QByteArray csv = "\xEF\xBB\xBF" + Header + validRow().join(',') + '\n' + validRow("jdoe").join(',');
    csv.replace("\n", "\r\n");
    csv += "\r\nx y,Bad,,,,,,,,,\r\n"; // line 4
    const auto result = ProfileImporter::parseCsv(csv);
    QCOMPARE(result.profiles.size(), 2);
    verifyJohn(result.profiles[0]);
    QCOMPARE(result.profiles[1].username, QStringLiteral("jdoe"));
    QCOMPARE(result.profiles[1].secret, std::optional<QString>(QStringLiteral("treasure island")));
    QCOMPARE(result.errors.size(), 1);
    QCOMPARE(result.errors[0].line, 4);
}

void TestProfileImporter::csvBlankLinesSkipped()
{
    const auto result =
            ProfileImporter::parseCsv(Header + "\n" + validRow().join(',') + "\n\n\nbad!,X,,,,,,,,,\n");
    QCOMPARE(result.profiles.size(), 1);
    QCOMPARE(result.errors.size(), 1);
    QCOMPARE(result.errors[0].line, 6);
}

void TestProfileImporter::csvEmptyFileAndHeaderOnly()
{
    const auto empty = ProfileImporter::parseCsv(QByteArray());
    QCOMPARE(empty.errors.size(), 1);
    QCOMPARE(empty.errors[0].line, 1);
    QCOMPARE(empty.errors[0].toString(), QStringLiteral("line 1: the header row is missing"));

    const auto headerOnly = ProfileImporter::parseCsv(Header);
    QVERIFY(headerOnly.ok());
    QVERIFY(headerOnly.profiles.isEmpty());
}

void TestProfileImporter::jsonValid()
{
    const QByteArray json = R"({"profiles": [
  {"username": "jsilver", "display_name": "John P. Silver", "department": "Engineering",
   "email": "john.silver@acme.example", "phone": "+1 555 0100 001", "privileged": false,
   "title": "Developer", "middle_initial": "P", "employee_id": "E-100001",
   "birthday": "1986-11-11", "secret": "treasure island"},
  {"username": "boss", "display_name": "Ren\u00e9e Boss", "privileged": true}
]})";
    const auto result = ProfileImporter::parseJson(json);
    QVERIFY2(result.ok(), qPrintable(messages(result).join(u'\n')));
    QCOMPARE(result.profiles.size(), 2);
    verifyJohn(result.profiles[0]);
    QCOMPARE(result.profiles[1].displayName, QStringView(u"Ren\u00e9e Boss").toString());
    QCOMPARE(result.profiles[1].privileged, true);
    QVERIFY(!result.profiles[1].secret);
}

void TestProfileImporter::jsonNullsAndBom()
{
    const QByteArray json = "\xEF\xBB\xBF"
                            R"({"profiles": [{"username": "jdoe", "display_name": "Jane Doe", "title": null,
                               "secret": null, "privileged": null, "birthday": "", "email": null}]})";
    const auto result = ProfileImporter::parseJson(json);
    QVERIFY2(result.ok(), qPrintable(messages(result).join(u'\n')));
    QCOMPARE(result.profiles.size(), 1);
    const ProfileRecord &p = result.profiles[0];
    QVERIFY(!p.title && !p.secret && !p.birthday && p.email.isEmpty() && !p.privileged);
}

void TestProfileImporter::acceptedValues_data()
{
    QTest::addColumn<int>("column");
    QTest::addColumn<QByteArray>("value");

    QTest::newRow("username 64 chars") << int(Username) << QByteArray(64, 'a');
    QTest::newRow("username punctuation") << int(Username) << QByteArray("J.Silver_2-x");
    QTest::newRow("display_name 200 chars") << int(DisplayName) << QByteArray(200, 'x');
    QTest::newRow("display_name 200 accented") << int(DisplayName) << QByteArray("\xC3\xA9").repeated(200);
    QTest::newRow("privileged TRUE") << int(Privileged) << QByteArray("TRUE");
    QTest::newRow("privileged 1") << int(Privileged) << QByteArray("1");
    QTest::newRow("privileged 0") << int(Privileged) << QByteArray("0");
    QTest::newRow("privileged No") << int(Privileged) << QByteArray("No");
    QTest::newRow("middle_initial dot") << int(MiddleInitial) << QByteArray("p.");
    QTest::newRow("middle_initial accented") << int(MiddleInitial) << QByteArray("\xC3\x89");
    QTest::newRow("phone 5 digits") << int(Phone) << QByteArray("(12) 3-45");
    QTest::newRow("birthday 1900") << int(Birthday) << QByteArray("1900-01-01");
    QTest::newRow("birthday today") << int(Birthday) << QDate::currentDate().toString(Qt::ISODate).toLatin1();
    QTest::newRow("birthday leap") << int(Birthday) << QByteArray("2000-02-29");
    QTest::newRow("title 100") << int(Title) << QByteArray(100, 't');
    QTest::newRow("employee_id 64") << int(EmployeeId) << QByteArray(64, '7');
    QTest::newRow("secret 4") << int(Secret) << QByteArray("abcd");
    QTest::newRow("secret 200") << int(Secret) << QByteArray(200, 's');
}

void TestProfileImporter::acceptedValues()
{
    QFETCH(int, column);
    QFETCH(QByteArray, value);
    const auto result = ProfileImporter::parseCsv(csvWithColumn(column, value));
    QVERIFY2(result.ok(), qPrintable(messages(result).join(u'\n')));
    QCOMPARE(result.profiles.size(), 1);
}

void TestProfileImporter::validationRules_data()
{
    QTest::addColumn<int>("column");
    QTest::addColumn<QByteArray>("value");
    QTest::addColumn<QString>("message");

    const QString username =
            QStringLiteral("username must be 1 to 64 characters of A-Z, a-z, 0-9, '.', '_' or '-'");
    const QString email =
            QStringLiteral("email must contain exactly one '@' with text on both sides and no spaces");
    const QString phoneChars = QStringLiteral("phone may only contain digits, spaces and + - ( )");
    const QString initial =
            QStringLiteral("middle_initial must be a single letter, optionally followed by '.'");
    const QString birthdayForm = QStringLiteral("birthday must be a date in the form yyyy-MM-dd");
    const QString secret = QStringLiteral("secret must be 4 to 200 characters");

    QTest::newRow("username missing")
            << int(Username) << QByteArray() << QStringLiteral("username is required");
    QTest::newRow("username space") << int(Username) << QByteArray("j silver") << username;
    QTest::newRow("username accent") << int(Username) << QByteArray("j\xC3\xA9r") << username;
    QTest::newRow("username 65") << int(Username) << QByteArray(65, 'a') << username;
    QTest::newRow("display_name missing")
            << int(DisplayName) << QByteArray() << QStringLiteral("display_name is required");
    QTest::newRow("display_name blank")
            << int(DisplayName) << QByteArray("   ") << QStringLiteral("display_name must not be blank");
    QTest::newRow("display_name 201") << int(DisplayName) << QByteArray(201, 'x')
                                      << QStringLiteral("display_name must be 1 to 200 characters");
    QTest::newRow("email no @") << int(Email) << QByteArray("john.acme.example") << email;
    QTest::newRow("email two @") << int(Email) << QByteArray("john@silver@acme.example") << email;
    QTest::newRow("email empty local") << int(Email) << QByteArray("@acme.example") << email;
    QTest::newRow("email empty domain") << int(Email) << QByteArray("john@") << email;
    QTest::newRow("email space") << int(Email) << QByteArray("john silver@acme.example") << email;
    QTest::newRow("phone letters") << int(Phone) << QByteArray("+1 555 CALL NOW") << phoneChars;
    QTest::newRow("phone dot") << int(Phone) << QByteArray("555.0100.001") << phoneChars;
    QTest::newRow("phone 4 digits") << int(Phone) << QByteArray("+1 (555)")
                                    << QStringLiteral("phone must contain at least 5 digits");
    QTest::newRow("privileged maybe") << int(Privileged) << QByteArray("maybe")
                                      << QStringLiteral("privileged must be true, false, yes, no, 1 or 0");
    QTest::newRow("middle_initial two") << int(MiddleInitial) << QByteArray("PQ") << initial;
    QTest::newRow("middle_initial digit") << int(MiddleInitial) << QByteArray("1") << initial;
    QTest::newRow("middle_initial two dots") << int(MiddleInitial) << QByteArray("P..") << initial;
    QTest::newRow("middle_initial dot only") << int(MiddleInitial) << QByteArray(".") << initial;
    QTest::newRow("birthday US") << int(Birthday) << QByteArray("11/11/1986") << birthdayForm;
    QTest::newRow("birthday short") << int(Birthday) << QByteArray("1986-1-1") << birthdayForm;
    QTest::newRow("birthday time") << int(Birthday) << QByteArray("1986-11-11T00:00") << birthdayForm;
    QTest::newRow("birthday not real")
            << int(Birthday) << QByteArray("1986-02-30") << QStringLiteral("birthday is not a real date");
    QTest::newRow("birthday month 13")
            << int(Birthday) << QByteArray("1986-13-01") << QStringLiteral("birthday is not a real date");
    QTest::newRow("birthday future") << int(Birthday)
                                     << QDate::currentDate().addDays(1).toString(Qt::ISODate).toLatin1()
                                     << QStringLiteral("birthday must not be in the future");
    QTest::newRow("birthday 1899") << int(Birthday) << QByteArray("1899-12-31")
                                   << QStringLiteral("birthday must not be before 1900");
    QTest::newRow("title 101") << int(Title) << QByteArray(101, 't')
                               << QStringLiteral("title must be at most 100 characters");
    QTest::newRow("employee_id 65") << int(EmployeeId) << QByteArray(65, '7')
                                    << QStringLiteral("employee_id must be at most 64 characters");
    QTest::newRow("secret 3") << int(Secret) << QByteArray("abc") << secret;
    QTest::newRow("secret 201") << int(Secret) << QByteArray(201, 's') << secret;
}

void TestProfileImporter::validationRules()
{
    QFETCH(int, column);
    QFETCH(QByteArray, value);
    QFETCH(QString, message);

    // A valid row first, so the bad one is on line 3 and the valid one is still returned.
    QList<QByteArray> bad = validRow("other");
    bad[column] = value;
    const auto result = ProfileImporter::parseCsv(csvWith({validRow(), bad}));
    QCOMPARE(messages(result), QStringList{QStringLiteral("line 3: ") + message});
    QCOMPARE(result.errors[0].line, 3);
    QCOMPARE(result.errors[0].message, message);
    QCOMPARE(result.profiles.size(), 1);
    QCOMPARE(result.profiles[0].username, QStringLiteral("jsilver"));

    if (column == Privileged)
        return; // JSON carries privileged as a bool; its type errors are covered in jsonStructureErrors
    // The same rule through JSON reports the profile index and the line its object starts on.
    QJsonObject object;
    const QStringList keys = QString::fromLatin1(Header.trimmed()).split(u',');
    for (int i = 0; i < keys.size(); ++i) {
        if (i == Privileged)
            object.insert(keys[i],
                          QString::fromUtf8(bad[i]).toLower() == QStringLiteral("no") ? QJsonValue(false)
                                                                                      : QJsonValue());
        else
            object.insert(keys[i], QString::fromUtf8(bad[i]));
    }
    const QByteArray json = "{\"profiles\": [\n{\"username\": \"a\", \"display_name\": \"A\"},\n"
            + QJsonDocument(object).toJson(QJsonDocument::Compact) + "\n]}";
    const auto jsonResult = ProfileImporter::parseJson(json);
    QCOMPARE(messages(jsonResult), QStringList{QStringLiteral("profile 2 (line 3): ") + message});
    QCOMPARE(jsonResult.errors[0].profile, 2);
    QCOMPARE(jsonResult.profiles.size(), 1);
}

void TestProfileImporter::multipleBadRowsAllReported()
{
    QList<QByteArray> twoErrors = validRow("bob");
    twoErrors[Email] = "bob";
    twoErrors[Secret] = "x";
    QList<QByteArray> oneError = validRow("carol");
    oneError[Birthday] = "yesterday";
    const auto result = ProfileImporter::parseCsv(csvWith(
            {validRow(), twoErrors, validRow("dave"), oneError, validRow().mid(0, 3), validRow("erin")}));
    QList<int> lines;
    for (const auto &error : result.errors)
        lines.append(error.line);
    QCOMPARE(lines, (QList<int>{3, 3, 5, 6}));
    QCOMPARE(result.profiles.size(), 3);
    QCOMPARE(result.profiles[2].username, QStringLiteral("erin"));
}

void TestProfileImporter::duplicateUsernamesCsv()
{
    QList<QByteArray> invalidDuplicate = validRow("JSilver");
    invalidDuplicate[Secret] = "x"; // a row with other problems still reports the duplicate
    const auto result = ProfileImporter::parseCsv(
            csvWith({validRow(), validRow("jdoe"), validRow("JSILVER"), invalidDuplicate, validRow("jdoe")}));
    QCOMPARE(messages(result),
             (QStringList{QStringLiteral("line 4: username is already used on line 2"),
                          QStringLiteral("line 5: secret must be 4 to 200 characters"),
                          QStringLiteral("line 5: username is already used on line 2"),
                          QStringLiteral("line 6: username is already used on line 3")}));
    QCOMPARE(result.profiles.size(), 2);
}

void TestProfileImporter::duplicateUsernamesJson()
{
    const auto result = ProfileImporter::parseJson(R"({"profiles": [
        {"username": "jdoe", "display_name": "Jane Doe"},
        {"username": "jsilver", "display_name": "John Silver"},
        {"username": "JDoe", "display_name": "John Doe"}]})");
    QCOMPARE(messages(result),
             QStringList{QStringLiteral("profile 3 (line 4): username is already used by profile 1")});
    QCOMPARE(result.profiles.size(), 2);
}

void TestProfileImporter::invalidUtf8Csv()
{
    QList<QByteArray> latin1 = validRow("rdubois");
    latin1[DisplayName] = "Ren\xE9"
                          "e Dubois"; // Latin-1, as Excel on Windows often writes
    QList<QByteArray> overlong = validRow("x1");
    overlong[Secret] = "\xC0\xAF\xC0\xAF\xC0\xAF";
    QList<QByteArray> surrogate = validRow("x2");
    surrogate[Title] = "\xED\xA0\x80";
    QList<QByteArray> truncated = validRow("x3");
    truncated[Department] = "Eng\xE2\x82";
    const auto result =
            ProfileImporter::parseCsv(csvWith({latin1, validRow(), overlong, surrogate, truncated}));
    QCOMPARE(messages(result),
             (QStringList{QStringLiteral("line 2: display_name is not valid UTF-8"),
                          QStringLiteral("line 4: secret is not valid UTF-8"),
                          QStringLiteral("line 5: title is not valid UTF-8"),
                          QStringLiteral("line 6: department is not valid UTF-8")}));
    QCOMPARE(result.profiles.size(), 1);

    const auto validMultibyte = ProfileImporter::parseCsv(
            csvWithColumn(DisplayName, "Zo\xC3\xAB \xE6\x9D\xB1 \xF0\x9F\x98\x80")); // 2, 3 and 4 byte forms
    QVERIFY2(validMultibyte.ok(), qPrintable(messages(validMultibyte).join(u'\n')));
    QCOMPARE(validMultibyte.profiles[0].displayName, QStringView(u"Zo\u00eb \u6771 \U0001F600").toString());
}

void TestProfileImporter::invalidUtf8Json()
{
    const auto result = ProfileImporter::parseJson("{\"profiles\": [\n{\"username\": \"a\",\n"
                                                   "\"display_name\": \"Ren\xE9\"}]}");
    QCOMPARE(messages(result), QStringList{QStringLiteral("line 3: the file is not valid UTF-8")});
    QVERIFY(result.profiles.isEmpty());
}

void TestProfileImporter::unknownColumn()
{
    const auto result = ProfileImporter::parseCsv(
            "username,display_name,mothers_maiden_name\njsilver,John P. Silver,Smith\n");
    QCOMPARE(result.errors.size(), 1);
    QCOMPARE(result.errors[0].line, 1);
    QVERIFY(result.errors[0].message.startsWith(QStringLiteral("column 3 has an unknown name")));
    QCOMPARE(result.profiles.size(), 1); // rows are still checked; callers import nothing anyway

    const auto several = ProfileImporter::parseCsv("pin,username,display_name,pet\n1234,jdoe,Jane Doe,Rex\n");
    QCOMPARE(several.errors.size(), 1);
    QVERIFY(several.errors[0].message.startsWith(
            QStringLiteral("columns 1, 4 have unknown names; expected username,")));
}

void TestProfileImporter::missingAndRepeatedColumns()
{
    const auto missing = ProfileImporter::parseCsv("username,secret\njsilver,treasure island\n");
    QCOMPARE(messages(missing),
             QStringList{QStringLiteral("line 1: required column display_name is missing")});
    QVERIFY(missing.profiles.isEmpty());

    const auto repeated = ProfileImporter::parseCsv(
            "username,display_name,secret,Secret\njsilver,John,treasure island,x\n");
    QCOMPARE(messages(repeated), QStringList{QStringLiteral("line 1: column 4 repeats column 3")});
    QVERIFY(repeated.profiles.isEmpty());
}

void TestProfileImporter::wrongColumnCount()
{
    QList<QByteArray> tooMany = validRow("many");
    tooMany.append("extra");
    const auto result = ProfileImporter::parseCsv(csvWith({validRow().mid(0, 10), validRow("ok"), tooMany}));
    QCOMPARE(messages(result),
             (QStringList{QStringLiteral("line 2: expected 11 fields, found 10"),
                          QStringLiteral("line 4: expected 11 fields, found 12")}));
    QCOMPARE(result.profiles.size(), 1);
}

void TestProfileImporter::malformedQuotes()
{
    const auto result = ProfileImporter::parseCsv("username,display_name\n"
                                                  "a,\"John\" Silver\n" // line 2
                                                  "b,John \"P\" Silver\n" // line 3
                                                  "c,Fine\n"
                                                  "d,\"never closed\nstill open\n");
    QCOMPARE(result.errors.size(), 3);
    QCOMPARE(result.errors[0].line, 2);
    QCOMPARE(result.errors[0].message, QStringLiteral("unexpected character after a closing quote"));
    QCOMPARE(result.errors[1].line, 3);
    QCOMPARE(result.errors[2].line, 5);
    QCOMPARE(result.errors[2].message, QStringLiteral("quoted field is not closed"));
    QCOMPARE(result.profiles.size(), 1);
    QCOMPARE(result.profiles[0].username, QStringLiteral("c"));
}

void TestProfileImporter::jsonStructureErrors()
{
    QCOMPARE(ProfileImporter::parseJson("[]").errors.size(), 1);
    QCOMPARE(ProfileImporter::parseJson("{\"people\": []}").errors.size(), 1);
    const auto syntax = ProfileImporter::parseJson("{\"profiles\": [\n{\"username\": \"a\",,}]}");
    QCOMPARE(syntax.errors.size(), 1);
    QCOMPARE(syntax.errors[0].line, 2);
    QVERIFY(syntax.errors[0].message.startsWith(QStringLiteral("invalid JSON")));

    const auto result = ProfileImporter::parseJson(R"({"profiles": [
        "jsilver",
        {"username": "a", "display_name": "A", "privileged": "yes"},
        {"username": "b", "display_name": "B", "birthday": 19861111, "Title": "x", "pin": "1234"},
        {"username": "c", "display_name": "C"}]})");
    QCOMPARE(messages(result),
             (QStringList{QStringLiteral("profile 1 (line 2): profile must be a JSON object"),
                          QStringLiteral("profile 2 (line 3): privileged must be true, false or null"),
                          QStringLiteral("profile 3 (line 4): unknown field \"Title\""),
                          QStringLiteral("profile 3 (line 4): birthday must be a string or null"),
                          QStringLiteral("profile 3 (line 4): unknown field \"pin\"")}));
    QCOMPARE(result.profiles.size(), 1);
}

void TestProfileImporter::jsonLineNumbers()
{
    // Braces and brackets inside strings, nested arrays and other keys must not confuse the scan.
    const auto result = ProfileImporter::parseJson(R"({"comment": "[{\"profiles\": [",
"other": [{"username": "ignored"}],
"profiles":
  [


    {"username": "a", "display_name": "A \"[{\" }"}, {"username": "b!", "display_name": "B"},
    {
      "username": "c",
      "display_name": ""
    }
  ]
})");
    QCOMPARE(messages(result),
             (QStringList{QStringLiteral("profile 2 (line 7): username must be 1 to 64 "
                                         "characters of A-Z, a-z, 0-9, '.', '_' or '-'"),
                          QStringLiteral("profile 3 (line 8): display_name is required")}));
}

void TestProfileImporter::errorsNeverContainKnowledgeValues()
{
    const QByteArray secret = "Zq9Xylophone";
    const QByteArray title = "QuietTitleMarker";
    const QByteArray employeeId = "EmpMarker7";
    // Every way a row can fail, each carrying the same distinctive values.
    QList<QList<QByteArray>> rows;
    for (int column : {int(Username), int(DisplayName), int(Email), int(Phone), int(Privileged),
                       int(MiddleInitial), int(Birthday)}) {
        QList<QByteArray> row = validRow("user" + QByteArray::number(column));
        row[Title] = title;
        row[EmployeeId] = employeeId;
        row[Secret] = secret;
        row[column] = "\x01" + secret + "@@ ";
        rows.append(row);
    }
    QList<QByteArray> longValues = validRow("long");
    longValues[Secret] = secret.repeated(20);
    longValues[Title] = title.repeated(10);
    longValues[EmployeeId] = employeeId.repeated(10);
    rows.append(longValues);
    rows.append({secret, title, employeeId}); // wrong column count
    rows.append(validRow("dup"));
    rows.append({"dup", secret, "", "", "", "", title, "", employeeId, "", secret}); // duplicate
    rows.append({"q", "\"" + secret + "\" " + title}); // malformed quote

    const QByteArray headerless = validRow().join(',').replace("treasure island", secret) + '\n';
    const QList<ProfileImporter::ImportResult> results = {
            ProfileImporter::parseCsv(csvWith(rows)),
            ProfileImporter::parseCsv(headerless + headerless),
            ProfileImporter::parseCsv(QByteArray(headerless).replace(',', ';')),
            ProfileImporter::parseJson(
                    "{\"profiles\": [{\"username\": \"a\", \"display_name\": \"A\", \"secret\": \"" + secret
                    + "\", \"title\": \"" + title + "\", \"birthday\": \"" + secret
                    + "\", \"middle_initial\": \"" + secret + "\"}, \"" + secret + "\"]}"),
            ProfileImporter::parseJson("{\"profiles\": [{\"secret\": \"" + secret + "\"," + secret + "}]}"),
    };
    int errorCount = 0;
    for (const auto &result : results) {
        QVERIFY(!result.ok());
        for (const auto &error : result.errors) {
            ++errorCount;
            for (const QByteArray &marker : {secret, title, employeeId})
                QVERIFY2(!error.toString().contains(QString::fromLatin1(marker)),
                         qPrintable(error.toString()));
        }
    }
    QVERIFY(errorCount >= 15);
}

void TestProfileImporter::parseFilePicksFormat()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const auto write = [&dir](const QString &name, const QByteArray &data) {
        QFile file(dir.filePath(name));
        if (file.open(QIODevice::WriteOnly))
            file.write(data);
        return file.fileName();
    };
    const QByteArray json = R"({"profiles": [{"username": "jdoe", "display_name": "Jane Doe"}]})";

    const auto csv = ProfileImporter::parseFile(write(QStringLiteral("people.CSV"), csvWith({validRow()})));
    QVERIFY(csv.ok());
    verifyJohn(csv.profiles.value(0));
    const auto fromJson = ProfileImporter::parseFile(write(QStringLiteral("people.json"), json));
    QVERIFY(fromJson.ok());
    QCOMPARE(fromJson.profiles.value(0).username, QStringLiteral("jdoe"));

    const auto other = ProfileImporter::parseFile(write(QStringLiteral("people.txt"), json));
    QCOMPARE(other.errors.size(), 1);
    QVERIFY(other.errors[0].message.contains(QStringLiteral("unsupported file type")));
    QVERIFY(other.profiles.isEmpty());

    const auto missing = ProfileImporter::parseFile(dir.filePath(QStringLiteral("absent.csv")));
    QCOMPARE(missing.errors.size(), 1);
    QVERIFY(missing.profiles.isEmpty());
}

QTEST_GUILESS_MAIN(TestProfileImporter)
#include "test_profile_importer.moc"
