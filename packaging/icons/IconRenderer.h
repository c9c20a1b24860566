#pragma once

#include <QImage>
#include <QString>
#include <QSvgRenderer>

namespace vigil {

// Renders the SVG icon at any square pixel size, so every entry of the .ico and .icns is drawn
// from the vector source rather than scaled down from one large bitmap.
class IconRenderer
{
public:
    explicit IconRenderer(const QString &svgPath);

    bool isValid() const;
    // A size×size image with straight (not premultiplied) alpha, as ICO and PNG store it.
    QImage render(int size) const;

private:
    mutable QSvgRenderer m_renderer;
};

} // namespace vigil
