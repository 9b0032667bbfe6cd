// The team server's schema against a real PostgreSQL 15 started for the
// test run (tests/pgserver): init is idempotent and refuses a newer schema,
// every table is under forced row-level security, agents are ordinary
// login roles that see only what their scopes allow.
#include "serverfixture.h"
#include "sync/serveradmin.h"
#include "sync/serverconnection.h"
#include "sync/serverschema.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QUuid>

#include <gtest/gtest.h>

using namespace madoguchi;
using namespace madoguchi::test;

TEST_F(ServerFixture, InitCreatesTheSchemaOnceAndThenLeavesItAlone)
{
    ASSERT_EQ(serverSchemaVersion(admin).value_or(-1), 0);
    const auto first = initializeServer(admin);
    ASSERT_TRUE(first) << first.error().message.toStdString();
    EXPECT_EQ(first.value(), latestServerSchemaVersion());
    const QString epoch = scalar(QStringLiteral("SELECT epoch::text FROM sync.meta")).toString();
    EXPECT_FALSE(epoch.isEmpty());
    // Again: nothing changes, not even the epoch.
    const auto second = initializeServer(admin);
    ASSERT_TRUE(second) << second.error().message.toStdString();
    EXPECT_EQ(second.value(), first.value());
    EXPECT_EQ(scalar(QStringLiteral("SELECT epoch::text FROM sync.meta")).toString(), epoch);
    // Every table of the team's data and of the bookkeeping has row-level
    // security enabled and forced.
    QSqlQuery q(admin);
    ASSERT_TRUE(q.exec(QStringLiteral(
        "SELECT n.nspname || '.' || c.relname, c.relrowsecurity, c.relforcerowsecurity FROM pg_class c "
        "JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname IN ('crm', 'sync') AND c.relkind = 'r'")));
    int tables = 0;
    while (q.next()) {
        ++tables;
        const QString table = q.value(0).toString();
        EXPECT_TRUE(q.value(1).toBool()) << table.toStdString() << " has no row-level security";
        EXPECT_TRUE(q.value(2).toBool()) << table.toStdString() << " does not force row-level security";
    }
    EXPECT_GE(tables, 7);
}

TEST_F(ServerFixture, InitRefusesASchemaNewerThanItKnows)
{
    ASSERT_TRUE(initializeServer(admin));
    QSqlQuery q(admin);
    ASSERT_TRUE(q.exec(QStringLiteral("UPDATE sync.meta SET schema_version = %1").arg(latestServerSchemaVersion() + 1)));
    const auto again = initializeServer(admin);
    ASSERT_FALSE(again);
    EXPECT_EQ(again.error().code, Error::Code::SchemaTooNew);
    EXPECT_TRUE(again.error().message.contains(QString::number(latestServerSchemaVersion() + 1)));
    EXPECT_EQ(scalar(QStringLiteral("SELECT schema_version FROM sync.meta")).toInt(), latestServerSchemaVersion() + 1);
}

TEST_F(ServerFixture, AgentsAreLoginRolesWithoutPrivilegesBeyondTheirRole)
{
    ASSERT_TRUE(initializeServer(admin));
    ASSERT_TRUE(addServerTeam(admin, QStringLiteral("技術サポート")));
    const QString login = QStringLiteral("sato_%1").arg(database.section(u'_', -2).replace(u'_', u'x'));
    const auto agent = addServerAgent(admin, login, QStringLiteral("佐藤 花子"), QStringLiteral("agent"),
                                      QStringLiteral("技術サポート"), QStringLiteral("correct horse battery"));
    ASSERT_TRUE(agent) << agent.error().message.toStdString();
    // The role: a login, no superuser, no BYPASSRLS, no replication, a member of crm_agent only.
    QSqlQuery q(admin);
    q.prepare(QStringLiteral("SELECT rolcanlogin, rolsuper, rolbypassrls, rolreplication, rolcreaterole, "
                             "pg_has_role(rolname, 'crm_agent', 'MEMBER'), pg_has_role(rolname, 'crm_admin', 'MEMBER') "
                             "FROM pg_roles WHERE rolname = ?"));
    q.addBindValue(login);
    ASSERT_TRUE(q.exec() && q.next()) << q.lastError().text().toStdString();
    EXPECT_TRUE(q.value(0).toBool());
    EXPECT_FALSE(q.value(1).toBool());
    EXPECT_FALSE(q.value(2).toBool());
    EXPECT_FALSE(q.value(3).toBool());
    EXPECT_FALSE(q.value(4).toBool());
    EXPECT_TRUE(q.value(5).toBool());
    EXPECT_FALSE(q.value(6).toBool());

    // Logging in over TCP with the password (SCRAM); a wrong one is refused with a clear reason.
    const auto wrong = openServer(as(login, QStringLiteral("wrong password")), QStringLiteral("wrong-%1").arg(login));
    QSqlDatabase::removeDatabase(QStringLiteral("wrong-%1").arg(login));
    ASSERT_FALSE(wrong);
    EXPECT_TRUE(wrong.error().message.contains(QStringLiteral("password is wrong")))
        << wrong.error().message.toStdString();
    const QString name = QStringLiteral("agent-%1").arg(login);
    {
        const auto opened = openServer(as(login, QStringLiteral("correct horse battery")), name);
        ASSERT_TRUE(opened) << opened.error().message.toStdString();
        QSqlDatabase db = opened.value();
        QSqlQuery a(db);
        // It reads the directory and its own scopes…
        ASSERT_TRUE(a.exec(QStringLiteral("SELECT array_to_string(app.my_scopes(), ',')")) && a.next())
            << a.lastError().text().toStdString();
        const QString scopes = a.value(0).toString();
        EXPECT_TRUE(scopes.startsWith(QStringLiteral("org,agent:"))) << scopes.toStdString();
        EXPECT_TRUE(scopes.contains(QStringLiteral("team:")));
        ASSERT_TRUE(a.exec(QStringLiteral("SELECT count(*) FROM crm.agent")) && a.next());
        EXPECT_EQ(a.value(0).toInt(), 1);
        // …but cannot change it, raise itself, or read another client's bookkeeping.
        EXPECT_FALSE(a.exec(QStringLiteral("UPDATE crm.agent SET role = 'admin'")));
        EXPECT_FALSE(a.exec(QStringLiteral("SET ROLE crm_admin")));
        EXPECT_FALSE(a.exec(QStringLiteral("INSERT INTO crm.team (id, name) VALUES (gen_random_uuid(), 'mine')")));
        EXPECT_FALSE(a.exec(QStringLiteral(
            "INSERT INTO sync.change (scope, entity, row_id, op, rev) VALUES ('org', 'x', gen_random_uuid(), 'U', 1)")));
        // Its session has the timeouts that keep a dead network from hanging anything.
        ASSERT_TRUE(a.exec(QStringLiteral("SHOW statement_timeout")) && a.next());
        EXPECT_EQ(a.value(0).toString(), QStringLiteral("30s"));
        db.close();
    }
    QSqlDatabase::removeDatabase(name);

    // Bad input changes nothing.
    EXPECT_FALSE(addServerAgent(admin, QStringLiteral("Robert'); DROP TABLE crm.agent;--"), {}, QStringLiteral("agent"),
                                {}, QStringLiteral("long enough")));
    EXPECT_FALSE(addServerAgent(admin, QStringLiteral("crm_owner"), {}, QStringLiteral("agent"), {},
                                QStringLiteral("long enough")));
    EXPECT_FALSE(addServerAgent(admin, login + QStringLiteral("b"), {}, QStringLiteral("root"), {},
                                QStringLiteral("long enough")));
    EXPECT_FALSE(addServerAgent(admin, login + QStringLiteral("c"), {}, QStringLiteral("agent"),
                                QStringLiteral("no such team"), QStringLiteral("long enough")));
    EXPECT_EQ(scalar(QStringLiteral("SELECT count(*) FROM crm.agent")).toInt(), 1);
    EXPECT_EQ(scalar(QStringLiteral("SELECT count(*) FROM pg_roles WHERE rolname = '%1c'").arg(login)).toInt(), 0);
}

TEST(ServerConnection, TellsWhyItCannotConnect)
{
    PgServer &server = PgServer::shared();
    ASSERT_TRUE(server.isRunning()) << server.error().toStdString();
    ServerConnection c;
    c.host = QStringLiteral("127.0.0.1");
    c.port = 1; // nothing listens there
    c.database = QStringLiteral("postgres");
    c.user = QStringLiteral("nobody");
    c.sslMode = QStringLiteral("disable");
    c.connectTimeoutSeconds = 3;
    const auto refused = openServer(c, QStringLiteral("refused"));
    QSqlDatabase::removeDatabase(QStringLiteral("refused"));
    ASSERT_FALSE(refused);
    EXPECT_TRUE(refused.error().message.contains(QStringLiteral("Nothing answers")))
        << refused.error().message.toStdString();
    // verify-full (the default) without a CA file to check the server against.
    c.port = server.port();
    c.sslMode = ServerConnection().sslMode;
    EXPECT_EQ(c.sslMode, QStringLiteral("verify-full"));
    const auto unverified = openServer(c, QStringLiteral("unverified"));
    QSqlDatabase::removeDatabase(QStringLiteral("unverified"));
    ASSERT_FALSE(unverified);
    // A server without TLS, when TLS is required: said in words, not libpq's.
    c.sslMode = QStringLiteral("require");
    const auto plain = openServer(c, QStringLiteral("plain"));
    QSqlDatabase::removeDatabase(QStringLiteral("plain"));
    ASSERT_FALSE(plain);
    EXPECT_TRUE(plain.error().message.contains(QStringLiteral("does not offer an encrypted connection")))
        << plain.error().message.toStdString();
    EXPECT_FALSE(plain.error().message.contains(QStringLiteral("SSL was required")))
        << plain.error().message.toStdString();
}

TEST_F(ServerFixture, ADatabaseWithoutTheSchemaIsNamedAsSuch)
{
    // What the sync engine asks first, on a database nobody initialised.
    QSqlQuery q(admin);
    ASSERT_FALSE(q.exec(QStringLiteral("SELECT name FROM sync.entity")));
    const Error e = serverError(q.lastError(), QStringLiteral("receiving changes"));
    EXPECT_TRUE(e.message.contains(QStringLiteral("not a Madoguchi team server"))) << e.message.toStdString();
    EXPECT_FALSE(e.message.contains(QStringLiteral("42P01"))) << e.message.toStdString();
    ASSERT_FALSE(q.exec(QStringLiteral("SELECT app.my_scopes()")));
    EXPECT_TRUE(serverError(q.lastError(), QStringLiteral("x")).message.contains(QStringLiteral("server init")));
}

TEST_F(ServerFixture, CliInitsTheServerAndAddsAgents)
{
    // The superuser over the socket folder (a path as host, as with psql).
    const QStringList where{QStringLiteral("--host"),       server.socketDir(),         QStringLiteral("--port"),
                            QString::number(server.port()), QStringLiteral("--dbname"), database,
                            QStringLiteral("--user"),       QStringLiteral("postgres"), QStringLiteral("--sslmode"),
                            QStringLiteral("disable")};
    const CliResult init = serverCli(
        QStringList{QStringLiteral("--json"), QStringLiteral("server"), QStringLiteral("init")} + where);
    ASSERT_EQ(init.exitCode, 0) << init.err.toStdString();
    const QJsonObject json = QJsonDocument::fromJson(init.out.toUtf8()).object();
    EXPECT_EQ(json.value(QStringLiteral("schema_version")).toInt(), latestServerSchemaVersion());
    EXPECT_EQ(json.value(QStringLiteral("upgraded_from")).toInt(), 0);
    EXPECT_TRUE(init.err.contains(QStringLiteral("not fully checked")))
        << init.err.toStdString(); // the weaker TLS is said
    const CliResult again = serverCli(QStringList{QStringLiteral("server"), QStringLiteral("init")} + where);
    EXPECT_EQ(again.exitCode, 0);
    EXPECT_TRUE(again.out.contains(QStringLiteral("up to date"))) << again.out.toStdString();

    const QString login = QStringLiteral("tanaka_%1").arg(QCoreApplication::applicationPid());
    const CliResult add = serverCli(QStringList{QStringLiteral("--json"), QStringLiteral("server"),
                                                QStringLiteral("add-agent"), login, QStringLiteral("--name"),
                                                QStringLiteral("田中 一郎"), QStringLiteral("--role"),
                                                QStringLiteral("lead"), QStringLiteral("--team"),
                                                QStringLiteral("Field"), QStringLiteral("--password-stdin")}
                                        + where,
                                    "a long enough secret\n");
    ASSERT_EQ(add.exitCode, 0) << add.err.toStdString();
    EXPECT_FALSE(add.out.contains(QStringLiteral("a long enough secret"))); // a given password is never printed
    EXPECT_EQ(scalar(QStringLiteral(
                         "SELECT role || '/' || (SELECT name FROM crm.team t WHERE t.id = a.team_id) FROM crm.agent a "
                         "WHERE agent_role = '%1'")
                         .arg(login))
                  .toString(),
              QStringLiteral("lead/Field"));
    const auto opened = openServer(as(login, QStringLiteral("a long enough secret")), QStringLiteral("cli-agent"));
    EXPECT_TRUE(opened) << (opened ? std::string() : opened.error().message.toStdString());
    if (opened)
        QSqlDatabase(opened.value()).close();
    QSqlDatabase::removeDatabase(QStringLiteral("cli-agent"));

    // Without a password given, one is made and printed once.
    const CliResult made = serverCli(
        QStringList{QStringLiteral("server"), QStringLiteral("add-agent"), login + QStringLiteral("b")} + where);
    ASSERT_EQ(made.exitCode, 0) << made.err.toStdString();
    EXPECT_TRUE(made.out.contains(QStringLiteral("shown once"))) << made.out.toStdString();
    // Missing connection details: a usage error in one line.
    const CliResult nowhere = serverCli({QStringLiteral("server"), QStringLiteral("init")});
    EXPECT_EQ(nowhere.exitCode, 2);
    EXPECT_TRUE(nowhere.err.startsWith(QStringLiteral("madoguchi-cli: "))) << nowhere.err.toStdString();
}

// TLS with verify-full, the default: the right CA and host are accepted;
// another host name or another CA is refused with a reason a person can act on.
TEST(ServerTls, VerifyFullAcceptsTheRightServerAndRefusesOthers)
{
    PgServer server(PgServer::Options{true});
    ASSERT_TRUE(server.isRunning()) << server.error().toStdString();
    ASSERT_EQ(server.exec(QStringLiteral("postgres"),
                          QStringLiteral("SET password_encryption = 'scram-sha-256'; "
                                         "CREATE ROLE tls_user LOGIN PASSWORD 'tls secret pw'")),
              QString());
    ServerConnection c;
    c.port = server.port();
    c.database = QStringLiteral("postgres");
    c.user = QStringLiteral("tls_user");
    c.password = QStringLiteral("tls secret pw");
    c.sslRootCert = server.certificate();
    auto attempt = [&](const QString &host, const QString &name) {
        c.host = host;
        auto opened = openServer(c, name);
        QString cipher;
        if (opened) {
            QSqlQuery q(opened.value());
            if (q.exec(QStringLiteral("SELECT version FROM pg_stat_ssl WHERE pid = pg_backend_pid()")) && q.next())
                cipher = q.value(0).toString();
            QSqlDatabase(opened.value()).close();
        }
        QSqlDatabase::removeDatabase(name);
        return std::pair(opened ? QString() : opened.error().message, cipher);
    };
    const auto [byIp, tlsByIp] = attempt(QStringLiteral("127.0.0.1"), QStringLiteral("tls-ip"));
    EXPECT_TRUE(byIp.isEmpty()) << byIp.toStdString();
    EXPECT_TRUE(tlsByIp.startsWith(QStringLiteral("TLS"))) << tlsByIp.toStdString();
    const auto [byName, tlsByName] = attempt(QStringLiteral("localhost"), QStringLiteral("tls-name"));
    EXPECT_TRUE(byName.isEmpty()) << byName.toStdString();
    // The same server at an address its certificate does not name.
    const auto [otherHost, none] = attempt(QStringLiteral("127.0.0.2"), QStringLiteral("tls-other"));
    EXPECT_TRUE(otherHost.contains(QStringLiteral("another host name"))) << otherHost.toStdString();
    // Another CA: a certificate the server's was not signed by.
    QTemporaryDir other;
    QProcess openssl;
    openssl.start(QStringLiteral("openssl"),
                  {QStringLiteral("req"), QStringLiteral("-new"), QStringLiteral("-x509"), QStringLiteral("-days"),
                   QStringLiteral("1"), QStringLiteral("-nodes"), QStringLiteral("-newkey"), QStringLiteral("rsa:2048"),
                   QStringLiteral("-subj"), QStringLiteral("/CN=localhost"), QStringLiteral("-keyout"),
                   other.filePath(QStringLiteral("k.pem")), QStringLiteral("-out"),
                   other.filePath(QStringLiteral("ca.pem"))});
    ASSERT_TRUE(openssl.waitForFinished(60'000) && openssl.exitCode() == 0);
    c.sslRootCert = other.filePath(QStringLiteral("ca.pem"));
    const auto [wrongCa, none2] = attempt(QStringLiteral("127.0.0.1"), QStringLiteral("tls-ca"));
    EXPECT_TRUE(wrongCa.contains(QStringLiteral("could not be verified"))) << wrongCa.toStdString();
    // No CA file at all under verify-full: refused, not silently unchecked.
    c.sslRootCert = other.filePath(QStringLiteral("missing.pem"));
    const auto [noCa, none3] = attempt(QStringLiteral("127.0.0.1"), QStringLiteral("tls-none"));
    EXPECT_FALSE(noCa.isEmpty());
}

// Version 2's synced tables: the server stamps every row (revision, scopes,
// author, times), logs one change per scope, and row-level security shows
// each agent its scopes only; server-owned columns cannot be written.
TEST_F(ServerFixture, RowsAreStampedLoggedPerScopeAndVisibleToTheirScopesOnly)
{
    ASSERT_TRUE(initializeServer(admin));
    ASSERT_TRUE(addServerTeam(admin, QStringLiteral("Tokyo")));
    ASSERT_TRUE(addServerTeam(admin, QStringLiteral("Osaka")));
    const QString tag = database.section(u'_', -2).replace(u'_', u'x');
    const QString a = QStringLiteral("a_%1").arg(tag), b = QStringLiteral("b_%1").arg(tag),
                  s = QStringLiteral("s_%1").arg(tag);
    const QString pw = QStringLiteral("long enough pw");
    ASSERT_TRUE(
        addServerAgent(admin, a, QStringLiteral("Agent A"), QStringLiteral("agent"), QStringLiteral("Tokyo"), pw));
    ASSERT_TRUE(
        addServerAgent(admin, b, QStringLiteral("Agent B"), QStringLiteral("agent"), QStringLiteral("Osaka"), pw));
    ASSERT_TRUE(
        addServerAgent(admin, s, QStringLiteral("Super S"), QStringLiteral("supervisor"), QStringLiteral("Tokyo"), pw));
    const QString tokyo = scalar(QStringLiteral("SELECT id::text FROM crm.team WHERE name = 'Tokyo'")).toString();
    const QString osaka = scalar(QStringLiteral("SELECT id::text FROM crm.team WHERE name = 'Osaka'")).toString();
    const QString idA = scalar(QStringLiteral("SELECT id::text FROM crm.agent WHERE agent_role = '%1'").arg(a))
                            .toString();
    const QString idB = scalar(QStringLiteral("SELECT id::text FROM crm.agent WHERE agent_role = '%1'").arg(b))
                            .toString();

    struct Session
    {
        QString name;
        QSqlDatabase db;
    };
    auto login = [&](const QString &user) {
        const QString name = QStringLiteral("rls-%1").arg(user);
        const auto opened = openServer(as(user, pw), name);
        EXPECT_TRUE(opened) << (opened ? std::string() : opened.error().message.toStdString());
        return Session{name, opened ? opened.value() : QSqlDatabase()};
    };
    Session sa = login(a), sb = login(b), ss = login(s);
    auto run = [](const Session &session, const QString &sql, const QVariantList &values = {}) {
        QSqlQuery q(session.db);
        q.prepare(sql);
        for (const QVariant &v : values)
            q.addBindValue(v);
        const bool ok = q.exec();
        return std::pair(ok, ok ? QString() : q.lastError().text());
    };
    auto count = [](const Session &session, const QString &sql) {
        QSqlQuery q(session.db);
        return q.exec(sql) && q.next() ? q.value(0).toInt() : -1;
    };
    const QString customer = QUuid::createUuid().toString(QUuid::WithoutBraces);
    const QString ticket = QUuid::createUuid().toString(QUuid::WithoutBraces);
    // A creates a customer (the organisation's) and a ticket in Tokyo for itself.
    ASSERT_TRUE(
        run(sa, QStringLiteral("INSERT INTO crm.customer (id, name) VALUES (?::uuid, '山田 太郎')"), {customer}).first);
    const auto created = run(sa,
                             QStringLiteral(
                                 "INSERT INTO crm.ticket (id, number, customer_id, subject, team_id, assignee_id) "
                                 "VALUES (?::uuid, 'T-1', ?::uuid, 'ログインできない', ?::uuid, ?::uuid)"),
                             {ticket, customer, tokyo, idA});
    ASSERT_TRUE(created.first) << created.second.toStdString();
    EXPECT_EQ(scalar(QStringLiteral(
                         "SELECT rev || ' ' || created_by::text || ' ' || array_to_string(scopes, ',') FROM crm.ticket"))
                  .toString(),
              QStringLiteral("1 %1 team:%2,agent:%1").arg(idA, tokyo));
    // One change row per scope, stamped with the writing transaction.
    EXPECT_EQ(
        scalar(QStringLiteral(
                   "SELECT string_agg(scope || '=' || op, ',' ORDER BY scope) FROM sync.change WHERE entity = 'ticket'"))
            .toString(),
        QStringLiteral("agent:%1=U,team:%2=U").arg(idA, tokyo));
    // What each agent sees: A and the supervisor the ticket, B not; everyone the customer.
    EXPECT_EQ(count(sa, QStringLiteral("SELECT count(*) FROM crm.ticket")), 1);
    EXPECT_EQ(count(sb, QStringLiteral("SELECT count(*) FROM crm.ticket")), 0);
    EXPECT_EQ(count(ss, QStringLiteral("SELECT count(*) FROM crm.ticket")), 1);
    EXPECT_EQ(count(sb, QStringLiteral("SELECT count(*) FROM crm.customer")), 1);
    EXPECT_EQ(count(sb, QStringLiteral("SELECT count(*) FROM sync.change WHERE entity = 'ticket'")), 0);
    // The author is the server's to say: A cannot write someone else's name.
    EXPECT_FALSE(
        run(sa,
            QStringLiteral(
                "INSERT INTO crm.customer (id, name, created_by) VALUES (gen_random_uuid(), 'Forged', ?::uuid)"),
            {idB})
            .first);
    EXPECT_EQ(scalar(QStringLiteral("SELECT created_by::text FROM crm.customer")).toString(), idA);
    // Server-owned columns cannot be written; nor can B change A's ticket.
    EXPECT_FALSE(run(sa, QStringLiteral("UPDATE crm.ticket SET solved_at = now()")).first);
    EXPECT_FALSE(run(sa, QStringLiteral("UPDATE crm.ticket SET rev = 99")).first);
    ASSERT_TRUE(run(sb, QStringLiteral("UPDATE crm.ticket SET subject = 'hijack'")).first); // affects nothing
    EXPECT_EQ(scalar(QStringLiteral("SELECT subject || ' ' || rev FROM crm.ticket")).toString(),
              QStringLiteral("ログインできない 1"));
    // Its history, written by A: the account of a change A made.
    ASSERT_TRUE(run(sa, QStringLiteral("UPDATE crm.ticket SET status = 'open' WHERE id = ?::uuid"), {ticket}).first);
    ASSERT_TRUE(run(sa,
                    QStringLiteral("INSERT INTO crm.ticket_event (id, ticket_id, agent_id, at, field, new_value) "
                                   "VALUES (gen_random_uuid(), ?::uuid, ?::uuid, now(), 'status', 'open')"),
                    {ticket, idA})
                    .first);
    EXPECT_EQ(count(sa, QStringLiteral("SELECT count(*) FROM crm.ticket_event")), 1);
    EXPECT_EQ(count(sb, QStringLiteral("SELECT count(*) FROM crm.ticket_event")), 0);
    // The supervisor moves it to Osaka and B: removed from A's and Tokyo's scopes.
    ASSERT_TRUE(
        run(ss, QStringLiteral("UPDATE crm.ticket SET team_id = ?::uuid, assignee_id = ?::uuid"), {osaka, idB}).first);
    EXPECT_EQ(
        scalar(
            QStringLiteral(
                "SELECT string_agg(scope || '=' || op, ',' ORDER BY scope) FROM sync.change WHERE entity = 'ticket' AND rev = 3"))
            .toString(),
        QStringLiteral("agent:%1=R,agent:%2=U,team:%3=R,team:%4=U").arg(idA, idB, tokyo, osaka)); // ids sort by creation
    EXPECT_EQ(count(sa, QStringLiteral("SELECT count(*) FROM crm.ticket")), 0);
    EXPECT_EQ(count(sb, QStringLiteral("SELECT count(*) FROM crm.ticket")), 1);
    // The history moved with it (and left A's and Tokyo's change streams).
    EXPECT_EQ(count(sa, QStringLiteral("SELECT count(*) FROM crm.ticket_event")), 0);
    EXPECT_EQ(count(sb, QStringLiteral("SELECT count(*) FROM crm.ticket_event")), 1);
    EXPECT_EQ(
        scalar(
            QStringLiteral(
                "SELECT string_agg(op, '' ORDER BY scope) FROM sync.change WHERE entity = 'ticket_event' AND rev = 2"))
            .toString(),
        QStringLiteral("RURU"));
    // A tombstone is a 'D' for every scope the row is in.
    ASSERT_TRUE(run(sb, QStringLiteral("UPDATE crm.ticket SET deleted_at = now()")).first);
    EXPECT_EQ(scalar(QStringLiteral(
                         "SELECT string_agg(DISTINCT op, '') FROM sync.change WHERE entity = 'ticket' AND rev = 4"))
                  .toString(),
              QStringLiteral("D"));
    // A may route a new ticket to Osaka (a hand-off), and then no longer reads it.
    EXPECT_TRUE(
        run(sa,
            QStringLiteral(
                "INSERT INTO crm.ticket (id, number, customer_id, subject, team_id) VALUES (gen_random_uuid(), 'T-2', "
                "?::uuid, 'x', ?::uuid)"),
            {customer, osaka})
            .first);
    EXPECT_EQ(count(sa, QStringLiteral("SELECT count(*) FROM crm.ticket WHERE number = 'T-2'")), 0);
    EXPECT_EQ(count(sb, QStringLiteral("SELECT count(*) FROM crm.ticket WHERE number = 'T-2'")), 1);
    for (Session *session : {&sa, &sb, &ss}) {
        session->db.close();
        session->db = QSqlDatabase();
        QSqlDatabase::removeDatabase(session->name);
    }
}

// Before version 8 a row's role and being active could change without its
// login; the upgrade puts each login where its row says: in its role's
// group only, and without login when deactivated.
TEST_F(ServerFixture, TheUpgradeToVersionEightPutsEachLoginWhereItsRowSays)
{
    ASSERT_TRUE(initializeServer(admin, 7));
    const QString tag = database.section(u'_', -2).replace(u'_', u'x');
    const QString demoted = QStringLiteral("demoted_%1").arg(tag);
    const QString gone = QStringLiteral("gone_%1").arg(tag);
    ASSERT_TRUE(addServerAgent(admin, demoted, QStringLiteral("Demoted"), QStringLiteral("admin"), {},
                               QStringLiteral("a long enough password")));
    ASSERT_TRUE(addServerAgent(admin, gone, QStringLiteral("Gone"), QStringLiteral("agent"), {},
                               QStringLiteral("a long enough password")));
    QSqlQuery q(admin);
    ASSERT_TRUE(q.exec(QStringLiteral("UPDATE crm.agent SET role = 'agent' WHERE agent_role = '%1'").arg(demoted)));
    ASSERT_TRUE(q.exec(QStringLiteral("UPDATE crm.agent SET active = false WHERE agent_role = '%1'").arg(gone)));
    EXPECT_TRUE(scalar(QStringLiteral("SELECT pg_has_role(?, 'crm_admin', 'MEMBER')"), {demoted}).toBool());

    ASSERT_TRUE(initializeServer(admin));
    EXPECT_FALSE(scalar(QStringLiteral("SELECT pg_has_role(?, 'crm_admin', 'MEMBER')"), {demoted}).toBool());
    EXPECT_TRUE(scalar(QStringLiteral("SELECT pg_has_role(?, 'crm_agent', 'MEMBER')"), {demoted}).toBool());
    EXPECT_FALSE(scalar(QStringLiteral("SELECT rolcanlogin FROM pg_roles WHERE rolname = ?"), {gone}).toBool());
    EXPECT_TRUE(scalar(QStringLiteral("SELECT rolcanlogin FROM pg_roles WHERE rolname = ?"), {demoted}).toBool());
}
