#include "benchsupport.h"

#include "demo/demogenerator.h"
#include "storage/database.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>

#include <cstdio>

namespace madoguchi::bench {

QString referenceDatabase()
{
    static const QString path = [] {
        const QString fromEnv = qEnvironmentVariable("MADOGUCHI_BENCH_DB");
        const QString file = fromEnv.isEmpty() ? QDir(QCoreApplication::applicationDirPath())
                                                     .filePath(QStringLiteral("bench-data/reference-1m.sqlite"))
                                               : fromEnv;
        if (QFileInfo::exists(file))
            return file;
        std::fprintf(stderr, "Generating the reference database %s (once)...\n", qPrintable(file));
        auto db = Database::open(file);
        if (!db)
            qFatal("%s", qPrintable(db.error().message));
        DemoOptions options;
        options.seed = 7;
        options.customers = 200'000;
        options.tickets = 1'000'000;
        options.interactions = 3'000'000;
        options.anchor = QDate(2026, 11, 1);
        const auto summary = generateDemoData(*db.value(), options);
        if (!summary)
            qFatal("%s", qPrintable(summary.error().message));
        return file;
    }();
    return path;
}

Database &reference()
{
    static std::unique_ptr<Database> db = [] {
        auto opened = Database::open(referenceDatabase());
        if (!opened)
            qFatal("%s", qPrintable(opened.error().message));
        return std::move(opened.value());
    }();
    return *db;
}

Database &writableReference()
{
    static QTemporaryDir dir;
    static std::unique_ptr<Database> db = [] {
        const QString copy = dir.filePath(QStringLiteral("copy.sqlite"));
        if (!QFile::copy(referenceDatabase(), copy))
            qFatal("cannot copy the reference database");
        auto opened = Database::open(copy);
        if (!opened)
            qFatal("%s", qPrintable(opened.error().message));
        return std::move(opened.value());
    }();
    return *db;
}

} // namespace madoguchi::bench
