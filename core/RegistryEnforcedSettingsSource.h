#pragma once

#include "EnforcedSettingsSource.h"

#ifdef Q_OS_WIN

namespace vigil {

// Windows: the values under HKEY_LOCAL_MACHINE\Software\Policies\Vigil (written by the MSI or by
// Group Policy), named ServerUrl, ServerPin, PolicyKey, Language (REG_SZ) and Enforce (REG_DWORD).
// QSettings hands back QString for REG_SZ and int for REG_DWORD; MachineSettings interprets them.
class RegistryEnforcedSettingsSource : public EnforcedSettingsSource
{
public:
    QVariant value(const QString &name) const override;
    Naming naming() const override { return Naming::NativeNames; }
    bool isReadable() const override;
    QString location() const override;
};

} // namespace vigil

#endif
