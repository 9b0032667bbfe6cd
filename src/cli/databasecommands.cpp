// madoguchi-cli demo, check, search, backup and restore: the local database
// as a whole, and finding customers in it.
#include "clicommands.h"
#include "clisupport.h"

#include "common/timeformat.h"
#include "config/appsettings.h"
#include "config/displaytimezone.h"
#include "demo/demogenerator.h"
#include "domain/phonenumber.h"
#include "domain/uuid.h"
#include "repositories/customersearch.h"
#include "storage/backups.h"
#include "storage/database.h"
#include "storage/databaseinfo.h"
#include "storage/stagedfile.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>

#include <cstdio>
#include <unistd.h>

namespace madoguchi::cli {

namespace {

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

// clang-format off
constexpr OptionSpec kDemoOptions[] = {
    {"seed", QT_TRANSLATE_NOOP("Cli", "n"), QT_TRANSLATE_NOOP("Cli", "Random seed (same seed, same data)."),
        OptionSpec::Optional, "1"},
    {"customers", QT_TRANSLATE_NOOP("Cli", "n"), QT_TRANSLATE_NOOP("Cli", "Number of customers."), OptionSpec::Optional,
        "2000"},
    {"tickets", QT_TRANSLATE_NOOP("Cli", "n"), QT_TRANSLATE_NOOP("Cli", "Number of tickets."), OptionSpec::Optional,
        "10000"},
    {"interactions", QT_TRANSLATE_NOOP("Cli", "n"), QT_TRANSLATE_NOOP("Cli", "Number of interactions."),
        OptionSpec::Optional, "30000"},
    {"anchor", QT_TRANSLATE_NOOP("Cli", "YYYY-MM-DD"),
        QT_TRANSLATE_NOOP("Cli", "Last day covered is the day before this date (default: today).")},
    {"days", QT_TRANSLATE_NOOP("Cli", "n"), QT_TRANSLATE_NOOP("Cli", "Number of days the data covers."),
        OptionSpec::Optional, "365"},
};
// clang-format on

Result<DemoRequest> readDemoRequest(const Invocation &in)
{
    DemoRequest request;
    DemoOptions &options = request.options;
    qint64 seedValue = 1;
    qint64 daysValue = options.days;
    for (const auto &[option, value] : {std::pair{"seed", &seedValue},
                                        {"customers", &options.customers},
                                        {"tickets", &options.tickets},
                                        {"interactions", &options.interactions},
                                        {"days", &daysValue}}) {
        if (auto r = readCount(in, option, *value); !r)
            return r.error();
    }
    options.seed = quint64(seedValue);
    if (daysValue < 1 || daysValue > 3660)
        return usageError(CliText::tr("--days must be between 1 and 3660."));
    options.days = int(daysValue);
    if (options.customers < 1)
        return usageError(CliText::tr("--customers must be at least 1."));
    if (in.isSet("anchor")) {
        options.anchor = QDate::fromString(in.value("anchor"), Qt::ISODate);
        if (!options.anchor.isValid())
            return usageError(
                CliText::tr("--anchor expects a date like 2026-04-01, not \"%1\".").arg(in.value("anchor")));
    }
    request.path = in.databasePath();
    request.json = in.json();
    return request;
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
    const auto summary = generateDemoData(*database.value(), request.options,
                                          [&](const QString &stage, qint64 done, qint64 total) {
                                              if (showProgress)
                                                  err() << "\r"
                                                        << CliText::tr("%1: %2 of %3").arg(stage).arg(done).arg(total)
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
    out() << CliText::tr("Demo data written to %1 in %2 s:")
                 .arg(QDir::toNativeSeparators(written.path))
                 .arg(double(s.elapsedMs) / 1000.0, 0, 'f', 1)
          << "\n"
          << CliText::tr("  %1 customers, %2 tickets, %3 interactions, %4 survey responses, %5 agents in %6 teams")
                 .arg(s.customers)
                 .arg(s.tickets)
                 .arg(s.interactions)
                 .arg(s.csatResponses)
                 .arg(s.agents)
                 .arg(s.teams)
          << Qt::endl;
}

Result<void> runDemo(const Invocation &in)
{
    const auto request = readDemoRequest(in);
    if (!request)
        return request.error();
    const auto written = writeDemo(request.value());
    if (!written)
        return written.error();
    printDemoSummary(request.value(), written.value());
    return {};
}

Result<void> runCheck(const Invocation &in)
{
    Database::Options options;
    options.mode = Database::OpenMode::MustExist;
    auto database = Database::open(in.databasePath(), options);
    if (!database)
        return database.error();
    const auto info = inspectDatabase(*database.value(), true);
    if (!info) {
        // Pages too damaged to read through count as damage found.
        if (info.error().code == Error::Code::NotADatabase) {
            if (auto marked = database.value()->health().markDamaged(info.error().message); !marked)
                return marked.error();
        }
        return info.error();
    }
    const DatabaseInfo &i = info.value();
    const bool healthy = i.integrityProblems.isEmpty() && i.foreignKeyProblems == 0;

    if (in.json()) {
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
        out() << CliText::tr("Database: %1").arg(QDir::toNativeSeparators(i.path)) << "\n"
              << CliText::tr("Schema version: %1 (this version knows up to %2)")
                     .arg(i.schemaVersion)
                     .arg(i.latestSchemaVersion)
              << "\n"
              << CliText::tr("Integrity: %1")
                     .arg(i.integrityProblems.isEmpty() ? CliText::tr("ok")
                                                        : i.integrityProblems.join(QStringLiteral("; ")))
              << "\n"
              << CliText::tr("Foreign key problems: %1").arg(i.foreignKeyProblems) << "\n"
              << CliText::tr("Changes waiting to sync: %1").arg(i.outboxPending) << "\n";
        for (const auto &[table, n] : i.rowCounts)
            out() << "  " << table << ": " << n << "\n";
        out() << Qt::flush;
    }
    // What the page check found is noted beside the file: writes stop until
    // a backup is restored (or a later check finds the pages sound again).
    if (i.integrityProblems.isEmpty())
        database.value()->health().clearDamaged();
    else if (auto marked = database.value()->health().markDamaged(i.integrityProblems.constFirst()); !marked)
        return marked.error();
    if (!healthy)
        return makeError(Error::Code::Damaged,
                         CliText::tr("The database is damaged: %1")
                             .arg(i.integrityProblems.isEmpty()
                                      ? CliText::tr("%n foreign key problem(s)", nullptr, int(i.foreignKeyProblems))
                                      : i.integrityProblems.constFirst()));
    return {};
}

QJsonObject backupJson(const BackupInfo &b)
{
    return QJsonObject{{QStringLiteral("path"), b.path},
                       {QStringLiteral("taken_at"), isoTime(b.takenAt)},
                       {QStringLiteral("bytes"), b.bytes},
                       {QStringLiteral("last_mutation"), b.lastMutation}};
}

// clang-format off
constexpr PositionalSpec kBackupFile[] = {
    {"file", QT_TRANSLATE_NOOP("Cli", "Where to write the copy (default: the backup folder)."), true},
};
constexpr OptionSpec kBackupOptions[] = {
    {"list", nullptr, QT_TRANSLATE_NOOP("Cli", "List the backups, newest first.")},
};
// clang-format on

Result<void> runBackup(const Invocation &in)
{
    const QStringList positional = in.arguments();
    const bool json = in.json();
    if (in.isSet("list")) {
        const QTimeZone zone = displayTimeZoneOfFile(in.databasePath());
        QJsonArray all;
        for (const BackupInfo &b : Backups(in.databasePath()).list()) {
            all.append(backupJson(b));
            if (!json)
                out() << fullDateTime(b.takenAt, zone) << "  " << QDir::toNativeSeparators(b.path) << "\n";
        }
        if (json)
            printJson(QJsonObject{{QStringLiteral("backups"), all}});
        out() << Qt::flush;
        return {};
    }
    if (positional.size() > 1)
        return usageError(CliText::tr("backup takes at most one file."));
    const auto opened = openExisting(in);
    if (!opened)
        return opened.error();
    Database *database = opened.value().get();
    if (database->health().isDamaged())
        return DatabaseHealth::damagedError();
    Result<BackupInfo> made = makeError(Error::Code::Invalid, QString());
    if (positional.isEmpty()) {
        made = Backups(database->path()).create(database->connection());
    } else {
        const QString file = QFileInfo(positional.constFirst()).absoluteFilePath();
        if (QFileInfo::exists(file))
            return makeError(Error::Code::Io,
                             CliText::tr("%1 exists already; choose a new file.").arg(QDir::toNativeSeparators(file)));
        made = Backups::copyTo(database->connection(), file);
    }
    if (!made)
        return made.error();
    if (json)
        printJson(backupJson(made.value()));
    else
        out() << CliText::tr("Backed up to %1").arg(QDir::toNativeSeparators(made->path)) << Qt::endl;
    return {};
}

// clang-format off
constexpr PositionalSpec kRestoreFile[] = {
    {"file", QT_TRANSLATE_NOOP("Cli", "The backup to restore."), true},
};
constexpr OptionSpec kRestoreOptions[] = {
    {"newest", nullptr, QT_TRANSLATE_NOOP("Cli", "Restore the newest backup.")},
};
// clang-format on

Result<void> runRestore(const Invocation &in)
{
    const QStringList positional = in.arguments();
    const QString path = QFileInfo(in.databasePath()).absoluteFilePath();
    QString backup;
    if (in.isSet("newest")) {
        const auto last = Backups(path).newest();
        if (!last)
            return makeError(Error::Code::NotFound,
                             CliText::tr("There is no backup of %1.").arg(QDir::toNativeSeparators(path)));
        backup = last->path;
    } else if (positional.size() == 1) {
        backup = positional.constFirst();
    } else {
        return usageError(CliText::tr("restore needs the backup file, or --newest."));
    }
    const auto plan = planRestore(path, backup);
    if (!plan)
        return plan.error();
    const bool json = in.json();
    if (!json && plan->unsentAfter > 0)
        err() << CliText::tr(
            "%n change(s) not yet sent to the team server were made after this backup; they are carried over.", nullptr,
            int(plan->unsentAfter))
              << Qt::endl;
    const auto restored = restoreBackup(path, backup);
    if (!restored)
        return restored.error();
    if (json) {
        printJson(QJsonObject{{QStringLiteral("database"), path},
                              {QStringLiteral("restored"), QFileInfo(backup).absoluteFilePath()},
                              {QStringLiteral("carried_over"), restored->carried},
                              {QStringLiteral("replaced_kept_as"), restored->replacedKeptAs},
                              {QStringLiteral("changes_unreadable"), restored->changesUnreadable}});
    } else {
        if (restored->changesUnreadable)
            err() << CliText::tr(
                "The changes not yet sent could not be read from the damaged file; they were not carried "
                "over and stay in the file kept aside.")
                  << Qt::endl;
        out() << CliText::tr("Restored %1. The file it replaced is kept as %2.")
                     .arg(QDir::toNativeSeparators(QFileInfo(backup).absoluteFilePath()),
                          QDir::toNativeSeparators(restored->replacedKeptAs))
              << Qt::endl;
    }
    return {};
}

// clang-format off
constexpr PositionalSpec kSearchText[] = {
    {"text", QT_TRANSLATE_NOOP("Cli", "Name, reading, company, e-mail or phone number.")},
};
constexpr OptionSpec kSearchOptions[] = {
    {"limit", QT_TRANSLATE_NOOP("Cli", "n"), QT_TRANSLATE_NOOP("Cli", "Most results to show."), OptionSpec::Optional,
        "20"},
};
// clang-format on

Result<void> runSearch(const Invocation &in)
{
    const QStringList positional = in.arguments();
    if (positional.size() != 1)
        return usageError(CliText::tr("search needs exactly one text to look for (quote it if it has spaces)."));
    qint64 limitValue = 20;
    if (auto r = readCount(in, "limit", limitValue); !r)
        return r;
    if (limitValue < 1 || limitValue > 1000)
        return usageError(CliText::tr("--limit must be between 1 and 1000."));

    Database::Options options;
    options.mode = Database::OpenMode::MustExist;
    auto database = Database::open(in.databasePath(), options);
    if (!database)
        return database.error();
    const QString region = AppSettings::phoneRegion();
    const auto hits = CustomerSearch(database.value()->connection(), region)
                          .search(positional.constFirst(), int(limitValue));
    if (!hits)
        return hits.error();

    static const char *const matchKeys[] = {"exact_phone", "exact_email", "prefix", "contains"};
    if (in.json()) {
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
        printJson(QJsonObject{{QStringLiteral("query"), positional.constFirst()}, {QStringLiteral("results"), results}});
        return {};
    }
    if (hits->isEmpty()) {
        out() << CliText::tr("No customers found.") << Qt::endl;
        return {};
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
    return {};
}

} // namespace

// clang-format off
const Command demoCommand{
    nullptr, "demo", QT_TRANSLATE_NOOP("Cli", "Fill a new database with a realistic demo data set"), {}, kDemoOptions,
    {}, runDemo};
const Command checkCommand{
    nullptr, "check", QT_TRANSLATE_NOOP("Cli", "Check the integrity and schema version of a database"), {}, {}, {},
    runCheck};
const Command searchCommand{
    nullptr, "search", QT_TRANSLATE_NOOP("Cli", "Find customers by name, reading, company, e-mail or phone"),
    kSearchText, kSearchOptions, {}, runSearch};
const Command backupCommand{
    nullptr, "backup",
    QT_TRANSLATE_NOOP("Cli", "Make a consistent copy; without FILE, into the backup folder beside the database"),
    kBackupFile, kBackupOptions, {}, runBackup};
const Command restoreCommand{
    nullptr, "restore",
    QT_TRANSLATE_NOOP("Cli", "Replace the database with FILE or the newest backup; "
                             "changes not yet sent are carried over"),
    kRestoreFile, kRestoreOptions, {}, runRestore};
// clang-format on

} // namespace madoguchi::cli
