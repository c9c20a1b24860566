#pragma once

#include <QByteArray>
#include <QImage>
#include <QList>

namespace vigil {

// Writes a Windows .ico holding several sizes. Qt's ico plugin writes one image per file, and
// Windows picks the entry matching each place it shows the icon (16 px in lists, 32 and 48 on the
// desktop, 256 in large views), so the container is written here.
//
// Entries below 256 px are 32-bit DIBs with an AND mask, which every Windows tool (rc.exe, the
// shell, Windows Installer's Icon table) reads; the 256 px entry is PNG, as Windows expects.
class IcoWriter
{
public:
    static QByteArray write(const QList<QImage> &images);

private:
    static QByteArray dib(const QImage &image);
    static QByteArray png(const QImage &image);
};

} // namespace vigil
