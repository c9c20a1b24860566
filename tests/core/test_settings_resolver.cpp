// The one settings gateway: machine-enforced (an INI file standing in for /etc/vigil/policies.conf)
// beats the user's INI, which beats the defaults.
#include "SettingsResolver.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

using namespace vigil;

namespace {
const QString kPinA = QStringLiteral(
        "AA:BB:CC:DD:EE:FF:00:11:22:33:44:55:66:77:88:99:AA:BB:CC:DD:EE:FF:00:11:22:33:44:55:66:77:88:99");
const QString kPinB = QStringLiteral("0102030405060708091011121314151617181920212223242526272829303132");
const QString kPinEnforced = QStringLiteral(
        "FF:FF:FF:FF:FF:FF:FF:FF:FF:FF:FF:FF:FF:FF:FF:FF:FF:FF:FF:FF:FF:FF:FF:FF:FF:FF:FF:FF:FF:FF:FF:FF");
} // namespace

class TestSettingsResolver : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void defaults();
    void userBeatsDefault();
    void enforcedBeatsUser();
    void enforcedTopLevelKeys();
    void enforcedKeysCannotBeSet();
    void enforcedFileChangesAreSeen();
    void missingEnforcedFile();
    void pinsPerServer();
    void enforcedPinWins();
    void platformSource();

private:
    void writeEnforced(const QByteArray &contents);
    std::unique_ptr<SettingsResolver> resolver();

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_enforcedPath;
    QString m_userPath;
};

void TestSettingsResolver::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_enforcedPath = m_dir->filePath(QStringLiteral("policies.conf"));
    m_userPath = m_dir->filePath(QStringLiteral("user.ini"));
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

void TestSettingsResolver::defaults()
{
    const auto settings = resolver();
    const auto url = settings->resolve(SettingsResolver::ServerUrl);
    QCOMPARE(url.value.toString(), QStringLiteral("https://127.0.0.1:8443"));
    QCOMPARE(url.source, SettingsResolver::Source::Default);
    QVERIFY(!url.enforced());
    QCOMPARE(settings->value(SettingsResolver::Language).toString(), QString());
    QCOMPARE(settings->resolve(SettingsResolver::Language).source, SettingsResolver::Source::Default);
    QVERIFY(settings->value(SettingsResolver::ServerPin).toString().isEmpty());
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
        QCOMPARE(language.source, SettingsResolver::Source::User);
    }
    // Persisted in the user's file.
    const auto reopened = resolver();
    QCOMPARE(reopened->value(SettingsResolver::Language).toString(), QStringLiteral("de"));
    // An invalid value removes the user's choice again.
    QVERIFY(reopened->setUserValue(SettingsResolver::Language, QVariant()));
    QCOMPARE(reopened->resolve(SettingsResolver::Language).source, SettingsResolver::Source::Default);
}

void TestSettingsResolver::enforcedBeatsUser()
{
    const auto settings = resolver();
    QVERIFY(settings->setUserValue(SettingsResolver::ServerUrl, QStringLiteral("https://user.example:9443")));
    QCOMPARE(settings->resolve(SettingsResolver::ServerUrl).source, SettingsResolver::Source::User);
    writeEnforced("[Vigil]\nserver_url=https://vigil.corp.example:8443\n");
    const auto url = settings->resolve(SettingsResolver::ServerUrl);
    QCOMPARE(url.value.toString(), QStringLiteral("https://vigil.corp.example:8443"));
    QCOMPARE(url.source, SettingsResolver::Source::Enforced);
    QVERIFY(url.enforced());
    QVERIFY(settings->isEnforced(SettingsResolver::ServerUrl));
    QVERIFY(!settings->isEnforced(SettingsResolver::Language));
}

void TestSettingsResolver::enforcedTopLevelKeys()
{
    writeEnforced("language=fr\n[Vigil]\npolicy_key=AAAA\n");
    const auto settings = resolver();
    QCOMPARE(settings->value(SettingsResolver::Language).toString(), QStringLiteral("fr"));
    QVERIFY(settings->isEnforced(SettingsResolver::Language));
    QCOMPARE(settings->value(SettingsResolver::PolicyKey).toString(), QStringLiteral("AAAA"));
    QVERIFY(settings->isEnforced(SettingsResolver::PolicyKey));
    QVERIFY(!settings->isEnforced(SettingsResolver::ServerUrl));
}

void TestSettingsResolver::enforcedKeysCannotBeSet()
{
    writeEnforced("[Vigil]\nserver_url=https://vigil.corp.example:8443\n");
    const auto settings = resolver();
    QSignalSpy changed(settings.get(), &SettingsResolver::changed);
    QVERIFY(!settings->setUserValue(SettingsResolver::ServerUrl, QStringLiteral("https://evil.example")));
    QCOMPARE(changed.count(), 0);
    QCOMPARE(settings->value(SettingsResolver::ServerUrl).toString(),
             QStringLiteral("https://vigil.corp.example:8443"));
    // Nothing reached the user's file either: once IT lifts the policy, the default returns.
    writeEnforced("");
    QCOMPARE(settings->resolve(SettingsResolver::ServerUrl).source, SettingsResolver::Source::Default);
    QCOMPARE(settings->value(SettingsResolver::ServerUrl).toString(),
             QStringLiteral("https://127.0.0.1:8443"));
}

void TestSettingsResolver::enforcedFileChangesAreSeen()
{
    const auto settings = resolver();
    QVERIFY(!settings->isEnforced(SettingsResolver::Language));
    writeEnforced("[Vigil]\nlanguage=de\n");
    QCOMPARE(settings->value(SettingsResolver::Language).toString(), QStringLiteral("de"));
    QFile::remove(m_enforcedPath);
    QVERIFY(!settings->isEnforced(SettingsResolver::Language));
}

void TestSettingsResolver::missingEnforcedFile()
{
    QVERIFY(!QFile::exists(m_enforcedPath));
    const auto settings = resolver();
    for (const QString &key : {SettingsResolver::ServerUrl, SettingsResolver::ServerPin,
                               SettingsResolver::PolicyKey, SettingsResolver::Language})
        QVERIFY(!settings->isEnforced(key));
    QVERIFY(settings->setUserValue(SettingsResolver::ServerUrl, QStringLiteral("https://a.example")));
    QCOMPARE(settings->value(SettingsResolver::ServerUrl).toString(), QStringLiteral("https://a.example"));
    // No source at all behaves the same.
    SettingsResolver noSource(nullptr, m_userPath);
    QCOMPARE(noSource.value(SettingsResolver::ServerUrl).toString(), QStringLiteral("https://a.example"));
    QVERIFY(!QFile::exists(m_enforcedPath));
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

void TestSettingsResolver::platformSource()
{
    const auto source = platformEnforcedSettingsSource();
    QVERIFY(source);
#if !defined(Q_OS_WIN) && !defined(Q_OS_MACOS)
    QVERIFY(dynamic_cast<IniEnforcedSettingsSource *>(source.get()));
#endif
}

QTEST_GUILESS_MAIN(TestSettingsResolver)
#include "test_settings_resolver.moc"
