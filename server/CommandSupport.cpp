#include "CommandSupport.h"

#include "Database.h"
#include "ServerContext.h"

#include <QJsonDocument>
#include <QSaveFile>
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

namespace {
QString g_databaseUrl;
} // namespace

QString databaseUrl()
{
    return g_databaseUrl;
}

int parse(QCommandLineParser &parser, const QStringList &arguments, const QString &description,
          bool needsData)
{
    parser.setApplicationDescription(description);
    parser.addHelpOption();
    const QCommandLineOption databaseOption(
            QStringLiteral("database"),
            QStringLiteral(
                    "A PostgreSQL store shared by several servers, e.g. "
                    "postgresql://vigil@db.acme.example:5432/vigil (default: SQLite in the data folder)."),
            QStringLiteral("URL"));
    if (needsData) {
        parser.addOption(dataOption());
        parser.addOption(databaseOption);
    }
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
    if (needsData) {
        g_databaseUrl = parser.value(databaseOption);
        if (!g_databaseUrl.isEmpty() && !Database::isPostgresUrl(g_databaseUrl)) {
            err() << "--database takes a postgresql://user@host:port/database URL\n" << Qt::flush;
            return kUsage;
        }
    }
    return -1;
}

std::unique_ptr<ServerContext> openContext(const QString &dataDir)
{
    QString error;
    auto context = ServerContext::open(dataDir, &error, g_databaseUrl);
    if (!context)
        err() << "vigil-server: " << error << "\n" << Qt::flush;
    return context;
}

bool writePrivateJson(const QString &path, const QJsonObject &object, QString *error)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        *error = QStringLiteral("cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    file.write(QJsonDocument(object).toJson(QJsonDocument::Indented));
    if (!file.commit()) {
        *error = QStringLiteral("cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

} // namespace vigil::CommandSupport
