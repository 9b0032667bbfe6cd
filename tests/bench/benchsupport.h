#pragma once

#include <QString>

namespace madoguchi::bench {

// The reference data set of DESIGN.md §6 (200k customers, 1M tickets, 3M
// interactions, seed 7). Its path comes from MADOGUCHI_BENCH_DB, or it is
// generated once into the build tree and reused by later runs.
QString referenceDatabase();

} // namespace madoguchi::bench
