// madoguchi-cli's contract (DESIGN.md §7): results on stdout, one line on
// stderr and a non-zero exit status on any error.
#include "customers/loginteractiondialog.h"
#include "repositories/customerrepository.h"
#include "repositories/directoryrepository.h"
#include "storage/database.h"

#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTest>

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QUuid>

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
    expectOneLineError(cli({QStringLiteral("--db"), db, QStringLiteral("demo"), QStringLiteral("--tickets"),
                            QStringLiteral("lots")}),
                       2, "whole number");
    expectOneLineError(cli({QStringLiteral("--db"), db, QStringLiteral("demo"), QStringLiteral("--anchor"),
                            QStringLiteral("2026-13-45")}),
                       2, "anchor");
    expectOneLineError(cli({QStringLiteral("--db"), db, QStringLiteral("demo"), QStringLiteral("--colour")}), 2,
                       "colour");
    expectOneLineError(cli({QStringLiteral("--db"), db, QStringLiteral("check"), QStringLiteral("extra")}), 2, "extra");
    EXPECT_FALSE(QFile::exists(db)); // nothing was created by a refused command
}

TEST(Cli, CheckReportsBadDatabaseFiles)
{
    QTemporaryDir dir;
    expectOneLineError(cli({QStringLiteral("--db"), dir.filePath(QStringLiteral("missing.sqlite")),
                            QStringLiteral("check")}),
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
    const CliRun demo = cli({QStringLiteral("--db"), db, QStringLiteral("--json"), QStringLiteral("demo"),
                             QStringLiteral("--seed"), QStringLiteral("7"), QStringLiteral("--customers"),
                             QStringLiteral("200"), QStringLiteral("--tickets"), QStringLiteral("800"),
                             QStringLiteral("--interactions"), QStringLiteral("2000")});
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
    EXPECT_EQ(QJsonDocument::fromJson(again.out.toUtf8())
                  .object()
                  .value(QStringLiteral("counts"))
                  .toObject()
                  .value(QStringLiteral("customers"))
                  .toInt(),
              200);
}

// A demo stopped at any moment leaves either nothing where the database is
// expected, or the complete demo: never a half-built file that opens.
TEST(Cli, AKilledDemoNeverLeavesAFileThatOpens)
{
    QTemporaryDir dir;
    int killedEarly = 0;
    for (const int afterMs : {150, 600, 1500, 3000}) {
        SCOPED_TRACE(afterMs);
        const QString db = dir.filePath(QStringLiteral("demo-%1.sqlite").arg(afterMs));
        QProcess demo;
        demo.start(QStringLiteral(MADOGUCHI_CLI_PATH),
                   {QStringLiteral("--db"), db, QStringLiteral("demo"), QStringLiteral("--customers"),
                    QStringLiteral("20000"), QStringLiteral("--tickets"), QStringLiteral("100000"),
                    QStringLiteral("--interactions"), QStringLiteral("300000")});
        ASSERT_TRUE(demo.waitForStarted());
        if (!demo.waitForFinished(afterMs)) {
            demo.kill(); // SIGKILL: no handler, no clean-up
            ASSERT_TRUE(demo.waitForFinished());
            ++killedEarly;
        }
        if (!QFile::exists(db)) {
            expectOneLineError(cli({QStringLiteral("--db"), db, QStringLiteral("check")}), 1, "no database");
            continue;
        }
        const CliRun check = cli({QStringLiteral("--db"), db, QStringLiteral("--json"), QStringLiteral("check")});
        ASSERT_EQ(check.exitCode, 0) << check.err.toStdString();
        const QJsonObject o = QJsonDocument::fromJson(check.out.toUtf8()).object();
        EXPECT_TRUE(o.value(QStringLiteral("demo")).toBool());
        EXPECT_EQ(o.value(QStringLiteral("counts")).toObject().value(QStringLiteral("tickets")).toInt(), 100000);
    }
    EXPECT_GE(killedEarly, 2); // the case that matters happened
    // The next demo builds a complete database in the same place.
    const QString db = dir.filePath(QStringLiteral("demo-150.sqlite"));
    ASSERT_EQ(cli({QStringLiteral("--db"), db, QStringLiteral("demo"), QStringLiteral("--customers"),
                   QStringLiteral("50"), QStringLiteral("--tickets"), QStringLiteral("100"),
                   QStringLiteral("--interactions"), QStringLiteral("200")})
                  .exitCode,
              0);
    EXPECT_EQ(cli({QStringLiteral("--db"), db, QStringLiteral("check")}).exitCode, 0);
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
        ASSERT_TRUE(q.exec(
            QStringLiteral("INSERT INTO customer_contacts (id, customer_id, kind, value, created_at, updated_at) "
                           "VALUES (randomblob(16), randomblob(16), 'phone', '+81312345678', 1, 1)")));
    }
    const CliRun check = cli({QStringLiteral("--db"), db, QStringLiteral("check")});
    EXPECT_EQ(check.exitCode, 1);
    EXPECT_TRUE(check.err.contains(QStringLiteral("damaged"))) << check.err.toStdString();
    EXPECT_TRUE(check.out.contains(QStringLiteral("Foreign key problems: 1"))) << check.out.toStdString();
}

TEST(Cli, AddsShowsAndLogsForACustomer)
{
    QTemporaryDir dir;
    const QString db = dir.filePath(QStringLiteral("crm.sqlite"));
    ASSERT_TRUE(madoguchi::Database::open(db));
    const CliRun added = cli(
        {QStringLiteral("--db"), db, QStringLiteral("--json"), QStringLiteral("customer"), QStringLiteral("add"),
         QStringLiteral("--name"), QStringLiteral("山田 太郎"), QStringLiteral("--kana"),
         QStringLiteral("やまだ たろう"), QStringLiteral("--phone"), QStringLiteral("03-1234-5678"),
         QStringLiteral("--phone"), QStringLiteral("090-1111-2222"), QStringLiteral("--email"),
         QStringLiteral("Taro@Example.co.jp"), QStringLiteral("--org"), QStringLiteral("株式会社山田商事")});
    ASSERT_EQ(added.exitCode, 0) << added.err.toStdString();
    const QString id = QJsonDocument::fromJson(added.out.toUtf8()).object().value(QStringLiteral("id")).toString();
    ASSERT_FALSE(QUuid::fromString(id).isNull());

    // A CTI hook logs the call with the number as the phone system writes it.
    const CliRun logged = cli({QStringLiteral("--db"), db, QStringLiteral("--json"), QStringLiteral("log-interaction"),
                               QStringLiteral("--phone"), QStringLiteral("+81312345678"), QStringLiteral("--channel"),
                               QStringLiteral("phone"), QStringLiteral("--direction"), QStringLiteral("inbound"),
                               QStringLiteral("--duration"), QStringLiteral("95"), QStringLiteral("--outcome"),
                               QStringLiteral("resolved"), QStringLiteral("--notes"), QStringLiteral("住所変更")});
    ASSERT_EQ(logged.exitCode, 0) << logged.err.toStdString();
    EXPECT_EQ(QJsonDocument::fromJson(logged.out.toUtf8()).object().value(QStringLiteral("customer_id")).toString(), id);

    for (const QString &key : {QStringLiteral("0312345678"), QStringLiteral("taro@example.co.jp"), id}) {
        const CliRun shown = cli({QStringLiteral("--db"), db, QStringLiteral("--json"), QStringLiteral("customer"),
                                  QStringLiteral("show"), key});
        ASSERT_EQ(shown.exitCode, 0) << key.toStdString() << ": " << shown.err.toStdString();
        const QJsonObject c = QJsonDocument::fromJson(shown.out.toUtf8()).object();
        EXPECT_EQ(c.value(QStringLiteral("name")).toString(), QStringLiteral("山田 太郎"));
        EXPECT_EQ(c.value(QStringLiteral("reading")).toString(), QStringLiteral("ヤマダ タロウ"));
        EXPECT_EQ(c.value(QStringLiteral("organization")).toString(), QStringLiteral("株式会社山田商事"));
        EXPECT_EQ(c.value(QStringLiteral("phones")).toArray().size(), 2);
        EXPECT_EQ(c.value(QStringLiteral("emails")).toArray().at(0).toObject().value(QStringLiteral("address")).toString(),
                  QStringLiteral("Taro@example.co.jp"));
        const QJsonArray history = c.value(QStringLiteral("recent_interactions")).toArray();
        ASSERT_EQ(history.size(), 1);
        EXPECT_EQ(history.at(0).toObject().value(QStringLiteral("duration_s")).toInt(), 95);
        EXPECT_EQ(history.at(0).toObject().value(QStringLiteral("notes")).toString(), QStringLiteral("住所変更"));
    }
    // The same company is reused, not duplicated.
    ASSERT_EQ(cli({QStringLiteral("--db"), db, QStringLiteral("customer"), QStringLiteral("add"),
                   QStringLiteral("--name"), QStringLiteral("佐藤 健"), QStringLiteral("--org"),
                   QStringLiteral("株式会社山田商事")})
                  .exitCode,
              0);
    auto opened = madoguchi::Database::open(db);
    QSqlQuery q(opened.value()->connection());
    ASSERT_TRUE(q.exec(QStringLiteral("SELECT count(*) FROM organizations")) && q.next());
    EXPECT_EQ(q.value(0).toInt(), 1);
}

TEST(Cli, CustomerAndLogCommandsRefuseBadInput)
{
    QTemporaryDir dir;
    const QString db = dir.filePath(QStringLiteral("crm.sqlite"));
    ASSERT_TRUE(madoguchi::Database::open(db));
    const QString d = QStringLiteral("--db");
    expectOneLineError(cli({d, db, QStringLiteral("customer"), QStringLiteral("add")}), 2, "--name");
    expectOneLineError(cli({d, db, QStringLiteral("customer"), QStringLiteral("add"), QStringLiteral("--name"),
                            QStringLiteral("x"), QStringLiteral("--phone"), QStringLiteral("12")}),
                       1, "numbering plan");
    expectOneLineError(cli({d, db, QStringLiteral("customer"), QStringLiteral("add"), QStringLiteral("--name"),
                            QStringLiteral("x"), QStringLiteral("--email"), QStringLiteral("nobody")}),
                       1, "@");
    expectOneLineError(cli({d, db, QStringLiteral("customer"), QStringLiteral("frob")}), 2, "add or show");
    expectOneLineError(cli({d, db, QStringLiteral("customer"), QStringLiteral("show"), QStringLiteral("03-9999-9999")}),
                       1, "No customer");
    expectOneLineError(cli({d, db, QStringLiteral("log-interaction"), QStringLiteral("--channel"),
                            QStringLiteral("phone"), QStringLiteral("--direction"), QStringLiteral("inbound")}),
                       2, "--phone or --customer");
    expectOneLineError(cli({d, db, QStringLiteral("log-interaction"), QStringLiteral("--phone"),
                            QStringLiteral("03-9999-9999"), QStringLiteral("--channel"), QStringLiteral("fax"),
                            QStringLiteral("--direction"), QStringLiteral("inbound")}),
                       2, "phone, email");
    expectOneLineError(cli({d, db, QStringLiteral("log-interaction"), QStringLiteral("--phone"),
                            QStringLiteral("03-9999-9999"), QStringLiteral("--channel"), QStringLiteral("phone"),
                            QStringLiteral("--direction"), QStringLiteral("inbound")}),
                       1, "customer add");
    expectOneLineError(cli({d, db, QStringLiteral("log-interaction"), QStringLiteral("--phone"),
                            QStringLiteral("03-9999-9999"), QStringLiteral("--channel"), QStringLiteral("phone"),
                            QStringLiteral("--direction"), QStringLiteral("inbound"), QStringLiteral("--started"),
                            QStringLiteral("yesterday")}),
                       2, "--started");
    auto opened = madoguchi::Database::open(db);
    QSqlQuery q(opened.value()->connection());
    ASSERT_TRUE(q.exec(QStringLiteral("SELECT (SELECT count(*) FROM customers) + (SELECT count(*) FROM interactions)"))
                && q.next());
    EXPECT_EQ(q.value(0).toInt(), 0); // nothing was written by any of them
}

namespace {

// What the log-call dialog says about a new caller typed into its form.
QString dialogRefusal(madoguchi::Database &database, const QString &phone, const QString &email)
{
    madoguchi::LogInteractionDialog dialog(database, QStringLiteral("JP"), {});
    dialog.show();
    auto *customer = dialog.findChild<QLineEdit *>(QStringLiteral("customerEdit"));
    QTest::keyClicks(customer, QStringLiteral("nobody-we-know"));
    QTest::keyClick(customer, Qt::Key_Return);
    QTest::mouseClick(dialog.findChild<QPushButton *>(QStringLiteral("createCustomerButton")), Qt::LeftButton);
    dialog.findChild<QLineEdit *>(QStringLiteral("newNameEdit"))->clear();
    dialog.findChild<QLineEdit *>(QStringLiteral("newPhoneEdit"))->setText(phone);
    dialog.findChild<QLineEdit *>(QStringLiteral("newEmailEdit"))->setText(email);
    dialog.accept();
    return dialog.errorText();
}

} // namespace

TEST(Cli, LogInteractionAddsANewCallerAndRefusesWhatTheDialogRefuses)
{
    QTemporaryDir dir;
    const QString db = dir.filePath(QStringLiteral("crm.sqlite"));
    auto database = madoguchi::Database::open(db);
    ASSERT_TRUE(database);
    const QStringList call{QStringLiteral("--db"),
                           db,
                           QStringLiteral("log-interaction"),
                           QStringLiteral("--channel"),
                           QStringLiteral("phone"),
                           QStringLiteral("--direction"),
                           QStringLiteral("inbound")};

    // No name, a bad address; then a number libphonenumber refuses.
    for (const auto &[phone, email] : {std::pair{QStringLiteral("090-9999-8888"), QStringLiteral("nobody")},
                                       std::pair{QStringLiteral("12"), QString()}}) {
        QStringList arguments = call + QStringList{QStringLiteral("--phone"), phone};
        if (!email.isEmpty())
            arguments << QStringLiteral("--email") << email;
        else
            arguments << QStringLiteral("--name") << QString();
        const CliRun refused = cli(arguments);
        const QString expected = dialogRefusal(*database.value(), phone, email);
        ASSERT_FALSE(expected.isEmpty());
        EXPECT_EQ(refused.exitCode, 1);
        EXPECT_EQ(refused.err.trimmed(), QStringLiteral("madoguchi-cli: ") + QString(expected).replace(u'\n', u' '));
    }

    const CliRun logged = cli(call
                              + QStringList{QStringLiteral("--phone"), QStringLiteral("090-9999-8888"),
                                            QStringLiteral("--name"), QStringLiteral("森 結衣"),
                                            QStringLiteral("--kana"), QStringLiteral("もり ゆい")});
    ASSERT_EQ(logged.exitCode, 0) << logged.err.toStdString();
    const auto found
        = madoguchi::CustomerRepository(database.value()->connection())
              .findByPhone(madoguchi::PhoneNumber::parse(QStringLiteral("09099998888"), QStringLiteral("JP")).value());
    ASSERT_TRUE(found && found->size() == 1);
    EXPECT_EQ(found->constFirst().name, QStringLiteral("森 結衣"));
    EXPECT_EQ(found->constFirst().nameReading, QStringLiteral("モリ ユイ"));

    // Known now: a second "new caller" with the number is refused, not duplicated.
    expectOneLineError(cli(call
                           + QStringList{QStringLiteral("--phone"), QStringLiteral("090-9999-8888"),
                                         QStringLiteral("--name"), QStringLiteral("森 結衣")}),
                       1, "already the number of 森 結衣");
    expectOneLineError(cli(call
                           + QStringList{QStringLiteral("--customer"),
                                         found->constFirst().id.toString(QUuid::WithoutBraces),
                                         QStringLiteral("--name"), QStringLiteral("x")}),
                       2, "use them with --phone");
    EXPECT_EQ(found->size(), 1);
}

TEST(Cli, CreatesUpdatesAndShowsATicket)
{
    QTemporaryDir dir;
    const QString db = dir.filePath(QStringLiteral("crm.sqlite"));
    {
        auto opened = madoguchi::Database::open(db);
        ASSERT_TRUE(opened);
        madoguchi::DirectoryRepository directory(opened.value()->connection());
        madoguchi::Team team;
        team.name = QStringLiteral("二次サポート");
        madoguchi::Agent agent;
        agent.name = QStringLiteral("鈴木 一郎");
        agent.teamId = directory.addTeam(team).value();
        ASSERT_TRUE(directory.addAgent(agent));
    }
    const QString d = QStringLiteral("--db");
    const CliRun added = cli({d, db, QStringLiteral("--json"), QStringLiteral("customer"), QStringLiteral("add"),
                              QStringLiteral("--name"), QStringLiteral("山田 太郎")});
    ASSERT_EQ(added.exitCode, 0) << added.err.toStdString();
    const QString customer = QJsonDocument::fromJson(added.out.toUtf8()).object().value(QStringLiteral("id")).toString();

    const CliRun created = cli({d, db, QStringLiteral("--json"), QStringLiteral("ticket"), QStringLiteral("create"),
                                QStringLiteral("--customer"), customer, QStringLiteral("--subject"),
                                QStringLiteral("請求書が届かない"), QStringLiteral("--priority"),
                                QStringLiteral("high"), QStringLiteral("--assignee"), QStringLiteral("鈴木 一郎")});
    ASSERT_EQ(created.exitCode, 0) << created.err.toStdString();
    const QJsonObject made = QJsonDocument::fromJson(created.out.toUtf8()).object();
    const QString number = made.value(QStringLiteral("number")).toString();
    EXPECT_FALSE(QUuid::fromString(made.value(QStringLiteral("id")).toString()).isNull());
    EXPECT_TRUE(number.endsWith(QStringLiteral("-1"))) << number.toStdString();

    const CliRun updated = cli({d, db, QStringLiteral("--json"), QStringLiteral("ticket"), QStringLiteral("update"),
                                number, QStringLiteral("--status"), QStringLiteral("open"),
                                QStringLiteral("--escalate"), QStringLiteral("1"), QStringLiteral("--reason"),
                                QStringLiteral("請求システムの確認が必要"), QStringLiteral("--tag"),
                                QStringLiteral("請求")});
    ASSERT_EQ(updated.exitCode, 0) << updated.err.toStdString();
    const QJsonObject t = QJsonDocument::fromJson(updated.out.toUtf8()).object();
    EXPECT_EQ(t.value(QStringLiteral("status")).toString(), QStringLiteral("open"));
    EXPECT_EQ(t.value(QStringLiteral("priority")).toString(), QStringLiteral("high"));
    EXPECT_EQ(t.value(QStringLiteral("assignee")).toString(), QStringLiteral("鈴木 一郎"));
    EXPECT_EQ(t.value(QStringLiteral("team")).toString(), QStringLiteral("二次サポート"));
    EXPECT_EQ(t.value(QStringLiteral("escalation_level")).toInt(), 1);
    EXPECT_EQ(t.value(QStringLiteral("tags")).toArray().at(0).toString(), QStringLiteral("請求"));
    EXPECT_EQ(t.value(QStringLiteral("sla_policy")).toString(), QStringLiteral("Standard"));
    EXPECT_FALSE(t.value(QStringLiteral("first_response_due")).toString().isEmpty());
    EXPECT_EQ(t.value(QStringLiteral("sla")).toObject().value(QStringLiteral("target")).toString(),
              QStringLiteral("first_response"));
    QStringList fields;
    for (const QJsonValue &e : t.value(QStringLiteral("history")).toArray())
        fields << e.toObject().value(QStringLiteral("field")).toString();
    EXPECT_EQ(fields,
              (QStringList{QStringLiteral("created"), QStringLiteral("escalation_level"),
                           QStringLiteral("escalation_reason"), QStringLiteral("tags"), QStringLiteral("status")}));

    // A refused change in one command leaves every part of it undone.
    expectOneLineError(cli({d, db, QStringLiteral("ticket"), QStringLiteral("update"), number,
                            QStringLiteral("--priority"), QStringLiteral("urgent"), QStringLiteral("--status"),
                            QStringLiteral("closed")}),
                       1, "solved");
    const CliRun shown = cli({d, db, QStringLiteral("ticket"), QStringLiteral("show"), number});
    ASSERT_EQ(shown.exitCode, 0) << shown.err.toStdString();
    EXPECT_TRUE(shown.out.contains(QStringLiteral("Priority: High"))) << shown.out.toStdString();
    EXPECT_TRUE(shown.out.contains(QStringLiteral("Escalated to Tier 2"))) << shown.out.toStdString();

    expectOneLineError(cli({d, db, QStringLiteral("ticket"), QStringLiteral("create"), QStringLiteral("--subject"),
                            QStringLiteral("x")}),
                       2, "--customer");
    expectOneLineError(cli({d, db, QStringLiteral("ticket"), QStringLiteral("update"), number,
                            QStringLiteral("--status"), QStringLiteral("done")}),
                       2, "on_hold");
    expectOneLineError(cli({d, db, QStringLiteral("ticket"), QStringLiteral("show"), QStringLiteral("NOPE-9")}), 1,
                       "does not exist");
    expectOneLineError(cli({d, db, QStringLiteral("ticket"), QStringLiteral("create"), QStringLiteral("--customer"),
                            customer, QStringLiteral("--subject"), QStringLiteral("x"), QStringLiteral("--assignee"),
                            QStringLiteral("Nobody")}),
                       1, "Nobody");
}

TEST(Cli, KpiPrintsTheKeysOfTheDesignAsJson)
{
    QTemporaryDir dir;
    const QString db = dir.filePath(QStringLiteral("demo.sqlite"));
    ASSERT_EQ(cli({QStringLiteral("--db"), db, QStringLiteral("demo"), QStringLiteral("--customers"),
                   QStringLiteral("200"), QStringLiteral("--tickets"), QStringLiteral("800"),
                   QStringLiteral("--interactions"), QStringLiteral("2000"), QStringLiteral("--anchor"),
                   QStringLiteral("2026-11-01")})
                  .exitCode,
              0);
    const CliRun run = cli({QStringLiteral("--db"), db, QStringLiteral("--json"), QStringLiteral("kpi"),
                            QStringLiteral("--from"), QStringLiteral("2026-08-03"), QStringLiteral("--to"),
                            QStringLiteral("2026-11-01")});
    ASSERT_EQ(run.exitCode, 0) << run.err.toStdString();
    const QJsonObject k = QJsonDocument::fromJson(run.out.toUtf8()).object();
    QStringList keys = k.keys();
    keys.sort();
    EXPECT_EQ(keys,
              (QStringList{QStringLiteral("aht_seconds"), QStringLiteral("backlog"),
                           QStringLiteral("backlog_age_buckets"), QStringLiteral("csat_percent"),
                           QStringLiteral("escalation_rate"), QStringLiteral("fcr_rate"),
                           QStringLiteral("first_response_minutes"), QStringLiteral("from"), QStringLiteral("nps"),
                           QStringLiteral("per_agent"), QStringLiteral("per_channel"), QStringLiteral("reopen_rate"),
                           QStringLiteral("resolution_minutes"), QStringLiteral("sla_first_response_percent"),
                           QStringLiteral("sla_resolution_percent"), QStringLiteral("tickets_created"),
                           QStringLiteral("tickets_solved"), QStringLiteral("to"), QStringLiteral("volume_by_day")}));
    const QJsonObject fr = k.value(QStringLiteral("first_response_minutes")).toObject();
    EXPECT_TRUE(fr.contains(QStringLiteral("median")) && fr.contains(QStringLiteral("p90"))
                && fr.contains(QStringLiteral("mean")));
    EXPECT_GT(k.value(QStringLiteral("tickets_created")).toInt(), 0);
    EXPECT_EQ(k.value(QStringLiteral("volume_by_day")).toArray().size(), 90);
    const QJsonObject agent = k.value(QStringLiteral("per_agent")).toArray().at(0).toObject();
    for (const char *field :
         {"solved", "interactions", "aht_seconds", "first_response_median", "csat_percent", "fcr_rate", "qa_score"})
        EXPECT_TRUE(agent.contains(QLatin1String(field))) << field;

    expectOneLineError(cli({QStringLiteral("--db"), db, QStringLiteral("kpi"), QStringLiteral("--from"),
                            QStringLiteral("2026-11-01"), QStringLiteral("--to"), QStringLiteral("2026-10-01")}),
                       2, "--to");
    expectOneLineError(cli({QStringLiteral("--db"), db, QStringLiteral("kpi"), QStringLiteral("--from"),
                            QStringLiteral("2026-10-01"), QStringLiteral("--to"), QStringLiteral("2026-11-01"),
                            QStringLiteral("--team"), QStringLiteral("Nobody")}),
                       1, "Nobody");
}

// A real team's first day from a script: init, then its people and teams.
TEST(Cli, InitCreatesAnEmptyRealDatabaseWithItsFirstPerson)
{
    QTemporaryDir dir;
    const QString db = dir.filePath(QStringLiteral("team.sqlite"));
    // Any command on a missing file points at init (and demo).
    const CliRun missing = cli({QStringLiteral("--db"), db, QStringLiteral("customer"), QStringLiteral("add"),
                                QStringLiteral("--name"), QStringLiteral("山田 太郎")});
    expectOneLineError(missing, 1, "madoguchi-cli init");
    EXPECT_TRUE(missing.err.contains(QStringLiteral("madoguchi-cli demo")));
    EXPECT_FALSE(QFile::exists(db));

    expectOneLineError(cli({QStringLiteral("--db"), db, QStringLiteral("init"), QStringLiteral("--team"),
                            QStringLiteral("Support")}),
                       2, "give --agent too");
    const CliRun made = cli({QStringLiteral("--db"), db, QStringLiteral("--json"), QStringLiteral("init"),
                             QStringLiteral("--agent"), QStringLiteral("佐藤 愛子"), QStringLiteral("--kana"),
                             QStringLiteral("サトウ アイコ"), QStringLiteral("--team"), QStringLiteral("お客様窓口")});
    ASSERT_EQ(made.exitCode, 0) << made.err.toStdString();
    const QJsonObject o = QJsonDocument::fromJson(made.out.toUtf8()).object();
    EXPECT_FALSE(QUuid::fromString(o.value(QStringLiteral("agent_id")).toString()).isNull());
    EXPECT_FALSE(QUuid::fromString(o.value(QStringLiteral("team_id")).toString()).isNull());
    {
        auto database = madoguchi::Database::open(db);
        ASSERT_TRUE(database);
        QSqlQuery q(database.value()->connection());
        ASSERT_TRUE(q.exec(QStringLiteral("SELECT (SELECT value FROM client_state WHERE key = 'demo'), "
                                          "(SELECT role FROM agents), (SELECT count(*) FROM customers)")));
        ASSERT_TRUE(q.next());
        EXPECT_TRUE(q.value(0).isNull()); // real, not demo: it may sync
        EXPECT_EQ(q.value(1).toString(), QStringLiteral("admin"));
        EXPECT_EQ(q.value(2).toInt(), 0);
    }
    // A database in use is never set up again.
    expectOneLineError(cli({QStringLiteral("--db"), db, QStringLiteral("init"), QStringLiteral("--agent"),
                            QStringLiteral("Someone Else")}),
                       1, "already in use");
    // Calls are now logged by the person signed in.
    const CliRun call = cli({QStringLiteral("--db"), db, QStringLiteral("--json"), QStringLiteral("log-interaction"),
                             QStringLiteral("--phone"), QStringLiteral("03-1234-5678"), QStringLiteral("--name"),
                             QStringLiteral("山田 太郎"), QStringLiteral("--channel"), QStringLiteral("phone"),
                             QStringLiteral("--direction"), QStringLiteral("inbound")});
    ASSERT_EQ(call.exitCode, 0) << call.err.toStdString();
    auto database = madoguchi::Database::open(db);
    ASSERT_TRUE(database);
    QSqlQuery q(database.value()->connection());
    ASSERT_TRUE(q.exec(QStringLiteral("SELECT a.name FROM interactions i JOIN agents a ON a.id = i.agent_id")));
    ASSERT_TRUE(q.next());
    EXPECT_EQ(q.value(0).toString(), QStringLiteral("佐藤 愛子"));

    // Without a person: an empty database the app's first-run set-up fills.
    const QString empty = dir.filePath(QStringLiteral("empty.sqlite"));
    const CliRun bare = cli({QStringLiteral("--db"), empty, QStringLiteral("init")});
    ASSERT_EQ(bare.exitCode, 0) << bare.err.toStdString();
    EXPECT_TRUE(bare.out.contains(QStringLiteral("agent add")));
    const CliRun first = cli({QStringLiteral("--db"), empty, QStringLiteral("agent"), QStringLiteral("add"),
                              QStringLiteral("--name"), QStringLiteral("Jo Smith"), QStringLiteral("--role"),
                              QStringLiteral("admin")});
    EXPECT_EQ(first.exitCode, 0) << first.err.toStdString();
}

TEST(Cli, AgentAndTeamCommandsManageThePeopleUnderTheTeamsRules)
{
    QTemporaryDir dir;
    const QString db = dir.filePath(QStringLiteral("team.sqlite"));
    auto run = [&](QStringList args) {
        args.prepend(db);
        args.prepend(QStringLiteral("--db"));
        return cli(args);
    };
    ASSERT_EQ(run({QStringLiteral("init"), QStringLiteral("--agent"), QStringLiteral("Sato"), QStringLiteral("--team"),
                   QStringLiteral("Support")})
                  .exitCode,
              0);
    ASSERT_EQ(run({QStringLiteral("team"), QStringLiteral("add"), QStringLiteral("--name"), QStringLiteral("Billing"),
                   QStringLiteral("--time-zone"), QStringLiteral("Asia/Tokyo")})
                  .exitCode,
              0);
    expectOneLineError(run({QStringLiteral("team"), QStringLiteral("add"), QStringLiteral("--name"),
                            QStringLiteral("Sales"), QStringLiteral("--time-zone"), QStringLiteral("Mars/Base")}),
                       1, "not a time zone");
    const CliRun added = run({QStringLiteral("--json"), QStringLiteral("agent"), QStringLiteral("add"),
                              QStringLiteral("--name"), QStringLiteral("Tanaka"), QStringLiteral("--email"),
                              QStringLiteral("tanaka@example.jp"), QStringLiteral("--team"), QStringLiteral("billing"),
                              QStringLiteral("--role"), QStringLiteral("lead")});
    ASSERT_EQ(added.exitCode, 0) << added.err.toStdString();
    EXPECT_EQ(QJsonDocument::fromJson(added.out.toUtf8()).object().value(QStringLiteral("team")).toString(),
              QStringLiteral("Billing"));
    expectOneLineError(run({QStringLiteral("agent"), QStringLiteral("add"), QStringLiteral("--name"),
                            QStringLiteral("Kim"), QStringLiteral("--role"), QStringLiteral("boss")}),
                       2, "--role must be one of");
    expectOneLineError(run({QStringLiteral("agent"), QStringLiteral("add"), QStringLiteral("--name"),
                            QStringLiteral("Kim"), QStringLiteral("--team"), QStringLiteral("Nowhere")}),
                       1, "no team called");
    ASSERT_EQ(run({QStringLiteral("team"), QStringLiteral("edit"), QStringLiteral("Billing"), QStringLiteral("--lead"),
                   QStringLiteral("Tanaka")})
                  .exitCode,
              0);
    const CliRun teams = run({QStringLiteral("--json"), QStringLiteral("team"), QStringLiteral("list")});
    ASSERT_EQ(teams.exitCode, 0);
    const QJsonArray list = QJsonDocument::fromJson(teams.out.toUtf8()).object().value(QStringLiteral("teams")).toArray();
    ASSERT_EQ(list.size(), 2);
    EXPECT_EQ(list.at(0).toObject().value(QStringLiteral("name")).toString(), QStringLiteral("Billing"));
    EXPECT_EQ(list.at(0).toObject().value(QStringLiteral("lead")).toString(), QStringLiteral("Tanaka"));

    // The only admin stays one; a renamed agent keeps their place.
    expectOneLineError(run({QStringLiteral("agent"), QStringLiteral("deactivate"), QStringLiteral("Sato")}), 1,
                       "only administrator");
    ASSERT_EQ(run({QStringLiteral("agent"), QStringLiteral("edit"), QStringLiteral("Tanaka"), QStringLiteral("--name"),
                   QStringLiteral("Tanaka Hanako")})
                  .exitCode,
              0);
    const CliRun gone = run({QStringLiteral("agent"), QStringLiteral("deactivate"), QStringLiteral("Tanaka Hanako")});
    ASSERT_EQ(gone.exitCode, 0) << gone.err.toStdString();
    EXPECT_TRUE(gone.out.contains(QStringLiteral("deactivated")));
    const CliRun agents = run({QStringLiteral("--json"), QStringLiteral("agent"), QStringLiteral("list")});
    const QJsonArray people
        = QJsonDocument::fromJson(agents.out.toUtf8()).object().value(QStringLiteral("agents")).toArray();
    ASSERT_EQ(people.size(), 2); // deactivated, not deleted
    EXPECT_FALSE(people.at(1).toObject().value(QStringLiteral("active")).toBool());
    EXPECT_EQ(people.at(1).toObject().value(QStringLiteral("name")).toString(), QStringLiteral("Tanaka Hanako"));
    // No longer leads Billing.
    const CliRun after = run({QStringLiteral("--json"), QStringLiteral("team"), QStringLiteral("list")});
    EXPECT_EQ(QJsonDocument::fromJson(after.out.toUtf8())
                  .object()
                  .value(QStringLiteral("teams"))
                  .toArray()
                  .at(0)
                  .toObject()
                  .value(QStringLiteral("lead"))
                  .toString(),
              QString());
    ASSERT_EQ(run({QStringLiteral("agent"), QStringLiteral("reactivate"), QStringLiteral("Tanaka Hanako")}).exitCode, 0);
}
