#include "EnforcedSettingsSource.h"

#if defined(Q_OS_WIN)
#  include "RegistryEnforcedSettingsSource.h"
#elif defined(Q_OS_MACOS)
#  include "ForcedPreferencesSettingsSource.h"
#else
#  include "IniEnforcedSettingsSource.h"
#endif

namespace vigil {

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

} // namespace vigil
