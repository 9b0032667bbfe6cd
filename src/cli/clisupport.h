#pragma once

#include "clicommands.h"

#include "domain/enums.h"

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QJsonObject>
#include <QTextStream>

// What every madoguchi-cli command shares: output streams, the one-line
// error, the common options and argument parsing.
#include <memory>

namespace madoguchi {
class Database;
}

namespace madoguchi::cli {

QTextStream &out();
QTextStream &err();
// Prints "madoguchi-cli: message" as one line on stderr; returns `code`.
int fail(const QString &message, int code = Failure);
void printJson(const QJsonObject &object);
// One JSON object on one line (JSON Lines), for progress that streams.
void printJsonLine(const QJsonObject &object);

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
// The database named by --db, which must exist; null (message printed,
// exitCode set) when it cannot be opened.
std::unique_ptr<Database> openExisting(const QCommandLineParser &parser, const Common &common, int &exitCode);
// UTC ISO 8601 with milliseconds; empty for an invalid time.
QString isoTime(const QDateTime &t);
// The word after `command` ("add" in "customer add"), or empty.
QString subcommand(const QStringList &arguments, const QString &command);

// Reads an enumeration option by its key into `value` when it is given;
// false (usage message printed, exitCode set) for an unknown key.
template<typename E>
bool enumOption(const QCommandLineParser &parser, const QCommandLineOption &option, E &value, int &exitCode)
{
    if (!parser.isSet(option))
        return true;
    const auto parsed = fromKey<E>(parser.value(option));
    if (!parsed) {
        exitCode = fail(QCoreApplication::translate("Cli", "--%1 must be one of: %2.")
                            .arg(option.names().constFirst(), allKeys<E>().join(QStringLiteral(", "))),
                        Usage);
        return false;
    }
    value = *parsed;
    return true;
}

} // namespace madoguchi::cli
