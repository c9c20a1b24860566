// The one settings gateway: enforced by IT > the user's own value > IT's machine default > built-in
// default. The Linux source is tested for real with files on disk; the Windows and macOS stores
// through the shared interpretation, with an in-memory store returning exactly the types their
// APIs return (QString and int for the registry; QString, bool and qint64 for CFPreferences).
// test_machine_settings covers the conversions and checks on their own.
#include "SettingsResolver.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

#ifdef Q_OS_UNIX
#  include <unistd.h>
#endif

using namespace vigil;

using Source = SettingsResolver::Source;
using Problem = MachineSettings::Problem;

namespace {
const QString kPinA = QStringLiteral(
        "AA:BB:CC:DD:EE:FF:00:11:22:33:44:55:66:77:88:99:AA:BB:CC:DD:EE:FF:00:11:22:33:44:55:66:77:88:99");
const QString kPinB = QStringLiteral("0102030405060708091011121314151617181920212223242526272829303132");
const QString kPinEnforced = QStringLiteral(
        "FF:FF:FF:FF:FF:FF:FF:FF:FF:FF:FF:FF:FF:FF:FF:FF:FF:FF:FF:FF:FF:FF:FF:FF:FF:FF:FF:FF:FF:FF:FF:FF");
const QString kPinMixedCase = QStringLiteral(
        "ab:CD:ef:01:23:45:67:89:ab:cd:ef:01:23:45:67:89:ab:cd:ef:01:23:45:67:89:ab:cd:ef:01:23:45:67:89");
const QString kKey = QString::fromLatin1(QByteArray(32, '\x42').toBase64());
const QString kOtherKey = QString::fromLatin1(QByteArray(32, '\x07').toBase64());
const QString kCorpUrl = QStringLiteral("https://vigil.corp.example:8443");
const QString kUserUrl = QStringLiteral("https://user.example:9443");
const QString kRegistry = QStringLiteral("HKEY_LOCAL_MACHINE\\Software\\Policies\\Vigil");
const QString kDomain = QStringLiteral("org.vigil.console");

// A platform store in memory: named like the registry and macOS preferences, holding whatever the
// test puts in, and changeable while the resolver runs.
class MemorySource : public EnforcedSettingsSource
{
public:
    MemorySource(std::shared_ptr<QVariantHash> values, QString location)
        : m_values(std::move(values))
        , m_location(std::move(location))
    {
    }
    QVariant value(const QString &name) const override { return m_values->value(name); }
    Naming naming() const override { return Naming::NativeNames; }
    QString location() const override { return m_location; }

private:
    std::shared_ptr<QVariantHash> m_values;
    QString m_location;
};

// Collects the warnings of vigil.core.settings, to check what reaches the log.
QStringList *g_warnings = nullptr;
void collectWarnings(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    if (g_warnings && type == QtWarningMsg && qstrcmp(context.category, "vigil.core.settings") == 0)
        g_warnings->append(message);
}
} // namespace

class TestSettingsResolver : public QObject
{
    Q_OBJECT

private slots:
    void init();

    // Linux: /etc/vigil/policies.conf stand-in on disk.
    void defaults();
    void userBeatsDefault();
    void enforcedBeatsUser();
    void enforcedTopLevelKeys();
    void groupBeatsTopLevel();
    void iniCommentsAndLineEndings();
    void enforcedKeysCannotBeSet();
    void iniEnforce_data();
    void iniEnforce();
    void iniMachineDefaultBelowUser();
    void iniEmptyValuesAreUnset();
    void iniInvalidEnforcedFailsClosed_data();
    void iniInvalidEnforcedFailsClosed();
    void iniInvalidMachineDefaultIsIgnored();
    void iniValuesAreNormalised();
    void iniCommaSplitValues();
    void iniUnreadable_data();
    void iniUnreadable();
    void enforcedFileChangesAreSeen();
    void missingEnforcedFile();
    void invalidPolicyIsLoggedOnceWithoutValue();

    // Pins.
    void pinsPerServer();
    void enforcedPinWins();
    void userPinBelongsToConfiguredServer();

    // Windows registry values through the shared interface.
    void registryEnforce_data();
    void registryEnforce();
    void registryValues();
    void registryNamesAreNative();
    void registryEmptyValuesAreUnset();
    void registryInvalidValuesFailClosed_data();
    void registryInvalidValuesFailClosed();
    void registryMachineDefaultPins();
    void registryEnforcedPin();

    // macOS forced preferences through the shared interface.
    void preferencesEnforce_data();
    void preferencesEnforce();
    void preferencesTypes();
    void preferencesUnsupportedTypesFailClosed();

    void precedence();
    void problemWithoutLocation();
    void platformSource();

private:
    void writeEnforced(const QByteArray &contents);
    std::unique_ptr<SettingsResolver> resolver();
    std::unique_ptr<SettingsResolver> memoryResolver(const QString &location = kRegistry);
    void writeUserValue(const QString &key, const QString &value);

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_enforcedPath;
    QString m_userPath;
    std::shared_ptr<QVariantHash> m_native;
};

void TestSettingsResolver::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_enforcedPath = m_dir->filePath(QStringLiteral("policies.conf"));
    m_userPath = m_dir->filePath(QStringLiteral("user.ini"));
    m_native = std::make_shared<QVariantHash>();
}

void TestSettingsResolver::writeEnforced(const QByteArray &contents)
{
    QFile file(m_enforcedPath);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    QCOMPARE(file.write(contents), contents.size());
}

std::unique_ptr<SettingsResolver> TestSettingsResolver::resolver()
{
    return std::make_unique<SettingsResolver>(std::make_unique<IniEnforcedSettingsSource>(m_enforcedPath),
                                              m_userPath);
}

std::unique_ptr<SettingsResolver> TestSettingsResolver::memoryResolver(const QString &location)
{
    return std::make_unique<SettingsResolver>(std::make_unique<MemorySource>(m_native, location), m_userPath);
}

// What a user (or someone with the user's rights) could have planted before IT's policy arrived.
void TestSettingsResolver::writeUserValue(const QString &key, const QString &value)
{
    QSettings user(m_userPath, QSettings::IniFormat);
    user.setValue(key, value);
    user.sync();
    QCOMPARE(user.status(), QSettings::NoError);
}

void TestSettingsResolver::defaults()
{
    const auto settings = resolver();
    const auto url = settings->resolve(SettingsResolver::ServerUrl);
    QCOMPARE(url.value.toString(), QStringLiteral("https://127.0.0.1:8443"));
    QCOMPARE(url.source, Source::Default);
    QVERIFY(!url.enforced());
    QVERIFY(!url.invalid());
    QCOMPARE(settings->value(SettingsResolver::Language).toString(), QString());
    QCOMPARE(settings->resolve(SettingsResolver::Language).source, Source::Default);
    QVERIFY(settings->value(SettingsResolver::ServerPin).toString().isEmpty());
    QVERIFY(settings->connectionBlockers().isEmpty());
    QCOMPARE(settings->policyLocation(), m_enforcedPath);
}

void TestSettingsResolver::userBeatsDefault()
{
    {
        const auto settings = resolver();
        QSignalSpy changed(settings.get(), &SettingsResolver::changed);
        QVERIFY(settings->setUserValue(SettingsResolver::Language, QStringLiteral("de")));
        QCOMPARE(changed.count(), 1);
        QCOMPARE(changed.first().first().toString(), SettingsResolver::Language);
        const auto language = settings->resolve(SettingsResolver::Language);
        QCOMPARE(language.value.toString(), QStringLiteral("de"));
        QCOMPARE(language.source, Source::User);
        QVERIFY(!language.machineDefault.isValid());
    }
    // Persisted in the user's file.
    const auto reopened = resolver();
    QCOMPARE(reopened->value(SettingsResolver::Language).toString(), QStringLiteral("de"));
    // An invalid value removes the user's choice again.
    QVERIFY(reopened->setUserValue(SettingsResolver::Language, QVariant()));
    QCOMPARE(reopened->resolve(SettingsResolver::Language).source, Source::Default);
}

void TestSettingsResolver::enforcedBeatsUser()
{
    const auto settings = resolver();
    QVERIFY(settings->setUserValue(SettingsResolver::ServerUrl, kUserUrl));
    QCOMPARE(settings->resolve(SettingsResolver::ServerUrl).source, Source::User);
    writeEnforced("[Vigil]\nserver_url=" + kCorpUrl.toLatin1() + "\n");
    const auto url = settings->resolve(SettingsResolver::ServerUrl);
    QCOMPARE(url.value.toString(), kCorpUrl);
    QCOMPARE(url.source, Source::Enforced);
    QCOMPARE(url.policyName, SettingsResolver::ServerUrl);
    QVERIFY(url.enforced());
    QVERIFY(!url.invalid());
    QVERIFY(settings->isEnforced(SettingsResolver::ServerUrl));
    QVERIFY(!settings->isEnforced(SettingsResolver::Language));
}

void TestSettingsResolver::enforcedTopLevelKeys()
{
    writeEnforced("language=fr\n[Vigil]\npolicy_key=" + kKey.toLatin1() + "\n");
    const auto settings = resolver();
    QCOMPARE(settings->value(SettingsResolver::Language).toString(), QStringLiteral("fr"));
    QVERIFY(settings->isEnforced(SettingsResolver::Language));
    QCOMPARE(settings->value(SettingsResolver::PolicyKey).toString(), kKey);
    QVERIFY(settings->isEnforced(SettingsResolver::PolicyKey));
    QVERIFY(!settings->isEnforced(SettingsResolver::ServerUrl));
}

void TestSettingsResolver::groupBeatsTopLevel()
{
    // Enforce at the top level governs the values in the group too.
    writeEnforced("enforce=false\nserver_url=https://top.example\nlanguage=de\n[Vigil]\nserver_url="
                  + kCorpUrl.toLatin1() + "\n");
    const auto settings = resolver();
    const auto url = settings->resolve(SettingsResolver::ServerUrl);
    QCOMPARE(url.value.toString(), kCorpUrl);
    QCOMPARE(url.source, Source::MachineDefault);
    QCOMPARE(settings->resolve(SettingsResolver::Language).source, Source::MachineDefault);
    QCOMPARE(settings->value(SettingsResolver::Language).toString(), QStringLiteral("de"));
    // …and Enforce in the group wins over Enforce at the top level.
    writeEnforced("enforce=false\n[Vigil]\nenforce=true\nserver_url=" + kCorpUrl.toLatin1() + "\n");
    QCOMPARE(settings->resolve(SettingsResolver::ServerUrl).source, Source::Enforced);
}

void TestSettingsResolver::iniCommentsAndLineEndings()
{
    writeEnforced("\xef\xbb\xbf# Vigil policy, managed by IT\r\n; another comment\r\n\r\n[Vigil]\r\n"
                  "  server_url = "
                  + kCorpUrl.toLatin1() + "\r\n# server_pin=" + kPinA.toLatin1() + "\r\n");
    const auto settings = resolver();
    QVERIFY(settings->connectionBlockers().isEmpty());
    QCOMPARE(settings->value(SettingsResolver::ServerUrl).toString(), kCorpUrl);
    QVERIFY(settings->isEnforced(SettingsResolver::ServerUrl));
    QVERIFY(!settings->isEnforced(SettingsResolver::ServerPin));
}

void TestSettingsResolver::enforcedKeysCannotBeSet()
{
    writeEnforced("[Vigil]\nserver_url=" + kCorpUrl.toLatin1() + "\n");
    const auto settings = resolver();
    QSignalSpy changed(settings.get(), &SettingsResolver::changed);
    QVERIFY(!settings->setUserValue(SettingsResolver::ServerUrl, QStringLiteral("https://evil.example")));
    QVERIFY(!settings->setUserValue(SettingsResolver::ServerUrl, QVariant()));
    QCOMPARE(changed.count(), 0);
    QCOMPARE(settings->value(SettingsResolver::ServerUrl).toString(), kCorpUrl);
    // Nothing reached the user's file either: once IT lifts the policy, the default returns.
    writeEnforced("");
    QCOMPARE(settings->resolve(SettingsResolver::ServerUrl).source, Source::Default);
    QCOMPARE(settings->value(SettingsResolver::ServerUrl).toString(),
             QStringLiteral("https://127.0.0.1:8443"));
}

void TestSettingsResolver::iniEnforce_data()
{
    QTest::addColumn<QByteArray>("enforceLine");
    QTest::addColumn<bool>("enforced");

    QTest::newRow("absent") << QByteArray() << true;
    QTest::newRow("empty") << QByteArray("enforce=\n") << true;
    for (const char *value : {"true", "TRUE", "1", "yes", "on"})
        QTest::addRow("%s", value) << QByteArray("enforce=") + value + '\n' << true;
    for (const char *value : {"false", "False", "0", "no", "off"})
        QTest::addRow("%s", value) << QByteArray("enforce=") + value + '\n' << false;
    // Unreadable means the stricter reading.
    QTest::newRow("maybe") << QByteArray("enforce=maybe\n") << true;
    QTest::newRow("list") << QByteArray("enforce=false, true\n") << true;
}

void TestSettingsResolver::iniEnforce()
{
    QFETCH(QByteArray, enforceLine);
    QFETCH(bool, enforced);
    writeUserValue(SettingsResolver::Language, QStringLiteral("fr"));
    writeEnforced("[Vigil]\n" + enforceLine + "server_url=" + kCorpUrl.toLatin1() + "\nlanguage=de\n");
    const auto settings = resolver();
    const auto url = settings->resolve(SettingsResolver::ServerUrl);
    QCOMPARE(url.value.toString(), kCorpUrl);
    QCOMPARE(url.source, enforced ? Source::Enforced : Source::MachineDefault);
    QCOMPARE(settings->isEnforced(SettingsResolver::ServerUrl), enforced);
    // The user's language loses only to an enforced one.
    const auto language = settings->resolve(SettingsResolver::Language);
    QCOMPARE(language.value.toString(), enforced ? QStringLiteral("de") : QStringLiteral("fr"));
    QCOMPARE(language.source, enforced ? Source::Enforced : Source::User);
    QCOMPARE(settings->setUserValue(SettingsResolver::ServerUrl, kUserUrl), !enforced);
    QCOMPARE(settings->value(SettingsResolver::ServerUrl).toString(), enforced ? kCorpUrl : kUserUrl);
    // Keys IT did not set stay the user's, enforced or not.
    QVERIFY(!settings->isEnforced(SettingsResolver::ServerPin));
    QVERIFY(settings->setUserValue(SettingsResolver::PolicyKey, kKey));
    QCOMPARE(settings->resolve(SettingsResolver::PolicyKey).source, Source::User);
}

void TestSettingsResolver::iniMachineDefaultBelowUser()
{
    writeEnforced("[Vigil]\nenforce=false\nserver_url=" + kCorpUrl.toLatin1() + "\n");
    const auto settings = resolver();
    auto url = settings->resolve(SettingsResolver::ServerUrl);
    QCOMPARE(url.source, Source::MachineDefault);
    QCOMPARE(url.value.toString(), kCorpUrl);
    QCOMPARE(url.policyName, SettingsResolver::ServerUrl);
    QVERIFY(!url.enforced());

    QSignalSpy changed(settings.get(), &SettingsResolver::changed);
    QVERIFY(settings->setUserValue(SettingsResolver::ServerUrl, kUserUrl));
    QCOMPARE(changed.count(), 1);
    url = settings->resolve(SettingsResolver::ServerUrl);
    QCOMPARE(url.source, Source::User);
    QCOMPARE(url.value.toString(), kUserUrl);
    QCOMPARE(url.machineDefault.toString(), kCorpUrl);

    // IT changing its default does not override the user's choice…
    writeEnforced("[Vigil]\nenforce=0\nserver_url=https://new.corp.example\n");
    QCOMPARE(settings->value(SettingsResolver::ServerUrl).toString(), kUserUrl);
    // …and removing the user's value brings IT's current default back.
    QVERIFY(settings->setUserValue(SettingsResolver::ServerUrl, QVariant()));
    QCOMPARE(settings->value(SettingsResolver::ServerUrl).toString(),
             QStringLiteral("https://new.corp.example"));
    QCOMPARE(settings->resolve(SettingsResolver::ServerUrl).source, Source::MachineDefault);
}

void TestSettingsResolver::iniEmptyValuesAreUnset()
{
    writeUserValue(SettingsResolver::Language, QStringLiteral("fr"));
    writeEnforced("[Vigil]\nserver_url=   \nlanguage=\nserver_pin=\"  \"\npolicy_key=" + kKey.toLatin1()
                  + "\n");
    const auto settings = resolver();
    QCOMPARE(settings->resolve(SettingsResolver::ServerUrl).source, Source::Default);
    QCOMPARE(settings->resolve(SettingsResolver::Language).source, Source::User);
    QCOMPARE(settings->value(SettingsResolver::Language).toString(), QStringLiteral("fr"));
    QVERIFY(!settings->isEnforced(SettingsResolver::ServerPin));
    QVERIFY(settings->isEnforced(SettingsResolver::PolicyKey));
    QVERIFY(settings->connectionBlockers().isEmpty());
}

void TestSettingsResolver::iniInvalidEnforcedFailsClosed_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<QByteArray>("value");
    QTest::addColumn<int>("problem");
    QTest::addColumn<bool>("blocksConnection");

    const QString url = SettingsResolver::ServerUrl;
    QTest::newRow("url http") << url << QByteArray("http://vigil.corp.example") << int(Problem::InvalidUrl)
                              << true;
    QTest::newRow("url no host") << url << QByteArray("https://") << int(Problem::InvalidUrl) << true;
    QTest::newRow("url no scheme") << url << QByteArray("vigil.corp.example:8443") << int(Problem::InvalidUrl)
                                   << true;
    const QString pin = SettingsResolver::ServerPin;
    QTest::newRow("pin short") << pin << QByteArray("AB:CD") << int(Problem::InvalidPin) << true;
    QTest::newRow("pin without colons") << pin << kPinB.toLatin1() << int(Problem::InvalidPin) << true;
    QTest::newRow("pin not hex") << pin << QString(kPinA).replace(0, 2, QStringLiteral("ZZ")).toLatin1()
                                 << int(Problem::InvalidPin) << true;
    const QString key = SettingsResolver::PolicyKey;
    QTest::newRow("key AAAA") << key << QByteArray("AAAA") << int(Problem::InvalidPolicyKey) << true;
    QTest::newRow("key not base64") << key << QByteArray("not*base64") << int(Problem::InvalidPolicyKey)
                                    << true;
    QTest::newRow("language") << SettingsResolver::Language << QByteArray("es")
                              << int(Problem::UnknownLanguage) << false;
}

void TestSettingsResolver::iniInvalidEnforcedFailsClosed()
{
    QFETCH(QString, key);
    QFETCH(QByteArray, value);
    QFETCH(int, problem);
    QFETCH(bool, blocksConnection);

    // Values planted in the user layer beforehand must not be used in place of IT's broken one.
    writeUserValue(SettingsResolver::ServerUrl, QStringLiteral("https://attacker.example"));
    writeUserValue(SettingsResolver::ServerPin, kPinA);
    writeUserValue(SettingsResolver::PolicyKey, kOtherKey);
    writeUserValue(SettingsResolver::Language, QStringLiteral("fr"));
    writeEnforced("[Vigil]\n" + key.toLatin1() + '=' + value + '\n');
    const auto settings = resolver();

    const auto resolved = settings->resolve(key);
    QCOMPARE(resolved.source, Source::Enforced);
    QVERIFY(resolved.enforced());
    QVERIFY(resolved.invalid());
    QCOMPARE(int(resolved.problem), problem);
    QCOMPARE(resolved.value, QVariant(QString()));
    QCOMPARE(resolved.policyName, key);
    QVERIFY(settings->isEnforced(key));
    QVERIFY(!settings->setUserValue(key, QStringLiteral("anything")));
    QCOMPARE(settings->connectionBlockers(), blocksConnection ? QStringList{key} : QStringList());

    const QString description = settings->describeProblem(key);
    QVERIFY2(description.startsWith(key + QStringLiteral(" in ") + m_enforcedPath), qPrintable(description));
    for (const QString &other : MachineSettings::valueKeys()) {
        if (other != key) {
            QVERIFY(settings->describeProblem(other).isEmpty());
            QCOMPARE(settings->resolve(other).source, Source::User);
        }
    }
    // An enforced pin that is broken is no pin at all, and nothing is remembered in its place.
    if (key == SettingsResolver::ServerPin) {
        const QUrl server(kCorpUrl);
        QVERIFY(settings->pinFor(server).isEmpty());
        settings->rememberPin(server, kPinA);
        QVERIFY(settings->pinFor(server).isEmpty());
    }
    // Once IT corrects the value, it applies at once.
    writeEnforced("[Vigil]\nserver_url=" + kCorpUrl.toLatin1() + "\nserver_pin=" + kPinEnforced.toLatin1()
                  + "\npolicy_key=" + kKey.toLatin1() + "\nlanguage=de\n");
    QVERIFY(!settings->resolve(key).invalid());
    QVERIFY(settings->connectionBlockers().isEmpty());
    QVERIFY(!settings->value(key).toString().isEmpty());
}

void TestSettingsResolver::iniInvalidMachineDefaultIsIgnored()
{
    // Only a default: the user could change it anyway, so the broken one is skipped, not enforced.
    writeEnforced("[Vigil]\nenforce=false\nserver_url=http://vigil.corp.example\nserver_pin=AB:CD\n");
    const auto settings = resolver();
    const auto url = settings->resolve(SettingsResolver::ServerUrl);
    QCOMPARE(url.source, Source::Default);
    QVERIFY(!url.invalid());
    QVERIFY(!settings->isEnforced(SettingsResolver::ServerPin));
    QVERIFY(settings->connectionBlockers().isEmpty());
    QVERIFY(settings->setUserValue(SettingsResolver::ServerUrl, kUserUrl));
    QCOMPARE(settings->value(SettingsResolver::ServerUrl).toString(), kUserUrl);
}

void TestSettingsResolver::iniValuesAreNormalised()
{
    writeEnforced("[Vigil]\nserver_pin=" + kPinMixedCase.toLatin1()
                  + "\nlanguage=FR\nserver_url=  " + kCorpUrl.toLatin1() + "  \n");
    const auto settings = resolver();
    QCOMPARE(settings->value(SettingsResolver::ServerPin).toString(), kPinMixedCase.toUpper());
    QCOMPARE(settings->pinFor(QUrl(QStringLiteral("https://any.example"))), kPinMixedCase.toUpper());
    QCOMPARE(settings->value(SettingsResolver::Language).toString(), QStringLiteral("fr"));
    QCOMPARE(settings->value(SettingsResolver::ServerUrl).toString(), kCorpUrl);
}

void TestSettingsResolver::iniCommaSplitValues()
{
    // QSettings reads an unquoted value with commas as a list; it is joined back before validation.
    writeEnforced("[Vigil]\nserver_url=https://vigil.corp.example/a,b\nlanguage=de, fr\n");
    const auto settings = resolver();
    QCOMPARE(settings->value(SettingsResolver::ServerUrl).toString(),
             QStringLiteral("https://vigil.corp.example/a,b"));
    const auto language = settings->resolve(SettingsResolver::Language);
    QVERIFY(language.enforced());
    QCOMPARE(language.problem, Problem::UnknownLanguage);
}

void TestSettingsResolver::iniUnreadable_data()
{
    QTest::addColumn<QString>("how"); // "directory", "permission" or the file's contents
    QTest::newRow("directory") << QStringLiteral("directory");
    QTest::newRow("unterminated group") << QStringLiteral("[Vigil\nserver_url=https://vigil.corp.example\n");
    QTest::newRow("line without =") << QStringLiteral("[Vigil]\nserver_pin ") + kPinA + QStringLiteral("\n");
#ifdef Q_OS_UNIX
    // Permissions do not stop root; as another user a mode-000 file must count as unreadable too.
    if (::geteuid() != 0)
        QTest::newRow("no permission") << QStringLiteral("permission");
#endif
}

void TestSettingsResolver::iniUnreadable()
{
    QFETCH(QString, how);
    writeUserValue(SettingsResolver::ServerUrl, kUserUrl);
    writeUserValue(SettingsResolver::Language, QStringLiteral("de"));
    if (how == QLatin1String("directory")) {
        QVERIFY(QDir().mkpath(m_enforcedPath));
    } else if (how == QLatin1String("permission")) {
        writeEnforced("[Vigil]\nserver_url=" + kCorpUrl.toLatin1() + "\n");
        QVERIFY(QFile::setPermissions(m_enforcedPath, QFileDevice::Permissions()));
    } else {
        writeEnforced(how.toUtf8());
    }
    const auto settings = resolver();
    for (const QString &key : MachineSettings::valueKeys()) {
        const auto resolved = settings->resolve(key);
        QVERIFY2(resolved.enforced(), qPrintable(key));
        QCOMPARE(resolved.problem, Problem::Unreadable);
        QCOMPARE(resolved.value, QVariant(QString()));
        QVERIFY(!settings->setUserValue(key, QStringLiteral("x")));
        QCOMPARE(settings->describeProblem(key),
                 QStringLiteral("Vigil cannot read ") + m_enforcedPath + QLatin1Char('.'));
    }
    QCOMPARE(settings->connectionBlockers(),
             QStringList({SettingsResolver::ServerUrl, SettingsResolver::ServerPin,
                          SettingsResolver::PolicyKey}));

    // Repaired while the console runs: the user's values are back.
    if (how == QLatin1String("directory"))
        QVERIFY(QDir(m_enforcedPath).removeRecursively());
    else
        QVERIFY(QFile::remove(m_enforcedPath));
    writeEnforced("[Vigil]\nlanguage=fr\n");
    QVERIFY(settings->connectionBlockers().isEmpty());
    QCOMPARE(settings->value(SettingsResolver::ServerUrl).toString(), kUserUrl);
    QCOMPARE(settings->value(SettingsResolver::Language).toString(), QStringLiteral("fr"));
}

void TestSettingsResolver::enforcedFileChangesAreSeen()
{
    const auto settings = resolver();
    QVERIFY(!settings->isEnforced(SettingsResolver::Language));
    writeEnforced("[Vigil]\nlanguage=de\n");
    QCOMPARE(settings->value(SettingsResolver::Language).toString(), QStringLiteral("de"));
    QVERIFY(settings->isEnforced(SettingsResolver::Language));
    writeEnforced("[Vigil]\nenforce=false\nlanguage=fr\n");
    QCOMPARE(settings->value(SettingsResolver::Language).toString(), QStringLiteral("fr"));
    QCOMPARE(settings->resolve(SettingsResolver::Language).source, Source::MachineDefault);
    writeEnforced("[Vigil]\nlanguage=xx\n");
    QVERIFY(settings->resolve(SettingsResolver::Language).invalid());
    QFile::remove(m_enforcedPath);
    QVERIFY(!settings->isEnforced(SettingsResolver::Language));
    QCOMPARE(settings->resolve(SettingsResolver::Language).source, Source::Default);
}

void TestSettingsResolver::missingEnforcedFile()
{
    QVERIFY(!QFile::exists(m_enforcedPath));
    const auto settings = resolver();
    for (const QString &key : MachineSettings::valueKeys())
        QVERIFY(!settings->isEnforced(key));
    QVERIFY(settings->connectionBlockers().isEmpty());
    QVERIFY(settings->setUserValue(SettingsResolver::ServerUrl, QStringLiteral("https://a.example")));
    QCOMPARE(settings->value(SettingsResolver::ServerUrl).toString(), QStringLiteral("https://a.example"));
    // No source at all behaves the same.
    SettingsResolver noSource(nullptr, m_userPath);
    QCOMPARE(noSource.value(SettingsResolver::ServerUrl).toString(), QStringLiteral("https://a.example"));
    QVERIFY(noSource.connectionBlockers().isEmpty());
    QVERIFY(noSource.policyLocation().isEmpty());
    QVERIFY(!QFile::exists(m_enforcedPath));
}

void TestSettingsResolver::invalidPolicyIsLoggedOnceWithoutValue()
{
    const QByteArray brokenKey = "c2VjcmV0LWxvb2tpbmctYnV0LXRvby1zaG9ydA==";
    writeEnforced("[Vigil]\npolicy_key=" + brokenKey + "\n");
    QStringList warnings;
    g_warnings = &warnings;
    const QtMessageHandler previous = qInstallMessageHandler(collectWarnings);
    {
        const auto settings = resolver();
        for (int i = 0; i < 5; ++i)
            QVERIFY(settings->resolve(SettingsResolver::PolicyKey).invalid());
        QVERIFY(!settings->connectionBlockers().isEmpty());
    }
    qInstallMessageHandler(previous);
    g_warnings = nullptr;
    QCOMPARE(warnings.size(), 1);
    QVERIFY2(warnings.first().contains(QStringLiteral("policy_key in ") + m_enforcedPath),
             qPrintable(warnings.first()));
    QVERIFY2(warnings.first().contains(QStringLiteral("32-byte Ed25519")), qPrintable(warnings.first()));
    QVERIFY(!warnings.first().contains(QString::fromLatin1(brokenKey)));
}

void TestSettingsResolver::pinsPerServer()
{
    const QUrl a(QStringLiteral("https://vigil-a.example:8443"));
    const QUrl aOtherPath(QStringLiteral("https://VIGIL-A.example:8443/some/path"));
    const QUrl aOtherPort(QStringLiteral("https://vigil-a.example:9443"));
    const QUrl b(QStringLiteral("https://vigil-b.example"));
    const QUrl bExplicitPort(QStringLiteral("https://vigil-b.example:443"));
    {
        const auto settings = resolver();
        QVERIFY(settings->pinFor(a).isEmpty());
        QSignalSpy changed(settings.get(), &SettingsResolver::changed);
        settings->rememberPin(a, kPinA);
        settings->rememberPin(b, kPinB);
        QCOMPARE(changed.count(), 2);
        QCOMPARE(settings->pinFor(a), kPinA);
        QCOMPARE(settings->pinFor(aOtherPath), kPinA); // same scheme://host:port
        QVERIFY(settings->pinFor(aOtherPort).isEmpty());
        QCOMPARE(settings->pinFor(b), kPinB);
        QCOMPARE(settings->pinFor(bExplicitPort), kPinB);
    }
    const auto reopened = resolver();
    QCOMPARE(reopened->pinFor(a), kPinA);
    QCOMPARE(reopened->pinFor(b), kPinB);
    reopened->rememberPin(a, kPinB);
    QCOMPARE(reopened->pinFor(a), kPinB);
}

void TestSettingsResolver::enforcedPinWins()
{
    const QUrl a(QStringLiteral("https://vigil-a.example:8443"));
    const QUrl b(QStringLiteral("https://vigil-b.example:8443"));
    const auto settings = resolver();
    settings->rememberPin(a, kPinA);
    writeEnforced(QByteArray("[Vigil]\nserver_pin=") + kPinEnforced.toLatin1() + '\n');
    QVERIFY(settings->isEnforced(SettingsResolver::ServerPin));
    QCOMPARE(settings->pinFor(a), kPinEnforced);
    QCOMPARE(settings->pinFor(b), kPinEnforced);
    QSignalSpy changed(settings.get(), &SettingsResolver::changed);
    settings->rememberPin(b, kPinB);
    QCOMPARE(changed.count(), 0);
    QCOMPARE(settings->pinFor(b), kPinEnforced);
    // Nothing was remembered behind IT's back.
    writeEnforced("");
    QCOMPARE(settings->pinFor(a), kPinA);
    QVERIFY(settings->pinFor(b).isEmpty());
}

void TestSettingsResolver::userPinBelongsToConfiguredServer()
{
    // The pin typed in the settings belongs to the server in the settings, not to any other.
    const auto settings = resolver();
    QVERIFY(settings->setUserValue(SettingsResolver::ServerUrl, kUserUrl));
    QVERIFY(settings->setUserValue(SettingsResolver::ServerPin, kPinA));
    QCOMPARE(settings->pinFor(QUrl(kUserUrl + QStringLiteral("/"))), kPinA);
    QVERIFY(settings->pinFor(QUrl(kCorpUrl)).isEmpty());
    // A pin remembered for the server is more specific and wins.
    settings->rememberPin(QUrl(kUserUrl), kPinEnforced);
    QCOMPARE(settings->pinFor(QUrl(kUserUrl)), kPinEnforced);
}

void TestSettingsResolver::registryEnforce_data()
{
    QTest::addColumn<QVariant>("enforce");
    QTest::addColumn<bool>("enforced");
    QTest::newRow("absent") << QVariant() << true;
    QTest::newRow("REG_DWORD 1") << QVariant(int(1)) << true;
    QTest::newRow("REG_DWORD 0") << QVariant(int(0)) << false;
    QTest::newRow("REG_DWORD 2") << QVariant(int(2)) << true;
    QTest::newRow("REG_SZ 0") << QVariant(QStringLiteral("0")) << false;
    QTest::newRow("REG_SZ empty") << QVariant(QString()) << true;
    QTest::newRow("REG_SZ garbage") << QVariant(QStringLiteral("nope")) << true;
}

void TestSettingsResolver::registryEnforce()
{
    QFETCH(QVariant, enforce);
    QFETCH(bool, enforced);
    if (enforce.isValid())
        m_native->insert(QStringLiteral("Enforce"), enforce);
    m_native->insert(QStringLiteral("ServerUrl"), kCorpUrl);
    m_native->insert(QStringLiteral("Language"), QStringLiteral("de"));
    writeUserValue(SettingsResolver::Language, QStringLiteral("fr"));
    const auto settings = memoryResolver();

    const auto url = settings->resolve(SettingsResolver::ServerUrl);
    QCOMPARE(url.value.toString(), kCorpUrl);
    QCOMPARE(url.source, enforced ? Source::Enforced : Source::MachineDefault);
    QCOMPARE(url.policyName, QStringLiteral("ServerUrl"));
    QCOMPARE(settings->value(SettingsResolver::Language).toString(),
             enforced ? QStringLiteral("de") : QStringLiteral("fr"));
    QCOMPARE(settings->setUserValue(SettingsResolver::ServerUrl, kUserUrl), !enforced);
    QCOMPARE(settings->value(SettingsResolver::ServerUrl).toString(), enforced ? kCorpUrl : kUserUrl);
    QCOMPARE(settings->policyLocation(), kRegistry);
}

void TestSettingsResolver::registryValues()
{
    m_native->insert(QStringLiteral("ServerUrl"), kCorpUrl);
    m_native->insert(QStringLiteral("ServerPin"), kPinMixedCase);
    m_native->insert(QStringLiteral("PolicyKey"), kKey);
    m_native->insert(QStringLiteral("Language"), QStringLiteral("fr"));
    m_native->insert(QStringLiteral("Enforce"), int(1));
    const auto settings = memoryResolver();
    QCOMPARE(settings->value(SettingsResolver::ServerUrl).toString(), kCorpUrl);
    QCOMPARE(settings->value(SettingsResolver::ServerPin).toString(), kPinMixedCase.toUpper());
    QCOMPARE(settings->value(SettingsResolver::PolicyKey).toString(), kKey);
    QCOMPARE(settings->value(SettingsResolver::Language).toString(), QStringLiteral("fr"));
    for (const QString &key : MachineSettings::valueKeys()) {
        QVERIFY(settings->isEnforced(key));
        QVERIFY(!settings->setUserValue(key, QStringLiteral("x")));
        QCOMPARE(settings->resolve(key).policyName, MachineSettings::nativeName(key));
    }
    QVERIFY(settings->connectionBlockers().isEmpty());
    // Group Policy removes a value while the console runs: it is the user's again.
    m_native->remove(QStringLiteral("Language"));
    QVERIFY(!settings->isEnforced(SettingsResolver::Language));
    QVERIFY(settings->setUserValue(SettingsResolver::Language, QStringLiteral("de")));
}

void TestSettingsResolver::registryNamesAreNative()
{
    // The registry is read by native names only: a value named like the INI key is not IT's.
    m_native->insert(SettingsResolver::ServerUrl, kCorpUrl);
    m_native->insert(SettingsResolver::Enforce, int(1));
    const auto settings = memoryResolver();
    QCOMPARE(settings->resolve(SettingsResolver::ServerUrl).source, Source::Default);
    // And the INI file by keys only.
    writeEnforced("[Vigil]\nServerUrl=" + kCorpUrl.toLatin1() + "\n");
    QCOMPARE(resolver()->resolve(SettingsResolver::ServerUrl).source, Source::Default);
}

void TestSettingsResolver::registryEmptyValuesAreUnset()
{
    m_native->insert(QStringLiteral("ServerUrl"), QString());
    m_native->insert(QStringLiteral("ServerPin"), QStringLiteral("   "));
    m_native->insert(QStringLiteral("Language"), QStringLiteral("\t"));
    m_native->insert(QStringLiteral("Enforce"), int(1));
    writeUserValue(SettingsResolver::ServerUrl, kUserUrl);
    const auto settings = memoryResolver();
    QCOMPARE(settings->resolve(SettingsResolver::ServerUrl).source, Source::User);
    QCOMPARE(settings->value(SettingsResolver::ServerUrl).toString(), kUserUrl);
    QCOMPARE(settings->resolve(SettingsResolver::ServerPin).source, Source::Default);
    QCOMPARE(settings->resolve(SettingsResolver::Language).source, Source::Default);
    QVERIFY(settings->connectionBlockers().isEmpty());
    QVERIFY(settings->setUserValue(SettingsResolver::Language, QStringLiteral("de")));
}

void TestSettingsResolver::registryInvalidValuesFailClosed_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QVariant>("raw");
    QTest::addColumn<int>("problem");

    QTest::newRow("ServerUrl http") << QStringLiteral("ServerUrl")
                                    << QVariant(QStringLiteral("http://corp.example"))
                                    << int(Problem::InvalidUrl);
    QTest::newRow("ServerUrl DWORD") << QStringLiteral("ServerUrl") << QVariant(int(443))
                                     << int(Problem::InvalidUrl);
    QTest::newRow("ServerPin short") << QStringLiteral("ServerPin") << QVariant(QStringLiteral("AB:CD:EF"))
                                     << int(Problem::InvalidPin);
    QTest::newRow("ServerPin no colons")
            << QStringLiteral("ServerPin") << QVariant(kPinB) << int(Problem::InvalidPin);
    QTest::newRow("PolicyKey 31 bytes")
            << QStringLiteral("PolicyKey") << QVariant(QString::fromLatin1(QByteArray(31, 'x').toBase64()))
            << int(Problem::InvalidPolicyKey);
    QTest::newRow("PolicyKey DWORD") << QStringLiteral("PolicyKey") << QVariant(int(1))
                                     << int(Problem::InvalidPolicyKey);
}

void TestSettingsResolver::registryInvalidValuesFailClosed()
{
    QFETCH(QString, name);
    QFETCH(QVariant, raw);
    QFETCH(int, problem);
    const QString key = MachineSettings::keyForNativeName(name);
    writeUserValue(key,
                   key == SettingsResolver::ServerUrl           ? kUserUrl
                           : key == SettingsResolver::ServerPin ? kPinA
                                                                : kOtherKey);
    m_native->insert(name, raw);
    const auto settings = memoryResolver();
    const auto resolved = settings->resolve(key);
    QVERIFY(resolved.enforced());
    QCOMPARE(int(resolved.problem), problem);
    QCOMPARE(resolved.value, QVariant(QString()));
    QCOMPARE(settings->connectionBlockers(), QStringList{key});
    QVERIFY(!settings->setUserValue(key, QVariant()));
    const QString description = settings->describeProblem(key);
    QVERIFY2(description.startsWith(name + QStringLiteral(" in ") + kRegistry), qPrintable(description));

    // Enforce 0 makes the same broken value a default, which is skipped: the user's value applies.
    m_native->insert(QStringLiteral("Enforce"), int(0));
    QCOMPARE(settings->resolve(key).source, Source::User);
    QVERIFY(settings->connectionBlockers().isEmpty());
}

void TestSettingsResolver::registryMachineDefaultPins()
{
    // MSI with ENFORCE=0: IT's server and pin seed the seat.
    m_native->insert(QStringLiteral("ServerUrl"), kCorpUrl);
    m_native->insert(QStringLiteral("ServerPin"), kPinEnforced);
    m_native->insert(QStringLiteral("Enforce"), int(0));
    const auto settings = memoryResolver();
    const QUrl corp(kCorpUrl);
    const QUrl other(QStringLiteral("https://other.example:8443"));
    QCOMPARE(settings->resolve(SettingsResolver::ServerPin).source, Source::MachineDefault);
    QCOMPARE(settings->pinFor(corp), kPinEnforced);
    // IT's pin belongs to IT's server, even after the user points the console elsewhere.
    QVERIFY(settings->pinFor(other).isEmpty());
    QVERIFY(settings->setUserValue(SettingsResolver::ServerUrl, other.toString()));
    QVERIFY(settings->pinFor(other).isEmpty());
    QCOMPARE(settings->pinFor(corp), kPinEnforced);
    // Pins are still remembered per server, and the user's beats IT's default.
    QSignalSpy changed(settings.get(), &SettingsResolver::changed);
    settings->rememberPin(other, kPinA);
    settings->rememberPin(corp, kPinB);
    QCOMPARE(changed.count(), 2);
    QCOMPARE(settings->pinFor(other), kPinA);
    QCOMPARE(settings->pinFor(corp), kPinB);

    // Without a server from IT, IT's default pin belongs to the server in the settings.
    m_native->remove(QStringLiteral("ServerUrl"));
    const QUrl third(QStringLiteral("https://third.example"));
    QVERIFY(settings->setUserValue(SettingsResolver::ServerUrl, third.toString()));
    QCOMPARE(settings->pinFor(third), kPinEnforced);
}

void TestSettingsResolver::registryEnforcedPin()
{
    m_native->insert(QStringLiteral("ServerPin"), kPinEnforced);
    m_native->insert(QStringLiteral("Enforce"), int(1));
    const auto settings = memoryResolver();
    const QUrl server(QStringLiteral("https://any.example"));
    QCOMPARE(settings->pinFor(server), kPinEnforced);
    QSignalSpy changed(settings.get(), &SettingsResolver::changed);
    settings->rememberPin(server, kPinA);
    QCOMPARE(changed.count(), 0);
    QCOMPARE(settings->pinFor(server), kPinEnforced);
    QVERIFY(!settings->setUserValue(SettingsResolver::ServerPin, kPinA));
    // Lifting Enforce shows that nothing was remembered meanwhile.
    m_native->insert(QStringLiteral("Enforce"), int(0));
    QVERIFY(settings->setUserValue(SettingsResolver::ServerUrl, server.toString()));
    QCOMPARE(settings->pinFor(server), kPinEnforced); // now IT's default for the configured server
    m_native->remove(QStringLiteral("ServerPin"));
    QVERIFY(settings->pinFor(server).isEmpty());
}

void TestSettingsResolver::preferencesEnforce_data()
{
    QTest::addColumn<QVariant>("enforce");
    QTest::addColumn<bool>("enforced");
    QTest::newRow("absent") << QVariant() << true;
    QTest::newRow("CFBoolean true") << QVariant(true) << true;
    QTest::newRow("CFBoolean false") << QVariant(false) << false;
    QTest::newRow("CFNumber 1") << QVariant(qint64(1)) << true;
    QTest::newRow("CFNumber 0") << QVariant(qint64(0)) << false;
    QTest::newRow("CFString NO") << QVariant(QStringLiteral("NO")) << false;
    QTest::newRow("unsupported") << EnforcedSettingsSource::unsupportedValue() << true;
}

void TestSettingsResolver::preferencesEnforce()
{
    QFETCH(QVariant, enforce);
    QFETCH(bool, enforced);
    if (enforce.isValid())
        m_native->insert(QStringLiteral("Enforce"), enforce);
    m_native->insert(QStringLiteral("ServerUrl"), kCorpUrl);
    m_native->insert(QStringLiteral("PolicyKey"), kKey);
    writeUserValue(SettingsResolver::PolicyKey, kOtherKey);
    const auto settings = memoryResolver(kDomain);
    QCOMPARE(settings->resolve(SettingsResolver::ServerUrl).source,
             enforced ? Source::Enforced : Source::MachineDefault);
    const auto key = settings->resolve(SettingsResolver::PolicyKey);
    QCOMPARE(key.source, enforced ? Source::Enforced : Source::User);
    QCOMPARE(key.value.toString(), enforced ? kKey : kOtherKey);
    QCOMPARE(key.machineDefault.toString(), enforced ? QString() : kKey);
    QCOMPARE(settings->setUserValue(SettingsResolver::PolicyKey, QVariant()), !enforced);
    QCOMPARE(settings->value(SettingsResolver::PolicyKey).toString(), kKey);
}

void TestSettingsResolver::preferencesTypes()
{
    m_native->insert(QStringLiteral("Enforce"), true);
    m_native->insert(QStringLiteral("ServerUrl"), kCorpUrl);
    m_native->insert(QStringLiteral("ServerPin"), kPinA.toLower());
    m_native->insert(QStringLiteral("Language"), qint64(1));
    const auto settings = memoryResolver(kDomain);
    QCOMPARE(settings->value(SettingsResolver::ServerUrl).toString(), kCorpUrl);
    QCOMPARE(settings->value(SettingsResolver::ServerPin).toString(), kPinA);
    // <integer>1</integer> for Language reads as "1": not a language, and IT enforces it.
    const auto language = settings->resolve(SettingsResolver::Language);
    QVERIFY(language.enforced());
    QCOMPARE(language.problem, Problem::UnknownLanguage);
    QVERIFY(settings->describeProblem(SettingsResolver::Language)
                    .startsWith(QStringLiteral("Language in ") + kDomain));
    // A language problem does not stop the console from connecting.
    QVERIFY(settings->connectionBlockers().isEmpty());
}

void TestSettingsResolver::preferencesUnsupportedTypesFailClosed()
{
    writeUserValue(SettingsResolver::ServerUrl, kUserUrl);
    m_native->insert(QStringLiteral("ServerUrl"), true); // <true/> where a string belongs
    m_native->insert(QStringLiteral("ServerPin"), EnforcedSettingsSource::unsupportedValue()); // <data>
    m_native->insert(QStringLiteral("PolicyKey"), QVariant(QDateTime::currentDateTimeUtc())); // <date>
    const auto settings = memoryResolver(kDomain);
    for (const QString &key :
         {SettingsResolver::ServerUrl, SettingsResolver::ServerPin, SettingsResolver::PolicyKey}) {
        const auto resolved = settings->resolve(key);
        QVERIFY2(resolved.enforced(), qPrintable(key));
        QCOMPARE(resolved.problem, Problem::Unrecognised);
        QCOMPARE(resolved.value, QVariant(QString()));
        QVERIFY(settings->describeProblem(key).contains(QStringLiteral("cannot read")));
    }
    QCOMPARE(settings->connectionBlockers(),
             QStringList({SettingsResolver::ServerUrl, SettingsResolver::ServerPin,
                          SettingsResolver::PolicyKey}));
}

void TestSettingsResolver::precedence()
{
    // One key through every layer: built-in default < IT default < user < enforced.
    const auto settings = memoryResolver();
    QCOMPARE(settings->resolve(SettingsResolver::Language).source, Source::Default);
    m_native->insert(QStringLiteral("Enforce"), int(0));
    m_native->insert(QStringLiteral("Language"), QStringLiteral("de"));
    QCOMPARE(settings->resolve(SettingsResolver::Language).source, Source::MachineDefault);
    QCOMPARE(settings->value(SettingsResolver::Language).toString(), QStringLiteral("de"));
    QVERIFY(settings->setUserValue(SettingsResolver::Language, QStringLiteral("fr")));
    QCOMPARE(settings->resolve(SettingsResolver::Language).source, Source::User);
    QCOMPARE(settings->value(SettingsResolver::Language).toString(), QStringLiteral("fr"));
    m_native->insert(QStringLiteral("Enforce"), int(1));
    QCOMPARE(settings->resolve(SettingsResolver::Language).source, Source::Enforced);
    QCOMPARE(settings->value(SettingsResolver::Language).toString(), QStringLiteral("de"));
    QVERIFY(Source::Default < Source::MachineDefault && Source::MachineDefault < Source::User
            && Source::User < Source::Enforced);
}

void TestSettingsResolver::problemWithoutLocation()
{
    // A store that cannot say where it lives is still named in the message.
    m_native->insert(QStringLiteral("ServerPin"), QStringLiteral("AB:CD"));
    const auto settings = memoryResolver(QString());
    QVERIFY(settings->policyLocation().isEmpty());
    QVERIFY2(settings->describeProblem(SettingsResolver::ServerPin)
                     .startsWith(QStringLiteral("ServerPin in the IT settings is not a SHA-256")),
             qPrintable(settings->describeProblem(SettingsResolver::ServerPin)));
}

void TestSettingsResolver::platformSource()
{
    const auto source = platformEnforcedSettingsSource();
    QVERIFY(source);
#if !defined(Q_OS_WIN) && !defined(Q_OS_MACOS)
    QVERIFY(dynamic_cast<IniEnforcedSettingsSource *>(source.get()));
    QCOMPARE(source->location(), QStringLiteral("/etc/vigil/policies.conf"));
    QCOMPARE(source->naming(), EnforcedSettingsSource::Naming::SettingsKeys);
#endif
}

QTEST_GUILESS_MAIN(TestSettingsResolver)
#include "test_settings_resolver.moc"
