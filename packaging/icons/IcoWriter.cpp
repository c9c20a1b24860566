#include "IcoWriter.h"

#include <QBuffer>
#include <QtEndian>

namespace vigil {

namespace {
void appendLe16(QByteArray &out, quint16 value)
{
    char bytes[2];
    qToLittleEndian(value, bytes);
    out.append(bytes, 2);
}

void appendLe32(QByteArray &out, quint32 value)
{
    char bytes[4];
    qToLittleEndian(value, bytes);
    out.append(bytes, 4);
}

constexpr int kDirectoryHeaderSize = 6;
constexpr int kDirectoryEntrySize = 16;
constexpr int kBitmapInfoHeaderSize = 40;
constexpr int kPngThreshold = 256;
} // namespace

QByteArray IcoWriter::write(const QList<QImage> &images)
{
    QList<QByteArray> payloads;
    for (const QImage &image : images)
        payloads.append(image.width() >= kPngThreshold ? png(image) : dib(image));

    QByteArray out;
    appendLe16(out, 0); // reserved
    appendLe16(out, 1); // type: icon
    appendLe16(out, quint16(images.size()));
    quint32 offset = kDirectoryHeaderSize + kDirectoryEntrySize * quint32(images.size());
    for (qsizetype i = 0; i < images.size(); ++i) {
        const QImage &image = images.at(i);
        // A width or height of 256 does not fit in a byte; the format spells it 0.
        out.append(char(image.width() >= 256 ? 0 : image.width()));
        out.append(char(image.height() >= 256 ? 0 : image.height()));
        out.append(char(0)); // no palette
        out.append(char(0)); // reserved
        appendLe16(out, 1); // colour planes
        appendLe16(out, 32); // bits per pixel
        appendLe32(out, quint32(payloads.at(i).size()));
        appendLe32(out, offset);
        offset += quint32(payloads.at(i).size());
    }
    for (const QByteArray &payload : payloads)
        out.append(payload);
    return out;
}

QByteArray IcoWriter::dib(const QImage &source)
{
    const QImage image = source.convertToFormat(QImage::Format_ARGB32);
    const int width = image.width();
    const int height = image.height();
    // The AND mask has one bit per pixel, each row padded to 32 bits.
    const int maskStride = ((width + 31) / 32) * 4;

    QByteArray out;
    appendLe32(out, kBitmapInfoHeaderSize);
    appendLe32(out, quint32(width));
    appendLe32(out, quint32(height * 2)); // colour rows and mask rows together, by convention
    appendLe16(out, 1); // planes
    appendLe16(out, 32); // bits per pixel
    appendLe32(out, 0); // BI_RGB
    appendLe32(out, quint32(width * height * 4 + maskStride * height));
    appendLe32(out, 0); // horizontal resolution
    appendLe32(out, 0); // vertical resolution
    appendLe32(out, 0); // colours used
    appendLe32(out, 0); // important colours

    // DIB rows run bottom to top; each pixel is B, G, R, A with straight alpha.
    for (int y = height - 1; y >= 0; --y) {
        const auto *line = reinterpret_cast<const QRgb *>(image.constScanLine(y));
        for (int x = 0; x < width; ++x) {
            out.append(char(qBlue(line[x])));
            out.append(char(qGreen(line[x])));
            out.append(char(qRed(line[x])));
            out.append(char(qAlpha(line[x])));
        }
    }
    // The mask marks fully transparent pixels for programs that ignore the alpha channel.
    for (int y = height - 1; y >= 0; --y) {
        const auto *line = reinterpret_cast<const QRgb *>(image.constScanLine(y));
        QByteArray row(maskStride, '\0');
        for (int x = 0; x < width; ++x) {
            if (qAlpha(line[x]) == 0)
                row[x / 8] = char(row.at(x / 8) | (0x80 >> (x % 8)));
        }
        out.append(row);
    }
    return out;
}

QByteArray IcoWriter::png(const QImage &image)
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    return bytes;
}

} // namespace vigil
