#include "CommandSupport.h"

#include "ServerContext.h"

#include <cstdio>

namespace vigil::CommandSupport {

QTextStream &out()
{
    static QTextStream stream(stdout);
    return stream;
}

QTextStream &err()
{
    static QTextStream stream(stderr);
    return stream;
}

QCommandLineOption dataOption()
{
    return QCommandLineOption(QStringLiteral("data"), QStringLiteral("The backend's data folder."),
                              QStringLiteral("DIR"));
}

int parse(QCommandLineParser &parser, const QStringList &arguments, const QString &description,
          bool needsData)
{
    parser.setApplicationDescription(description);
    parser.addHelpOption();
    if (needsData)
        parser.addOption(dataOption());
    if (!parser.parse(arguments)) {
        err() << parser.errorText() << "\n" << Qt::flush;
        return kUsage;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        out() << parser.helpText() << Qt::flush;
        return kOk;
    }
    if (needsData && parser.value(QStringLiteral("data")).isEmpty()) {
        err() << "--data DIR is required (see --help)\n" << Qt::flush;
        return kUsage;
    }
    return -1;
}

std::unique_ptr<ServerContext> openContext(const QString &dataDir)
{
    QString error;
    auto context = ServerContext::open(dataDir, &error);
    if (!context)
        err() << "vigil-server: " << error << "\n" << Qt::flush;
    return context;
}

} // namespace vigil::CommandSupport
