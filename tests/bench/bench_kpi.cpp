// The KPI engine on the reference database: 7, 30 and 90 days ending at the
// demo's anchor, all teams.
#include "benchsupport.h"

#include "kpi/kpiengine.h"
#include "storage/database.h"
#include "storage/databaseinfo.h"

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
    KpiEngine engine(bench::reference().connection(), teamTimeZone(bench::reference()));
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
