#pragma once

#include <QByteArray>
#include <QString>

namespace vigil::SecureMemory {

// Overwrites the buffer this object holds with zeros (sodium_memzero, which the compiler may not
// elide) and then clears it. Qt containers are implicitly shared: if the data is shared with
// another copy, data() detaches first, so only this object's own buffer is wiped and the other
// copies keep theirs. Wiping is therefore only effective when secrets are never copied around,
// and Qt may already have left stale copies behind on reallocation; this is damage limitation.
void wipe(QByteArray &bytes);
void wipe(QString &text);

} // namespace vigil::SecureMemory
