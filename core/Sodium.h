#pragma once

namespace vigil::Sodium {

// Initialises libsodium exactly once per process, from any thread. Aborts the process if the
// library cannot start: running without a working CSPRNG would be worse than not running.
void ensureInitialised();

} // namespace vigil::Sodium
