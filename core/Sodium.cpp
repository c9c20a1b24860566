#include "Sodium.h"

#include <QtGlobal>
#include <mutex>
#include <sodium.h>

namespace vigil::Sodium {

void ensureInitialised()
{
    static std::once_flag once;
    std::call_once(once, [] {
        // 1 means someone else (another library in the process) initialised it already.
        if (sodium_init() < 0)
            qFatal("libsodium could not be initialised");
    });
}

} // namespace vigil::Sodium
