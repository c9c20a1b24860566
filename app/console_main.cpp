// The desktop console: sign-in, then the main window. Everything lives in vigil-ui.
#include "ConsoleController.h"
#include "LanguageManager.h"
#include "SettingsResolver.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QIcon>
#include <QUrl>
#include <QWidget>

#include <cstdio>
#include <cstring>

namespace {
// VIGIL_STARTUP_PROBE=1: report when the first window has painted, then quit. The start-up
// benchmark (bench/bench_console) uses it; it changes nothing else.
class StartupProbe : public QObject
{
public:
    explicit StartupProbe(const QElapsedTimer &sinceMain)
        : m_sinceMain(sinceMain)
    {
    }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        auto *widget = qobject_cast<QWidget *>(watched);
        if (!m_reported && event->type() == QEvent::Paint && widget && widget->isWindow()) {
            m_reported = true;
            std::printf("vigil: first window painted %lld ms after main()\n",
                        static_cast<long long>(m_sinceMain.elapsed()));
            std::fflush(stdout);
            QMetaObject::invokeMethod(qApp, &QCoreApplication::quit, Qt::QueuedConnection);
        }
        return false;
    }

private:
    const QElapsedTimer &m_sinceMain;
    bool m_reported = false;
};
} // namespace

int main(int argc, char *argv[])
{
    QElapsedTimer sinceMain;
    sinceMain.start();
    // --version must work without a display, so it is answered before QApplication exists.
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--version") == 0 || std::strcmp(argv[i], "-v") == 0) {
            std::printf("vigil %s\n", VIGIL_VERSION);
            return 0;
        }
    }

    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("Vigil"));
    QApplication::setOrganizationName(QStringLiteral("Vigil"));
    QApplication::setApplicationVersion(QStringLiteral(VIGIL_VERSION));
    // Lets Wayland compositors match the window to the installed .desktop file and its icon.
    QGuiApplication::setDesktopFileName(QStringLiteral("org.vigil.console"));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Vigil help desk console: verify callers."));
    parser.addHelpOption();
    const QCommandLineOption versionOption({QStringLiteral("v"), QStringLiteral("version")},
                                           QStringLiteral("Print the version and exit."));
    const QCommandLineOption serverOption(
            QStringLiteral("server"), QStringLiteral("The Vigil server, e.g. https://vigil.example:8443."),
            QStringLiteral("url"));
    const QCommandLineOption pinOption(
            QStringLiteral("pin"),
            QStringLiteral(
                    "Trust this SHA-256 certificate fingerprint (AB:CD:…) for --server, as if confirmed "
                    "in the trust question. Ignored when IT enforces a pin."),
            QStringLiteral("fingerprint"));
    const QCommandLineOption langOption(QStringLiteral("lang"), QStringLiteral("Language: en, de or fr."),
                                        QStringLiteral("language"));
    parser.addOptions({versionOption, serverOption, pinOption, langOption});
    parser.process(app);

    vigil::ConsoleController controller(vigil::platformEnforcedSettingsSource(),
                                        vigil::ConsoleController::defaultSettingsFile(),
                                        vigil::ConsoleController::defaultDataDir());
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/vigil.svg"))); // registered by the controller

    if (parser.isSet(langOption)) {
        const QString language = parser.value(langOption);
        if (!vigil::LanguageManager::available().contains(language)) {
            std::fprintf(stderr, "vigil: unknown language '%s' (use en, de or fr)\n", qPrintable(language));
            return 2;
        }
        controller.languages()->apply(language);
    }
    if (parser.isSet(serverOption)) {
        const QUrl server = QUrl::fromUserInput(parser.value(serverOption));
        if (!server.isValid() || server.scheme() != QLatin1String("https")) {
            std::fprintf(stderr, "vigil: --server needs an https:// address\n");
            return 2;
        }
        controller.setServerOverride(server.adjusted(QUrl::StripTrailingSlash));
        if (parser.isSet(pinOption)
            && !controller.trustFingerprint(server.adjusted(QUrl::StripTrailingSlash),
                                            parser.value(pinOption))) {
            std::fprintf(stderr, "vigil: --pin was not applied (malformed, or IT enforces a pin)\n");
        }
    } else if (parser.isSet(pinOption)) {
        std::fprintf(stderr, "vigil: --pin needs --server\n");
        return 2;
    }

    StartupProbe probe(sinceMain);
    if (qEnvironmentVariableIsSet("VIGIL_STARTUP_PROBE"))
        app.installEventFilter(&probe);

    controller.start();
    return app.exec();
}
