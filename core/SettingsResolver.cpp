#include "SettingsResolver.h"

#include <QSettings>
#include <QUrl>

namespace vigil {

namespace {

const QString kPinsGroup = QStringLiteral("pins");

QVariant defaultValue(const QString &key)
{
    if (key == SettingsResolver::ServerUrl)
        return QStringLiteral("https://127.0.0.1:8443");
    if (key == SettingsResolver::Language || key == SettingsResolver::ServerPin
        || key == SettingsResolver::PolicyKey)
        return QString();
    return {};
}

// scheme://host:port, the part of a URL a certificate belongs to; empty for no URL.
QString originOf(const QUrl &server)
{
    if (!server.isValid() || server.host().isEmpty())
        return {};
    const QString scheme = server.scheme().toLower();
    const int port = server.port(scheme == QLatin1String("http") ? 80 : 443);
    return scheme + QStringLiteral("://") + server.host().toLower() + QLatin1Char(':')
            + QString::number(port);
}

// QSettings treats '/' as a group separator (and folds "//"), so the origin is percent-encoded
// into one key segment.
QString pinKey(const QUrl &server)
{
    return kPinsGroup + QLatin1Char('/') + QString::fromLatin1(QUrl::toPercentEncoding(originOf(server)));
}

} // namespace

SettingsResolver::SettingsResolver(std::unique_ptr<EnforcedSettingsSource> enforced,
                                   const QString &userSettingsPath, QObject *parent)
    : QObject(parent)
    , m_machine(std::move(enforced))
    , m_user(std::make_unique<QSettings>(userSettingsPath, QSettings::IniFormat))
{
}

SettingsResolver::~SettingsResolver() = default;

SettingsResolver::Resolved SettingsResolver::resolve(const QString &key) const
{
    const MachineSettings::Entry machine = m_machine.entry(key);
    if (machine.enforced && machine.isSet()) {
        Resolved resolved;
        resolved.source = Source::Enforced;
        resolved.problem = machine.problem;
        resolved.policyName = machine.name;
        // Never the broken value and never a fallback: the empty string connects nowhere.
        resolved.value = machine.problem == Problem::None ? machine.value : QVariant(QString());
        return resolved;
    }
    if (m_user->contains(key)) {
        Resolved resolved;
        resolved.value = m_user->value(key);
        resolved.source = Source::User;
        resolved.machineDefault = machine.value;
        return resolved;
    }
    if (machine.value.isValid()) {
        Resolved resolved;
        resolved.value = machine.value;
        resolved.source = Source::MachineDefault;
        resolved.policyName = machine.name;
        return resolved;
    }
    Resolved resolved;
    resolved.value = defaultValue(key);
    return resolved;
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

QStringList SettingsResolver::connectionBlockers() const
{
    QStringList blockers;
    for (const QString &key : {ServerUrl, ServerPin, PolicyKey}) {
        if (resolve(key).invalid())
            blockers.append(key);
    }
    return blockers;
}

QString SettingsResolver::policyLocation() const
{
    return m_machine.location();
}

QString SettingsResolver::describeProblem(const QString &key) const
{
    const Resolved resolved = resolve(key);
    const QString where = policyLocation().isEmpty() ? tr("the IT settings") : policyLocation();
    const QString &name = resolved.policyName;
    switch (resolved.problem) {
    case Problem::None:
        return {};
    case Problem::Unreadable:
        return tr("Vigil cannot read %1.").arg(where);
    case Problem::Unrecognised:
        return tr("%1 in %2 has a value Vigil cannot read.").arg(name, where);
    case Problem::InvalidUrl:
        return tr("%1 in %2 is not an https:// address with a server name.").arg(name, where);
    case Problem::InvalidPin:
        return tr("%1 in %2 is not a SHA-256 certificate fingerprint (32 pairs of hexadecimal digits "
                  "separated by colons).")
                .arg(name, where);
    case Problem::InvalidPolicyKey:
        return tr("%1 in %2 is not a policy key (the base64 encoding of a 32-byte Ed25519 public key).")
                .arg(name, where);
    case Problem::UnknownLanguage:
        return tr("%1 in %2 is not a language Vigil offers (en, de or fr).").arg(name, where);
    }
    return {};
}

QString SettingsResolver::pinFor(const QUrl &server) const
{
    const Resolved pin = resolve(ServerPin);
    if (pin.enforced())
        return pin.value.toString(); // empty when IT's pin is invalid: sign-in is refused anyway
    const QString remembered = m_user->value(pinKey(server)).toString();
    if (!remembered.isEmpty())
        return remembered;
    const QString configured = pin.value.toString();
    if (configured.isEmpty())
        return {};
    // A pin from the settings belongs to one server: IT's default pin to IT's server (when IT named
    // one), the user's pin to the server in the settings. Another server would only fail with it.
    QString owner = value(ServerUrl).toString();
    if (pin.source == Source::MachineDefault) {
        const MachineSettings::Entry machineServer = m_machine.entry(ServerUrl);
        if (machineServer.value.isValid())
            owner = machineServer.value.toString();
    }
    const QString ownerOrigin = originOf(QUrl(owner));
    return !ownerOrigin.isEmpty() && ownerOrigin == originOf(server) ? configured : QString();
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
