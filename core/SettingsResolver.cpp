#include "SettingsResolver.h"

#include <QFileInfo>
#include <QLoggingCategory>
#include <QSettings>
#include <QUrl>

#ifdef Q_OS_MACOS
#  include <CoreFoundation/CoreFoundation.h>
#endif

namespace vigil {

Q_LOGGING_CATEGORY(lcSettings, "vigil.core.settings")

namespace {

const QString kPinsGroup = QStringLiteral("pins");
const QString kEnforcedGroup = QStringLiteral("Vigil");

QVariant defaultValue(const QString &key)
{
    if (key == SettingsResolver::ServerUrl)
        return QStringLiteral("https://127.0.0.1:8443");
    if (key == SettingsResolver::Language || key == SettingsResolver::ServerPin
        || key == SettingsResolver::PolicyKey)
        return QString();
    return {};
}

// QSettings reads "a, b" in an INI file as a list; the keys we know are all single strings.
QVariant normalised(const QVariant &value)
{
    if (value.typeId() == QMetaType::QStringList)
        return value.toStringList().join(QLatin1Char(','));
    return value;
}

// QSettings treats '/' as a group separator (and folds "//"), so the origin is percent-encoded
// into one key segment.
QString pinKey(const QUrl &server)
{
    const QString scheme = server.scheme().toLower();
    const int port = server.port(scheme == QLatin1String("http") ? 80 : 443);
    const QString origin = scheme + QStringLiteral("://") + server.host().toLower() + QLatin1Char(':')
            + QString::number(port);
    return kPinsGroup + QLatin1Char('/') + QString::fromLatin1(QUrl::toPercentEncoding(origin));
}

} // namespace

IniEnforcedSettingsSource::IniEnforcedSettingsSource(QString path)
    : m_path(std::move(path))
{
}

QVariant IniEnforcedSettingsSource::value(const QString &key) const
{
    // Read on every call: IT may change the file while the console runs, and it is tiny.
    if (!QFileInfo::exists(m_path))
        return {};
    const QSettings file(m_path, QSettings::IniFormat);
    if (file.status() != QSettings::NoError) {
        qCWarning(lcSettings) << "cannot read the enforced settings file" << m_path;
        return {};
    }
    const QString grouped = kEnforcedGroup + QLatin1Char('/') + key;
    if (file.contains(grouped))
        return normalised(file.value(grouped));
    if (file.contains(key))
        return normalised(file.value(key));
    return {};
}

#ifdef Q_OS_WIN
QVariant RegistryEnforcedSettingsSource::value(const QString &key) const
{
    const QSettings registry(QStringLiteral("HKEY_LOCAL_MACHINE\\Software\\Policies\\Vigil"),
                             QSettings::NativeFormat);
    return registry.contains(key) ? normalised(registry.value(key)) : QVariant();
}
#endif

#ifdef Q_OS_MACOS
ForcedPreferencesSettingsSource::ForcedPreferencesSettingsSource(QString applicationId)
    : m_applicationId(std::move(applicationId))
{
}

QVariant ForcedPreferencesSettingsSource::value(const QString &key) const
{
    const CFStringRef cfKey = key.toCFString();
    const CFStringRef cfApp = m_applicationId.toCFString();
    QVariant result;
    if (CFPreferencesAppValueIsForced(cfKey, cfApp)) {
        if (CFPropertyListRef value = CFPreferencesCopyAppValue(cfKey, cfApp)) {
            const CFTypeID type = CFGetTypeID(value);
            if (type == CFStringGetTypeID()) {
                result = QString::fromCFString(static_cast<CFStringRef>(value));
            } else if (type == CFBooleanGetTypeID()) {
                result = bool(CFBooleanGetValue(static_cast<CFBooleanRef>(value)));
            } else if (type == CFNumberGetTypeID()) {
                long long number = 0;
                if (CFNumberGetValue(static_cast<CFNumberRef>(value), kCFNumberLongLongType, &number))
                    result = qint64(number);
            }
            CFRelease(value);
        }
    }
    CFRelease(cfApp);
    CFRelease(cfKey);
    return result;
}
#endif

std::unique_ptr<EnforcedSettingsSource> platformEnforcedSettingsSource()
{
#if defined(Q_OS_WIN)
    return std::make_unique<RegistryEnforcedSettingsSource>();
#elif defined(Q_OS_MACOS)
    return std::make_unique<ForcedPreferencesSettingsSource>();
#else
    return std::make_unique<IniEnforcedSettingsSource>();
#endif
}

SettingsResolver::SettingsResolver(std::unique_ptr<EnforcedSettingsSource> enforced,
                                   const QString &userSettingsPath, QObject *parent)
    : QObject(parent)
    , m_enforced(std::move(enforced))
    , m_user(std::make_unique<QSettings>(userSettingsPath, QSettings::IniFormat))
{
}

SettingsResolver::~SettingsResolver() = default;

SettingsResolver::Resolved SettingsResolver::resolve(const QString &key) const
{
    if (m_enforced) {
        const QVariant enforced = m_enforced->value(key);
        if (enforced.isValid())
            return {enforced, Source::Enforced};
    }
    if (m_user->contains(key))
        return {m_user->value(key), Source::User};
    return {defaultValue(key), Source::Default};
}

bool SettingsResolver::setUserValue(const QString &key, const QVariant &value)
{
    if (isEnforced(key)) {
        qCInfo(lcSettings) << "refused to change the enforced setting" << key;
        return false;
    }
    if (value.isValid())
        m_user->setValue(key, value);
    else
        m_user->remove(key);
    m_user->sync();
    if (m_user->status() != QSettings::NoError) {
        qCWarning(lcSettings) << "cannot write the user settings file" << m_user->fileName();
        return false;
    }
    emit changed(key);
    return true;
}

QString SettingsResolver::pinFor(const QUrl &server) const
{
    const Resolved enforced = resolve(ServerPin);
    if (enforced.enforced())
        return enforced.value.toString();
    return m_user->value(pinKey(server)).toString();
}

void SettingsResolver::rememberPin(const QUrl &server, const QString &fingerprint)
{
    if (isEnforced(ServerPin)) {
        qCInfo(lcSettings) << "the server pin is enforced; not remembering another one";
        return;
    }
    m_user->setValue(pinKey(server), fingerprint);
    m_user->sync();
    if (m_user->status() != QSettings::NoError)
        qCWarning(lcSettings) << "cannot write the user settings file" << m_user->fileName();
    emit changed(ServerPin);
}

} // namespace vigil
