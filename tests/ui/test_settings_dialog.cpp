// The settings dialog: enforced values are shown disabled with a note (saying what is wrong when
// IT's value is invalid), IT's defaults are editable with a note of their own, saving writes the
// user layer only, invalid values are refused inline and the dialog stays open.

#include "LanguageManager.h"
#include "SettingsDialog.h"
#include "SettingsResolver.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTemporaryDir>
#include <QtTest>

using namespace vigil;

namespace {
const QString kEnforcedUrl = QStringLiteral("https://vigil.corp.example:9443");
const QString kNote = QStringLiteral("Set by your IT department");
const QString kDefaultNote = QStringLiteral("Default from your IT department; you can change it");
// 32 bytes, base64.
const QString kValidKey = QString::fromLatin1(QByteArray(32, '\x2a').toBase64());
const QString kValidPin = QStringLiteral("00112233445566778899aabbccddeeff00112233445566778899AABBCCDDEEFF");

struct Fields
{
    QLineEdit *url = nullptr;
    QLineEdit *pin = nullptr;
    QLineEdit *key = nullptr;
    QComboBox *language = nullptr;
    QLabel *error = nullptr;
    QPushButton *ok = nullptr;
};

Fields fieldsOf(const SettingsDialog &dialog)
{
    Fields f;
    f.url = dialog.findChild<QLineEdit *>(QStringLiteral("serverUrl"));
    f.pin = dialog.findChild<QLineEdit *>(QStringLiteral("serverPin"));
    f.key = dialog.findChild<QLineEdit *>(QStringLiteral("policyKey"));
    f.language = dialog.findChild<QComboBox *>(QStringLiteral("language"));
    f.error = dialog.findChild<QLabel *>(QStringLiteral("errorLabel"));
    if (auto *buttons = dialog.findChild<QDialogButtonBox *>(QStringLiteral("buttons")))
        f.ok = buttons->button(QDialogButtonBox::Ok);
    return f;
}

// With VIGIL_SCREENSHOT_DIR set, saves what the widget looks like, for a human to review.
// The notes visible in the dialog, by text.
QStringList visibleNotes(const QDialog &dialog)
{
    QStringList notes;
    const auto labels = dialog.findChildren<QLabel *>();
    for (const QLabel *label : labels) {
        const bool note = label->text().startsWith(QStringLiteral("Set by your IT department"))
                || label->text().startsWith(QStringLiteral("Default from your IT"));
        if (note && label->isVisible())
            notes.append(label->text());
    }
    return notes;
}

void saveShot(QWidget *widget, const QString &name)
{
    const QString dir = qEnvironmentVariable("VIGIL_SCREENSHOT_DIR");
    if (dir.isEmpty())
        return;
    QDir().mkpath(dir);
    QCoreApplication::processEvents();
    QVERIFY(widget->grab().save(dir + QLatin1Char('/') + name + QStringLiteral(".png")));
}

bool writeFile(const QString &path, const QByteArray &content)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(content) == content.size();
}
} // namespace

class TestSettingsDialog : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void enforcedValueShownDisabled();
    void savesToUserLayer();
    void rejectsInvalidValuesInline_data();
    void rejectsInvalidValuesInline();
    void everyControlHasAnAccessibleName();
    void machineDefaultsAreEditable();
    void invalidEnforcedValueShownDisabled();

private:
    std::unique_ptr<SettingsResolver> resolver(bool enforceUrl) const;
    std::unique_ptr<SettingsResolver> resolverWithPolicy(const QByteArray &policy) const;

    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestSettingsDialog::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    QVERIFY(writeFile(m_dir->filePath(QStringLiteral("enforced.conf")),
                      "[Vigil]\nserver_url=" + kEnforcedUrl.toUtf8() + "\n"));
    QVERIFY(writeFile(m_dir->filePath(QStringLiteral("none.conf")), "[Vigil]\n"));
}

std::unique_ptr<SettingsResolver> TestSettingsDialog::resolver(bool enforceUrl) const
{
    const QString enforced =
            m_dir->filePath(enforceUrl ? QStringLiteral("enforced.conf") : QStringLiteral("none.conf"));
    return std::make_unique<SettingsResolver>(std::make_unique<IniEnforcedSettingsSource>(enforced),
                                              m_dir->filePath(QStringLiteral("user.ini")));
}

std::unique_ptr<SettingsResolver> TestSettingsDialog::resolverWithPolicy(const QByteArray &policy) const
{
    const QString path = m_dir->filePath(QStringLiteral("policy.conf"));
    if (!writeFile(path, policy))
        return nullptr;
    return std::make_unique<SettingsResolver>(std::make_unique<IniEnforcedSettingsSource>(path),
                                              m_dir->filePath(QStringLiteral("user.ini")));
}

void TestSettingsDialog::enforcedValueShownDisabled()
{
    auto settings = resolver(true);
    QVERIFY(settings->isEnforced(SettingsResolver::ServerUrl));
    SettingsDialog dialog(settings.get());
    dialog.open();
    const Fields f = fieldsOf(dialog);
    QVERIFY(f.url && f.pin && f.key && f.language && f.error && f.ok);
    QVERIFY(!f.url->isEnabled());
    QCOMPARE(f.url->text(), kEnforcedUrl);
    QVERIFY(f.pin->isEnabled());
    QVERIFY(f.key->isEnabled());
    QVERIFY(f.language->isEnabled());
    QCOMPARE(f.url->accessibleDescription(), kNote);

    int visibleNotes = 0;
    const auto labels = dialog.findChildren<QLabel *>();
    for (const QLabel *label : labels) {
        if (label->text() == kNote && label->isVisible())
            ++visibleNotes;
    }
    QCOMPARE(visibleNotes, 1);
    saveShot(&dialog, QStringLiteral("settings-enforced"));
}

void TestSettingsDialog::savesToUserLayer()
{
    auto settings = resolver(true);
    LanguageManager languages;
    SettingsDialog dialog(settings.get());
    dialog.setLanguageManager(&languages);
    QSignalSpy accepted(&dialog, &QDialog::accepted);
    dialog.open();
    const Fields f = fieldsOf(dialog);
    f.pin->setText(kValidPin);
    f.key->setText(kValidKey);
    f.language->setCurrentIndex(f.language->findData(QStringLiteral("fr")));
    f.ok->click();
    QCOMPARE(accepted.count(), 1);
    QVERIFY(!dialog.isVisible());
    QCOMPARE(languages.current(), QStringLiteral("fr"));
    languages.apply(QStringLiteral("en"));

    // A fresh resolver on the same files sees the user layer.
    auto reread = resolver(true);
    const auto pin = reread->resolve(SettingsResolver::ServerPin);
    QCOMPARE(pin.source, SettingsResolver::Source::User);
    QCOMPARE(pin.value.toString(),
             QStringLiteral("00:11:22:33:44:55:66:77:88:99:AA:BB:CC:DD:EE:FF:"
                            "00:11:22:33:44:55:66:77:88:99:AA:BB:CC:DD:EE:FF"));
    QCOMPARE(reread->resolve(SettingsResolver::PolicyKey).source, SettingsResolver::Source::User);
    QCOMPARE(reread->value(SettingsResolver::PolicyKey).toString(), kValidKey);
    QCOMPARE(reread->value(SettingsResolver::Language).toString(), QStringLiteral("fr"));
    // The enforced value stays IT's, and nothing was written for it.
    QCOMPARE(reread->resolve(SettingsResolver::ServerUrl).source, SettingsResolver::Source::Enforced);
    QSettings user(m_dir->filePath(QStringLiteral("user.ini")), QSettings::IniFormat);
    QVERIFY(!user.allKeys().join(QLatin1Char(' ')).contains(SettingsResolver::ServerUrl));
}

void TestSettingsDialog::rejectsInvalidValuesInline_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("pin");
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("expectedStart");

    QTest::newRow("http URL") << QStringLiteral("http://vigil.example.com") << QString() << QString()
                              << QStringLiteral("The server address");
    QTest::newRow("no URL") << QString() << QString() << QString() << QStringLiteral("The server address");
    QTest::newRow("not a URL") << QStringLiteral("https://") << QString() << QString()
                               << QStringLiteral("The server address");
    QTest::newRow("short pin") << QStringLiteral("https://vigil.example.com") << QStringLiteral("AB:CD")
                               << QString() << QStringLiteral("The certificate pin");
    QTest::newRow("pin not hex") << QStringLiteral("https://vigil.example.com")
                                 << QString(64, QLatin1Char('z')) << QString()
                                 << QStringLiteral("The certificate pin");
    QTest::newRow("key not base64") << QStringLiteral("https://vigil.example.com") << kValidPin
                                    << QStringLiteral("not base64!") << QStringLiteral("The policy key");
    QTest::newRow("key 31 bytes") << QStringLiteral("https://vigil.example.com") << kValidPin
                                  << QString::fromLatin1(QByteArray(31, 'k').toBase64())
                                  << QStringLiteral("The policy key");
}

void TestSettingsDialog::rejectsInvalidValuesInline()
{
    QFETCH(QString, url);
    QFETCH(QString, pin);
    QFETCH(QString, key);
    QFETCH(QString, expectedStart);

    auto settings = resolver(false);
    SettingsDialog dialog(settings.get());
    QSignalSpy accepted(&dialog, &QDialog::accepted);
    dialog.open();
    const Fields f = fieldsOf(dialog);
    QVERIFY(f.url->isEnabled());
    f.url->setText(url);
    f.pin->setText(pin);
    f.key->setText(key);
    f.ok->click();
    QCOMPARE(accepted.count(), 0);
    QVERIFY(dialog.isVisible());
    QVERIFY(f.error->isVisible());
    QVERIFY2(f.error->text().startsWith(expectedStart), qPrintable(f.error->text()));
    saveShot(&dialog,
             QStringLiteral("settings-invalid-")
                     + QString::fromLatin1(QTest::currentDataTag())
                               .replace(QLatin1Char(' '), QLatin1Char('-')));
    QVERIFY(QApplication::activeModalWidget() == nullptr || QApplication::activeModalWidget() == &dialog);
    // Nothing reached the user layer.
    QVERIFY(QSettings(m_dir->filePath(QStringLiteral("user.ini")), QSettings::IniFormat).allKeys().isEmpty());

    // Correcting the value lets it through.
    f.url->setText(QStringLiteral("https://vigil.example.com:8443"));
    f.pin->setText(kValidPin);
    f.key->setText(kValidKey);
    f.ok->click();
    QCOMPARE(accepted.count(), 1);
    QCOMPARE(resolver(false)->value(SettingsResolver::ServerUrl).toString(),
             QStringLiteral("https://vigil.example.com:8443"));
}

void TestSettingsDialog::everyControlHasAnAccessibleName()
{
    auto settings = resolver(true);
    SettingsDialog dialog(settings.get());
    const auto widgets = dialog.findChildren<QWidget *>();
    for (const QWidget *widget : widgets) {
        const bool interactive = widget->focusPolicy() != Qt::NoFocus
                && (qobject_cast<const QLineEdit *>(widget) || qobject_cast<const QComboBox *>(widget)
                    || qobject_cast<const QAbstractButton *>(widget));
        if (interactive && !widget->parentWidget()->inherits("QComboBox"))
            QVERIFY2(!widget->accessibleName().isEmpty(), widget->metaObject()->className());
    }
}

void TestSettingsDialog::machineDefaultsAreEditable()
{
    auto settings = resolverWithPolicy("[Vigil]\nenforce=false\nserver_url=" + kEnforcedUrl.toUtf8()
                                       + "\nlanguage=de\n");
    QVERIFY(settings);
    QCOMPARE(settings->resolve(SettingsResolver::ServerUrl).source, SettingsResolver::Source::MachineDefault);
    {
        SettingsDialog dialog(settings.get());
        QSignalSpy accepted(&dialog, &QDialog::accepted);
        dialog.open();
        const Fields f = fieldsOf(dialog);
        QVERIFY(f.url->isEnabled());
        QVERIFY(f.language->isEnabled());
        QCOMPARE(f.url->text(), kEnforcedUrl);
        QCOMPARE(f.language->currentData().toString(), QStringLiteral("de"));
        QCOMPARE(f.url->accessibleDescription(), kDefaultNote);
        QCOMPARE(f.language->accessibleDescription(), kDefaultNote);
        QVERIFY(f.pin->accessibleDescription().isEmpty());
        QCOMPARE(visibleNotes(dialog), QStringList({kDefaultNote, kDefaultNote}));
        saveShot(&dialog, QStringLiteral("settings-machine-default"));
        // Saving unchanged keeps IT's defaults defaults: nothing lands in the user's file.
        f.ok->click();
        QCOMPARE(accepted.count(), 1);
        QVERIFY(QSettings(m_dir->filePath(QStringLiteral("user.ini")), QSettings::IniFormat)
                        .allKeys()
                        .isEmpty());
    }
    {
        // The user's own value wins over IT's default, and the note goes.
        SettingsDialog dialog(settings.get());
        dialog.open();
        const Fields f = fieldsOf(dialog);
        f.url->setText(QStringLiteral("https://own.example:8443"));
        f.ok->click();
        QCOMPARE(settings->value(SettingsResolver::ServerUrl).toString(),
                 QStringLiteral("https://own.example:8443"));
        QCOMPARE(settings->resolve(SettingsResolver::ServerUrl).source, SettingsResolver::Source::User);
    }
    {
        SettingsDialog dialog(settings.get());
        dialog.open();
        const Fields f = fieldsOf(dialog);
        QVERIFY(f.url->accessibleDescription().isEmpty());
        QCOMPARE(visibleNotes(dialog), QStringList({kDefaultNote})); // the language's
        // Typing IT's default again follows IT's default again.
        f.url->setText(kEnforcedUrl);
        f.ok->click();
        QCOMPARE(settings->resolve(SettingsResolver::ServerUrl).source,
                 SettingsResolver::Source::MachineDefault);
        QVERIFY(!QSettings(m_dir->filePath(QStringLiteral("user.ini")), QSettings::IniFormat)
                         .contains(SettingsResolver::ServerUrl));
    }
}

void TestSettingsDialog::invalidEnforcedValueShownDisabled()
{
    auto settings = resolverWithPolicy("[Vigil]\nserver_pin=AB:CD\n");
    QVERIFY(settings);
    QVERIFY(settings->resolve(SettingsResolver::ServerPin).invalid());
    SettingsDialog dialog(settings.get());
    QSignalSpy accepted(&dialog, &QDialog::accepted);
    dialog.open();
    const Fields f = fieldsOf(dialog);
    QVERIFY(!f.pin->isEnabled());
    QVERIFY(f.pin->text().isEmpty()); // never IT's broken value, never a user value instead
    QVERIFY(f.url->isEnabled());
    const QStringList notes = visibleNotes(dialog);
    QCOMPARE(notes.size(), 1);
    const QString expected = QStringLiteral("Set by your IT department, but unusable: server_pin in ")
            + m_dir->filePath(QStringLiteral("policy.conf"))
            + QStringLiteral(" is not a SHA-256 certificate");
    QVERIFY2(notes.first().startsWith(expected), qPrintable(notes.first()));
    QCOMPARE(f.pin->accessibleDescription(), notes.first());
    saveShot(&dialog, QStringLiteral("settings-enforced-invalid"));
    // The other settings can still be saved; IT's broken one is left alone.
    f.language->setCurrentIndex(f.language->findData(QStringLiteral("fr")));
    f.ok->click();
    QCOMPARE(accepted.count(), 1);
    QCOMPARE(settings->value(SettingsResolver::Language).toString(), QStringLiteral("fr"));
    QSettings user(m_dir->filePath(QStringLiteral("user.ini")), QSettings::IniFormat);
    QVERIFY(!user.contains(SettingsResolver::ServerPin));
}

QTEST_MAIN(TestSettingsDialog)
#include "test_settings_dialog.moc"
