// The KPI engine on the reference database: 7, 30 and 90 days ending at the
// demo's anchor, all teams, then one team; and the dashboard's refresh.
#include "benchsupport.h"

#include "config/displaytimezone.h"
#include "dashboard/dashboardpage.h"
#include "kpi/kpiengine.h"
#include "storage/database.h"

#include <QApplication>
#include <QSignalSpy>
#include <QSqlQuery>

#include <benchmark/benchmark.h>

using namespace madoguchi;

namespace {

QDate anchor()
{
    QSqlQuery q(bench::reference().connection());
    q.exec(QStringLiteral("SELECT value FROM client_state WHERE key = 'demo_anchor'"));
    return q.next() ? QDate::fromString(q.value(0).toString(), Qt::ISODate) : QDate::currentDate();
}

void BM_Kpi(benchmark::State &state)
{
    const QDate to = anchor();
    const QDate from = to.addDays(-state.range(0));
    KpiEngine engine(bench::reference().connection(), displayTimeZone(bench::reference()));
    const QDateTime now = QDateTime(to, QTime(0, 0), QTimeZone("Asia/Tokyo"));
    qint64 created = 0;
    for (auto _ : state) {
        const auto k = engine.compute({from, to}, {}, now);
        if (!k) {
            state.SkipWithError(qPrintable(k.error().message));
            break;
        }
        created = k->ticketsCreated;
    }
    state.counters["tickets_created"] = double(created);
}
BENCHMARK(BM_Kpi)->Arg(7)->Arg(30)->Arg(90)->Unit(benchmark::kMillisecond)->Iterations(3);

} // namespace

namespace {

// The same with a team filter: the hourly roll-up still serves it.
void BM_KpiTeam(benchmark::State &state)
{
    const QDate to = anchor();
    const QDate from = to.addDays(-state.range(0));
    KpiEngine engine(bench::reference().connection(), displayTimeZone(bench::reference()));
    QSqlQuery q(bench::reference().connection());
    q.exec(QStringLiteral("SELECT id FROM teams ORDER BY name LIMIT 1"));
    KpiFilter filter;
    if (q.next())
        filter.team = QUuid::fromRfc4122(q.value(0).toByteArray());
    const QDateTime now = QDateTime(to, QTime(0, 0), QTimeZone("Asia/Tokyo"));
    for (auto _ : state) {
        const auto k = engine.compute({from, to}, filter, now, TrendStep::Week);
        if (!k) {
            state.SkipWithError(qPrintable(k.error().message));
            break;
        }
        benchmark::DoNotOptimize(k->ticketsCreated);
    }
}
BENCHMARK(BM_KpiTeam)->Arg(90)->Unit(benchmark::kMillisecond)->Iterations(3);

// The dashboard end to end: F5 to new figures on screen. The period and the
// previous one of the same length are computed off the UI thread, then the
// tiles, charts and tables are rebuilt.
void BM_DashboardRefresh(benchmark::State &state)
{
    const QDate to = anchor();
    DashboardPage page(bench::reference());
    page.resize(1280, 800);
    page.setNow(QDateTime(to, QTime(0, 0), QTimeZone("Asia/Tokyo")));
    page.setCustomPeriod(to.addDays(-state.range(0)), to.addDays(-1));
    page.show();
    QSignalSpy refreshed(&page, &DashboardPage::refreshed);
    if (!refreshed.wait(60'000)) {
        state.SkipWithError("no figures");
        return;
    }
    for (auto _ : state) {
        refreshed.clear();
        page.refresh();
        if (!refreshed.wait(60'000)) {
            state.SkipWithError("no figures");
            break;
        }
        QApplication::processEvents(); // the repaint with the new figures
    }
}
BENCHMARK(BM_DashboardRefresh)->Arg(30)->Arg(90)->Unit(benchmark::kMillisecond)->Iterations(3)->UseRealTime();

} // namespace
