// Switching the language at run time: open widgets retranslate in place, without being recreated.

#include "AuditViewer.h"
#include "BackendClient.h"
#include "LanguageManager.h"
#include "SettingsDialog.h"
#include "SettingsResolver.h"

#include <QDir>
#include <QPushButton>
#include <QTemporaryDir>
#include <QtTest>

using namespace vigil;

namespace {
// With VIGIL_SCREENSHOT_DIR set, saves what the widget looks like, for a human to review.
void saveShot(QWidget *widget, const QString &name)
{
    const QString dir = qEnvironmentVariable("VIGIL_SCREENSHOT_DIR");
    if (dir.isEmpty())
        return;
    QDir().mkpath(dir);
    QCoreApplication::processEvents();
    QVERIFY(widget->grab().save(dir + QLatin1Char('/') + name + QStringLiteral(".png")));
}
} // namespace

class TestLanguage : public QObject
{
    Q_OBJECT

private slots:
    void translationsAreEmbedded();
    void switchesOpenWidgets();
    void systemAndUnknownLanguages();
    void englishHasPluralForms();
};

void TestLanguage::translationsAreEmbedded()
{
    for (const QString &language : LanguageManager::available())
        QVERIFY2(QFile::exists(QStringLiteral(":/i18n/vigil_%1.qm").arg(language)), qPrintable(language));
    QCOMPARE(LanguageManager::nativeName(QStringLiteral("de")), QStringLiteral("Deutsch"));
    QCOMPARE(LanguageManager::nativeName(QStringLiteral("fr")), QStringLiteral("Français"));
}

void TestLanguage::switchesOpenWidgets()
{
    BackendClient client; // never asked: the viewer is not shown and not refreshed
    AuditViewer viewer(&client);
    QTemporaryDir dir;
    SettingsResolver settings(
            std::make_unique<IniEnforcedSettingsSource>(dir.filePath(QStringLiteral("none"))),
            dir.filePath(QStringLiteral("user.ini")));
    SettingsDialog dialog(&settings);
    auto *refresh = viewer.findChild<QPushButton *>(QStringLiteral("refreshButton"));
    QVERIFY(refresh);
    QCOMPARE(refresh->text(), QStringLiteral("&Refresh"));
    QCOMPARE(dialog.windowTitle(), QStringLiteral("Settings"));

    LanguageManager languages;
    QSignalSpy changed(&languages, &LanguageManager::languageChanged);
    QVERIFY(languages.apply(QStringLiteral("de")));
    QCOMPARE(languages.current(), QStringLiteral("de"));
    QCOMPARE(changed.count(), 1);
    QCOMPARE(changed.first().first().toString(), QStringLiteral("de"));
    // Qt posts LanguageChange to every top-level widget; the same objects retranslate.
    QTRY_COMPARE(refresh->text(), QStringLiteral("&Aktualisieren"));
    QTRY_COMPARE(dialog.windowTitle(), QStringLiteral("Einstellungen"));
    QCOMPARE(viewer.findChild<QPushButton *>(QStringLiteral("refreshButton")), refresh);
    viewer.resize(1000, 400);
    saveShot(&viewer, QStringLiteral("audit-viewer-de"));
    saveShot(&dialog, QStringLiteral("settings-de"));

    QVERIFY(languages.apply(QStringLiteral("fr")));
    QTRY_COMPARE(refresh->text(), QStringLiteral("&Actualiser"));
    QTRY_COMPARE(dialog.windowTitle(), QStringLiteral("Paramètres"));
    saveShot(&viewer, QStringLiteral("audit-viewer-fr"));
    saveShot(&dialog, QStringLiteral("settings-fr"));

    QVERIFY(languages.apply(QStringLiteral("en")));
    QTRY_COMPARE(refresh->text(), QStringLiteral("&Refresh"));
    QTRY_COMPARE(dialog.windowTitle(), QStringLiteral("Settings"));
    QCOMPARE(changed.count(), 3);
}

void TestLanguage::systemAndUnknownLanguages()
{
    LanguageManager languages;
    QVERIFY(languages.apply(QString()));
    QVERIFY(LanguageManager::available().contains(languages.current()));
    QVERIFY(!languages.apply(QStringLiteral("xx")));
    QVERIFY(languages.apply(QStringLiteral("en")));
    QCOMPARE(languages.current(), QStringLiteral("en"));
}

void TestLanguage::englishHasPluralForms()
{
    LanguageManager languages;
    QVERIFY(languages.current().isEmpty()); // nothing installed before apply()
    QVERIFY(languages.apply(QStringLiteral("en")));
    QCOMPARE(QCoreApplication::translate("vigil::MainWindow", "%n profile(s) found.", nullptr, 1),
             QStringLiteral("1 profile found."));
    QCOMPARE(QCoreApplication::translate("vigil::MainWindow", "%n profile(s) found.", nullptr, 50),
             QStringLiteral("50 profiles found."));
    QVERIFY(languages.apply(QStringLiteral("de")));
    QVERIFY(!QCoreApplication::translate("vigil::MainWindow", "%n profile(s) found.", nullptr, 50)
                     .contains(QLatin1String("profiles")));
}

QTEST_MAIN(TestLanguage)
#include "test_language.moc"
