#include "clisupport.h"

#include "storage/database.h"

#include "config/appsettings.h"

#include <QDir>
#include <QJsonDocument>

#include <algorithm>

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

Error usageError(const QString &message)
{
    return makeError(Error::Code::Usage, message);
}

int report(const Error &error)
{
    // One line, whatever the message contains.
    QString line = error.message;
    line.replace(u'\n', u' ');
    err() << "madoguchi-cli: " << line << Qt::endl;
    return error.code == Error::Code::Usage ? Usage : Failure;
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
         CliText::tr("Database file (default: %1).").arg(QDir::toNativeSeparators(AppSettings::databasePath())),
         CliText::tr("path"))
    , json(QStringLiteral("json"), CliText::tr("Print machine-readable JSON."))
    , help({QStringLiteral("h"), QStringLiteral("help")}, CliText::tr("Show help for the command."))
{}

void Common::addTo(QCommandLineParser &parser) const
{
    parser.addOption(db);
    parser.addOption(json);
    parser.addOption(help);
}

Invocation::Invocation(const Command &command, const QCommandLineParser &parser, const Common &common)
    : m_command(command)
    , m_parser(parser)
    , m_common(common)
{}

QString Invocation::declared(const char *option) const
{
    const auto named = [option](const OptionSpec &o) { return qstrcmp(o.name, option) == 0; };
    Q_ASSERT_X(std::ranges::any_of(m_command.options, named) || std::ranges::any_of(m_command.sharedOptions, named),
               "Invocation", option);
    return QLatin1String(option);
}

bool Invocation::isSet(const char *option) const
{
    return m_parser.isSet(declared(option));
}

QString Invocation::value(const char *option) const
{
    return m_parser.value(declared(option));
}

QStringList Invocation::values(const char *option) const
{
    return m_parser.values(declared(option));
}

QStringList Invocation::arguments() const
{
    return m_parser.positionalArguments().mid(m_command.group ? 2 : 1);
}

QString Invocation::databasePath() const
{
    return m_parser.isSet(m_common.db) ? m_parser.value(m_common.db) : AppSettings::databasePath();
}

Result<void> readCount(const Invocation &in, const char *option, qint64 &value)
{
    if (!in.isSet(option))
        return {};
    bool ok = false;
    const QString text = in.value(option);
    value = text.toLongLong(&ok);
    if (!ok || value < 0)
        return usageError(
            CliText::tr("--%1 expects a whole number of zero or more, not \"%2\".").arg(QLatin1String(option), text));
    return {};
}

Result<std::unique_ptr<Database>> openExisting(const Invocation &in)
{
    Database::Options options;
    options.mode = Database::OpenMode::MustExist;
    auto database = Database::open(in.databasePath(), options);
    if (!database) {
        if (database.error().code == Error::Code::NotFound)
            return makeError(Error::Code::NotFound,
                             CliText::tr("%1 Create one with \"madoguchi-cli init\" (a new, empty database for your "
                                         "team) or \"madoguchi-cli demo\" (demo data to try the app).")
                                 .arg(database.error().message));
        return database.error();
    }
    // A file not closed cleanly and not checked since: its pages are
    // checked before anything is written (damage found refuses every write;
    // a check that cannot finish, anything at all).
    if (database.value()->needsCheck() && !database.value()->health().isDamaged()) {
        if (const auto checked = database.value()->health().check(database.value()->connection()); !checked)
            return checked.error();
    }
    return std::move(database.value());
}

QString isoTime(const QDateTime &t)
{
    return t.isValid() ? t.toUTC().toString(Qt::ISODateWithMs) : QString();
}

} // namespace madoguchi::cli
