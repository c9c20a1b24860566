#include "DmgBackground.h"

#include <QColor>
#include <QLinearGradient>
#include <QPainter>
#include <QPainterPath>

namespace vigil {

QImage DmgBackground::render()
{
    QImage image(kSize, QImage::Format_ARGB32_Premultiplied);
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);

    QLinearGradient gradient(0, 0, 0, kSize.height());
    gradient.setColorAt(0, QColor(0xf5, 0xf8, 0xfc));
    gradient.setColorAt(1, QColor(0xdc, 0xe6, 0xf1));
    painter.fillRect(image.rect(), gradient);

    // The arrow spans the gap between the two icons, with a margin on each side.
    const int margin = 24;
    const qreal left = kAppCentre.x() + kIconSize / 2 + margin;
    const qreal right = kApplicationsCentre.x() - kIconSize / 2 - margin;
    const qreal y = kAppCentre.y();
    const qreal head = 22;
    // Opaque, so the shaft and the head do not darken where they overlap.
    const QColor arrow(0x5a, 0x91, 0xc8);

    painter.setPen(QPen(arrow, 10, Qt::SolidLine, Qt::RoundCap));
    painter.drawLine(QPointF(left, y), QPointF(right - head * 0.8, y));
    QPainterPath tip;
    tip.moveTo(right, y);
    tip.lineTo(right - head, y - head * 0.8);
    tip.lineTo(right - head, y + head * 0.8);
    tip.closeSubpath();
    painter.setPen(Qt::NoPen);
    painter.setBrush(arrow);
    painter.drawPath(tip);
    painter.end();
    return image.convertToFormat(QImage::Format_RGB32);
}

} // namespace vigil
