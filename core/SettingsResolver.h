#pragma once

#include <QObject>
#include <QString>
#include <QVariant>
#include <memory>

class QSettings;

namespace vigil {

// One source of machine-enforced settings (IT policy). Windows: HKLM\Software\Policies\Vigil;
// macOS: forced preferences; Linux: /etc/vigil/policies.conf. Only the Linux source exists on
// Linux builds; the others compile only on their platform.
class EnforcedSettingsSource
{
public:
    virtual ~EnforcedSettingsSource() = default;
    // The enforced value, or an invalid QVariant when IT did not set this key.
    virtual QVariant value(const QString &key) const = 0;
};

// Linux: an INI file ([Vigil] section or top level), keys as in SettingsResolver.
class IniEnforcedSettingsSource : public EnforcedSettingsSource
{
public:
    explicit IniEnforcedSettingsSource(QString path = QStringLiteral("/etc/vigil/policies.conf"));
    QVariant value(const QString &key) const override;

private:
    QString m_path;
};

#ifdef Q_OS_WIN
// Windows: HKEY_LOCAL_MACHINE\Software\Policies\Vigil (Group Policy / MSI machine values).
class RegistryEnforcedSettingsSource : public EnforcedSettingsSource
{
public:
    QVariant value(const QString &key) const override;
};
#endif

#ifdef Q_OS_MACOS
// macOS: preferences forced by a configuration profile (CFPreferencesAppValueIsForced).
class ForcedPreferencesSettingsSource : public EnforcedSettingsSource
{
public:
    explicit ForcedPreferencesSettingsSource(QString applicationId = QStringLiteral("org.vigil.console"));
    QVariant value(const QString &key) const override;

private:
    QString m_applicationId;
};
#endif

// The enforced source of the platform this was built for.
std::unique_ptr<EnforcedSettingsSource> platformEnforcedSettingsSource();

// The console's one settings gateway: machine-enforced > user > default. The UI shows an
// enforced value disabled (never hidden) and writes go to the user layer only.
class SettingsResolver : public QObject
{
    Q_OBJECT
public:
    // Keys
    static inline const QString ServerUrl = QStringLiteral("server_url");
    static inline const QString ServerPin = QStringLiteral("server_pin"); // "AB:CD:…" SHA-256
    static inline const QString PolicyKey = QStringLiteral("policy_key"); // base64 Ed25519 public key
    static inline const QString Language = QStringLiteral("language"); // "", "en", "de", "fr"

    enum class Source { Default, User, Enforced };
    struct Resolved
    {
        QVariant value;
        Source source = Source::Default;
        bool enforced() const { return source == Source::Enforced; }
    };

    // userSettingsPath: an INI file for the user layer (tests pass a temporary one; the app passes
    // the standard location).
    SettingsResolver(std::unique_ptr<EnforcedSettingsSource> enforced, const QString &userSettingsPath,
                     QObject *parent = nullptr);
    ~SettingsResolver() override;

    Resolved resolve(const QString &key) const;
    QVariant value(const QString &key) const { return resolve(key).value; }
    bool isEnforced(const QString &key) const { return resolve(key).enforced(); }
    // Refused (false) for enforced keys.
    bool setUserValue(const QString &key, const QVariant &value);

    // Trust-on-first-use pins, remembered per server URL (user layer), unless IT enforces a pin.
    QString pinFor(const QUrl &server) const;
    void rememberPin(const QUrl &server, const QString &fingerprint);

signals:
    void changed(const QString &key);

private:
    std::unique_ptr<EnforcedSettingsSource> m_enforced;
    std::unique_ptr<QSettings> m_user;
};

} // namespace vigil
