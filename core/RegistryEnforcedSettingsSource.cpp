#include "RegistryEnforcedSettingsSource.h"

#include <QSettings>

namespace vigil {

namespace {
const QString kPolicyKey = QStringLiteral("HKEY_LOCAL_MACHINE\\Software\\Policies\\Vigil");

// Registry64Format: a 32-bit console on 64-bit Windows must read the 64-bit view that the x64 MSI
// and Group Policy write, not its WOW6432Node copy. On a 64-bit build it is the same as NativeFormat.
QSettings::Format registryFormat()
{
    return QSettings::Registry64Format;
}
} // namespace

QVariant RegistryEnforcedSettingsSource::value(const QString &name) const
{
    const QSettings registry(kPolicyKey, registryFormat());
    return registry.contains(name) ? registry.value(name) : QVariant();
}

bool RegistryEnforcedSettingsSource::isReadable() const
{
    const QSettings registry(kPolicyKey, registryFormat());
    return registry.status() == QSettings::NoError;
}

QString RegistryEnforcedSettingsSource::location() const
{
    return kPolicyKey;
}

} // namespace vigil
