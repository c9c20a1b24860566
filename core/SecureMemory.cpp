#include "SecureMemory.h"

#include "Sodium.h"

#include <sodium.h>

namespace vigil::SecureMemory {

void wipe(QByteArray &bytes)
{
    if (!bytes.isEmpty()) {
        Sodium::ensureInitialised();
        char *data = bytes.data();
        // capacity() also covers bytes left behind by an earlier chop() or resize().
        sodium_memzero(data, static_cast<size_t>(qMax(bytes.size(), bytes.capacity())));
    }
    bytes.clear();
}

void wipe(QString &text)
{
    if (!text.isEmpty()) {
        Sodium::ensureInitialised();
        QChar *data = text.data();
        sodium_memzero(data, static_cast<size_t>(qMax(text.size(), text.capacity())) * sizeof(QChar));
    }
    text.clear();
}

} // namespace vigil::SecureMemory
