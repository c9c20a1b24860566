#include "LanguageManager.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QLoggingCategory>
#include <QTranslator>

Q_LOGGING_CATEGORY(lcLanguage, "vigil.ui.language")

namespace vigil {

namespace {
const QString kSourceLanguage = QStringLiteral("en");

// "" → the system language when Vigil has it, else English.
QString resolveLanguage(const QString &language)
{
    if (!language.isEmpty())
        return language;
    const QString system = QLocale::system().name().section(QLatin1Char('_'), 0, 0);
    return LanguageManager::available().contains(system) ? system : kSourceLanguage;
}
} // namespace

LanguageManager::LanguageManager(QObject *parent)
    : QObject(parent)
{
    // current() stays empty until apply() has installed a translation (English has one too).
}

LanguageManager::~LanguageManager()
{
    // The application may outlive this object: never leave it holding dangling translators.
    if (m_translator)
        QCoreApplication::removeTranslator(m_translator.get());
    if (m_qtTranslator)
        QCoreApplication::removeTranslator(m_qtTranslator.get());
}

bool LanguageManager::apply(const QString &language)
{
    const QString resolved = resolveLanguage(language);
    if (!available().contains(resolved)) {
        qCWarning(lcLanguage) << "unknown language" << resolved;
        return false;
    }

    std::unique_ptr<QTranslator> translator;
    std::unique_ptr<QTranslator> qtTranslator;
    // The build (qt_add_translations, RESOURCE_PREFIX /i18n) embeds the .qm files here. English
    // has one too: it carries the plural forms ("1 attempt", "2 attempts") of the %n strings.
    translator = std::make_unique<QTranslator>();
    const QString path = QStringLiteral(":/i18n/vigil_%1.qm").arg(resolved);
    if (!translator->load(path)) {
        qCWarning(lcLanguage) << "cannot load" << path;
        return false;
    }
    if (resolved != kSourceLanguage) {
        // Qt's own strings (standard buttons, context menus); a missing file only leaves them English.
        qtTranslator = std::make_unique<QTranslator>();
        if (!qtTranslator->load(QStringLiteral("qtbase_") + resolved,
                                QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
            qtTranslator.reset();
    }

    if (m_translator)
        QCoreApplication::removeTranslator(m_translator.get());
    if (m_qtTranslator)
        QCoreApplication::removeTranslator(m_qtTranslator.get());
    m_translator = std::move(translator);
    m_qtTranslator = std::move(qtTranslator);
    if (m_qtTranslator)
        QCoreApplication::installTranslator(m_qtTranslator.get());
    if (m_translator)
        QCoreApplication::installTranslator(m_translator.get());

    const bool changed = resolved != m_current;
    m_current = resolved;
    if (changed)
        emit languageChanged(m_current);
    return true;
}

QStringList LanguageManager::available()
{
    return {QStringLiteral("en"), QStringLiteral("de"), QStringLiteral("fr")};
}

QString LanguageManager::nativeName(const QString &language)
{
    // Each language in its own name, so a user can find theirs whatever is shown now.
    if (language == QLatin1String("en"))
        return QStringLiteral("English");
    if (language == QLatin1String("de"))
        return QStringLiteral("Deutsch");
    if (language == QLatin1String("fr"))
        return QStringLiteral("Français");
    return language;
}

} // namespace vigil
