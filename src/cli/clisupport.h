#pragma once

#include "clicommands.h"

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QJsonObject>
#include <QTextStream>

// What every madoguchi-cli command shares: output streams, the one-line
// error, the common options and argument parsing.
namespace madoguchi::cli {

QTextStream &out();
QTextStream &err();
// Prints "madoguchi-cli: message" as one line on stderr; returns `code`.
int fail(const QString &message, int code = Failure);
void printJson(const QJsonObject &object);

struct Common
{
    QCommandLineOption db;
    QCommandLineOption json;
    QCommandLineOption help;
    Common();
    void addTo(QCommandLineParser &parser) const;
};

// Parses `arguments` with the common options plus those already added.
// Returns false when the command must not run: bad arguments (message
// printed, exitCode = Usage) or --help (help printed, exitCode = Success).
// `positionals` is how many positional arguments the command takes after its name.
bool parse(QCommandLineParser &parser, const Common &common, const QStringList &arguments, int &exitCode,
           int positionals = 0);
bool parsePositive(const QCommandLineParser &parser, const QCommandLineOption &option, qint64 &value, int &exitCode);
QString databasePath(const QCommandLineParser &parser, const Common &common);

} // namespace madoguchi::cli
