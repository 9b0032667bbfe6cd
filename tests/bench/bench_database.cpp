#include "benchsupport.h"

#include "shell/mainwindow.h"
#include "storage/database.h"
#include "storage/databaseinfo.h"

#include <QApplication>
#include <QSqlQuery>
#include <QTest>

#include <benchmark/benchmark.h>

using namespace madoguchi;

namespace {

std::unique_ptr<Database> openReference(benchmark::State &state)
{
    Database::Options options;
    options.mode = Database::OpenMode::MustExist;
    auto db = Database::open(bench::referenceDatabase(), options);
    if (!db) {
        state.SkipWithError(qPrintable(db.error().message));
        return nullptr;
    }
    return std::move(db.value());
}

} // namespace

// Opening the 1M-ticket database: file checks, header, pragmas, migration
// check, first query.
static void BM_OpenDatabase(benchmark::State &state)
{
    bench::referenceDatabase();
    for (auto _ : state) {
        auto db = openReference(state);
        if (!db)
            break;
        QSqlQuery q(db->connection());
        q.exec(QStringLiteral("SELECT count(*) FROM teams"));
        q.next();
        benchmark::DoNotOptimize(q.value(0).toInt());
    }
}
BENCHMARK(BM_OpenDatabase)->Unit(benchmark::kMillisecond);

// Start to usable main window: open the database, build and show the window
// and paint it once. The counts in the status bar arrive later, off the UI
// thread, and are measured separately below.
static void BM_StartMainWindow(benchmark::State &state)
{
    bench::referenceDatabase();
    for (auto _ : state) {
        auto db = openReference(state);
        if (!db)
            break;
        MainWindow window(std::move(db));
        window.show();
        window.repaint();
        QApplication::processEvents();
        state.PauseTiming();
        const bool loaded = QTest::qWaitFor([&] { return !window.databaseInfo().path.isEmpty(); }, 60'000);
        state.ResumeTiming();
        if (!loaded) {
            state.SkipWithError("the database facts never arrived");
            break;
        }
    }
}
BENCHMARK(BM_StartMainWindow)->Unit(benchmark::kMillisecond);

// The status bar's facts (row counts of every table), read in the background.
static void BM_DatabaseInfo(benchmark::State &state)
{
    const auto db = openReference(state);
    if (!db)
        return;
    for (auto _ : state) {
        const auto info = inspectDatabase(*db, false);
        benchmark::DoNotOptimize(info.ok());
    }
}
BENCHMARK(BM_DatabaseInfo)->Unit(benchmark::kMillisecond);
