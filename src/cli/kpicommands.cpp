// madoguchi-cli kpi: the KPIs of DESIGN.md §4 for a period, from the same
// engine the dashboard uses.
#include "clicommands.h"
#include "clisupport.h"

#include "kpi/kpiengine.h"
#include "repositories/directoryrepository.h"
#include "storage/database.h"
#include "storage/databaseinfo.h"

#include <QCoreApplication>
#include <QLocale>

namespace madoguchi::cli {

namespace {

QString number(const std::optional<double> &v, int decimals = 1)
{
    return v ? QLocale().toString(*v, 'f', decimals) : QStringLiteral("—");
}

} // namespace

int commandKpi(const QStringList &arguments)
{
    QCommandLineParser parser;
    Common common;
    const QCommandLineOption fromOption(QStringLiteral("from"),
                                        QCoreApplication::translate("Cli", "First day of the period."),
                                        QCoreApplication::translate("Cli", "YYYY-MM-DD"));
    const QCommandLineOption toOption(QStringLiteral("to"),
                                      QCoreApplication::translate("Cli",
                                                                  "The day after the period (the period is [from, to))."),
                                      QCoreApplication::translate("Cli", "YYYY-MM-DD"));
    const QCommandLineOption teamOption(QStringLiteral("team"), QCoreApplication::translate("Cli", "Only this team."),
                                        QCoreApplication::translate("Cli", "name"));
    const QCommandLineOption agentOption(QStringLiteral("agent"),
                                         QCoreApplication::translate("Cli", "Only this agent."),
                                         QCoreApplication::translate("Cli", "name"));
    parser.addOptions({fromOption, toOption, teamOption, agentOption});
    int exitCode = Success;
    if (!parse(parser, common, arguments, exitCode))
        return exitCode;
    const QDate from = QDate::fromString(parser.value(fromOption), Qt::ISODate);
    const QDate to = QDate::fromString(parser.value(toOption), Qt::ISODate);
    if (!from.isValid() || !to.isValid())
        return fail(QCoreApplication::translate("Cli", "kpi needs --from and --to as dates like 2026-11-01."), Usage);
    if (to <= from)
        return fail(QCoreApplication::translate("Cli", "--to must be after --from: the period is [from, to)."), Usage);
    const auto database = openExisting(parser, common, exitCode);
    if (!database)
        return exitCode;
    const QSqlDatabase db = database->connection();
    KpiFilter filter;
    if (parser.isSet(teamOption)) {
        const auto teams = DirectoryRepository(db).teams();
        if (!teams)
            return fail(teams.error().message);
        for (const Team &t : teams.value()) {
            if (t.name == parser.value(teamOption))
                filter.team = t.id;
        }
        if (filter.team.isNull())
            return fail(
                QCoreApplication::translate("Cli", "There is no team called \"%1\".").arg(parser.value(teamOption)));
    }
    if (parser.isSet(agentOption)) {
        const auto agent = DirectoryRepository(db).agentByName(parser.value(agentOption));
        if (!agent)
            return fail(agent.error().message);
        filter.agent = agent->id;
    }
    const auto kpis = KpiEngine(db, teamTimeZone(*database)).compute({from, to}, filter);
    if (!kpis)
        return fail(kpis.error().message);
    if (parser.isSet(common.json)) {
        printJson(kpis->toJson());
        return Success;
    }
    const Kpis &k = kpis.value();
    const auto line = [](const QString &label, const QString &value) { out() << label << ' ' << value << Qt::endl; };
    line(QCoreApplication::translate("Cli", "Period:"),
         QStringLiteral("%1 – %2").arg(from.toString(Qt::ISODate), to.addDays(-1).toString(Qt::ISODate)));
    line(QCoreApplication::translate("Cli", "Tickets created / solved:"),
         QStringLiteral("%1 / %2").arg(k.ticketsCreated).arg(k.ticketsSolved));
    line(QCoreApplication::translate("Cli", "Backlog at the end:"), QString::number(k.backlog));
    line(QCoreApplication::translate("Cli", "First response, median / p90 (min):"),
         QStringLiteral("%1 / %2").arg(number(k.firstResponseMinutes.median), number(k.firstResponseMinutes.p90)));
    line(QCoreApplication::translate("Cli", "Resolution, median / p90 (min):"),
         QStringLiteral("%1 / %2").arg(number(k.resolutionMinutes.median), number(k.resolutionMinutes.p90)));
    line(QCoreApplication::translate("Cli", "AHT (s):"), number(k.ahtSeconds));
    line(QCoreApplication::translate("Cli", "FCR:"),
         number(k.fcrRate ? std::optional(*k.fcrRate * 100) : std::nullopt) + u'%');
    line(QCoreApplication::translate("Cli", "CSAT:"), number(k.csatPercent) + u'%');
    line(QCoreApplication::translate("Cli", "NPS:"), number(k.nps));
    line(QCoreApplication::translate("Cli", "SLA first response / resolution:"),
         QStringLiteral("%1% / %2%").arg(number(k.slaFirstResponsePercent), number(k.slaResolutionPercent)));
    return Success;
}

} // namespace madoguchi::cli
