#pragma once

#include <QCommandLineParser>
#include <QJsonObject>
#include <QString>
#include <QTextStream>

namespace vigil {

class ServerContext;

// Small helpers shared by the vigil-server subcommands.
namespace CommandSupport {

constexpr int kOk = 0;
constexpr int kFailed = 1;
constexpr int kUsage = 2;

QTextStream &out();
QTextStream &err();

QCommandLineOption dataOption();
// Parses `arguments` (whose first item is the command path, e.g. "vigil-server agent add").
// Returns -1 to continue, or the exit code when parsing ended the command (help or error).
int parse(QCommandLineParser &parser, const QStringList &arguments, const QString &description,
          bool needsData = true);
// Opens the data folder with the store given by --database (SQLite in the folder when none).
std::unique_ptr<ServerContext> openContext(const QString &dataDir);
// The --database URL of the last parse(), empty for SQLite.
QString databaseUrl();
// Writes `object` as indented JSON readable by its owner only, replacing the file atomically
// (the demo's credential and answer sheets hold passwords).
bool writePrivateJson(const QString &path, const QJsonObject &object, QString *error);

} // namespace CommandSupport
} // namespace vigil
