// Ticket queues and ticket changes on the reference database (1M tickets).
// "Now" is the demo's anchor, the end of its data, so that every queue has
// the contents it would have on that day.
#include "benchsupport.h"

#include "models/ticketqueuemodel.h"
#include "repositories/slarepository.h"
#include "services/slaengine.h"
#include "services/ticketservice.h"
#include "storage/database.h"
#include "storage/rowcodec.h"

#include <QSqlQuery>
#include <QTest>

#include <benchmark/benchmark.h>

using namespace madoguchi;

namespace {

constexpr int kVisibleRows = 40; // what a maximised window shows

// The agent with the most open tickets, their team, and the anchor.
QueueContext contextFor(Database &db)
{
    QueueContext c;
    QSqlQuery q(db.connection());
    q.exec(QStringLiteral(
        "SELECT t.assignee_id, a.team_id FROM tickets t JOIN agents a ON a.id = t.assignee_id "
        "WHERE t.status NOT IN ('solved', 'closed') GROUP BY t.assignee_id ORDER BY count(*) DESC LIMIT 1"));
    if (q.next()) {
        c.agent = rowcodec::key(q.value(0));
        c.team = rowcodec::key(q.value(1));
    }
    q.exec(QStringLiteral("SELECT value FROM client_state WHERE key = 'demo_anchor'"));
    const QDate anchor = q.next() ? QDate::fromString(q.value(0).toString(), Qt::ISODate) : QDate::currentDate();
    c.now = QDateTime(anchor, QTime(10, 0), QTimeZone("Asia/Tokyo")).toUTC();
    return c;
}

// Reads the rows a view paints, with their SLA badges.
int paint(const TicketQueueModel &model, int firstRow)
{
    int painted = 0;
    for (int r = firstRow; r < std::min(model.rowCount(), firstRow + kVisibleRows); ++r) {
        for (int c = 0; c < TicketQueueModel::ColumnCount; ++c)
            painted += model.index(r, c).data().isValid();
        painted += model.index(r, 0).data(TicketQueueModel::SlaStateRole).toInt() >= 0;
    }
    return painted;
}

// Opening a queue sorted by SLA due: counting it, reading and showing the first screen.
void BM_QueueOpen(benchmark::State &state)
{
    const QueueContext context = contextFor(bench::reference());
    TicketFilter filter;
    filter.queue = Queue(state.range(0));
    state.SetLabel(queueKey(filter.queue).toStdString());
    int rows = 0;
    for (auto _ : state) {
        TicketQueueModel model(bench::reference(), QTimeZone("Asia/Tokyo"));
        model.setContext(context);
        model.setFilter(filter);
        benchmark::DoNotOptimize(paint(model, 0));
        rows = model.rowCount();
    }
    state.counters["tickets"] = rows;
}
BENCHMARK(BM_QueueOpen)->DenseRange(0, kQueueCount - 1)->Unit(benchmark::kMillisecond);

// "All tickets" under each order.
void BM_QueueOpenAllByOrder(benchmark::State &state)
{
    const QueueContext context = contextFor(bench::reference());
    const auto order = QueueOrder(state.range(0));
    state.SetLabel(order == QueueOrder::BySlaDue     ? "sla_due"
                   : order == QueueOrder::ByPriority ? "priority"
                                                     : "updated");
    for (auto _ : state) {
        TicketQueueModel model(bench::reference(), QTimeZone("Asia/Tokyo"));
        model.setContext(context);
        model.setOrder(order);
        benchmark::DoNotOptimize(paint(model, 0));
    }
}
BENCHMARK(BM_QueueOpenAllByOrder)->DenseRange(0, 2)->Unit(benchmark::kMillisecond);

// Dragging the scroll bar to the middle of the queue (500,000 rows down in
// "All"): with the anchors of the background scan (arg 1), and right after
// opening, before they have arrived (arg 0).
void BM_QueueScrollToMiddle(benchmark::State &state)
{
    const QueueContext context = contextFor(bench::reference());
    TicketFilter filter;
    filter.queue = Queue(state.range(0));
    const bool anchors = state.range(1) == 1;
    state.SetLabel(queueKey(filter.queue).toStdString() + (anchors ? " with anchors" : " without anchors"));
    TicketQueueModel model(bench::reference(), QTimeZone("Asia/Tokyo"));
    model.setContext(context);
    model.setFilter(filter);
    if (!anchors)
        model.setAnchorLayout(0, 0);
    for (auto _ : state) {
        state.PauseTiming();
        model.refresh(); // nothing in memory but what the view shows at the top
        if (anchors && model.rowCount() > 50'000) {
            model.prepareAnchors();
            if (!QTest::qWaitFor([&] { return model.hasAnchors(); }, 10'000))
                state.SkipWithError("no anchors");
        }
        paint(model, 0);
        state.ResumeTiming();
        benchmark::DoNotOptimize(paint(model, model.rowCount() / 2));
    }
}
BENCHMARK(BM_QueueScrollToMiddle)
    ->Args({int(Queue::All), 0})
    ->Args({int(Queue::All), 1})
    ->Args({int(Queue::Mine), 0})
    ->Unit(benchmark::kMillisecond);

// The background scan that gives "All" its anchors.
void BM_QueueAnchorScan(benchmark::State &state)
{
    const QueueContext context = contextFor(bench::reference());
    TicketQueueModel model(bench::reference(), QTimeZone("Asia/Tokyo"));
    model.setContext(context);
    for (auto _ : state) {
        model.refresh();
        model.prepareAnchors();
        if (!QTest::qWaitFor([&] { return model.hasAnchors(); }, 10'000))
            state.SkipWithError("no anchors");
    }
}
BENCHMARK(BM_QueueAnchorScan)->Unit(benchmark::kMillisecond)->Iterations(5);

// Scrolling on by one screen from the middle (the next page comes by keyset).
void BM_QueueScrollOnFromMiddle(benchmark::State &state)
{
    const QueueContext context = contextFor(bench::reference());
    TicketQueueModel model(bench::reference(), QTimeZone("Asia/Tokyo"));
    model.setContext(context);
    model.prepareAnchors();
    if (!QTest::qWaitFor([&] { return model.hasAnchors(); }, 10'000))
        state.SkipWithError("no anchors");
    int row = model.rowCount() / 2;
    paint(model, row);
    for (auto _ : state) {
        row += model.pageSize();
        benchmark::DoNotOptimize(paint(model, row));
    }
}
BENCHMARK(BM_QueueScrollOnFromMiddle)->Unit(benchmark::kMillisecond)->Iterations(50);

// Assigning 1,000 selected tickets: each with its events and outbox
// mutations, in one transaction (synchronous=FULL), on a copy of the database.
void BM_BulkAssign1000(benchmark::State &state)
{
    Database &db = bench::writableReference();
    QList<QUuid> ids;
    QList<std::pair<QUuid, QUuid>> agents; // agent, team
    {
        QSqlQuery q(db.connection());
        q.exec(QStringLiteral("SELECT id FROM tickets WHERE status NOT IN ('solved', 'closed') LIMIT 1000"));
        while (q.next())
            ids << rowcodec::key(q.value(0));
        q.exec(QStringLiteral("SELECT id, team_id FROM agents ORDER BY name LIMIT 2"));
        while (q.next())
            agents.append({rowcodec::key(q.value(0)), rowcodec::key(q.value(1))});
    }
    if (ids.size() < 1000 || agents.size() < 2) {
        state.SkipWithError("the reference database has too few open tickets or agents");
        return;
    }
    TicketService service(db.connection(), agents.first().first);
    int round = 0;
    for (auto _ : state) {
        const auto &[agent, team] = agents.at(round++ % 2); // a real change every time
        const auto outcome = service.forEach(ids, [&](const QUuid &id) { return service.assign(id, agent, team); });
        if (!outcome || outcome->changed != ids.size()) {
            state.SkipWithError("bulk assignment failed");
            break;
        }
    }
    state.counters["tickets"] = double(ids.size());
}
BENCHMARK(BM_BulkAssign1000)->Unit(benchmark::kMillisecond)->Iterations(4);

// A calendar change (Saturdays opened or closed again) moves the due times of
// every running ticket on it.
void BM_SlaRecomputeForCalendarChange(benchmark::State &state)
{
    Database &db = bench::writableReference();
    SlaRepository repository(db.connection());
    const auto policy = repository.defaultPolicy();
    if (!policy) {
        state.SkipWithError(qPrintable(policy.error().message));
        return;
    }
    int round = 0;
    int moved = 0;
    for (auto _ : state) {
        state.PauseTiming();
        Calendar calendar = repository.calendar(policy->calendarId).value();
        calendar.week[5] = round++ % 2 == 0 ? std::optional(BusinessCalendar::Hours{QTime(10, 0), QTime(16, 0)})
                                            : std::nullopt;
        (void)repository.saveCalendar(calendar);
        state.ResumeTiming();
        const auto n = SlaEngine(db.connection()).recomputeForCalendar(calendar.id);
        if (!n) {
            state.SkipWithError(qPrintable(n.error().message));
            break;
        }
        moved = n.value();
    }
    state.counters["tickets"] = moved;
}
BENCHMARK(BM_SlaRecomputeForCalendarChange)->Unit(benchmark::kMillisecond)->Iterations(4);

} // namespace
