#include "IcnsWriter.h"

#include <QBuffer>
#include <QtEndian>

namespace vigil {

namespace {
void appendBe32(QByteArray &out, quint32 value)
{
    char bytes[4];
    qToBigEndian(value, bytes);
    out.append(bytes, 4);
}

constexpr int kHeaderSize = 8;
} // namespace

QByteArray IcnsWriter::typeForSize(int size)
{
    switch (size) {
    case 128:
        return QByteArrayLiteral("ic07");
    case 256:
        return QByteArrayLiteral("ic08");
    case 512:
        return QByteArrayLiteral("ic09");
    case 1024:
        return QByteArrayLiteral("ic10");
    default:
        return {};
    }
}

QByteArray IcnsWriter::write(const QList<QImage> &images)
{
    QByteArray entries;
    for (const QImage &image : images) {
        const QByteArray type = typeForSize(image.width());
        if (type.isEmpty() || image.width() != image.height())
            continue;
        QByteArray png;
        QBuffer buffer(&png);
        buffer.open(QIODevice::WriteOnly);
        image.save(&buffer, "PNG");
        entries.append(type);
        appendBe32(entries, quint32(kHeaderSize + png.size()));
        entries.append(png);
    }

    QByteArray out = QByteArrayLiteral("icns");
    appendBe32(out, quint32(kHeaderSize + entries.size()));
    out.append(entries);
    return out;
}

} // namespace vigil
