#pragma once

#include <QStringList>

namespace madoguchi::cli {

enum ExitCode {
    Success = 0,
    Failure = 1, // the command ran and failed (bad database, invalid data, …)
    Usage = 2,   // bad arguments
};

// Runs `madoguchi-cli` with `arguments` (argv, program name first). Results go
// to stdout (JSON with --json), errors as one line to stderr.
int run(const QStringList &arguments);

// customercommands.cpp
int commandCustomer(const QStringList &arguments);
int commandLogInteraction(const QStringList &arguments);
// ticketcommands.cpp
int commandTicket(const QStringList &arguments);
// kpicommands.cpp
int commandKpi(const QStringList &arguments);
// servercommands.cpp
int commandServer(const QStringList &arguments);
int commandSync(const QStringList &arguments);

} // namespace madoguchi::cli
