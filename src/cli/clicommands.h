#pragma once

#include "common/result.h"

#include <QCommandLineOption>
#include <QStringList>

#include <span>

namespace madoguchi::cli {

enum ExitCode {
    Success = 0,
    Failure = 1, // the command ran and failed (bad database, invalid data, …)
    Usage = 2,   // bad arguments
};

class Invocation;

// One option of a command. The parser and the usage text are both made from
// it, so what is accepted is what is listed. Tables of specs sit between
// `clang-format off/on`: .clang-format marks QT_TRANSLATE_NOOP whitespace-
// sensitive, and would indent each row one column further than the last.
struct OptionSpec
{
    enum Use {
        Optional,
        Required,   // shown without brackets; the command says what is missing
        Repeatable, // may be given more than once
        OneOf,      // one of a run of OneOf options is required: (--a A | --b B)
    };
    const char *name;                // without dashes
    const char *valueName = nullptr; // QT_TRANSLATE_NOOP("Cli", …); null for a switch
    const char *help = nullptr;      // QT_TRANSLATE_NOOP("Cli", …)
    Use use = Optional;
    const char *defaultValue = nullptr;
};

struct PositionalSpec
{
    const char *name; // shown in capitals in the usage: "file" → FILE
    const char *help; // QT_TRANSLATE_NOOP("Cli", …)
    bool optional = false;
};

// A command of madoguchi-cli: its words, a one-line summary, what it takes and
// what runs it. An error it returns is reported once, by run().
struct Command
{
    const char *group; // "ticket" in "ticket update"; null for a one-word command
    const char *name;
    const char *summary; // QT_TRANSLATE_NOOP("Cli", …)
    std::span<const PositionalSpec> positionals;
    std::span<const OptionSpec> options;
    std::span<const OptionSpec> sharedOptions; // a set several commands take (the server connection)
    Result<void> (*run)(const Invocation &in);
};

// Runs `madoguchi-cli` with `arguments` (argv, program name first). Results go
// to stdout (JSON with --json), errors as one line to stderr.
int run(const QStringList &arguments);

// Every command, in the order the usage lists them.
std::span<const Command *const> commands();
// The command's words: "ticket update".
QString commandName(const Command &command);
// "ticket update NUMBER [--status STATUS] …", made from the command's specs.
QString synopsis(const Command &command);
// The top-level --help text.
QString usage();
// The options a command's parser accepts besides the common ones: its own and the shared set.
QList<QCommandLineOption> parserOptions(const Command &command);

// databasecommands.cpp
extern const Command demoCommand;
extern const Command checkCommand;
extern const Command searchCommand;
extern const Command backupCommand;
extern const Command restoreCommand;
// directorycommands.cpp
extern const Command initCommand;
extern const Command agentListCommand;
extern const Command agentAddCommand;
extern const Command agentEditCommand;
extern const Command agentDeactivateCommand;
extern const Command agentReactivateCommand;
extern const Command teamListCommand;
extern const Command teamAddCommand;
extern const Command teamEditCommand;
// customercommands.cpp
extern const Command customerAddCommand;
extern const Command customerShowCommand;
extern const Command logInteractionCommand;
// ticketcommands.cpp
extern const Command ticketCreateCommand;
extern const Command ticketUpdateCommand;
extern const Command ticketShowCommand;
// kpicommands.cpp
extern const Command kpiCommand;
// servercommands.cpp
extern const Command serverInitCommand;
extern const Command serverAddAgentCommand;
extern const Command serverEditAgentCommand;
extern const Command serverDeactivateAgentCommand;
extern const Command serverReactivateAgentCommand;
extern const Command serverResetPasswordCommand;
extern const Command serverAddTeamCommand;
extern const Command serverEditTeamCommand;
extern const Command serverRetainCommand;
extern const Command syncCommand;

} // namespace madoguchi::cli
