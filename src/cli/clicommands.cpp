// madoguchi-cli's command table and the one dispatcher: it finds the command,
// parses its arguments against the command's specs, runs it and turns an
// error into the one line on stderr and the exit status.
#include "clicommands.h"
#include "clisupport.h"

#include "storage/database.h"

#include <QCommandLineParser>
#include <QJsonObject>

namespace madoguchi::cli {

namespace {

// The order of the usage text.
constexpr const Command *kCommands[] = {
    &initCommand,
    &demoCommand,
    &checkCommand,
    &searchCommand,
    &customerAddCommand,
    &customerShowCommand,
    &logInteractionCommand,
    &ticketCreateCommand,
    &ticketUpdateCommand,
    &ticketShowCommand,
    &agentListCommand,
    &agentAddCommand,
    &agentEditCommand,
    &agentDeactivateCommand,
    &agentReactivateCommand,
    &teamListCommand,
    &teamAddCommand,
    &teamEditCommand,
    &kpiCommand,
    &backupCommand,
    &restoreCommand,
    &serverInitCommand,
    &serverAddAgentCommand,
    &serverRetainCommand,
    &syncCommand,
};

// A command of two words, and what to say when the second is missing or unknown.
struct Group
{
    const char *name;
    const char *needsSubcommand; // QT_TRANSLATE_NOOP("Cli", …)
};

// clang-format off
constexpr Group kGroups[] = {
    {"customer", QT_TRANSLATE_NOOP("Cli", "customer needs add or show.")},
    {"ticket", QT_TRANSLATE_NOOP("Cli", "Use ticket create, ticket update or ticket show.")},
    {"agent", QT_TRANSLATE_NOOP("Cli", "Use agent list, agent add, agent edit, agent deactivate or agent reactivate.")},
    {"team", QT_TRANSLATE_NOOP("Cli", "Use team list, team add or team edit.")},
    {"server", QT_TRANSLATE_NOOP("Cli", "Use server init, add-agent, edit-agent, deactivate-agent, reactivate-agent, "
                                        "reset-password, add-team, edit-team or retain.")},
};
// clang-format on

// Options only the top level takes.
// clang-format off
constexpr OptionSpec kTopLevelOptions[] = {
    {"version", nullptr, QT_TRANSLATE_NOOP("Cli", "Print the version")},
    {"help", nullptr, QT_TRANSLATE_NOOP("Cli", "Show this help; COMMAND --help shows a command's options")},
};
// clang-format on

QString cli(const char *text)
{
    return CliText::tr(text);
}

QCommandLineOption toOption(const OptionSpec &spec)
{
    QCommandLineOption option(QLatin1String(spec.name), cli(spec.help));
    if (spec.valueName)
        option.setValueName(cli(spec.valueName));
    if (spec.defaultValue)
        option.setDefaultValue(QLatin1String(spec.defaultValue));
    return option;
}

// "--status STATUS", "--json"
QString optionText(const QCommandLineOption &option)
{
    const QString name = QStringLiteral("--") + option.names().constLast();
    return option.valueName().isEmpty() ? name : name + u' ' + option.valueName().toUpper();
}

// The options of a synopsis: "[--a A]", "--b B", "[--c C]...", "(--d D | --e E)".
QStringList optionsSynopsis(const Command &command)
{
    QStringList parts;
    QStringList oneOf;
    auto closeOneOf = [&] {
        if (!oneOf.isEmpty())
            parts << u'(' + oneOf.join(QStringLiteral(" | ")) + u')';
        oneOf.clear();
    };
    for (const auto specs : {command.options, command.sharedOptions}) {
        for (const OptionSpec &spec : specs) {
            const QString text = optionText(toOption(spec));
            if (spec.use == OptionSpec::OneOf) {
                oneOf << text;
                continue;
            }
            closeOneOf();
            if (spec.use == OptionSpec::Required)
                parts << text;
            else
                parts << u'[' + text + u']' + (spec.use == OptionSpec::Repeatable ? QStringLiteral("...") : QString());
        }
    }
    closeOneOf();
    return parts;
}

// `words` joined into lines of at most `width` characters, each line after
// the first indented by `indent`.
QString wrapped(const QStringList &words, qsizetype indent, qsizetype width = 100)
{
    QString text;
    qsizetype column = 0;
    for (const QString &word : words) {
        if (column > indent && column + 1 + word.size() > width) {
            text += u'\n' + QString(indent, u' ');
            column = indent;
        } else if (!text.isEmpty()) {
            text += u' ';
            ++column;
        }
        text += word;
        column += word.size();
    }
    return text;
}

// The words, the positional arguments and the options of a command's synopsis.
QStringList synopsisParts(const Command &command)
{
    QStringList parts{commandName(command)};
    for (const PositionalSpec &p : command.positionals) {
        const QString name = QString::fromLatin1(p.name).toUpper();
        parts << (p.optional ? u'[' + name + u']' : name);
    }
    return parts + optionsSynopsis(command);
}

const Command *findCommand(const QString &group, const QString &name)
{
    for (const Command *c : kCommands) {
        if (QLatin1String(c->group) == group && QLatin1String(c->name) == name)
            return c;
    }
    return nullptr;
}

// The command named by `word` (and for a group, the word after it).
Result<const Command *> commandFor(const QString &word, const QStringList &arguments)
{
    for (const Group &g : kGroups) {
        if (word != QLatin1String(g.name))
            continue;
        const qsizetype at = arguments.indexOf(word);
        const QString sub = at + 1 < arguments.size() ? arguments.at(at + 1) : QString();
        if (const Command *c = findCommand(word, sub))
            return c;
        return usageError(cli(g.needsSubcommand));
    }
    if (const Command *c = findCommand(QString(), word))
        return c;
    return usageError(
        CliText::tr("Unknown command \"%1\". Run madoguchi-cli --help for the list of commands.").arg(word));
}

// The help of one command: its synopsis, summary, options and arguments.
QString commandHelp(const Command &command, const QCommandLineParser &parser)
{
    // Qt's first line names the program only; ours names the command too.
    const QString text = parser.helpText();
    return CliText::tr("Usage: %1").arg(wrapped(QStringList{QStringLiteral("madoguchi-cli")} + synopsisParts(command), 8))
           + text.mid(text.indexOf(u'\n'));
}

// Parses `arguments` for `command` and runs it; its help when asked for.
Result<void> execute(const Command &command, const QStringList &arguments)
{
    QCommandLineParser parser;
    Common common;
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    parser.setApplicationDescription(cli(command.summary));
    parser.addOptions(parserOptions(command));
    common.addTo(parser);
    for (const PositionalSpec &p : command.positionals)
        parser.addPositionalArgument(QLatin1String(p.name), cli(p.help));
    if (!parser.parse(arguments))
        return usageError(parser.errorText());
    if (parser.isSet(common.help)) {
        out() << commandHelp(command, parser);
        return {};
    }
    // The command's own words are the first positional arguments.
    const qsizetype allowed = (command.group ? 2 : 1) + command.positionals.size();
    if (parser.positionalArguments().size() > allowed)
        return usageError(CliText::tr("Unexpected argument: %1").arg(parser.positionalArguments().at(allowed)));
    return command.run(Invocation(command, parser, common));
}

// Without a command: --version, --help, or the usage and an error.
int runTopLevel(const QStringList &arguments, bool json)
{
    if (arguments.contains(QStringLiteral("--version"))) {
        if (json)
            printJson(QJsonObject{{QStringLiteral("version"), QStringLiteral(MADOGUCHI_VERSION)},
                                  {QStringLiteral("schema_version"), Database::latestSchemaVersion()}});
        else
            out() << "madoguchi-cli " << MADOGUCHI_VERSION << Qt::endl;
        return Success;
    }
    if (arguments.contains(QStringLiteral("--help")) || arguments.contains(QStringLiteral("-h"))) {
        out() << usage() << Qt::flush;
        return Success;
    }
    err() << usage() << Qt::flush;
    return report(usageError(CliText::tr("No command given.")));
}

} // namespace

std::span<const Command *const> commands()
{
    return kCommands;
}

QString commandName(const Command &command)
{
    const QString name = QLatin1String(command.name);
    return command.group ? QLatin1String(command.group) + u' ' + name : name;
}

QList<QCommandLineOption> parserOptions(const Command &command)
{
    QList<QCommandLineOption> options;
    for (const auto specs : {command.options, command.sharedOptions}) {
        for (const OptionSpec &spec : specs)
            options << toOption(spec);
    }
    return options;
}

QString synopsis(const Command &command)
{
    return synopsisParts(command).join(u' ');
}

QString usage()
{
    const Common common;
    QString text = CliText::tr("Usage: %1")
                       .arg(QStringLiteral("madoguchi-cli [%1] [%2] COMMAND [OPTIONS]")
                                .arg(optionText(common.db), optionText(common.json)))
                   + QStringLiteral("\n\n") + CliText::tr("Commands:") + u'\n';
    for (const Command *c : kCommands)
        text += QStringLiteral("  ") + wrapped(synopsisParts(*c), 10) + QStringLiteral("\n      ") + cli(c->summary)
                + u'\n';
    text += u'\n' + CliText::tr("Options:") + u'\n';
    QList<QCommandLineOption> global{common.db, common.json};
    for (const OptionSpec &spec : kTopLevelOptions)
        global << toOption(spec);
    for (const QCommandLineOption &o : std::as_const(global))
        text += QStringLiteral("  %1  %2\n").arg(optionText(o), -10).arg(o.description());
    return text;
}

int run(const QStringList &arguments)
{
    // The command is the first argument that is neither an option nor the
    // value of --db.
    QString command;
    bool json = false;
    for (qsizetype i = 1; i < arguments.size(); ++i) {
        const QString &a = arguments.at(i);
        if (a == u"--db" || a == u"-db") {
            ++i;
            continue;
        }
        if (a == u"--json")
            json = true;
        if (!a.startsWith(u'-')) {
            command = a;
            break;
        }
    }
    if (command.isEmpty())
        return runTopLevel(arguments, json);
    const auto found = commandFor(command, arguments);
    const auto done = found ? execute(*found.value(), arguments) : Result<void>(found.error());
    return done ? Success : report(done.error());
}

} // namespace madoguchi::cli
