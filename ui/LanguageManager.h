#pragma once

#include <QObject>
#include <QStringList>
#include <memory>

class QTranslator;

namespace vigil {

// Installs the console's translation (and Qt's own) for the chosen language and switches it at
// run time; open windows retranslate on QEvent::LanguageChange, no restart needed.
class LanguageManager : public QObject
{
    Q_OBJECT
public:
    explicit LanguageManager(QObject *parent = nullptr);
    ~LanguageManager() override;

    // "en", "de", "fr"; "" picks from the system locale (falls back to English).
    bool apply(const QString &language);
    QString current() const { return m_current; }
    static QStringList available(); // {"en", "de", "fr"}
    static QString nativeName(const QString &language); // "English", "Deutsch", "Français"

signals:
    void languageChanged(const QString &language);

private:
    std::unique_ptr<QTranslator> m_translator;
    std::unique_ptr<QTranslator> m_qtTranslator;
    QString m_current;
};

} // namespace vigil
