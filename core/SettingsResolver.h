#pragma once

#include "EnforcedSettingsSource.h"
#include "IniEnforcedSettingsSource.h"
#include "MachineSettings.h"

#ifdef Q_OS_WIN
#  include "RegistryEnforcedSettingsSource.h"
#endif
#ifdef Q_OS_MACOS
#  include "ForcedPreferencesSettingsSource.h"
#endif

#include <QObject>
#include <QString>
#include <QVariant>
#include <memory>

class QSettings;
class QUrl;

namespace vigil {

// The console's one settings gateway. Precedence: enforced by IT > the user's own value > IT's
// machine default > built-in default. IT's values come from the platform's store through
// MachineSettings (Enforce decides whether they are enforced or only defaults). The UI shows an
// enforced value disabled (never hidden); writes go to the user layer only.
//
// Fail closed: a value IT enforces that is invalid stays enforced with an empty value and a
// problem; connectionBlockers() then lists it and the console refuses to sign in until IT fixes it.
class SettingsResolver : public QObject
{
    Q_OBJECT
public:
    // Keys
    static inline const QString ServerUrl = QStringLiteral("server_url"); // https://…
    static inline const QString ServerPin = QStringLiteral("server_pin"); // "AB:CD:…" SHA-256
    static inline const QString PolicyKey = QStringLiteral("policy_key"); // base64 Ed25519 public key
    static inline const QString Language = QStringLiteral("language"); // "", "en", "de", "fr"
    // Machine layer only: whether IT's values are enforced (true, the default) or defaults (false).
    static inline const QString Enforce = QStringLiteral("enforce");

    // In ascending precedence.
    enum class Source { Default, MachineDefault, User, Enforced };
    using Problem = MachineSettings::Problem;

    struct Resolved
    {
        QVariant value;
        Source source = Source::Default;
        // Only with Source::Enforced: IT's value is unusable, and value is then an empty string.
        Problem problem = Problem::None;
        // The key's name in IT's store (ServerUrl, or server_url on Linux) when IT set it.
        QString policyName;
        // IT's default, when the user's own value (Source::User) overrides it.
        QVariant machineDefault;

        bool enforced() const { return source == Source::Enforced; }
        bool invalid() const { return problem != Problem::None; }
    };

    // userSettingsPath: an INI file for the user layer (tests pass a temporary one; the app passes
    // the standard location). enforced may be null: no machine layer at all.
    SettingsResolver(std::unique_ptr<EnforcedSettingsSource> enforced, const QString &userSettingsPath,
                     QObject *parent = nullptr);
    ~SettingsResolver() override;

    Resolved resolve(const QString &key) const;
    QVariant value(const QString &key) const { return resolve(key).value; }
    bool isEnforced(const QString &key) const { return resolve(key).enforced(); }
    // Refused (false) for enforced keys, valid or not. An invalid QVariant removes the user's value,
    // so IT's default (or the built-in one) applies again.
    bool setUserValue(const QString &key, const QVariant &value);

    // The keys sign-in depends on (server_url, server_pin, policy_key) whose enforced value is
    // invalid. While any is listed the console must not connect.
    QStringList connectionBlockers() const;
    // A translated sentence naming the broken value of `key` in IT's store and what is wrong with
    // it; empty when nothing is.
    QString describeProblem(const QString &key) const;
    // Where IT's values live: /etc/vigil/policies.conf, the registry key, the macOS domain.
    QString policyLocation() const;

    // Certificate pins. An enforced pin applies to every server. Otherwise a pin remembered for this
    // server (trust on first use, --pin) wins, then the pin from the settings (the user's, or IT's
    // default), which belongs to the server it was configured with.
    QString pinFor(const QUrl &server) const;
    // Refused (ignored) while IT enforces a pin.
    void rememberPin(const QUrl &server, const QString &fingerprint);

signals:
    void changed(const QString &key);

private:
    MachineSettings m_machine;
    std::unique_ptr<QSettings> m_user;
};

} // namespace vigil
