#include "DemoDataGenerator.h"

#include <QHash>
#include <array>
#include <random>

namespace vigil {

namespace {

// Non-ASCII letters are written as universal character names so the file compiles the same under
// MSVC without /utf-8. The accented names exercise search, normalisation and ASCII folding.
constexpr QStringView FirstNames[] = {
        u"James",       u"Mary",        u"Robert",       u"Patricia",     u"Michael",       u"Jennifer",
        u"William",     u"Linda",       u"David",        u"Elizabeth",    u"Richard",       u"Barbara",
        u"Joseph",      u"Susan",       u"Thomas",       u"Jessica",      u"Charles",       u"Sarah",
        u"Christopher", u"Karen",       u"Daniel",       u"Nancy",        u"Matthew",       u"Lisa",
        u"Anthony",     u"Margaret",    u"Mark",         u"Sandra",       u"Steven",        u"Ashley",
        u"Andrew",      u"Emily",       u"Kevin",        u"Michelle",     u"Brian",         u"Amanda",
        u"George",      u"Melissa",     u"Ren\u00e9e",   u"J\u00fcrgen",  u"Fran\u00e7ois", u"Zo\u00eb",
        u"Chlo\u00e9",  u"Jos\u00e9",   u"S\u00f8ren",   u"Bj\u00f6rn",   u"In\u00e9s",     u"\u0141ukasz",
        u"Ana",         u"Mohammed",    u"Fatima",       u"Aisha",        u"Wei",           u"Mei",
        u"Hiroshi",     u"Yuki",        u"Priya",        u"Arjun",        u"Olga",          u"Dmitri",
        u"Kwame",       u"Amara",       u"Siobh\u00e1n", u"Niamh",        u"Mateo",         u"Luc\u00eda",
        u"\u00c9lodie", u"No\u00e9mie", u"Ana\u00efs",   u"Rapha\u00ebl", u"G\u00f6ran",    u"\u00c5sa",
        u"Ingrid",      u"Lars",        u"Carlos",       u"Sofia",        u"Omar",          u"Leila",
        u"Tom\u00e1s",  u"Ximena"};

// clang-format off
constexpr QStringView LastNames[] = {
    u"Smith", u"Johnson", u"Williams", u"Brown", u"Jones", u"Garcia", u"Miller", u"Davis", u"Rodriguez",
    u"Martinez", u"Hernandez", u"Lopez", u"Gonzalez", u"Wilson", u"Anderson", u"Thomas", u"Taylor", u"Moore",
    u"Jackson", u"Martin", u"Lee", u"Perez", u"Thompson", u"White", u"Harris", u"Sanchez", u"Clark",
    u"Ramirez", u"Lewis", u"Robinson", u"Walker", u"Young", u"Allen", u"King", u"Wright", u"Scott", u"Torres",
    u"Nguyen", u"Hill", u"Flores", u"Green", u"Adams", u"Nelson", u"Baker", u"Hall", u"Rivera", u"Campbell",
    u"Mitchell", u"Carter", u"Roberts", u"M\u00fcller", u"Sch\u00e4fer", u"Dubois", u"Lef\u00e8vre",
    u"N\u00fa\u00f1ez", u"Pe\u00f1a", u"\u00d8degaard", u"S\u00f8rensen", u"Kowalski", u"Wi\u015bniewski",
    u"Nov\u00e1k", u"Dvo\u0159\u00e1k", u"O'Brien", u"O'Connor", u"MacDonald", u"Fitzgerald", u"Tanaka",
    u"Suzuki", u"Yamamoto", u"Kim", u"Park", u"Chen", u"Wang", u"Li", u"Zhang", u"Patel", u"Sharma", u"Singh",
    u"Okafor", u"Mensah", u"Haddad", u"Cohen", u"Rossi", u"Bianchi", u"Ferrari", u"Kuznetsov", u"Jansen",
    u"de Vries", u"Silva", u"Santos", u"Costa", u"Andersson", u"Johansson", u"Nieminen", u"Papadopoulos",
    u"Y\u0131lmaz", u"Kaya", u"Silver"
};
// clang-format on

constexpr QStringView Departments[] = {
        u"Engineering", u"Finance",    u"Human Resources",  u"Sales",      u"Marketing",
        u"Legal",       u"Operations", u"Customer Support", u"Facilities", u"Information Technology",
        u"Research",    u"Procurement"};

// clang-format off
constexpr QStringView Titles[] = {
    u"Developer", u"Senior Developer", u"Engineering Manager", u"Accountant", u"Financial Analyst",
    u"HR Generalist", u"Recruiter", u"Account Executive", u"Sales Manager", u"Marketing Specialist",
    u"Content Writer", u"Paralegal", u"Corporate Counsel", u"Operations Analyst", u"Support Specialist",
    u"Team Lead", u"Facilities Coordinator", u"Systems Administrator", u"Research Scientist", u"Buyer"
};
// clang-format on

// Privileged profiles are the people an attacker would pick: executives and administrators.
constexpr QStringView PrivilegedTitles[] = {u"Chief Executive Officer", u"Chief Financial Officer",
                                            u"Vice President", u"Domain Administrator"};

constexpr QStringView MiddleInitials[] = {u"A", u"B", u"C", u"D", u"E", u"F", u"G", u"H", u"J",
                                          u"K", u"L", u"M", u"N", u"P", u"R", u"S", u"T", u"W"};

constexpr QStringView SecretWords[] = {
        u"amber",      u"anchor",  u"apple",   u"arrow",    u"aspen",   u"autumn", u"badger",  u"bamboo",
        u"beacon",     u"birch",   u"bison",   u"blossom",  u"breeze",  u"bridge", u"canyon",  u"captain",
        u"cedar",      u"cherry",  u"cinder",  u"clover",   u"comet",   u"copper", u"coral",   u"cotton",
        u"crystal",    u"dolphin", u"dragon",  u"eagle",    u"ember",   u"falcon", u"feather", u"fern",
        u"forest",     u"fossil",  u"garden",  u"glacier",  u"granite", u"harbor", u"harvest", u"hazel",
        u"heron",      u"island",  u"ivory",   u"jasmine",  u"jungle",  u"kettle", u"lantern", u"lemon",
        u"lighthouse", u"lotus",   u"maple",   u"marble",   u"meadow",  u"meteor", u"mango",   u"mirror",
        u"monsoon",    u"nectar",  u"nutmeg",  u"oasis",    u"ocean",   u"olive",  u"orchid",  u"otter",
        u"paddle",     u"pebble",  u"pepper",  u"pine",     u"planet",  u"quartz", u"rabbit",  u"raven",
        u"river",      u"saffron", u"salmon",  u"sapphire", u"shadow",  u"silver", u"sparrow", u"spruce",
        u"summit",     u"sunset",  u"thunder", u"tiger",    u"timber",  u"topaz",  u"tulip",   u"tundra",
        u"valley",     u"velvet",  u"violet",  u"walnut",   u"willow",  u"winter", u"zephyr",  u"harp",
        u"compass",    u"bramble", u"juniper", u"cobalt"};

// Composed names: syllable, syllable, ending, picked by the digits of the name's number, so number n
// always spells the same name. A few syllables carry accents, as real names do.
// clang-format off
constexpr QStringView GivenSyllables[] = {
    u"a", u"bel", u"ca", u"da", u"el", u"fa", u"gi", u"ha", u"i", u"jo", u"ka", u"la", u"ma", u"na",
    u"o", u"pe", u"ra", u"sa", u"ta", u"va", u"ya", u"zo", u"li", u"mi", u"ri", u"se", u"no", u"lu",
    u"ko", u"be", u"dar", u"ni", u"vi", u"ro", u"t\u00e9", u"an", u"mar", u"kel", u"sol", u"b\u00f6"};
constexpr QStringView GivenEndings[] = {
    u"", u"n", u"a", u"o", u"e", u"lyn", u"ric", u"ton", u"na", u"el", u"ine", u"us", u"ia"};
constexpr QStringView SurnameSyllables[] = {
    u"ab", u"bar", u"cor", u"dal", u"ew", u"fen", u"gor", u"hal", u"ist", u"jar", u"kor", u"lin",
    u"mor", u"nor", u"ost", u"par", u"quin", u"ros", u"sten", u"tor", u"ulm", u"var", u"wes", u"yar",
    u"zan", u"ber", u"cal", u"den", u"el", u"far", u"gar", u"hen", u"ker", u"lan", u"mer", u"nel",
    u"pen", u"ral", u"sel", u"tan", u"wil", u"m\u00fcl", u"br\u00e9", u"\u00e5s", u"ni\u00f1",
    u"kow", u"ha", u"ma", u"o", u"sa"};
constexpr QStringView SurnameEndings[] = {
    u"son", u"sen", u"ez", u"ski", u"man", u"berg", u"ova", u"ini", u"ton", u"ley", u"er", u"ov",
    u"ic", u"ard", u"well", u"ford", u"stein", u"ian", u"ides", u"aki", u"oglu", u"by", u"dottir", u"e"};
// clang-format on

constexpr quint32 kComposedGivenNames = 20000;
constexpr quint32 kComposedSurnames = 60000;

template <std::size_t S, std::size_t E>
QString composeName(quint32 number, const QStringView (&syllables)[S], const QStringView (&endings)[E])
{
    const QString name =
            syllables[number % S].toString() + syllables[(number / S) % S] + endings[(number / (S * S)) % E];
    return name.left(1).toUpper() + name.mid(1);
}

// std::uniform_int_distribution differs between standard libraries; mt19937's raw output does not,
// so this mapping keeps a seed meaning the same people everywhere. The bias is irrelevant here.
class DemoRandom
{
public:
    explicit DemoRandom(quint32 seed)
        : m_engine(seed)
    {
    }

    quint32 below(quint32 bound) { return quint32((quint64(m_engine()) * bound) >> 32); }
    bool perMille(quint32 chance) { return below(1000) < chance; }

    template <typename T, std::size_t N>
    const T &pick(const T (&items)[N])
    {
        return items[below(quint32(N))];
    }

    // Numbers below `bound`, small ones far more often (density falling as 1/√n): a few names are
    // common, most are rare, and nearly every one occurs in a large company.
    quint32 skewedBelow(quint32 bound)
    {
        const quint64 r = below(1u << 20);
        return quint32((quint64(bound) * r * r) >> 40);
    }

private:
    std::mt19937 m_engine;
};

// Usernames and e-mail addresses are ASCII: accents are dropped and letters without a decomposition
// (o with stroke, sharp s, ...) are spelled out, so a name still reads right in its username.
QString asciiFold(QStringView name)
{
    const QString decomposed = name.toString().normalized(QString::NormalizationForm_D);
    QString folded;
    folded.reserve(decomposed.size());
    for (QChar c : decomposed) {
        const char16_t u = c.toLower().unicode();
        if ((u >= u'a' && u <= u'z') || (u >= u'0' && u <= u'9')) {
            folded.append(QChar(u));
            continue;
        }
        switch (u) {
        case u'\u00df':
            folded.append(QStringLiteral("ss"));
            break;
        case u'\u00e6':
            folded.append(QStringLiteral("ae"));
            break;
        case u'\u0153':
            folded.append(QStringLiteral("oe"));
            break;
        case u'\u00f8':
            folded.append(u'o');
            break;
        case u'\u0142':
            folded.append(u'l');
            break;
        case u'\u0111':
            folded.append(u'd');
            break;
        case u'\u0131':
            folded.append(u'i');
            break;
        default:
            break; // combining marks, apostrophes, spaces
        }
    }
    return folded;
}

template <std::size_t N>
QList<QString> foldAll(const QStringView (&names)[N])
{
    QList<QString> folded;
    folded.reserve(qsizetype(N));
    for (QStringView name : names)
        folded.append(asciiFold(name));
    return folded;
}

// Hands out base, base2, base3, ... Bases never end in a digit, so no two bases can collide.
class UniqueNames
{
public:
    QString take(const QString &base)
    {
        const int used = m_used.value(base, 0) + 1;
        m_used.insert(base, used);
        return used == 1 ? base : base % QString::number(used);
    }

private:
    QHash<QString, int> m_used;
};

// Unique "E-1xxxxx" ids in a scrambled order: 7919 is coprime to 100000, so the affine map is a
// permutation of 0..99999, and index 0 maps to John Silver's E-100001. Beyond 100000 profiles the
// leading digit grows (E-2xxxxx, ...), which keeps ids unique.
QString employeeId(int index)
{
    const qint64 block = index / 100000;
    const qint64 scrambled = (1 + 7919 * qint64(index % 100000)) % 100000;
    return QStringLiteral("E-") % QString::number((block + 1) * 100000 + scrambled);
}

QString digits(quint32 value, int width)
{
    return QStringLiteral("%1").arg(value, width, 10, QLatin1Char('0'));
}

ProfileRecord johnSilver()
{
    ProfileRecord john;
    john.username = QStringLiteral("jsilver");
    john.displayName = QStringLiteral("John P. Silver");
    john.department = QStringLiteral("Engineering");
    john.email = QStringLiteral("john.silver@acme.example");
    john.phone = QStringLiteral("+1 555 0100 001");
    john.privileged = false;
    john.title = QStringLiteral("Developer");
    john.middleInitial = QStringLiteral("P");
    john.employeeId = employeeId(0);
    john.birthday = QDate(1986, 11, 11);
    john.secret = QStringLiteral("treasure island");
    return john;
}

} // namespace

QList<ProfileRecord> DemoDataGenerator::generate(int count, quint32 seed, Names names)
{
    QList<ProfileRecord> profiles;
    if (count <= 0)
        return profiles;
    profiles.reserve(count);
    profiles.append(johnSilver());

    DemoRandom random(seed);
    const QList<QString> firstFolded = foldAll(FirstNames);
    const QList<QString> lastFolded = foldAll(LastNames);
    UniqueNames usernames, mailboxes;
    usernames.take(QStringLiteral("jsilver"));
    mailboxes.take(QStringLiteral("john.silver"));
    const QDate earliestBirthday(1950, 1, 1);
    const auto birthdaySpan = quint32(earliestBirthday.daysTo(QDate(2004, 12, 31)) + 1);
    bool anyPrivileged = false;

    for (int i = 1; i < count; ++i) {
        QString first, firstAscii, last, lastAscii;
        if (names == Names::Composed && !random.perMille(250)) {
            first = composeName(random.skewedBelow(kComposedGivenNames), GivenSyllables, GivenEndings);
            firstAscii = asciiFold(first);
        } else {
            const quint32 index = random.below(std::size(FirstNames));
            first = FirstNames[index].toString();
            firstAscii = firstFolded[index];
        }
        if (names == Names::Composed && !random.perMille(250)) {
            last = composeName(random.skewedBelow(kComposedSurnames), SurnameSyllables, SurnameEndings);
            lastAscii = asciiFold(last);
        } else {
            const quint32 index = random.below(std::size(LastNames));
            last = LastNames[index].toString();
            lastAscii = lastFolded[index];
        }
        ProfileRecord p;
        if (random.perMille(900))
            p.middleInitial = random.pick(MiddleInitials).toString();
        p.displayName =
                first % u' ' % (p.middleInitial ? *p.middleInitial % QStringLiteral(". ") : QString()) % last;
        p.username = usernames.take(firstAscii.left(1) % lastAscii);
        p.email = mailboxes.take(firstAscii % u'.' % lastAscii) % QStringLiteral("@acme.example");
        p.phone = QStringLiteral("+1 555 ") % digits(random.below(10000), 4) % u' '
                % digits(random.below(1000), 3);
        p.department = random.pick(Departments).toString();
        p.privileged = random.perMille(10);
        anyPrivileged = anyPrivileged || p.privileged;
        const QStringView title = p.privileged ? random.pick(PrivilegedTitles) : random.pick(Titles);
        if (random.perMille(900))
            p.title = title.toString();
        p.employeeId = employeeId(i);
        p.birthday = earliestBirthday.addDays(random.below(birthdaySpan));
        const QStringView word1 = random.pick(SecretWords);
        const QStringView word2 = random.pick(SecretWords);
        if (random.perMille(950))
            p.secret = word1 % u' ' % word2;
        profiles.append(std::move(p));
    }
    // A demo without a privileged profile could not show the stricter rules for them.
    if (count >= 20 && !anyPrivileged) {
        ProfileRecord &chosen = profiles[1 + random.below(quint32(count - 1))];
        chosen.privileged = true;
        chosen.title = random.pick(PrivilegedTitles).toString();
    }
    return profiles;
}

QString DemoDataGenerator::employeeIdOf(int index)
{
    return employeeId(index);
}

QList<DemoDataGenerator::DemoAgent> DemoDataGenerator::demoAgents()
{
    const QStringList technician{QStringLiteral("technician")};
    const QStringList supervisor{QStringLiteral("supervisor")};
    return {
            {QStringLiteral("tech1"), QStringLiteral("Tess Technician"), technician},
            {QStringLiteral("tech2"), QStringLiteral("Theo Technician"), technician},
            {QStringLiteral("super1"), QStringLiteral("Sam Supervisor"), supervisor},
            {QStringLiteral("super2"), QStringLiteral("Sonia Supervisor"), supervisor},
            {QStringLiteral("audit1"), QStringLiteral("Audrey Auditor"), {QStringLiteral("auditor")}},
    };
}

} // namespace vigil
