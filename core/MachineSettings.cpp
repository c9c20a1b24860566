#include "MachineSettings.h"

#include "SettingsResolver.h"

#include <QList>
#include <QUrl>

#include <utility>

namespace vigil {

Q_LOGGING_CATEGORY(lcSettings, "vigil.core.settings")

namespace {

constexpr int kPinBytes = 32; // SHA-256
constexpr int kPolicyKeyBytes = 32; // Ed25519 public key

// Settings key and its name in the registry and in macOS preferences.
const QList<std::pair<QString, QString>> &names()
{
    static const QList<std::pair<QString, QString>> table = {
            {SettingsResolver::ServerUrl, QStringLiteral("ServerUrl")},
            {SettingsResolver::ServerPin, QStringLiteral("ServerPin")},
            {SettingsResolver::PolicyKey, QStringLiteral("PolicyKey")},
            {SettingsResolver::Language, QStringLiteral("Language")},
            {SettingsResolver::Enforce, QStringLiteral("Enforce")}};
    return table;
}

bool isHexDigit(QChar c)
{
    const char16_t u = c.unicode();
    return (u >= u'0' && u <= u'9') || (u >= u'a' && u <= u'f') || (u >= u'A' && u <= u'F');
}

bool isInteger(const QVariant &raw)
{
    switch (raw.typeId()) {
    case QMetaType::Int:
    case QMetaType::UInt:
    case QMetaType::LongLong:
    case QMetaType::ULongLong:
        return true;
    default:
        return false;
    }
}

// For the log, in English: what is wrong, never the value itself.
QString explain(MachineSettings::Problem problem)
{
    using Problem = MachineSettings::Problem;
    switch (problem) {
    case Problem::None:
        return {};
    case Problem::Unreadable:
        return QStringLiteral("the store cannot be read or parsed");
    case Problem::Unrecognised:
        return QStringLiteral("the value has a type or form Vigil does not read");
    case Problem::InvalidUrl:
        return QStringLiteral("not an https:// address with a host");
    case Problem::InvalidPin:
        return QStringLiteral("not a SHA-256 fingerprint of 32 colon-separated hexadecimal bytes");
    case Problem::InvalidPolicyKey:
        return QStringLiteral("not the base64 encoding of a 32-byte Ed25519 public key");
    case Problem::UnknownLanguage:
        return QStringLiteral("not one of en, de, fr");
    }
    return {};
}

} // namespace

MachineSettings::MachineSettings(std::unique_ptr<EnforcedSettingsSource> source)
    : m_source(std::move(source))
{
}

MachineSettings::~MachineSettings() = default;

QString MachineSettings::location() const
{
    return m_source ? m_source->location() : QString();
}

QStringList MachineSettings::valueKeys()
{
    return {SettingsResolver::ServerUrl, SettingsResolver::ServerPin, SettingsResolver::PolicyKey,
            SettingsResolver::Language};
}

QString MachineSettings::nativeName(const QString &key)
{
    for (const auto &[settingsKey, native] : names()) {
        if (settingsKey == key)
            return native;
    }
    return {};
}

QString MachineSettings::keyForNativeName(const QString &name)
{
    for (const auto &[settingsKey, native] : names()) {
        if (native == name)
            return settingsKey;
    }
    return {};
}

QString MachineSettings::nameInStore(const QString &key) const
{
    const QString native = nativeName(key);
    if (native.isEmpty() || !m_source)
        return {};
    return m_source->naming() == EnforcedSettingsSource::Naming::NativeNames ? native : key;
}

MachineSettings::Problem MachineSettings::toText(const QVariant &raw, QString *text)
{
    text->clear();
    switch (raw.typeId()) {
    case QMetaType::UnknownType:
        return Problem::None;
    case QMetaType::QString:
        *text = raw.toString().trimmed();
        return Problem::None;
    case QMetaType::QByteArray:
        *text = QString::fromUtf8(raw.toByteArray()).trimmed();
        return Problem::None;
    case QMetaType::QStringList:
        // QSettings splits an unquoted INI value at commas (and drops the blanks after them).
        *text = raw.toStringList().join(QLatin1Char(',')).trimmed();
        return Problem::None;
    default:
        break;
    }
    if (isInteger(raw)) {
        *text = raw.toString();
        return Problem::None;
    }
    return Problem::Unrecognised;
}

MachineSettings::Problem MachineSettings::toBool(const QVariant &raw, std::optional<bool> *result)
{
    result->reset();
    if (raw.typeId() == QMetaType::Bool) {
        *result = raw.toBool();
        return Problem::None;
    }
    if (isInteger(raw)) {
        *result = raw.toLongLong() != 0;
        return Problem::None;
    }
    QString text;
    if (const Problem problem = toText(raw, &text); problem != Problem::None)
        return problem;
    text = text.toLower();
    if (text.isEmpty())
        return Problem::None;
    if (text == QLatin1String("true") || text == QLatin1String("1") || text == QLatin1String("yes")
        || text == QLatin1String("on")) {
        *result = true;
        return Problem::None;
    }
    if (text == QLatin1String("false") || text == QLatin1String("0") || text == QLatin1String("no")
        || text == QLatin1String("off")) {
        *result = false;
        return Problem::None;
    }
    return Problem::Unrecognised;
}

MachineSettings::Problem MachineSettings::validate(const QString &key, const QString &text,
                                                   QString *normalised)
{
    normalised->clear();
    if (key == SettingsResolver::ServerUrl) {
        const QUrl url(text, QUrl::StrictMode);
        if (!url.isValid() || url.scheme().compare(QLatin1String("https"), Qt::CaseInsensitive) != 0
            || url.host().isEmpty())
            return Problem::InvalidUrl;
        *normalised = text;
        return Problem::None;
    }
    if (key == SettingsResolver::ServerPin) {
        const QStringList bytes = text.split(QLatin1Char(':'));
        if (bytes.size() != kPinBytes)
            return Problem::InvalidPin;
        for (const QString &byte : bytes) {
            if (byte.size() != 2 || !isHexDigit(byte.at(0)) || !isHexDigit(byte.at(1)))
                return Problem::InvalidPin;
        }
        *normalised = text.toUpper();
        return Problem::None;
    }
    if (key == SettingsResolver::PolicyKey) {
        // toLatin1 turns anything outside Latin-1 into '?', which base64 decoding then refuses.
        const auto decoded =
                QByteArray::fromBase64Encoding(text.toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
        if (!decoded || decoded.decoded.size() != kPolicyKeyBytes)
            return Problem::InvalidPolicyKey;
        *normalised = text;
        return Problem::None;
    }
    if (key == SettingsResolver::Language) {
        const QString language = text.toLower();
        if (language != QLatin1String("en") && language != QLatin1String("de")
            && language != QLatin1String("fr"))
            return Problem::UnknownLanguage;
        *normalised = language;
        return Problem::None;
    }
    *normalised = text;
    return Problem::None;
}

MachineSettings::Entry MachineSettings::entry(const QString &key) const
{
    Entry entry;
    entry.name = nameInStore(key);
    if (entry.name.isEmpty() || key == SettingsResolver::Enforce)
        return entry;

    if (!m_source->isReadable()) {
        // Nobody knows what IT meant: every key is enforced and unusable until the store is fixed.
        entry.enforced = true;
        entry.problem = Problem::Unreadable;
        report(QString(), Problem::Unreadable, QStringLiteral("every setting is enforced and unusable"));
        return entry;
    }
    report(QString(), Problem::None, {});

    std::optional<bool> enforce;
    const Problem enforceProblem = toBool(m_source->value(nameInStore(SettingsResolver::Enforce)), &enforce);
    // An Enforce nobody can read is taken as the stricter reading.
    report(SettingsResolver::Enforce, enforceProblem, QStringLiteral("the values are enforced"));
    entry.enforced = enforceProblem != Problem::None || enforce.value_or(true);

    QString text;
    Problem problem = toText(m_source->value(entry.name), &text);
    QString normalised;
    if (problem == Problem::None && !text.isEmpty())
        problem = validate(key, text, &normalised);
    if (problem != Problem::None) {
        report(key, problem,
               entry.enforced ? QStringLiteral("it stays enforced and Vigil will not use it")
                              : QStringLiteral("the default is ignored"));
        if (entry.enforced)
            entry.problem = problem;
        return entry;
    }
    report(key, Problem::None, {});
    if (!text.isEmpty())
        entry.value = normalised;
    return entry;
}

void MachineSettings::report(const QString &key, Problem problem, const QString &consequence) const
{
    if (m_reported.value(key, Problem::None) == problem)
        return;
    m_reported.insert(key, problem);
    const QString where = location().isEmpty() ? QStringLiteral("the IT settings") : location();
    const QString what = key.isEmpty() ? where : nameInStore(key) + QStringLiteral(" in ") + where;
    if (problem == Problem::None) {
        qCInfo(lcSettings).noquote() << what << "is usable again";
        return;
    }
    qCWarning(lcSettings).noquote() << what + QStringLiteral(": ") + explain(problem) + QStringLiteral("; ")
                    + consequence;
}

} // namespace vigil
