#pragma once

#include <QImage>
#include <QPoint>
#include <QSize>

namespace vigil {

// The picture behind the DMG window: a soft gradient and an arrow from the app to the Applications
// link. It carries no text, so it needs no translation and no font on the machine that renders it.
// The geometry matches packaging/macos/dmg-layout.applescript, which opens a window of kSize and
// places the two icons (128 px) centred on kAppCentre and kApplicationsCentre.
class DmgBackground
{
public:
    static constexpr QSize kSize{600, 400};
    static constexpr QPoint kAppCentre{150, 190};
    static constexpr QPoint kApplicationsCentre{450, 190};
    static constexpr int kIconSize = 128;

    static QImage render();
};

} // namespace vigil
