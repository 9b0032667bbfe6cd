#!/usr/bin/env bash
# Madoguchi developer entry point. Installs what is missing (apt), builds with
# CMake presets (Ninja, ccache) and then:
#   run          launches the app on the local database, seeded with demo data
#   test         checks the formatting, then runs the whole test suite: Debug,
#                AddressSanitizer+UBSan, Release
#   format       formats the C++ sources with clang-format (.clang-format)
#   bench        runs the Google Benchmark suite (Release) and writes JSON
#   screenshots  renders the main window pages offscreen (English and Japanese), and two
#                windows syncing through a throwaway PostgreSQL server
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT=$PWD
command=${1:-run}

"$ROOT/packaging/install-deps.sh"

# Let clones in other directories (CI) hit the same compiler cache.
export CCACHE_BASEDIR="$ROOT" CCACHE_NOHASHDIR=1
export CCACHE_DIR=${CCACHE_DIR:-$HOME/.cache/ccache}
JOBS=${JOBS:-$(nproc)}

sources() {
  git -C "$ROOT" ls-files -z '*.cpp' '*.h'
}

build() {
  cmake --preset "$1" >/dev/null
  cmake --build --preset "$1" -j "$JOBS"
}

case "$command" in
  run)
    build release
    cli="$ROOT/build/release/src/madoguchi-cli"
    # First start: fill the local database with a realistic demo data set.
    if ! "$cli" check >/dev/null 2>&1; then
      echo "Creating the demo database (20,000 customers, 100,000 tickets)…"
      "$cli" demo --customers 20000 --tickets 100000 --interactions 300000
    fi
    exec "$ROOT/build/release/src/madoguchi" "${@:2}"
    ;;
  format)
    sources | xargs -0 clang-format -i
    ;;
  test)
    # Code clang-format would change fails here, before anything is built.
    if ! sources | xargs -0 clang-format --dry-run --Werror; then
      echo "Unformatted code: run ./packaging/dev.sh format" >&2
      exit 1
    fi
    # Release too: -O2 brings warnings (and so -Werror failures) Debug cannot see.
    for preset in debug asan release; do
      echo "== $preset =="
      build "$preset"
      ctest --preset "$preset" -j "$JOBS"
    done
    ;;
  bench)
    build release
    mkdir -p "$ROOT/build/bench-results"
    "$ROOT/build/release/tests/madoguchi_benchmarks" --benchmark_out="$ROOT/build/bench-results/latest.json" \
      --benchmark_out_format=json "${@:2}"
    ;;
  screenshots)
    build release
    out="$ROOT/build/screenshots"
    mkdir -p "$out"
    db="$out/demo.sqlite"
    [ -e "$db" ] || "$ROOT/build/release/src/madoguchi-cli" --db "$db" demo --seed 7 --customers 20000 \
      --tickets 100000 --interactions 300000 --anchor 2026-11-01
    for lang in en ja; do
      QT_QPA_PLATFORM=offscreen "$ROOT/build/release/tests/madoguchi_screenshots" "$db" "$out" "$lang"
      for page in 1 2 3; do
        QT_QPA_PLATFORM=offscreen "$ROOT/build/release/src/madoguchi" --db "$db" --language "$lang" --page "$page" \
          --screenshot "$out/page$page-$lang.png"
      done
      # Two windows syncing through a PostgreSQL server started for the run.
      QT_QPA_PLATFORM=offscreen "$ROOT/build/release/tests/madoguchi_sync_screenshots" "$out" "$lang"
    done
    echo "Screenshots in $out"
    ;;
  *)
    echo "usage: $0 run|test|format|bench|screenshots" >&2
    exit 2
    ;;
esac
