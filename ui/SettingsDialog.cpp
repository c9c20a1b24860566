#include "SettingsDialog.h"

#include "BackendClient.h"
#include "LanguageManager.h"
#include "SettingsResolver.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QEvent>
#include <QFontDatabase>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QPushButton>
#include <QStyle>
#include <QUrl>
#include <QVBoxLayout>

#include <array>
#include <tuple>

namespace vigil {

namespace {
constexpr int kPolicyKeyBytes = 32; // Ed25519 public key

QLabel *makeEnforcedNote(QWidget *parent)
{
    auto *note = new QLabel(parent);
    QFont font = note->font();
    font.setItalic(true);
    font.setPointSizeF(font.pointSizeF() * 0.9);
    note->setFont(font);
    note->setWordWrap(true);
    // The full width of the field column: a wrapped note under the narrow language box would be
    // squeezed to its width and clipped.
    note->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    note->setVisible(false);
    return note;
}
} // namespace

struct SettingsDialog::Private
{
    SettingsResolver *settings = nullptr;
    QPointer<LanguageManager> languageManager;

    QLabel *intro = nullptr;
    QLabel *urlLabel = nullptr;
    QLineEdit *url = nullptr;
    QLabel *urlNote = nullptr;
    QLabel *pinLabel = nullptr;
    QLineEdit *pin = nullptr;
    QLabel *pinNote = nullptr;
    QLabel *keyLabel = nullptr;
    QLineEdit *key = nullptr;
    QLabel *keyNote = nullptr;
    QLabel *languageLabel = nullptr;
    QComboBox *language = nullptr;
    QLabel *languageNote = nullptr;
    QLabel *errorIcon = nullptr;
    QLabel *error = nullptr;
    QDialogButtonBox *buttons = nullptr;

    bool enforced(const QString &key) const { return settings->isEnforced(key); }
    // The fields with the key each shows and the note below it.
    std::array<std::tuple<QWidget *, QString, QLabel *>, 4> fields() const
    {
        return {{{url, SettingsResolver::ServerUrl, urlNote},
                 {pin, SettingsResolver::ServerPin, pinNote},
                 {key, SettingsResolver::PolicyKey, keyNote},
                 {language, SettingsResolver::Language, languageNote}}};
    }
};

SettingsDialog::SettingsDialog(SettingsResolver *settings, QWidget *parent)
    : QDialog(parent)
    , d(std::make_unique<Private>())
{
    d->settings = settings;

    d->intro = new QLabel(this);
    d->intro->setWordWrap(true);

    const auto addField = [this](QFormLayout *form, QLabel *&label, QWidget *field, QLabel *&note) {
        label = new QLabel(this);
        label->setBuddy(field);
        note = makeEnforcedNote(this);
        auto *cell = new QVBoxLayout;
        cell->setSpacing(2);
        cell->addWidget(field);
        cell->addWidget(note);
        form->addRow(label, cell);
    };

    d->url = new QLineEdit(this);
    d->url->setObjectName(QStringLiteral("serverUrl"));
    d->url->setMinimumWidth(420);
    d->pin = new QLineEdit(this);
    d->pin->setObjectName(QStringLiteral("serverPin"));
    d->pin->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    d->key = new QLineEdit(this);
    d->key->setObjectName(QStringLiteral("policyKey"));
    d->key->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    d->language = new QComboBox(this);
    d->language->setObjectName(QStringLiteral("language"));
    d->language->addItem(QString(), QString()); // "System", named in retranslateUi()
    for (const QString &code : LanguageManager::available())
        d->language->addItem(LanguageManager::nativeName(code), code);

    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    addField(form, d->urlLabel, d->url, d->urlNote);
    addField(form, d->pinLabel, d->pin, d->pinNote);
    addField(form, d->keyLabel, d->key, d->keyNote);
    addField(form, d->languageLabel, d->language, d->languageNote);

    d->errorIcon = new QLabel(this);
    const int iconSize = style()->pixelMetric(QStyle::PM_SmallIconSize, nullptr, this);
    d->errorIcon->setPixmap(
            style()->standardIcon(QStyle::SP_MessageBoxWarning, nullptr, this).pixmap(iconSize));
    d->errorIcon->setVisible(false);
    d->error = new QLabel(this);
    d->error->setObjectName(QStringLiteral("errorLabel"));
    d->error->setWordWrap(true);
    d->error->setVisible(false);
    QPalette errorPalette = d->error->palette();
    errorPalette.setColor(QPalette::WindowText, QColor(0xb7, 0x1c, 0x1c));
    d->error->setPalette(errorPalette);
    auto *errorRow = new QHBoxLayout;
    errorRow->addWidget(d->errorIcon, 0, Qt::AlignTop);
    errorRow->addWidget(d->error, 1);

    d->buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    d->buttons->setObjectName(QStringLiteral("buttons"));
    connect(d->buttons, &QDialogButtonBox::accepted, this, &SettingsDialog::accept);
    connect(d->buttons, &QDialogButtonBox::rejected, this, &SettingsDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(d->intro);
    layout->addLayout(form);
    layout->addLayout(errorRow);
    layout->addStretch(1);
    layout->addWidget(d->buttons);

    // Current values; enforced ones are shown (never hidden) but cannot be edited. An enforced value
    // that is invalid shows empty, with the note saying what is wrong (retranslateUi()).
    d->url->setText(settings->value(SettingsResolver::ServerUrl).toString());
    d->pin->setText(settings->value(SettingsResolver::ServerPin).toString());
    d->key->setText(settings->value(SettingsResolver::PolicyKey).toString());
    const int languageIndex = d->language->findData(settings->value(SettingsResolver::Language).toString());
    d->language->setCurrentIndex(std::max(0, languageIndex));
    for (const auto &[field, key, note] : d->fields())
        field->setEnabled(!d->enforced(key));

    // Editing clears an old complaint, which would otherwise describe a value no longer there.
    for (QLineEdit *edit : {d->url, d->pin, d->key}) {
        connect(edit, &QLineEdit::textEdited, this, [this] {
            d->error->setVisible(false);
            d->errorIcon->setVisible(false);
        });
    }

    setTabOrder(d->url, d->pin);
    setTabOrder(d->pin, d->key);
    setTabOrder(d->key, d->language);
    setTabOrder(d->language, d->buttons);

    retranslateUi();
}

SettingsDialog::~SettingsDialog() = default;

void SettingsDialog::setLanguageManager(LanguageManager *languageManager)
{
    d->languageManager = languageManager;
}

void SettingsDialog::accept()
{
    QWidget *invalidField = nullptr;
    const QString problem = validate(&invalidField);
    d->error->setText(problem);
    d->error->setVisible(!problem.isEmpty());
    d->errorIcon->setVisible(!problem.isEmpty());
    if (!problem.isEmpty()) {
        if (invalidField)
            invalidField->setFocus();
        return;
    }
    save();
    QDialog::accept();
}

QString SettingsDialog::validate(QWidget **invalidField) const
{
    const auto mark = [invalidField](QWidget *field) {
        if (invalidField)
            *invalidField = field;
    };
    if (!d->enforced(SettingsResolver::ServerUrl)) {
        const QUrl url(d->url->text().trimmed(), QUrl::StrictMode);
        if (!url.isValid() || url.scheme() != QLatin1String("https") || url.host().isEmpty()) {
            mark(d->url);
            return tr("The server address must be an https:// address, for example "
                      "https://vigil.example.com:8443.");
        }
    }
    if (!d->enforced(SettingsResolver::ServerPin)) {
        const QString pin = d->pin->text().trimmed();
        if (!pin.isEmpty() && BackendClient::parseFingerprint(pin).isEmpty()) {
            mark(d->pin);
            return tr("The certificate pin must be a SHA-256 fingerprint: 64 hexadecimal digits, with or "
                      "without colons. Leave it empty to confirm the certificate on first connection.");
        }
    }
    if (!d->enforced(SettingsResolver::PolicyKey)) {
        const QString key = d->key->text().trimmed();
        if (!key.isEmpty()) {
            const auto decoded =
                    QByteArray::fromBase64Encoding(key.toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
            if (!decoded || decoded.decoded.size() != kPolicyKeyBytes) {
                mark(d->key);
                return tr("The policy key must be the base64 encoding of a 32-byte Ed25519 public key.");
            }
        }
    }
    return {};
}

void SettingsDialog::save()
{
    const auto store = [this](const QString &key, const QString &value) {
        const SettingsResolver::Resolved current = d->settings->resolve(key);
        if (current.enforced())
            return;
        // Back to IT's default: the user's own value goes, so a later change of the default applies.
        if (current.source == SettingsResolver::Source::User && current.machineDefault.isValid()
            && current.machineDefault.toString() == value) {
            d->settings->setUserValue(key, QVariant());
            return;
        }
        if (current.value.toString() == value)
            return; // writing an unchanged default would freeze it in the user layer
        d->settings->setUserValue(key, value);
    };
    store(SettingsResolver::ServerUrl, d->url->text().trimmed());
    const QString pin = d->pin->text().trimmed();
    store(SettingsResolver::ServerPin,
          pin.isEmpty() ? QString() : BackendClient::formatFingerprint(BackendClient::parseFingerprint(pin)));
    store(SettingsResolver::PolicyKey, d->key->text().trimmed());
    store(SettingsResolver::Language, d->language->currentData().toString());
    if (d->languageManager)
        d->languageManager->apply(d->settings->value(SettingsResolver::Language).toString());
}

QString SettingsDialog::noteFor(const QString &key) const
{
    const SettingsResolver::Resolved resolved = d->settings->resolve(key);
    if (resolved.invalid())
        return tr("Set by your IT department, but unusable: %1").arg(d->settings->describeProblem(key));
    if (resolved.enforced())
        return tr("Set by your IT department");
    if (resolved.source == SettingsResolver::Source::MachineDefault)
        return tr("Default from your IT department; you can change it");
    return {};
}

void SettingsDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QDialog::changeEvent(event);
}

void SettingsDialog::retranslateUi()
{
    setWindowTitle(tr("Settings"));
    d->intro->setText(tr("Where the console finds the Vigil server, how it recognises it, and the language "
                         "of the console."));

    d->urlLabel->setText(tr("Server &URL:"));
    d->url->setAccessibleName(tr("Server URL"));
    d->url->setPlaceholderText(QStringLiteral("https://vigil.example.com:8443"));
    d->pinLabel->setText(tr("Certificate &pin:"));
    d->pin->setAccessibleName(tr("Certificate pin"));
    d->pin->setPlaceholderText(tr("Empty: confirm the certificate on first connection"));
    d->pin->setToolTip(tr("SHA-256 fingerprint of the server certificate, e.g. AB:CD:…"));
    d->keyLabel->setText(tr("Policy &key:"));
    d->key->setAccessibleName(tr("Policy signing key"));
    d->key->setPlaceholderText(tr("Base64 Ed25519 public key"));
    d->key->setToolTip(tr("The public key that signs the verification policy, in base64"));
    d->languageLabel->setText(tr("&Language:"));
    d->language->setAccessibleName(tr("Language"));
    d->language->setItemText(0, tr("System"));

    for (const auto &[field, key, note] : d->fields()) {
        const QString text = noteFor(key);
        note->setText(text);
        note->setVisible(!text.isEmpty());
        field->setAccessibleDescription(text);
    }

    d->buttons->button(QDialogButtonBox::Ok)->setAccessibleName(tr("Save settings"));
    d->buttons->button(QDialogButtonBox::Cancel)->setAccessibleName(tr("Cancel"));
    d->error->setAccessibleName(tr("Problem with the settings"));
    if (!d->error->isHidden())
        d->error->setText(validate());
}

} // namespace vigil
