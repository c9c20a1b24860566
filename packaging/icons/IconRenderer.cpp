#include "IconRenderer.h"

#include <QPainter>

namespace vigil {

IconRenderer::IconRenderer(const QString &svgPath)
    : m_renderer(svgPath)
{
}

bool IconRenderer::isValid() const
{
    return m_renderer.isValid();
}

QImage IconRenderer::render(int size) const
{
    QImage image(size, size, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::transparent);
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    m_renderer.render(&painter, QRectF(0, 0, size, size));
    painter.end();
    return image.convertToFormat(QImage::Format_ARGB32);
}

} // namespace vigil
