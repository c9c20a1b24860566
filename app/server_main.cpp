#include "ServerCommands.h"

#include <QCoreApplication>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("vigil-server"));
    QCoreApplication::setApplicationVersion(QStringLiteral(VIGIL_VERSION));
    return vigil::ServerCommands::run(QCoreApplication::arguments());
}
