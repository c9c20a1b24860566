// The shared interpretation of IT's machine settings on its own: key and native names, what the
// platforms' APIs hand back turned into text and booleans, and the checks every value must pass.
#include "MachineSettings.h"
#include "SettingsResolver.h"

#include <QDateTime>
#include <QTest>

using namespace vigil;

using Problem = MachineSettings::Problem;

namespace {
const QString kPinA = QStringLiteral(
        "AA:BB:CC:DD:EE:FF:00:11:22:33:44:55:66:77:88:99:AA:BB:CC:DD:EE:FF:00:11:22:33:44:55:66:77:88:99");
const QString kPinB = QStringLiteral("0102030405060708091011121314151617181920212223242526272829303132");
const QString kPinMixedCase = QStringLiteral(
        "ab:CD:ef:01:23:45:67:89:ab:cd:ef:01:23:45:67:89:ab:cd:ef:01:23:45:67:89:ab:cd:ef:01:23:45:67:89");
const QString kKey = QString::fromLatin1(QByteArray(32, '\x42').toBase64());
const QString kCorpUrl = QStringLiteral("https://vigil.corp.example:8443");
} // namespace

class TestMachineSettings : public QObject
{
    Q_OBJECT

private slots:
    void nativeNames();
    void textConversion_data();
    void textConversion();
    void boolConversion_data();
    void boolConversion();
    void validation_data();
    void validation();
};

void TestMachineSettings::nativeNames()
{
    const std::pair<QString, QString> expected[] = {
            {SettingsResolver::ServerUrl, QStringLiteral("ServerUrl")},
            {SettingsResolver::ServerPin, QStringLiteral("ServerPin")},
            {SettingsResolver::PolicyKey, QStringLiteral("PolicyKey")},
            {SettingsResolver::Language, QStringLiteral("Language")},
            {SettingsResolver::Enforce, QStringLiteral("Enforce")}};
    for (const auto &[key, native] : expected) {
        QCOMPARE(MachineSettings::nativeName(key), native);
        QCOMPARE(MachineSettings::keyForNativeName(native), key);
    }
    QVERIFY(MachineSettings::nativeName(QStringLiteral("theme")).isEmpty());
    QVERIFY(MachineSettings::keyForNativeName(QStringLiteral("serverurl")).isEmpty());
    QCOMPARE(MachineSettings::valueKeys(),
             QStringList({SettingsResolver::ServerUrl, SettingsResolver::ServerPin,
                          SettingsResolver::PolicyKey, SettingsResolver::Language}));
}

void TestMachineSettings::textConversion_data()
{
    QTest::addColumn<QVariant>("raw");
    QTest::addColumn<int>("problem");
    QTest::addColumn<QString>("text");

    const int ok = int(Problem::None);
    const int unrecognised = int(Problem::Unrecognised);
    QTest::newRow("unset") << QVariant() << ok << QString();
    QTest::newRow("string") << QVariant(QStringLiteral("  de \t")) << ok << QStringLiteral("de");
    QTest::newRow("blank string") << QVariant(QStringLiteral(" \t ")) << ok << QString();
    QTest::newRow("null string") << QVariant(QString()) << ok << QString();
    QTest::newRow("split list") << QVariant(
            QStringList{QStringLiteral("https://a.example/x"), QStringLiteral("y")})
                                << ok << QStringLiteral("https://a.example/x,y");
    QTest::newRow("bytes") << QVariant(QByteArrayLiteral("fr")) << ok << QStringLiteral("fr");
    QTest::newRow("REG_DWORD") << QVariant(int(7)) << ok << QStringLiteral("7");
    QTest::newRow("CFNumber") << QVariant(qint64(-3)) << ok << QStringLiteral("-3");
    QTest::newRow("CFBoolean") << QVariant(true) << unrecognised << QString();
    QTest::newRow("date") << QVariant(QDateTime::currentDateTimeUtc()) << unrecognised << QString();
    QTest::newRow("dictionary") << QVariant(QVariantMap{{QStringLiteral("a"), 1}}) << unrecognised
                                << QString();
    QTest::newRow("unsupported") << EnforcedSettingsSource::unsupportedValue() << unrecognised << QString();
}

void TestMachineSettings::textConversion()
{
    QFETCH(QVariant, raw);
    QFETCH(int, problem);
    QFETCH(QString, text);
    QString converted = QStringLiteral("stale");
    QCOMPARE(int(MachineSettings::toText(raw, &converted)), problem);
    QCOMPARE(converted, text);
}

void TestMachineSettings::boolConversion_data()
{
    QTest::addColumn<QVariant>("raw");
    QTest::addColumn<int>("problem");
    QTest::addColumn<int>("result"); // -1 unset, 0 false, 1 true

    const int ok = int(Problem::None);
    for (const char *text : {"true", "TRUE", "1", "yes", "Yes", "on", " true "})
        QTest::addRow("string %s", text) << QVariant(QString::fromLatin1(text)) << ok << 1;
    for (const char *text : {"false", "False", "0", "no", "NO", "off"})
        QTest::addRow("string %s", text) << QVariant(QString::fromLatin1(text)) << ok << 0;
    QTest::newRow("unset") << QVariant() << ok << -1;
    QTest::newRow("empty string") << QVariant(QString()) << ok << -1;
    QTest::newRow("blank string") << QVariant(QStringLiteral("  ")) << ok << -1;
    QTest::newRow("REG_DWORD 1") << QVariant(int(1)) << ok << 1;
    QTest::newRow("REG_DWORD 0") << QVariant(int(0)) << ok << 0;
    QTest::newRow("REG_DWORD 2") << QVariant(int(2)) << ok << 1;
    QTest::newRow("CFBoolean true") << QVariant(true) << ok << 1;
    QTest::newRow("CFBoolean false") << QVariant(false) << ok << 0;
    QTest::newRow("CFNumber 0") << QVariant(qint64(0)) << ok << 0;
    QTest::newRow("CFNumber 1") << QVariant(qint64(1)) << ok << 1;
    QTest::newRow("maybe") << QVariant(QStringLiteral("maybe")) << int(Problem::Unrecognised) << -1;
    QTest::newRow("unsupported") << EnforcedSettingsSource::unsupportedValue() << int(Problem::Unrecognised)
                                 << -1;
}

void TestMachineSettings::boolConversion()
{
    QFETCH(QVariant, raw);
    QFETCH(int, problem);
    QFETCH(int, result);
    std::optional<bool> converted = true;
    QCOMPARE(int(MachineSettings::toBool(raw, &converted)), problem);
    QCOMPARE(converted.has_value() ? int(*converted) : -1, result);
}

void TestMachineSettings::validation_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("problem");
    QTest::addColumn<QString>("normalised");

    const int ok = int(Problem::None);
    const QString url = SettingsResolver::ServerUrl;
    QTest::newRow("url") << url << kCorpUrl << ok << kCorpUrl;
    QTest::newRow("url with path") << url << QStringLiteral("https://vigil.example/desk") << ok
                                   << QStringLiteral("https://vigil.example/desk");
    QTest::newRow("url upper-case scheme") << url << QStringLiteral("HTTPS://vigil.example") << ok
                                           << QStringLiteral("HTTPS://vigil.example");
    for (const char *bad : {"http://vigil.example", "https://", "vigil.example:8443", "https:///path",
                            "ftp://vigil.example", "https://vig il.example"})
        QTest::addRow("url %s", bad) << url << QString::fromLatin1(bad) << int(Problem::InvalidUrl)
                                     << QString();

    const QString pin = SettingsResolver::ServerPin;
    QTest::newRow("pin") << pin << kPinA << ok << kPinA;
    QTest::newRow("pin mixed case") << pin << kPinMixedCase << ok << kPinMixedCase.toUpper();
    QTest::newRow("pin without colons") << pin << kPinB << int(Problem::InvalidPin) << QString();
    QTest::newRow("pin 31 bytes") << pin << kPinA.left(kPinA.size() - 3) << int(Problem::InvalidPin)
                                  << QString();
    QTest::newRow("pin 33 bytes") << pin << kPinA + QStringLiteral(":00") << int(Problem::InvalidPin)
                                  << QString();
    QTest::newRow("pin not hex") << pin << QString(kPinA).replace(0, 2, QStringLiteral("GG"))
                                 << int(Problem::InvalidPin) << QString();
    QTest::newRow("pin single digits")
            << pin << QStringLiteral("A:B:C") << int(Problem::InvalidPin) << QString();
    QTest::newRow("pin trailing colon")
            << pin << kPinA + QLatin1Char(':') << int(Problem::InvalidPin) << QString();

    const QString key = SettingsResolver::PolicyKey;
    QTest::newRow("key") << key << kKey << ok << kKey;
    QTest::newRow("key 31 bytes") << key << QString::fromLatin1(QByteArray(31, 'k').toBase64())
                                  << int(Problem::InvalidPolicyKey) << QString();
    QTest::newRow("key 33 bytes") << key << QString::fromLatin1(QByteArray(33, 'k').toBase64())
                                  << int(Problem::InvalidPolicyKey) << QString();
    QTest::newRow("key not base64") << key << QStringLiteral("not base64!") << int(Problem::InvalidPolicyKey)
                                    << QString();
    QTest::newRow("key non-ASCII") << key << kKey.left(kKey.size() - 2) + QStringLiteral("é=")
                                   << int(Problem::InvalidPolicyKey) << QString();

    const QString language = SettingsResolver::Language;
    for (const char *code : {"en", "de", "fr"})
        QTest::addRow("language %s", code)
                << language << QString::fromLatin1(code) << ok << QString::fromLatin1(code);
    QTest::newRow("language upper case") << language << QStringLiteral("DE") << ok << QStringLiteral("de");
    for (const char *code : {"es", "de_DE", "1", "english"})
        QTest::addRow("language %s", code)
                << language << QString::fromLatin1(code) << int(Problem::UnknownLanguage) << QString();
}

void TestMachineSettings::validation()
{
    QFETCH(QString, key);
    QFETCH(QString, text);
    QFETCH(int, problem);
    QFETCH(QString, normalised);
    QString result = QStringLiteral("stale");
    QCOMPARE(int(MachineSettings::validate(key, text, &result)), problem);
    QCOMPARE(result, normalised);
}

QTEST_GUILESS_MAIN(TestMachineSettings)
#include "test_machine_settings.moc"
