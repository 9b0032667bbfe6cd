// madoguchi-cli's contract (DESIGN.md §7): results on stdout, one line on
// stderr and a non-zero exit status on any error.
#include "storage/database.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSqlQuery>
#include <QTemporaryDir>

#include <gtest/gtest.h>

namespace {

struct CliRun
{
    int exitCode = -1;
    QString out;
    QString err;
};

CliRun cli(const QStringList &arguments)
{
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("LANG"), QStringLiteral("C.UTF-8"));
    env.insert(QStringLiteral("LC_ALL"), QStringLiteral("C.UTF-8"));
    process.setProcessEnvironment(env);
    process.start(QStringLiteral(MADOGUCHI_CLI_PATH), arguments);
    if (!process.waitForFinished(120'000))
        return {};
    return {process.exitCode(), QString::fromUtf8(process.readAllStandardOutput()),
            QString::fromUtf8(process.readAllStandardError())};
}

void expectOneLineError(const CliRun &run, int exitCode, const char *fragment)
{
    EXPECT_EQ(run.exitCode, exitCode) << run.err.toStdString();
    EXPECT_TRUE(run.out.isEmpty()) << run.out.toStdString();
    const QString line = run.err.trimmed();
    EXPECT_FALSE(line.contains(u'\n')) << line.toStdString();
    EXPECT_TRUE(line.startsWith(QStringLiteral("madoguchi-cli: "))) << line.toStdString();
    EXPECT_TRUE(line.contains(QString::fromUtf8(fragment), Qt::CaseInsensitive)) << line.toStdString();
}

} // namespace

TEST(Cli, PrintsItsVersion)
{
    const CliRun plain = cli({QStringLiteral("--version")});
    EXPECT_EQ(plain.exitCode, 0);
    EXPECT_EQ(plain.out.trimmed(), QStringLiteral("madoguchi-cli " MADOGUCHI_VERSION));
    const CliRun json = cli({QStringLiteral("--json"), QStringLiteral("--version")});
    EXPECT_EQ(json.exitCode, 0);
    const QJsonObject o = QJsonDocument::fromJson(json.out.toUtf8()).object();
    EXPECT_EQ(o.value(QStringLiteral("version")).toString(), QStringLiteral(MADOGUCHI_VERSION));
    EXPECT_EQ(o.value(QStringLiteral("schema_version")).toInt(), madoguchi::Database::latestSchemaVersion());
}

TEST(Cli, BadArgumentsExitWithStatusTwo)
{
    QTemporaryDir dir;
    const QString db = dir.filePath(QStringLiteral("x.sqlite"));
    EXPECT_EQ(cli({}).exitCode, 2);
    expectOneLineError(cli({QStringLiteral("frobnicate")}), 2, "unknown command");
    expectOneLineError(cli({QStringLiteral("--db"), db, QStringLiteral("demo"), QStringLiteral("--tickets"), QStringLiteral("lots")}),
                       2, "whole number");
    expectOneLineError(cli({QStringLiteral("--db"), db, QStringLiteral("demo"), QStringLiteral("--anchor"), QStringLiteral("2026-13-45")}),
                       2, "anchor");
    expectOneLineError(cli({QStringLiteral("--db"), db, QStringLiteral("demo"), QStringLiteral("--colour")}), 2, "colour");
    expectOneLineError(cli({QStringLiteral("--db"), db, QStringLiteral("check"), QStringLiteral("extra")}), 2, "extra");
    EXPECT_FALSE(QFile::exists(db)); // nothing was created by a refused command
}

TEST(Cli, CheckReportsBadDatabaseFiles)
{
    QTemporaryDir dir;
    expectOneLineError(cli({QStringLiteral("--db"), dir.filePath(QStringLiteral("missing.sqlite")), QStringLiteral("check")}),
                       1, "no database");
    EXPECT_FALSE(QFile::exists(dir.filePath(QStringLiteral("missing.sqlite"))));

    const QString text = dir.filePath(QStringLiteral("notes.txt"));
    {
        QFile f(text);
        ASSERT_TRUE(f.open(QIODevice::WriteOnly));
        f.write("name,phone\n山田,03-1234-5678\n");
    }
    expectOneLineError(cli({QStringLiteral("--db"), text, QStringLiteral("check")}), 1, "not a Madoguchi database");

    const QString future = dir.filePath(QStringLiteral("future.sqlite"));
    {
        auto db = madoguchi::Database::open(future);
        ASSERT_TRUE(db);
        QSqlQuery q(db.value()->connection());
        ASSERT_TRUE(q.exec(QStringLiteral("PRAGMA user_version = 42")));
    }
    expectOneLineError(cli({QStringLiteral("--db"), future, QStringLiteral("check")}), 1, "newer version");

    const QString readOnly = dir.filePath(QStringLiteral("readonly.sqlite"));
    ASSERT_TRUE(madoguchi::Database::open(readOnly));
    ASSERT_TRUE(QFile::setPermissions(readOnly, QFileDevice::ReadOwner));
    expectOneLineError(cli({QStringLiteral("--db"), readOnly, QStringLiteral("check")}), 1, "read-only");

    expectOneLineError(cli({QStringLiteral("--db"), dir.path(), QStringLiteral("check")}), 1, "folder");
}

TEST(Cli, DemoThenCheckSucceedsWithJson)
{
    QTemporaryDir dir;
    const QString db = dir.filePath(QStringLiteral("demo.sqlite"));
    const CliRun demo = cli({QStringLiteral("--db"), db, QStringLiteral("--json"), QStringLiteral("demo"), QStringLiteral("--seed"),
                          QStringLiteral("7"), QStringLiteral("--customers"), QStringLiteral("200"), QStringLiteral("--tickets"),
                          QStringLiteral("800"), QStringLiteral("--interactions"), QStringLiteral("2000")});
    ASSERT_EQ(demo.exitCode, 0) << demo.err.toStdString();
    const QJsonObject summary = QJsonDocument::fromJson(demo.out.toUtf8()).object();
    EXPECT_EQ(summary.value(QStringLiteral("tickets")).toInt(), 800);
    EXPECT_EQ(summary.value(QStringLiteral("interactions")).toInt(), 2000);

    const CliRun check = cli({QStringLiteral("check"), QStringLiteral("--json"), QStringLiteral("--db"), db});
    ASSERT_EQ(check.exitCode, 0) << check.err.toStdString();
    const QJsonObject o = QJsonDocument::fromJson(check.out.toUtf8()).object();
    EXPECT_TRUE(o.value(QStringLiteral("ok")).toBool());
    EXPECT_EQ(o.value(QStringLiteral("integrity")).toString(), QStringLiteral("ok"));
    EXPECT_EQ(o.value(QStringLiteral("schema_version")).toInt(), madoguchi::Database::latestSchemaVersion());
    EXPECT_TRUE(o.value(QStringLiteral("demo")).toBool());
    EXPECT_EQ(o.value(QStringLiteral("counts")).toObject().value(QStringLiteral("customers")).toInt(), 200);

    // A second demo into the same file is refused and changes nothing.
    expectOneLineError(cli({QStringLiteral("--db"), db, QStringLiteral("demo")}), 1, "already contains data");
    const CliRun again = cli({QStringLiteral("--db"), db, QStringLiteral("--json"), QStringLiteral("check")});
    EXPECT_EQ(QJsonDocument::fromJson(again.out.toUtf8()).object().value(QStringLiteral("counts")).toObject()
                  .value(QStringLiteral("customers")).toInt(), 200);
}

TEST(Cli, CheckFindsDamage)
{
    QTemporaryDir dir;
    const QString db = dir.filePath(QStringLiteral("damaged.sqlite"));
    {
        auto opened = madoguchi::Database::open(db);
        ASSERT_TRUE(opened);
        QSqlQuery q(opened.value()->connection());
        // A dangling reference written with the checks switched off, as a buggy tool might.
        ASSERT_TRUE(q.exec(QStringLiteral("PRAGMA foreign_keys = OFF")));
        ASSERT_TRUE(q.exec(QStringLiteral("INSERT INTO customer_contacts (id, customer_id, kind, value, created_at, updated_at) "
                                          "VALUES (randomblob(16), randomblob(16), 'phone', '+81312345678', 1, 1)")));
    }
    const CliRun check = cli({QStringLiteral("--db"), db, QStringLiteral("check")});
    EXPECT_EQ(check.exitCode, 1);
    EXPECT_TRUE(check.err.contains(QStringLiteral("damaged"))) << check.err.toStdString();
    EXPECT_TRUE(check.out.contains(QStringLiteral("Foreign key problems: 1"))) << check.out.toStdString();
}
