#include "clicommands.h"
#include "clisupport.h"

#include "config/appsettings.h"
#include "demo/demogenerator.h"
#include "domain/phonenumber.h"
#include "domain/uuid.h"
#include "repositories/customersearch.h"
#include "storage/backups.h"
#include "storage/database.h"
#include "storage/databaseinfo.h"
#include "storage/stagedfile.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QTextStream>

#include <cstdio>
#include <unistd.h>

namespace madoguchi::cli {

namespace {

QString usage()
{
    return QCoreApplication::translate(
        "Cli",
        "Usage: madoguchi-cli [--db PATH] [--json] COMMAND [OPTIONS]\n"
        "\n"
        "Commands:\n"
        "  demo     Fill a new database with a realistic demo data set\n"
        "  check    Check the integrity and schema version of a database\n"
        "  search   Find customers by name, reading, company, e-mail or phone\n"
        "  customer add --name NAME [--kana READING] [--phone P]... [--email E]... [--org NAME]\n"
        "  customer show ID|PHONE|EMAIL\n"
        "  log-interaction (--phone NUMBER | --customer ID) --channel C --direction D [--started ISO8601]\n"
        "           [--duration S] [--outcome O] [--notes TEXT] [--ticket NUMBER]\n"
        "  ticket create --customer ID --subject TEXT [--priority P] [--category C] [--channel C] [--assignee NAME]\n"
        "  ticket update NUMBER [--status S] [--priority P] [--assignee NAME] [--escalate LEVEL --reason TEXT] [--tag T]...\n"
        "  ticket show NUMBER\n"
        "  kpi --from YYYY-MM-DD --to YYYY-MM-DD [--team NAME] [--agent NAME]\n"
        "  backup [FILE] [--list]   (a consistent copy; without FILE into the backup folder beside the database)\n"
        "  restore FILE | --newest  (replaces the database; changes not yet sent are carried over)\n"
        "  server init [--host H --port P --dbname D --user U --sslmode M --sslrootcert FILE]\n"
        "  server add-agent LOGIN [--name TEXT] [--role agent|lead|supervisor|admin] [--team NAME] [--password-stdin]\n"
        "  server retain [--days N]   (remove changes older than N days, default 120; run daily)\n"
        "           (the server's password from PGPASSWORD)\n"
        "  sync [--once] [--host H --port P --dbname D --user U --sslmode M --sslrootcert FILE]\n"
        "           (PGPASSWORD or the keychain; with --json, one JSON object per line)\n"
        "\n"
        "Options:\n"
        "  --db PATH    Database file (default: the application's data folder)\n"
        "  --json       Machine-readable output\n"
        "  --version    Print the version\n"
        "  --help       Show this help; COMMAND --help shows a command's options\n");
}

// What `demo` was asked for.
struct DemoRequest
{
    DemoOptions options;
    QString path;
    bool json = false;
};

// A finished demo database and what went into it.
struct DemoWritten
{
    QString path;
    DemoSummary summary;
};

// False (message or help printed, exitCode set) when the command must not run.
bool parseDemoArguments(const QStringList &arguments, DemoRequest &request, int &exitCode)
{
    QCommandLineParser parser;
    Common common;
    const QCommandLineOption seed(QStringLiteral("seed"),
                                  QCoreApplication::translate("Cli", "Random seed (same seed, same data)."),
                                  QCoreApplication::translate("Cli", "n"), QStringLiteral("1"));
    const QCommandLineOption customers(QStringLiteral("customers"),
                                       QCoreApplication::translate("Cli", "Number of customers."),
                                       QCoreApplication::translate("Cli", "n"), QStringLiteral("2000"));
    const QCommandLineOption tickets(QStringLiteral("tickets"),
                                     QCoreApplication::translate("Cli", "Number of tickets."),
                                     QCoreApplication::translate("Cli", "n"), QStringLiteral("10000"));
    const QCommandLineOption interactions(QStringLiteral("interactions"),
                                          QCoreApplication::translate("Cli", "Number of interactions."),
                                          QCoreApplication::translate("Cli", "n"), QStringLiteral("30000"));
    const QCommandLineOption
        anchor(QStringLiteral("anchor"),
               QCoreApplication::translate("Cli", "Last day covered is the day before this date (default: today)."),
               QCoreApplication::translate("Cli", "YYYY-MM-DD"));
    const QCommandLineOption days(QStringLiteral("days"),
                                  QCoreApplication::translate("Cli", "Number of days the data covers."),
                                  QCoreApplication::translate("Cli", "n"), QStringLiteral("365"));
    parser.addOptions({seed, customers, tickets, interactions, anchor, days});
    if (!parse(parser, common, arguments, exitCode))
        return false;

    DemoOptions &options = request.options;
    qint64 seedValue = 1;
    qint64 daysValue = options.days;
    if (!parsePositive(parser, seed, seedValue, exitCode)
        || !parsePositive(parser, customers, options.customers, exitCode)
        || !parsePositive(parser, tickets, options.tickets, exitCode)
        || !parsePositive(parser, interactions, options.interactions, exitCode)
        || !parsePositive(parser, days, daysValue, exitCode))
        return false;
    options.seed = quint64(seedValue);
    if (daysValue < 1 || daysValue > 3660) {
        exitCode = fail(QCoreApplication::translate("Cli", "--days must be between 1 and 3660."), Usage);
        return false;
    }
    options.days = int(daysValue);
    if (options.customers < 1) {
        exitCode = fail(QCoreApplication::translate("Cli", "--customers must be at least 1."), Usage);
        return false;
    }
    if (parser.isSet(anchor)) {
        options.anchor = QDate::fromString(parser.value(anchor), Qt::ISODate);
        if (!options.anchor.isValid()) {
            exitCode = fail(QCoreApplication::translate("Cli", "--anchor expects a date like 2026-04-01, not \"%1\".")
                                .arg(parser.value(anchor)),
                            Usage);
            return false;
        }
    }
    request.path = databasePath(parser, common);
    request.json = parser.isSet(common.json);
    return true;
}

Result<DemoWritten> writeDemo(const DemoRequest &request)
{
    // Demo data only goes into a new or empty database: an existing one is
    // checked first, and left as it is when it holds anything.
    if (QFileInfo::exists(request.path)) {
        auto existing = Database::open(request.path);
        if (!existing)
            return existing.error();
        if (auto r = checkEmptyForDemo(*existing.value()); !r)
            return r.error();
    }
    // Built in a hidden file beside it and renamed into place only when
    // complete: a demo stopped at any moment (even by kill -9) leaves no
    // half-built database where one is expected.
    const auto building = StagedDatabaseFile::create(request.path);
    if (!building)
        return building.error();
    auto database = Database::open(building.value()->path());
    if (!database)
        return database.error();

    const bool showProgress = !request.json && isatty(fileno(stderr));
    const auto summary
        = generateDemoData(*database.value(), request.options, [&](const QString &stage, qint64 done, qint64 total) {
              if (showProgress)
                  err() << "\r" << QCoreApplication::translate("Cli", "%1: %2 of %3").arg(stage).arg(done).arg(total)
                        << "\x1b[K" << Qt::flush;
          });
    if (showProgress)
        err() << "\r\x1b[K" << Qt::flush;
    if (!summary)
        return summary.error();
    database.value().reset();
    if (auto r = building.value()->commit(); !r)
        return r.error();
    database = Database::open(request.path);
    if (!database)
        return database.error();
    return DemoWritten{database.value()->path(), summary.value()};
}

void printDemoSummary(const DemoRequest &request, const DemoWritten &written)
{
    const DemoSummary &s = written.summary;
    if (request.json) {
        printJson(QJsonObject{
            {QStringLiteral("database"), written.path},
            {QStringLiteral("seed"), QString::number(request.options.seed)},
            {QStringLiteral("teams"), s.teams},
            {QStringLiteral("agents"), s.agents},
            {QStringLiteral("organizations"), s.organizations},
            {QStringLiteral("customers"), s.customers},
            {QStringLiteral("customer_contacts"), s.contacts},
            {QStringLiteral("tickets"), s.tickets},
            {QStringLiteral("ticket_events"), s.ticketEvents},
            {QStringLiteral("interactions"), s.interactions},
            {QStringLiteral("csat_responses"), s.csatResponses},
            {QStringLiteral("elapsed_ms"), s.elapsedMs},
        });
        return;
    }
    out() << QCoreApplication::translate("Cli", "Demo data written to %1 in %2 s:")
                 .arg(QDir::toNativeSeparators(written.path))
                 .arg(double(s.elapsedMs) / 1000.0, 0, 'f', 1)
          << "\n"
          << QCoreApplication::translate(
                 "Cli", "  %1 customers, %2 tickets, %3 interactions, %4 survey responses, %5 agents in %6 teams")
                 .arg(s.customers)
                 .arg(s.tickets)
                 .arg(s.interactions)
                 .arg(s.csatResponses)
                 .arg(s.agents)
                 .arg(s.teams)
          << Qt::endl;
}

int commandDemo(const QStringList &arguments)
{
    DemoRequest request;
    int exitCode = Success;
    if (!parseDemoArguments(arguments, request, exitCode))
        return exitCode;
    const auto written = writeDemo(request);
    if (!written)
        return fail(written.error().message);
    printDemoSummary(request, written.value());
    return Success;
}

int commandCheck(const QStringList &arguments)
{
    QCommandLineParser parser;
    Common common;
    int exitCode = Success;
    if (!parse(parser, common, arguments, exitCode))
        return exitCode;
    Database::Options options;
    options.mode = Database::OpenMode::MustExist;
    auto database = Database::open(databasePath(parser, common), options);
    if (!database)
        return fail(database.error().message);
    const auto info = inspectDatabase(*database.value(), true);
    if (!info) {
        // Pages too damaged to read through count as damage found.
        if (info.error().code == Error::Code::NotADatabase) {
            if (auto marked = database.value()->health().markDamaged(info.error().message); !marked)
                return fail(marked.error().message);
        }
        return fail(info.error().message);
    }
    const DatabaseInfo &i = info.value();
    const bool healthy = i.integrityProblems.isEmpty() && i.foreignKeyProblems == 0;

    if (parser.isSet(common.json)) {
        QJsonObject counts;
        for (const auto &[table, n] : i.rowCounts)
            counts.insert(table, n);
        printJson(QJsonObject{
            {QStringLiteral("database"), i.path},
            {QStringLiteral("ok"), healthy},
            {QStringLiteral("schema_version"), i.schemaVersion},
            {QStringLiteral("latest_schema_version"), i.latestSchemaVersion},
            {QStringLiteral("integrity"),
             healthy ? QJsonValue(QStringLiteral("ok")) : QJsonValue(QJsonArray::fromStringList(i.integrityProblems))},
            {QStringLiteral("foreign_key_problems"), i.foreignKeyProblems},
            {QStringLiteral("demo"), i.isDemo},
            {QStringLiteral("outbox_pending"), i.outboxPending},
            {QStringLiteral("size_bytes"), i.sizeBytes},
            {QStringLiteral("counts"), counts},
        });
    } else {
        out() << QCoreApplication::translate("Cli", "Database: %1").arg(QDir::toNativeSeparators(i.path)) << "\n"
              << QCoreApplication::translate("Cli", "Schema version: %1 (this version knows up to %2)")
                     .arg(i.schemaVersion)
                     .arg(i.latestSchemaVersion)
              << "\n"
              << QCoreApplication::translate("Cli", "Integrity: %1")
                     .arg(i.integrityProblems.isEmpty() ? QCoreApplication::translate("Cli", "ok")
                                                        : i.integrityProblems.join(QStringLiteral("; ")))
              << "\n"
              << QCoreApplication::translate("Cli", "Foreign key problems: %1").arg(i.foreignKeyProblems) << "\n"
              << QCoreApplication::translate("Cli", "Changes waiting to sync: %1").arg(i.outboxPending) << "\n";
        for (const auto &[table, n] : i.rowCounts)
            out() << "  " << table << ": " << n << "\n";
        out() << Qt::flush;
    }
    // What the page check found is noted beside the file: writes stop until
    // a backup is restored (or a later check finds the pages sound again).
    if (i.integrityProblems.isEmpty())
        database.value()->health().clearDamaged();
    else if (auto marked = database.value()->health().markDamaged(i.integrityProblems.constFirst()); !marked)
        return fail(marked.error().message);
    if (!healthy)
        return fail(QCoreApplication::translate("Cli", "The database is damaged: %1")
                        .arg(i.integrityProblems.isEmpty()
                                 ? QCoreApplication::translate("Cli", "%n foreign key problem(s)", nullptr,
                                                               int(i.foreignKeyProblems))
                                 : i.integrityProblems.constFirst()));
    return Success;
}

QJsonObject backupJson(const BackupInfo &b)
{
    return QJsonObject{{QStringLiteral("path"), b.path},
                       {QStringLiteral("taken_at"), isoTime(b.takenAt)},
                       {QStringLiteral("bytes"), b.bytes},
                       {QStringLiteral("last_mutation"), b.lastMutation}};
}

int commandBackup(const QStringList &arguments)
{
    QCommandLineParser parser;
    Common common;
    const QCommandLineOption list(QStringLiteral("list"),
                                  QCoreApplication::translate("Cli", "List the backups, newest first."));
    parser.addOption(list);
    parser.addPositionalArgument(QStringLiteral("file"),
                                 QCoreApplication::translate("Cli",
                                                             "Where to write the copy (default: the backup folder)."));
    int exitCode = Success;
    if (!parse(parser, common, arguments, exitCode, 1))
        return exitCode;
    const QStringList positional = parser.positionalArguments().mid(1);
    const bool json = parser.isSet(common.json);
    if (parser.isSet(list)) {
        QJsonArray all;
        for (const BackupInfo &b : Backups(databasePath(parser, common)).list()) {
            all.append(backupJson(b));
            if (!json)
                out() << QLocale().toString(b.takenAt.toLocalTime(), QLocale::ShortFormat) << "  "
                      << QDir::toNativeSeparators(b.path) << "\n";
        }
        if (json)
            printJson(QJsonObject{{QStringLiteral("backups"), all}});
        out() << Qt::flush;
        return Success;
    }
    if (positional.size() > 1)
        return fail(QCoreApplication::translate("Cli", "backup takes at most one file."), Usage);
    auto database = openExisting(parser, common, exitCode);
    if (!database)
        return exitCode;
    if (database->health().isDamaged())
        return fail(DatabaseHealth::damagedError().message);
    Result<BackupInfo> made = makeError(Error::Code::Invalid, QString());
    if (positional.isEmpty()) {
        made = Backups(database->path()).create(database->connection());
    } else {
        const QString file = QFileInfo(positional.constFirst()).absoluteFilePath();
        if (QFileInfo::exists(file))
            return fail(QCoreApplication::translate("Cli", "%1 exists already; choose a new file.")
                            .arg(QDir::toNativeSeparators(file)));
        made = Backups::copyTo(database->connection(), file);
    }
    if (!made)
        return fail(made.error().message);
    if (json)
        printJson(backupJson(made.value()));
    else
        out() << QCoreApplication::translate("Cli", "Backed up to %1").arg(QDir::toNativeSeparators(made->path))
              << Qt::endl;
    return Success;
}

int commandRestore(const QStringList &arguments)
{
    QCommandLineParser parser;
    Common common;
    const QCommandLineOption newest(QStringLiteral("newest"),
                                    QCoreApplication::translate("Cli", "Restore the newest backup."));
    parser.addOption(newest);
    parser.addPositionalArgument(QStringLiteral("file"), QCoreApplication::translate("Cli", "The backup to restore."));
    int exitCode = Success;
    if (!parse(parser, common, arguments, exitCode, 1))
        return exitCode;
    const QStringList positional = parser.positionalArguments().mid(1);
    const QString path = QFileInfo(databasePath(parser, common)).absoluteFilePath();
    QString backup;
    if (parser.isSet(newest)) {
        const auto last = Backups(path).newest();
        if (!last)
            return fail(
                QCoreApplication::translate("Cli", "There is no backup of %1.").arg(QDir::toNativeSeparators(path)));
        backup = last->path;
    } else if (positional.size() == 1) {
        backup = positional.constFirst();
    } else {
        return fail(QCoreApplication::translate("Cli", "restore needs the backup file, or --newest."), Usage);
    }
    const auto plan = planRestore(path, backup);
    if (!plan)
        return fail(plan.error().message);
    const bool json = parser.isSet(common.json);
    if (!json && plan->unsentAfter > 0)
        err() << QCoreApplication::translate(
            "Cli", "%n change(s) not yet sent to the team server were made after this backup; they are carried over.",
            nullptr, int(plan->unsentAfter))
              << Qt::endl;
    const auto restored = restoreBackup(path, backup);
    if (!restored)
        return fail(restored.error().message);
    if (json) {
        printJson(QJsonObject{{QStringLiteral("database"), path},
                              {QStringLiteral("restored"), QFileInfo(backup).absoluteFilePath()},
                              {QStringLiteral("carried_over"), restored->carried},
                              {QStringLiteral("replaced_kept_as"), restored->replacedKeptAs},
                              {QStringLiteral("changes_unreadable"), restored->changesUnreadable}});
    } else {
        if (restored->changesUnreadable)
            err() << QCoreApplication::translate(
                "Cli", "The changes not yet sent could not be read from the damaged file; they were not carried "
                       "over and stay in the file kept aside.")
                  << Qt::endl;
        out() << QCoreApplication::translate("Cli", "Restored %1. The file it replaced is kept as %2.")
                     .arg(QDir::toNativeSeparators(QFileInfo(backup).absoluteFilePath()),
                          QDir::toNativeSeparators(restored->replacedKeptAs))
              << Qt::endl;
    }
    return Success;
}

int commandSearch(const QStringList &arguments)
{
    QCommandLineParser parser;
    Common common;
    const QCommandLineOption limit(QStringLiteral("limit"), QCoreApplication::translate("Cli", "Most results to show."),
                                   QCoreApplication::translate("Cli", "n"), QStringLiteral("20"));
    parser.addOption(limit);
    parser.addPositionalArgument(QStringLiteral("text"),
                                 QCoreApplication::translate("Cli", "Name, reading, company, e-mail or phone number."));
    int exitCode = Success;
    if (!parse(parser, common, arguments, exitCode, 1))
        return exitCode;
    const QStringList positional = parser.positionalArguments();
    if (positional.size() != 2)
        return fail(QCoreApplication::translate("Cli",
                                                "search needs exactly one text to look for (quote it if it has spaces)."),
                    Usage);
    qint64 limitValue = 20;
    if (!parsePositive(parser, limit, limitValue, exitCode))
        return exitCode;
    if (limitValue < 1 || limitValue > 1000)
        return fail(QCoreApplication::translate("Cli", "--limit must be between 1 and 1000."), Usage);

    Database::Options options;
    options.mode = Database::OpenMode::MustExist;
    auto database = Database::open(databasePath(parser, common), options);
    if (!database)
        return fail(database.error().message);
    const QString region = AppSettings::phoneRegion();
    const auto hits = CustomerSearch(database.value()->connection(), region).search(positional.at(1), int(limitValue));
    if (!hits)
        return fail(hits.error().message);

    static const char *const matchKeys[] = {"exact_phone", "exact_email", "prefix", "contains"};
    if (parser.isSet(common.json)) {
        QJsonArray results;
        for (const auto &hit : hits.value()) {
            const CustomerSummary &c = hit.customer;
            results.append(QJsonObject{
                {QStringLiteral("id"), uuidToText(c.id)},
                {QStringLiteral("name"), c.name},
                {QStringLiteral("reading"), c.reading},
                {QStringLiteral("organization"), c.organization},
                {QStringLiteral("phone"), c.phone},
                {QStringLiteral("email"), c.email},
                {QStringLiteral("match"), QString::fromLatin1(matchKeys[int(hit.match)])},
            });
        }
        printJson(QJsonObject{{QStringLiteral("query"), positional.at(1)}, {QStringLiteral("results"), results}});
        return Success;
    }
    if (hits->isEmpty()) {
        out() << QCoreApplication::translate("Cli", "No customers found.") << Qt::endl;
        return Success;
    }
    for (const auto &hit : hits.value()) {
        const CustomerSummary &c = hit.customer;
        QStringList fields{c.name, c.reading, c.organization,
                           c.phone.isEmpty() ? QString() : PhoneNumber::fromE164(c.phone).displayFormat(region),
                           c.email};
        fields.removeAll(QString());
        out() << fields.join(QStringLiteral("  ")) << "\n";
    }
    out() << Qt::flush;
    return Success;
}

} // namespace

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
    if (command.isEmpty()) {
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
        return fail(QCoreApplication::translate("Cli", "No command given."), Usage);
    }
    if (command == u"demo")
        return commandDemo(arguments);
    if (command == u"check")
        return commandCheck(arguments);
    if (command == u"search")
        return commandSearch(arguments);
    if (command == u"backup")
        return commandBackup(arguments);
    if (command == u"restore")
        return commandRestore(arguments);
    if (command == u"customer")
        return commandCustomer(arguments);
    if (command == u"log-interaction")
        return commandLogInteraction(arguments);
    if (command == u"ticket")
        return commandTicket(arguments);
    if (command == u"kpi")
        return commandKpi(arguments);
    if (command == u"server")
        return commandServer(arguments);
    if (command == u"sync")
        return commandSync(arguments);
    return fail(QCoreApplication::translate("Cli",
                                            "Unknown command \"%1\". Run madoguchi-cli --help for the list of commands.")
                    .arg(command),
                Usage);
}

} // namespace madoguchi::cli
