#pragma once

#include <QByteArray>
#include <QImage>
#include <QList>

namespace vigil {

// Writes a macOS .icns from PNG entries: ic07 (128 px), ic08 (256), ic09 (512) and ic10 (1024, the
// 512 pt Retina size). Finder and the Dock scale these for smaller views. Qt's icns plugin would
// scale one bitmap down instead of drawing each size from the SVG, so the container is written here:
// "icns", the total length, then per entry a type, its length (header included) and the PNG bytes,
// all lengths big-endian.
class IcnsWriter
{
public:
    // The icns type code for a square PNG of this many pixels; empty for sizes not written.
    static QByteArray typeForSize(int size);
    // Images whose size has no type code are left out.
    static QByteArray write(const QList<QImage> &images);
};

} // namespace vigil
