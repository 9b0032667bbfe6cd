#include "clisupport.h"

#include "storage/database.h"

#include "config/appsettings.h"

#include <QCoreApplication>
#include <QDir>
#include <QJsonDocument>

namespace madoguchi::cli {

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

int fail(const QString &message, int code)
{
    // One line, whatever the message contains.
    QString line = message;
    line.replace(u'\n', u' ');
    err() << "madoguchi-cli: " << line << Qt::endl;
    return code;
}

void printJson(const QJsonObject &object)
{
    out() << QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Indented)) << Qt::flush;
}

void printJsonLine(const QJsonObject &object)
{
    out() << QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact)) << Qt::endl;
}

Common::Common()
    : db(QStringLiteral("db"),
         QCoreApplication::translate("Cli", "Database file (default: %1).")
             .arg(QDir::toNativeSeparators(AppSettings::databasePath())),
         QCoreApplication::translate("Cli", "path"))
    , json(QStringLiteral("json"), QCoreApplication::translate("Cli", "Print machine-readable JSON."))
    , help({QStringLiteral("h"), QStringLiteral("help")},
           QCoreApplication::translate("Cli", "Show help for the command."))
{}

void Common::addTo(QCommandLineParser &parser) const
{
    parser.addOption(db);
    parser.addOption(json);
    parser.addOption(help);
}

bool parse(QCommandLineParser &parser, const Common &common, const QStringList &arguments, int &exitCode,
           int positionals)
{
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    common.addTo(parser);
    if (!parser.parse(arguments)) {
        exitCode = fail(parser.errorText(), Usage);
        return false;
    }
    if (parser.isSet(common.help)) {
        out() << parser.helpText();
        exitCode = Success;
        return false;
    }
    // The command's own name is the first positional argument.
    if (parser.positionalArguments().size() > 1 + positionals) {
        exitCode = fail(QCoreApplication::translate("Cli", "Unexpected argument: %1")
                            .arg(parser.positionalArguments().at(1 + positionals)),
                        Usage);
        return false;
    }
    return true;
}

bool parsePositive(const QCommandLineParser &parser, const QCommandLineOption &option, qint64 &value, int &exitCode)
{
    if (!parser.isSet(option))
        return true;
    bool ok = false;
    const QString text = parser.value(option);
    value = text.toLongLong(&ok);
    if (!ok || value < 0) {
        exitCode = fail(QCoreApplication::translate("Cli", "--%1 expects a whole number of zero or more, not \"%2\".")
                            .arg(option.names().constFirst(), text),
                        Usage);
        return false;
    }
    return true;
}

QString databasePath(const QCommandLineParser &parser, const Common &common)
{
    return parser.isSet(common.db) ? parser.value(common.db) : AppSettings::databasePath();
}

std::unique_ptr<Database> openExisting(const QCommandLineParser &parser, const Common &common, int &exitCode)
{
    Database::Options options;
    options.mode = Database::OpenMode::MustExist;
    auto database = Database::open(databasePath(parser, common), options);
    if (!database) {
        exitCode = fail(database.error().message);
        return nullptr;
    }
    // A file not closed cleanly and not checked since: its pages are
    // checked before anything is written (damage found refuses every write;
    // a check that cannot finish, anything at all).
    if (database.value()->needsCheck() && !database.value()->health().isDamaged()) {
        if (const auto checked = database.value()->health().check(database.value()->connection()); !checked) {
            exitCode = fail(checked.error().message);
            return nullptr;
        }
    }
    return std::move(database.value());
}

QString subcommand(const QStringList &arguments, const QString &command)
{
    const qsizetype at = arguments.indexOf(command);
    return at >= 0 && at + 1 < arguments.size() ? arguments.at(at + 1) : QString();
}

QString isoTime(const QDateTime &t)
{
    return t.isValid() ? t.toUTC().toString(Qt::ISODateWithMs) : QString();
}

} // namespace madoguchi::cli
