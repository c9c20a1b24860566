#pragma once

#include <QDialog>
#include <memory>

namespace vigil {

class LanguageManager;
class SettingsResolver;

// Server URL, certificate pin, policy key and language. Values IT enforces are shown disabled,
// with a note saying so (and what is wrong, when IT's value is invalid); IT's defaults are
// editable, with a note saying where they come from. Saving writes the user layer only.
class SettingsDialog : public QDialog
{
    Q_OBJECT
public:
    explicit SettingsDialog(SettingsResolver *settings, QWidget *parent = nullptr);
    ~SettingsDialog() override;

    // Optional: when set, OK switches the running console to the chosen language.
    void setLanguageManager(LanguageManager *languageManager);

public slots:
    // Validates, then saves to the user layer and closes; on a problem stays open and says why.
    void accept() override;

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    // The note under the field of `key`: enforced, enforced but invalid, IT's default, or none.
    QString noteFor(const QString &key) const;
    // Empty when everything may be saved; else what is wrong, and *invalidField where.
    QString validate(QWidget **invalidField = nullptr) const;
    void save();

    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace vigil
