// vigil-icons SVG OUTPUT_DIR: renders vigil.ico, vigil.icns and dmg-background.png from the SVG.
#include "DmgBackground.h"
#include "IcnsWriter.h"
#include "IcoWriter.h"
#include "IconRenderer.h"

#include <QBuffer>
#include <QDir>
#include <QFile>
#include <QGuiApplication>
#include <QTextStream>

namespace {
bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(bytes) != bytes.size()) {
        QTextStream(stderr) << "cannot write " << path << ": " << file.errorString() << '\n';
        return false;
    }
    return true;
}
} // namespace

int main(int argc, char **argv)
{
    // Rendering needs no display; the offscreen platform keeps the tool usable on build machines.
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);

    const QStringList arguments = app.arguments();
    if (arguments.size() != 3) {
        QTextStream(stderr) << "usage: vigil-icons SVG OUTPUT_DIR\n";
        return 2;
    }
    const vigil::IconRenderer renderer(arguments.at(1));
    if (!renderer.isValid()) {
        QTextStream(stderr) << "cannot read " << arguments.at(1) << '\n';
        return 1;
    }
    const QDir out(arguments.at(2));

    QList<QImage> icoImages;
    for (const int size : {16, 24, 32, 48, 64, 256})
        icoImages.append(renderer.render(size));
    QList<QImage> icnsImages;
    for (const int size : {128, 256, 512, 1024})
        icnsImages.append(renderer.render(size));

    QByteArray background;
    {
        QBuffer buffer(&background);
        buffer.open(QIODevice::WriteOnly);
        vigil::DmgBackground::render().save(&buffer, "PNG");
    }

    const bool ok = writeFile(out.filePath(QStringLiteral("vigil.ico")), vigil::IcoWriter::write(icoImages))
            && writeFile(out.filePath(QStringLiteral("vigil.icns")), vigil::IcnsWriter::write(icnsImages))
            && writeFile(out.filePath(QStringLiteral("dmg-background.png")), background);
    return ok ? 0 : 1;
}
