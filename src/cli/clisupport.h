#pragma once

#include "clicommands.h"

#include "common/result.h"
#include "domain/enums.h"

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QJsonObject>
#include <QTextStream>

// What every madoguchi-cli command shares: output streams, errors as values,
// the common options and reading the parsed arguments.
#include <memory>

namespace madoguchi {
class Database;
}

namespace madoguchi::cli {

// The translation context "Cli" (the command-line tool's messages).
struct CliText
{
    Q_DECLARE_TR_FUNCTIONS(Cli)
};

QTextStream &out();
QTextStream &err();
// Bad arguments: the command did not run (exit status Usage).
Error usageError(const QString &message);
// Prints `error` as "madoguchi-cli: message" on one line on stderr; returns
// its exit status. The one place a command's error becomes output.
int report(const Error &error);
void printJson(const QJsonObject &object);
// One JSON object on one line (JSON Lines), for progress that streams.
void printJsonLine(const QJsonObject &object);

// The options every command takes (and the top-level usage lists).
struct Common
{
    QCommandLineOption db;
    QCommandLineOption json;
    QCommandLineOption help;
    Common();
    void addTo(QCommandLineParser &parser) const;
};

// A command's arguments after parsing against its OptionSpecs: options are
// read by the name in the spec (a name the spec lacks is a programming error).
class Invocation
{
public:
    Invocation(const Command &command, const QCommandLineParser &parser, const Common &common);

    bool isSet(const char *option) const;
    QString value(const char *option) const;
    QStringList values(const char *option) const;
    // The positional arguments after the command's own words.
    QStringList arguments() const;
    bool json() const { return m_parser.isSet(m_common.json); }
    // The database named by --db, or the application's.
    QString databasePath() const;

private:
    QString declared(const char *option) const;

    const Command &m_command;
    const QCommandLineParser &m_parser;
    const Common &m_common;
};

// Reads a whole number of zero or more into `value` when the option is given.
Result<void> readCount(const Invocation &in, const char *option, qint64 &value);
// The database named by --db, which must exist (and is checked first when
// it was not closed cleanly).
Result<std::unique_ptr<Database>> openExisting(const Invocation &in);
// UTC ISO 8601 with milliseconds; empty for an invalid time.
QString isoTime(const QDateTime &t);

// Reads an enumeration option by its key into `value` when it is given; a
// usage error for an unknown key.
template<typename E>
Result<void> readEnum(const Invocation &in, const char *option, E &value)
{
    if (!in.isSet(option))
        return {};
    const auto parsed = fromKey<E>(in.value(option));
    if (!parsed)
        return usageError(
            CliText::tr("--%1 must be one of: %2.").arg(QLatin1String(option), allKeys<E>().join(QStringLiteral(", "))));
    value = *parsed;
    return {};
}

} // namespace madoguchi::cli
