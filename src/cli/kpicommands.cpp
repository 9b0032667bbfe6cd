// madoguchi-cli kpi: the KPIs of DESIGN.md §4 for a period, from the same
// engine the dashboard uses.
#include "clicommands.h"
#include "clisupport.h"

#include "config/displaytimezone.h"
#include "kpi/kpiengine.h"
#include "repositories/directoryrepository.h"
#include "storage/database.h"

#include <QLocale>

namespace madoguchi::cli {

namespace {

QString number(const std::optional<double> &v, int decimals = 1)
{
    return v ? QLocale().toString(*v, 'f', decimals) : QStringLiteral("—");
}

// clang-format off
constexpr OptionSpec kKpiOptions[] = {
    {"from", QT_TRANSLATE_NOOP("Cli", "YYYY-MM-DD"), QT_TRANSLATE_NOOP("Cli", "First day of the period."),
        OptionSpec::Required},
    {"to", QT_TRANSLATE_NOOP("Cli", "YYYY-MM-DD"),
        QT_TRANSLATE_NOOP("Cli", "The day after the period (the period is [from, to))."), OptionSpec::Required},
    {"team", QT_TRANSLATE_NOOP("Cli", "name"), QT_TRANSLATE_NOOP("Cli", "Only this team.")},
    {"agent", QT_TRANSLATE_NOOP("Cli", "name"), QT_TRANSLATE_NOOP("Cli", "Only this agent.")},
};
// clang-format on

// The team and agent named by --team and --agent.
Result<KpiFilter> readFilter(const Invocation &in, QSqlDatabase db)
{
    KpiFilter filter;
    if (in.isSet("team")) {
        const auto teams = DirectoryRepository(db).teams();
        if (!teams)
            return teams.error();
        for (const Team &t : teams.value()) {
            if (t.name == in.value("team"))
                filter.team = t.id;
        }
        if (filter.team.isNull())
            return makeError(Error::Code::NotFound,
                             CliText::tr("There is no team called \"%1\".").arg(in.value("team")));
    }
    if (in.isSet("agent")) {
        const auto agent = DirectoryRepository(db).agentByName(in.value("agent"));
        if (!agent)
            return agent.error();
        filter.agent = agent->id;
    }
    return filter;
}

Result<void> runKpi(const Invocation &in)
{
    const QDate from = QDate::fromString(in.value("from"), Qt::ISODate);
    const QDate to = QDate::fromString(in.value("to"), Qt::ISODate);
    if (!from.isValid() || !to.isValid())
        return usageError(CliText::tr("kpi needs --from and --to as dates like 2026-11-01."));
    if (to <= from)
        return usageError(CliText::tr("--to must be after --from: the period is [from, to)."));
    const auto database = openExisting(in);
    if (!database)
        return database.error();
    const QSqlDatabase db = database.value()->connection();
    const auto filter = readFilter(in, db);
    if (!filter)
        return filter.error();
    const auto kpis = KpiEngine(db, displayTimeZone(*database.value())).compute({from, to}, filter.value());
    if (!kpis)
        return kpis.error();
    if (in.json()) {
        printJson(kpis->toJson());
        return {};
    }
    const Kpis &k = kpis.value();
    const auto line = [](const QString &label, const QString &value) { out() << label << ' ' << value << Qt::endl; };
    line(CliText::tr("Period:"),
         QStringLiteral("%1 – %2").arg(from.toString(Qt::ISODate), to.addDays(-1).toString(Qt::ISODate)));
    line(CliText::tr("Tickets created / solved:"), QStringLiteral("%1 / %2").arg(k.ticketsCreated).arg(k.ticketsSolved));
    line(CliText::tr("Backlog at the end:"), QString::number(k.backlog));
    line(CliText::tr("First response, median / p90 (min):"),
         QStringLiteral("%1 / %2").arg(number(k.firstResponseMinutes.median), number(k.firstResponseMinutes.p90)));
    line(CliText::tr("Resolution, median / p90 (min):"),
         QStringLiteral("%1 / %2").arg(number(k.resolutionMinutes.median), number(k.resolutionMinutes.p90)));
    line(CliText::tr("AHT (s):"), number(k.ahtSeconds));
    line(CliText::tr("FCR:"), number(k.fcrRate ? std::optional(*k.fcrRate * 100) : std::nullopt) + u'%');
    line(CliText::tr("CSAT:"), number(k.csatPercent) + u'%');
    line(CliText::tr("NPS:"), number(k.nps));
    line(CliText::tr("SLA first response / resolution:"),
         QStringLiteral("%1% / %2%").arg(number(k.slaFirstResponsePercent), number(k.slaResolutionPercent)));
    return {};
}

} // namespace

// clang-format off
const Command kpiCommand{
    nullptr, "kpi", QT_TRANSLATE_NOOP("Cli", "The KPIs of a period, as the dashboard shows them"), {}, kKpiOptions, {},
    runKpi};
// clang-format on

} // namespace madoguchi::cli
