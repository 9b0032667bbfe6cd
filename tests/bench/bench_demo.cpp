#include "demo/demogenerator.h"
#include "storage/database.h"

#include <QTemporaryDir>

#include <benchmark/benchmark.h>

using namespace madoguchi;

// Demo generation rate: rows of all tables written per second, into a new
// file each iteration. Args: customers, tickets, interactions.
static void BM_DemoGeneration(benchmark::State &state)
{
    qint64 rows = 0;
    for (auto _ : state) {
        state.PauseTiming();
        QTemporaryDir dir;
        auto db = Database::open(dir.filePath(QStringLiteral("demo.sqlite")));
        if (!db) {
            state.SkipWithError("cannot create the database");
            break;
        }
        DemoOptions options;
        options.seed = 7;
        options.customers = state.range(0);
        options.tickets = state.range(1);
        options.interactions = state.range(2);
        options.anchor = QDate(2026, 11, 1);
        state.ResumeTiming();
        const auto summary = generateDemoData(*db.value(), options);
        if (!summary) {
            state.SkipWithError(qPrintable(summary.error().message));
            break;
        }
        rows += summary->customers + summary->contacts + summary->tickets + summary->ticketEvents
                + summary->interactions + summary->csatResponses;
        state.PauseTiming();
        db.value().reset();
        state.ResumeTiming();
    }
    state.counters["rows_per_s"] = benchmark::Counter(double(rows), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_DemoGeneration)->Args({20'000, 100'000, 300'000})->Unit(benchmark::kMillisecond)->Iterations(3);
BENCHMARK(BM_DemoGeneration)
    ->Args({200'000, 1'000'000, 3'000'000})
    ->Unit(benchmark::kMillisecond)
    ->Iterations(1)
    ->Name("BM_DemoGeneration/reference");
