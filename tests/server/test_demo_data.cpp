#include "DemoDataGenerator.h"
#include "ProfileImporter.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>
#include <QTest>

using vigil::DemoDataGenerator;
using vigil::ProfileImporter;
using vigil::ProfileRecord;

namespace {

QJsonValue optionalValue(const std::optional<QString> &value)
{
    return value ? QJsonValue(*value) : QJsonValue();
}

QByteArray toJson(const QList<ProfileRecord> &profiles)
{
    QJsonArray array;
    for (const ProfileRecord &p : profiles) {
        array.append(QJsonObject{
                {QStringLiteral("username"), p.username},
                {QStringLiteral("display_name"), p.displayName},
                {QStringLiteral("department"), p.department},
                {QStringLiteral("email"), p.email},
                {QStringLiteral("phone"), p.phone},
                {QStringLiteral("privileged"), p.privileged},
                {QStringLiteral("title"), optionalValue(p.title)},
                {QStringLiteral("middle_initial"), optionalValue(p.middleInitial)},
                {QStringLiteral("employee_id"), optionalValue(p.employeeId)},
                {QStringLiteral("birthday"),
                 p.birthday ? QJsonValue(p.birthday->toString(Qt::ISODate)) : QJsonValue()},
                {QStringLiteral("secret"), optionalValue(p.secret)},
        });
    }
    return QJsonDocument(QJsonObject{{QStringLiteral("profiles"), array}}).toJson();
}

QByteArray csvField(const QString &value)
{
    QByteArray bytes = value.toUtf8();
    if (bytes.contains(',') || bytes.contains('"') || bytes.contains('\n'))
        bytes = '"' + bytes.replace("\"", "\"\"") + '"';
    return bytes;
}

QByteArray toCsv(const QList<ProfileRecord> &profiles)
{
    QByteArray csv =
            "username,display_name,department,email,phone,privileged,title,middle_initial,employee_id,"
            "birthday,secret\r\n";
    for (const ProfileRecord &p : profiles) {
        const QStringList fields = {p.username,
                                    p.displayName,
                                    p.department,
                                    p.email,
                                    p.phone,
                                    p.privileged ? QStringLiteral("yes") : QStringLiteral("no"),
                                    p.title.value_or(QString()),
                                    p.middleInitial.value_or(QString()),
                                    p.employeeId.value_or(QString()),
                                    p.birthday ? p.birthday->toString(Qt::ISODate) : QString(),
                                    p.secret.value_or(QString())};
        QByteArrayList encoded;
        for (const QString &field : fields)
            encoded.append(csvField(field));
        csv += encoded.join(',') + "\r\n";
    }
    return csv;
}

bool sameProfile(const ProfileRecord &a, const ProfileRecord &b)
{
    return a.username == b.username && a.displayName == b.displayName && a.department == b.department
            && a.email == b.email && a.phone == b.phone && a.privileged == b.privileged && a.title == b.title
            && a.middleInitial == b.middleInitial && a.employeeId == b.employeeId && a.birthday == b.birthday
            && a.secret == b.secret;
}

bool sameProfiles(const QList<ProfileRecord> &a, const QList<ProfileRecord> &b)
{
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), sameProfile);
}

QString firstErrors(const ProfileImporter::ImportResult &result)
{
    QStringList lines;
    for (const auto &error : result.errors.mid(0, 5))
        lines.append(error.toString());
    return lines.join(u'\n');
}

} // namespace

class TestDemoData : public QObject
{
    Q_OBJECT

private slots:
    void johnSilverFirst();
    void emptyAndSingle();
    void deterministicForSeed();
    void uniqueIdentifiers();
    void fieldFormats();
    void mixRoughlyRight();
    void privilegedWhenTwentyOrMore();
    void namesVaried();
    void passesImporterValidation();
    void hundredThousandAreDistinct();
    void demoAgents();
};

void TestDemoData::johnSilverFirst()
{
    const QList<ProfileRecord> profiles = DemoDataGenerator::generate(50, 99);
    const ProfileRecord &p = profiles.first();
    QCOMPARE(p.username, QStringLiteral("jsilver"));
    QCOMPARE(p.displayName, QStringLiteral("John P. Silver"));
    QCOMPARE(p.department, QStringLiteral("Engineering"));
    QCOMPARE(p.title, std::optional<QString>(QStringLiteral("Developer")));
    QCOMPARE(p.middleInitial, std::optional<QString>(QStringLiteral("P")));
    QCOMPARE(p.birthday, std::optional<QDate>(QDate(1986, 11, 11)));
    QCOMPARE(p.employeeId, std::optional<QString>(QStringLiteral("E-100001")));
    QCOMPARE(p.email, QStringLiteral("john.silver@acme.example"));
    QCOMPARE(p.phone, QStringLiteral("+1 555 0100 001"));
    QCOMPARE(p.secret, std::optional<QString>(QStringLiteral("treasure island")));
    QCOMPARE(p.privileged, false);
}

void TestDemoData::emptyAndSingle()
{
    QVERIFY(DemoDataGenerator::generate(0).isEmpty());
    QVERIFY(DemoDataGenerator::generate(-3).isEmpty());
    const QList<ProfileRecord> one = DemoDataGenerator::generate(1);
    QCOMPARE(one.size(), 1);
    QCOMPARE(one.first().username, QStringLiteral("jsilver"));
}

void TestDemoData::deterministicForSeed()
{
    const QList<ProfileRecord> a = DemoDataGenerator::generate(2000, 7);
    QCOMPARE(a.size(), 2000);
    QVERIFY(sameProfiles(a, DemoDataGenerator::generate(2000, 7)));
    QVERIFY(!sameProfiles(a, DemoDataGenerator::generate(2000, 8)));
    // A longer run starts with the same people.
    QVERIFY(sameProfiles(a, DemoDataGenerator::generate(3000, 7).mid(0, 2000)));
    QVERIFY(sameProfiles(DemoDataGenerator::generate(100), DemoDataGenerator::generate(100, 20231)));
}

void TestDemoData::uniqueIdentifiers()
{
    const QList<ProfileRecord> profiles = DemoDataGenerator::generate(100000);
    QSet<QString> usernames, emails, employeeIds;
    for (const ProfileRecord &p : profiles) {
        usernames.insert(p.username.toLower());
        emails.insert(p.email.toLower());
        employeeIds.insert(p.employeeId.value_or(QString()));
    }
    QCOMPARE(usernames.size(), profiles.size());
    QCOMPARE(emails.size(), profiles.size());
    QCOMPARE(employeeIds.size(), profiles.size());
}

void TestDemoData::fieldFormats()
{
    static const QRegularExpression username(QStringLiteral("^[a-z]+[0-9]*$"));
    static const QRegularExpression email(QStringLiteral("^[a-z]+\\.[a-z]+[0-9]*@acme\\.example$"));
    static const QRegularExpression phone(QStringLiteral("^\\+1 555 [0-9]{4} [0-9]{3}$"));
    static const QRegularExpression employeeId(QStringLiteral("^E-1[0-9]{5}$"));
    static const QRegularExpression secret(QStringLiteral("^[a-z]+ [a-z]+$"));
    QSet<QString> departments, titles;
    for (const ProfileRecord &p : DemoDataGenerator::generate(5000, 3)) {
        QVERIFY2(username.match(p.username).hasMatch(), qPrintable(p.username));
        QVERIFY2(email.match(p.email).hasMatch(), qPrintable(p.email));
        QVERIFY2(phone.match(p.phone).hasMatch(), qPrintable(p.phone));
        QVERIFY(employeeId.match(*p.employeeId).hasMatch());
        QVERIFY(p.birthday >= QDate(1950, 1, 1) && p.birthday <= QDate(2004, 12, 31));
        QVERIFY(!p.secret || secret.match(*p.secret).hasMatch());
        QVERIFY(!p.middleInitial || p.displayName.contains(*p.middleInitial + QStringLiteral(". ")));
        departments.insert(p.department);
        if (p.title)
            titles.insert(*p.title);
    }
    QCOMPARE(departments.size(), 12);
    QVERIFY(titles.size() >= 20);
}

void TestDemoData::mixRoughlyRight()
{
    const int count = 10000;
    int noSecret = 0, noInitial = 0, noTitle = 0, privileged = 0;
    for (const ProfileRecord &p : DemoDataGenerator::generate(count)) {
        noSecret += !p.secret;
        noInitial += !p.middleInitial;
        noTitle += !p.title;
        privileged += p.privileged;
    }
    qInfo("of %d: %d without secret, %d without middle initial, %d without title, %d privileged", count,
          noSecret, noInitial, noTitle, privileged);
    QVERIFY(noSecret >= 400 && noSecret <= 600);
    QVERIFY(noInitial >= 850 && noInitial <= 1150);
    QVERIFY(noTitle >= 850 && noTitle <= 1150);
    QVERIFY(privileged >= 60 && privileged <= 140);
}

void TestDemoData::privilegedWhenTwentyOrMore()
{
    for (quint32 seed = 1; seed <= 300; ++seed) {
        const QList<ProfileRecord> profiles = DemoDataGenerator::generate(20, seed);
        const bool any =
                std::any_of(profiles.begin(), profiles.end(), [](const auto &p) { return p.privileged; });
        QVERIFY2(any, qPrintable(QString::number(seed)));
        QVERIFY(!profiles.first().privileged);
    }
}

void TestDemoData::namesVaried()
{
    QSet<QString> firstNames, lastNames;
    bool accented = false;
    for (const ProfileRecord &p : DemoDataGenerator::generate(10000)) {
        const QStringList parts = p.displayName.split(u' ');
        firstNames.insert(parts.first());
        lastNames.insert(parts.last());
        accented = accented || std::any_of(p.displayName.begin(), p.displayName.end(), [](QChar c) {
                       return c.unicode() > 127;
                   });
    }
    QVERIFY(accented);
    QVERIFY(firstNames.contains(QStringView(u"Ren\u00e9e").toString()));
    QVERIFY(firstNames.contains(QStringView(u"Zo\u00eb").toString()));
    QVERIFY(firstNames.size() >= 60);
    QVERIFY(lastNames.size() >= 75); // "de Vries" and "O'Brien" split differently
}

void TestDemoData::passesImporterValidation()
{
    const QList<ProfileRecord> profiles = DemoDataGenerator::generate(10000, 4242);
    const auto fromJson = ProfileImporter::parseJson(toJson(profiles));
    QVERIFY2(fromJson.ok(), qPrintable(firstErrors(fromJson)));
    QVERIFY(sameProfiles(fromJson.profiles, profiles));

    const auto fromCsv = ProfileImporter::parseCsv(toCsv(profiles));
    QVERIFY2(fromCsv.ok(), qPrintable(firstErrors(fromCsv)));
    QVERIFY(sameProfiles(fromCsv.profiles, profiles));
}

void TestDemoData::hundredThousandAreDistinct()
{
    // How fast generation is belongs to the benchmarks (bench/), not to a timed test.
    const QList<ProfileRecord> profiles = DemoDataGenerator::generate(100000);
    QCOMPARE(profiles.size(), 100000);
    QSet<QString> usernames;
    QSet<QString> emails;
    for (const auto &profile : profiles) {
        usernames.insert(profile.username);
        emails.insert(profile.email);
    }
    QCOMPARE(usernames.size(), profiles.size());
    QCOMPARE(emails.size(), profiles.size());
}

void TestDemoData::demoAgents()
{
    const QList<DemoDataGenerator::DemoAgent> agents = DemoDataGenerator::demoAgents();
    QCOMPARE(agents.size(), 5);
    const QStringList expected = {QStringLiteral("tech1:technician"), QStringLiteral("tech2:technician"),
                                  QStringLiteral("super1:supervisor"), QStringLiteral("super2:supervisor"),
                                  QStringLiteral("audit1:auditor")};
    for (qsizetype i = 0; i < agents.size(); ++i) {
        QCOMPARE(agents[i].username + u':' + agents[i].roles.join(u','), expected[i]);
        QVERIFY(!agents[i].displayName.isEmpty());
    }
    QCOMPARE(agents[0].displayName, QStringLiteral("Tess Technician"));
}

QTEST_GUILESS_MAIN(TestDemoData)
#include "test_demo_data.moc"
