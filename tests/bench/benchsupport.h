#pragma once

#include <QString>

namespace madoguchi {
class Database;
}

namespace madoguchi::bench {

// The reference data set of DESIGN.md §6 (200k customers, 1M tickets, 3M
// interactions, seed 7). Its path comes from MADOGUCHI_BENCH_DB, or it is
// generated once into the build tree and reused by later runs.
QString referenceDatabase();
// The reference database, opened once for the benchmarks that only read.
Database &reference();
// A private copy of it for benchmarks that write, made once per run.
Database &writableReference();

} // namespace madoguchi::bench
