// Google Benchmark main with a QApplication (offscreen unless a platform is
// set), so widget start-up can be measured too.
#include "../headlessqt.h"

#include <QApplication>

#include <benchmark/benchmark.h>

int main(int argc, char **argv)
{
    madoguchi::test::prepareHeadlessQt();
    QApplication app(argc, argv);
    madoguchi::AppSettings::initializeApplication();
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv))
        return 1;
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
