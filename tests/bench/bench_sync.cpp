// Sync against a real PostgreSQL 15 started for the run (tests/pgserver):
//   BM_SyncPush10k/0,1      10,000 offline mutations pushed (target ≤ 5 s); /1 with pauses
//   BM_SyncCommitToVisible  one agent's change until another's app has it (target ≤ 1 s)
//   BM_SyncInitialPull      the 1M-ticket demo data set pulled into an empty copy
//                           (target ≥ 50k rows/s), with COPY of the same rows for scale;
//                           needs MADOGUCHI_BENCH_DB (the reference SQLite file)
#include "../pgserver.h"
#include "benchsupport.h"
#include "domain/uuid.h"
#include "repositories/customerrepository.h"
#include "services/ticketservice.h"
#include "storage/clientstate.h"
#include "storage/database.h"
#include "storage/syncentities.h"
#include "sync/serveradmin.h"
#include "sync/serverconnection.h"
#include "sync/serverschema.h"
#include "sync/syncengine.h"
#include "sync/syncservice.h"
#include "sync/valuecodec.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QProcess>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <benchmark/benchmark.h>

#include <algorithm>
#include <cstdio>

using namespace madoguchi;
using madoguchi::test::PgServer;

namespace {

const QString kPassword = QStringLiteral("benchmark password");

// A database on the shared cluster with the schema, a team and agents.
struct BenchServer
{
    QString database;
    QSqlDatabase admin;
    QString team;

    explicit BenchServer(const QString &prefix)
    {
        PgServer &pg = PgServer::shared();
        if (!pg.isRunning())
            qFatal("PostgreSQL did not start: %s", qPrintable(pg.error()));
        database = pg.createDatabase(prefix);
        admin = pg.superuser(database, QStringLiteral("bench-admin-%1").arg(database));
        bool set = false;
        const int upTo = qEnvironmentVariableIntValue("MADOGUCHI_BENCH_SERVER_SCHEMA", &set);
        if (!initializeServer(admin, set ? std::optional<int>(upTo) : std::nullopt))
            qFatal("server init failed");
        if (set && upTo < 6) {
            QSqlQuery h(admin);
            if (!h.exec(QStringLiteral(
                    "CREATE FUNCTION sync.hello_v1(uuid, integer, text) RETURNS bigint LANGUAGE sql AS $$ SELECT floor(extract(epoch FROM clock_timestamp()) * 1000)::bigint $$; GRANT EXECUTE ON FUNCTION sync.hello_v1(uuid, integer, text) TO crm_agent")))
                qFatal("%s", qPrintable(h.lastError().text()));
        }
        // MADOGUCHI_BENCH_PROFILE=1: the server counts time per function
        // (printed by printServerProfile), to see where a push spends it.
        if (profiling()) {
            QSqlQuery(admin).exec(
                QStringLiteral("ALTER DATABASE \"%1\" SET track_functions = 'pl'").arg(database)); // our own name
            QSqlQuery(admin).exec(QStringLiteral("CREATE EXTENSION IF NOT EXISTS pg_stat_statements"));
        }
        team = addServerTeam(admin, QStringLiteral("Tokyo"))->toString(QUuid::WithoutBraces);
    }
    static bool profiling() { return qEnvironmentVariableIntValue("MADOGUCHI_BENCH_PROFILE") != 0; }
    void printServerProfile()
    {
        if (!profiling())
            return;
        QTest::qWait(1500); // statistics reach the shared view within a second
        QSqlQuery q(admin);
        q.exec(QStringLiteral(
            "SELECT schemaname || '.' || funcname, calls, round(total_time), round(self_time) FROM pg_stat_user_functions "
            "ORDER BY self_time DESC LIMIT 15"));
        while (q.next()) {
            std::printf("  %-28s calls %8lld  total %7.0f ms  self %7.0f ms\n", qPrintable(q.value(0).toString()),
                        q.value(1).toLongLong(), q.value(2).toDouble(), q.value(3).toDouble());
        }
        // What became of the mutations.
        q.exec(QStringLiteral(
            "SELECT status, coalesce(left(detail::text, 60), ''), count(*) FROM sync.mutation GROUP BY 1, 2 ORDER BY 3 DESC"));
        while (q.next())
            std::printf("  %-10s %-60s %8lld\n", qPrintable(q.value(0).toString()), qPrintable(q.value(1).toString()),
                        q.value(2).toLongLong());
        // Tables read whole (a plan made while a table was empty scans it for good).
        q.exec(QStringLiteral(
            "SELECT schemaname || '.' || relname, seq_scan, seq_tup_read, idx_scan FROM pg_stat_user_tables "
            "WHERE seq_tup_read > 0 ORDER BY seq_tup_read DESC LIMIT 8"));
        while (q.next()) {
            std::printf("  %-28s seq scans %8lld  rows read %10lld  index scans %8lld\n",
                        qPrintable(q.value(0).toString()), q.value(1).toLongLong(), q.value(2).toLongLong(),
                        q.value(3).toLongLong());
        }
        q.exec(
            QStringLiteral("SELECT schemaname || '.' || indexrelname, idx_scan, idx_tup_read FROM pg_stat_user_indexes "
                           "ORDER BY idx_tup_read DESC LIMIT 8"));
        while (q.next()) {
            std::printf("  %-40s index scans %8lld  entries read %10lld\n", qPrintable(q.value(0).toString()),
                        q.value(1).toLongLong(), q.value(2).toLongLong());
        }
        q.exec(QStringLiteral("SELECT pg_stat_reset()"));
        // The statements, those run inside functions too, by time spent.
        q.exec(QStringLiteral(
            "SELECT calls, round(total_exec_time), regexp_replace(left(query, 150), '\\s+', ' ', 'g') "
            "FROM pg_stat_statements WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database()) "
            "ORDER BY total_exec_time DESC LIMIT 40"));
        while (q.next())
            std::printf("  %8lld  %7.0f ms  %s\n", q.value(0).toLongLong(), q.value(1).toDouble(),
                        qPrintable(q.value(2).toString()));
        q.exec(QStringLiteral("SELECT pg_stat_statements_reset()"));
    }
    QString addAgent(const QString &role)
    {
        const QString login = QStringLiteral("%1_%2").arg(role, database.section(u'_', -1));
        if (!addServerAgent(admin, login, login, role, QStringLiteral("Tokyo"), kPassword))
            qFatal("add agent failed");
        return login;
    }
    ServerConnection as(const QString &login) const
    {
        return PgServer::shared().connection(database, login, kPassword);
    }
};

struct BenchClient
{
    QTemporaryDir dir;
    std::unique_ptr<Database> db;
    QSqlDatabase server;
    QString name;

    BenchClient(const ServerConnection &c, const QString &connectionName)
        : name(connectionName)
    {
        db = Database::open(dir.filePath(QStringLiteral("local.sqlite"))).value();
        server = openServer(c, name).value();
        (void)SyncEngine::prepareSession(server);
    }
    ~BenchClient()
    {
        server.close();
        server = QSqlDatabase();
        QSqlDatabase::removeDatabase(name);
    }
};

void BM_SyncPush10k(benchmark::State &state)
{
    BenchServer server(QStringLiteral("benchpush"));
    const QString login = server.addAgent(QStringLiteral("agent"));
    for (auto _ : state) {
        state.PauseTiming();
        BenchClient client(server.as(login), QStringLiteral("bench-push"));
        SyncEngine engine(client.db->connection(), client.server);
        if (!engine.syncOnce())
            qFatal("first sync failed");
        const QUuid me = ClientState(client.db->connection()).currentAgent();
        // A field agent's days offline: new callers, their tickets, work on them.
        QSqlQuery count(client.db->connection());
        qint64 pending = 0;
        for (int i = 0; pending < 10'000; ++i) {
            Customer c;
            c.name = QStringLiteral("顧客 %1").arg(i);
            c.contacts = {{QUuid(), ContactKind::Phone, QStringLiteral("+8190%1").arg(10'000'000 + i), QString(), true}};
            const QUuid customer = CustomerRepository(client.db->connection(), me).add(c).value();
            Ticket t;
            t.customerId = customer;
            t.subject = QStringLiteral("Visit %1").arg(i);
            t.teamId = QUuid::fromString(server.team);
            t.assigneeId = me;
            TicketService tickets(client.db->connection(), me);
            const QUuid ticket = tickets.create(t)->id;
            (void)tickets.changeStatus(ticket, TicketStatus::Open);
            if (state.range(0) == 1) {
                // Waiting on the customer and back: the clock stops and
                // runs again, so the server settles the due times.
                (void)tickets.changeStatus(ticket, TicketStatus::Pending);
                (void)tickets.changeStatus(ticket, TicketStatus::Open);
            }
            (void)tickets.addTag(ticket, QStringLiteral("field"));
            count.exec(QStringLiteral("SELECT count(*) FROM sync_outbox"));
            count.next();
            pending = count.value(0).toLongLong();
        }
        state.ResumeTiming();
        const auto pushed = engine.push();
        state.PauseTiming();
        if (!pushed || pushed->pending != 0)
            qFatal("push failed");
        server.printServerProfile();
        state.counters["mutations"] = double(pushed->pushed);
        state.counters["mutations/s"] = benchmark::Counter(double(pushed->pushed), benchmark::Counter::kIsRate);
        state.ResumeTiming();
    }
}
// 0: new tickets opened and tagged; 1: each also waits on the customer once.
BENCHMARK(BM_SyncPush10k)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond)->Iterations(1)->UseRealTime();

void BM_SyncCommitToVisible(benchmark::State &state)
{
    BenchServer server(QStringLiteral("benchlatency"));
    const QString a = server.addAgent(QStringLiteral("agent"));
    const QString b = server.addAgent(QStringLiteral("lead"));
    BenchClient writer(server.as(a), QStringLiteral("bench-writer"));
    SyncEngine engine(writer.db->connection(), writer.server);
    (void)engine.syncOnce();
    QTemporaryDir readerDir;
    auto reader = Database::open(readerDir.filePath(QStringLiteral("reader.sqlite"))).value();
    SyncService service(reader.get());
    service.start(server.as(b));
    if (!QTest::qWaitFor([&] { return service.status().state == SyncService::State::UpToDate; }, 10'000))
        qFatal("the reader did not sync");
    QList<double> latencies;
    int i = 0;
    for (auto _ : state) {
        const QString name = QStringLiteral("Latency %1").arg(i++);
        Customer c;
        c.name = name;
        (void)CustomerRepository(writer.db->connection(), {}).add(c);
        (void)engine.push(); // committed on the server when this returns
        QElapsedTimer clock;
        clock.start();
        QSqlQuery q(reader->connection());
        const bool seen = QTest::qWaitFor(
            [&] {
                q.prepare(QStringLiteral("SELECT count(*) FROM customers WHERE name = ?"));
                q.addBindValue(name);
                return q.exec() && q.next() && q.value(0).toInt() == 1;
            },
            5'000);
        const double ms = double(clock.nsecsElapsed()) / 1e6;
        if (!seen)
            qFatal("the change never arrived");
        latencies << ms;
        state.SetIterationTime(ms / 1000.0);
    }
    std::sort(latencies.begin(), latencies.end());
    state.counters["median_ms"] = latencies.at(latencies.size() / 2);
    state.counters["p95_ms"] = latencies.at(
        std::min<qsizetype>(latencies.size() - 1, qsizetype(latencies.size() * 0.95)));
    state.counters["max_ms"] = latencies.last();
}
BENCHMARK(BM_SyncCommitToVisible)->Unit(benchmark::kMillisecond)->Iterations(30)->UseManualTime();

// ---------------------------------------------------------------------------
// The 1M-ticket reference loaded into the server (not timed): CSV from the
// SQLite file (sqlite3), COPY into the tables with triggers off, revision 1
// and scopes computed on the way.

QString sqliteUuid(const QString &column)
{
    const QString h = QStringLiteral("hex(%1)").arg(column);
    return QStringLiteral(
               "CASE WHEN %2 IS NULL THEN NULL ELSE lower(substr(%1,1,8)||'-'||substr(%1,9,4)||'-'||substr(%1,13,4)||'-'||"
               "substr(%1,17,4)||'-'||substr(%1,21,12)) END")
        .arg(h, column);
}

QString ticketScopes(const QString &t)
{
    return QStringLiteral(
               "'{' || CASE WHEN %1.team_id IS NULL AND %1.assignee_id IS NULL THEN 'unassigned' ELSE "
               "coalesce('team:' || %2, '') || CASE WHEN %1.team_id IS NOT NULL AND %1.assignee_id IS NOT NULL THEN ',' ELSE '' END "
               "|| coalesce('agent:' || %3, '') END || '}'")
        .arg(t, sqliteUuid(t + QStringLiteral(".team_id")), sqliteUuid(t + QStringLiteral(".assignee_id")));
}

bool run(const QString &program, const QStringList &arguments, const QString &outputFile = {})
{
    QProcess p;
    if (!outputFile.isEmpty())
        p.setStandardOutputFile(outputFile);
    p.start(program, arguments);
    p.waitForFinished(-1);
    if (p.exitCode() != 0)
        qWarning("%s failed: %s", qPrintable(program), p.readAllStandardError().constData());
    return p.exitCode() == 0;
}

qint64 loadReference(BenchServer &server, const QString &reference, const QString &tmp)
{
    PgServer &pg = PgServer::shared();
    // Column types on the server side.
    QHash<QString, QList<std::pair<QString, QString>>> columns;
    QSqlQuery q(server.admin);
    q.exec(QStringLiteral(
        "SELECT e.name, a.attname::text, format_type(a.atttypid, a.atttypmod) FROM sync.entity e "
        "JOIN pg_attribute a ON a.attrelid = e.tbl WHERE a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum"));
    while (q.next())
        columns[q.value(0).toString()].append({q.value(1).toString(), q.value(2).toString()});
    qint64 rows = 0;
    for (const SyncedEntity &entity : syncedEntities()) {
        if (entity.entity == u"calendar" || entity.entity == u"sla_policy" || entity.entity == u"conflict")
            continue; // the server ships the default calendar and policy; no conflicts yet
        QProcess probe;
        probe.start(QStringLiteral("sqlite3"),
                    {reference, QStringLiteral("SELECT name FROM pragma_table_info('%1')").arg(entity.localTable)});
        probe.waitForFinished(-1);
        const QStringList local = QString::fromUtf8(probe.readAllStandardOutput()).split(u'\n', Qt::SkipEmptyParts);
        QStringList names, select;
        for (const auto &[name, type] : columns.value(entity.entity)) {
            QString expression;
            if (name == u"scopes") {
                expression = entity.entity == u"ticket" ? ticketScopes(QStringLiteral("x"))
                             : entity.entity == u"ticket_event"
                                 ? QStringLiteral("(SELECT %1 FROM tickets t WHERE t.id = x.ticket_id)")
                                       .arg(ticketScopes(QStringLiteral("t")))
                                 : QStringLiteral("'{org}'");
            } else if (name == u"rev") {
                expression = QStringLiteral("1");
            } else if (name == u"agent_role") {
                expression = QStringLiteral("'demo_' || x.rowid");
            } else if (!local.contains(name)) {
                continue;
            } else if (valuecodec::kindOf(type) == valuecodec::Kind::Uuid) {
                expression = sqliteUuid(QStringLiteral("x.") + name);
            } else if (valuecodec::kindOf(type) == valuecodec::Kind::Time) {
                expression = QStringLiteral("strftime('%Y-%m-%d %H:%M:%f', x.%1 / 1000.0, 'unixepoch') || '+00'")
                                 .arg(name);
            } else {
                expression = QStringLiteral("x.") + name;
            }
            names << name;
            select << expression;
        }
        const QString csv = tmp + QStringLiteral("/%1.csv").arg(entity.entity);
        if (!run(QStringLiteral("sqlite3"),
                 {QStringLiteral("-csv"), reference,
                  QStringLiteral("SELECT %1 FROM %2 x").arg(select.join(u','), entity.localTable)},
                 csv))
            qFatal("export of %s failed", qPrintable(entity.localTable));
        if (!run(QStringLiteral("psql"),
                 {QStringLiteral("-h"), pg.socketDir(), QStringLiteral("-p"), QString::number(pg.port()),
                  QStringLiteral("-U"), QStringLiteral("postgres"), QStringLiteral("-d"), server.database,
                  QStringLiteral("-v"), QStringLiteral("ON_ERROR_STOP=1"), QStringLiteral("-c"),
                  QStringLiteral("SET session_replication_role = replica"), QStringLiteral("-c"),
                  QStringLiteral("\\copy %1 (%2) FROM '%3' CSV").arg(entity.serverTable, names.join(u','), csv)}))
            qFatal("load of %s failed", qPrintable(entity.serverTable));
        QFile::remove(csv);
        QSqlQuery n(server.admin);
        n.exec(QStringLiteral("SELECT count(*) FROM %1").arg(entity.serverTable));
        n.next();
        rows += n.value(0).toLongLong();
    }
    // Loaded with the triggers off: the calendars' day tables (which the
    // server's SLA arithmetic reads) are built here.
    QSqlQuery(server.admin).exec(QStringLiteral("SELECT sync.build_calendar_days(id) FROM crm.calendar"));
    QSqlQuery(server.admin).exec(QStringLiteral("VACUUM ANALYZE"));
    return rows;
}

void BM_SyncInitialPull(benchmark::State &state)
{
    const QString reference = qEnvironmentVariable("MADOGUCHI_BENCH_DB");
    if (reference.isEmpty()) {
        state.SkipWithError("set MADOGUCHI_BENCH_DB to the reference database");
        return;
    }
    BenchServer server(QStringLiteral("benchpull"));
    QTemporaryDir tmp(QStringLiteral("/tmp/madoguchi-pull-XXXXXX"));
    QFile::setPermissions(tmp.path(), QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner
                                          | QFileDevice::ReadOther | QFileDevice::ExeOther | QFileDevice::ReadGroup
                                          | QFileDevice::ExeGroup);
    QElapsedTimer loading;
    loading.start();
    const qint64 serverRows = loadReference(server, reference, tmp.path());
    qInfo("loaded %lld rows into the server in %.1f s", serverRows, double(loading.elapsed()) / 1000.0);
    const QString supervisor = server.addAgent(QStringLiteral("supervisor")); // reads every team
    for (auto _ : state) {
        // COPY of the same rows as the same agent (row-level security applies), for scale.
        state.PauseTiming();
        PgServer &pg = PgServer::shared();
        QElapsedTimer copy;
        copy.start();
        for (const SyncedEntity &entity : syncedEntities()) {
            QProcess psql;
            QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
            env.insert(QStringLiteral("PGPASSWORD"), kPassword);
            psql.setProcessEnvironment(env);
            psql.setStandardOutputFile(QProcess::nullDevice());
            psql.start(QStringLiteral("psql"),
                       {QStringLiteral("-h"), QStringLiteral("127.0.0.1"), QStringLiteral("-p"),
                        QString::number(pg.port()), QStringLiteral("-U"), supervisor, QStringLiteral("-d"),
                        server.database, QStringLiteral("-c"),
                        QStringLiteral("COPY (SELECT * FROM %1) TO STDOUT").arg(entity.serverTable)});
            psql.waitForFinished(-1);
        }
        const double copySeconds = double(copy.nsecsElapsed()) / 1e9;
        BenchClient client(server.as(supervisor), QStringLiteral("bench-pull"));
        SyncEngine engine(client.db->connection(), client.server);
        state.ResumeTiming();
        QElapsedTimer pull;
        pull.start();
        const auto pulled = engine.pull();
        const double pullSeconds = double(pull.nsecsElapsed()) / 1e9;
        if (!pulled)
            qFatal("pull failed: %s", qPrintable(pulled.error().message));
        state.counters["rows"] = double(pulled->received);
        state.counters["rows/s"] = double(pulled->received) / pullSeconds;
        state.counters["copy_rows/s"] = double(serverRows) / copySeconds;
        state.counters["pull/copy_time"] = pullSeconds / copySeconds;
    }
}
BENCHMARK(BM_SyncInitialPull)->Unit(benchmark::kSecond)->Iterations(1)->UseRealTime();

} // namespace
