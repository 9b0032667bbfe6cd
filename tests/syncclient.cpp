#include "syncclient.h"

#include "repositories/customerrepository.h"
#include "services/ticketservice.h"
#include "storage/clientstate.h"
#include "storage/syncentities.h"

#include <QFile>
#include <QSqlRecord>

namespace madoguchi::test {

SyncClient::SyncClient(const QString &clientName, const ServerConnection &serverConnection, const QUuid &agentId,
                       const QString &copyOf)
    : name(clientName)
    , agent(agentId)
    , connection(serverConnection)
{
    if (!copyOf.isEmpty()) {
        EXPECT_TRUE(QFile::copy(copyOf, dir.filePath(QStringLiteral("local.sqlite"))));
    }
    auto opened = Database::open(dir.filePath(QStringLiteral("local.sqlite")));
    EXPECT_TRUE(opened) << (opened ? std::string() : opened.error().message.toStdString());
    if (opened)
        db = std::move(opened).value();
    EXPECT_TRUE(ClientState(local()).setCurrentAgent(agent));
}

SyncClient::~SyncClient()
{
    disconnect();
}

void SyncClient::disconnect()
{
    m_engine.reset();
    if (server.isValid()) {
        const QString connectionName = server.connectionName();
        server.close();
        server = QSqlDatabase();
        QSqlDatabase::removeDatabase(connectionName);
    }
}

Result<SyncEngine *> SyncClient::engine()
{
    if (server.isValid() && !server.isOpen())
        disconnect();
    if (!m_engine) {
        auto opened = openServer(connection, QStringLiteral("sync-%1-%2").arg(name, dir.path()));
        if (!opened)
            return opened.error();
        server = opened.value();
        if (auto r = SyncEngine::prepareSession(server); !r)
            return r.error();
        m_engine = std::make_unique<SyncEngine>(local(), server, options);
    }
    return m_engine.get();
}

Result<SyncReport> SyncClient::run(Result<SyncReport> (SyncEngine::*step)())
{
    auto e = engine();
    if (!e)
        return e.error();
    auto r = (e.value()->*step)();
    if (!r && r.error().code == Error::Code::Network)
        disconnect();
    return r;
}

QString SyncClient::dump(const QStringList &tables) const
{
    QStringList out;
    for (const QString &table : tables) {
        Q_ASSERT(entityForTable(table));
        QSqlQuery q(local());
        // Tables from the test's own list of synced tables.
        q.exec(QStringLiteral("SELECT * FROM %1 ORDER BY id").arg(table));
        while (q.next()) {
            QStringList fields;
            const QSqlRecord record = q.record();
            for (int i = 0; i < record.count(); ++i) {
                const QString column = record.fieldName(i);
                // Derived locally (SLA clock, sort keys, counters): not the server's.
                if (column == u"sort_key" || column.endsWith(QLatin1String("_business_min"))
                    || column == u"interaction_count" || column == u"escalated" || column == u"sla_sort"
                    || column == u"priority_order" || column.endsWith(QLatin1String("_due")))
                    continue;
                const QVariant v = q.value(i);
                fields << column + u'='
                              + (v.isNull()                            ? QStringLiteral("NULL")
                                 : v.typeId() == QMetaType::QByteArray ? QString::fromLatin1(v.toByteArray().toHex())
                                                                       : v.toString());
            }
            out << table + u':' + fields.join(u'|');
        }
    }
    return out.join(u'\n');
}

qint64 SyncClient::outboxSize() const
{
    return scalar(QStringLiteral("SELECT count(*) FROM sync_outbox")).toLongLong();
}

QVariant SyncClient::scalar(const QString &sql, const QVariantList &values) const
{
    QSqlQuery q(local());
    q.prepare(sql);
    for (const QVariant &v : values)
        q.addBindValue(v);
    EXPECT_TRUE(q.exec() && q.next()) << q.lastError().text().toStdString() << " " << sql.toStdString();
    return q.value(0);
}

QUuid addCustomer(SyncClient &c, const QString &name, const QString &phone)
{
    Customer customer;
    customer.name = name;
    if (!phone.isEmpty())
        customer.contacts = {{QUuid(), ContactKind::Phone, phone, QStringLiteral("work"), true}};
    const auto id = CustomerRepository(c.local(), c.agent).add(customer);
    EXPECT_TRUE(id) << (id ? std::string() : id.error().message.toStdString());
    return id ? id.value() : QUuid();
}

QUuid addTicket(SyncClient &c, const QUuid &customer, const QString &team, const QUuid &assignee, const QString &subject)
{
    Ticket t;
    t.customerId = customer;
    t.subject = subject;
    t.teamId = QUuid::fromString(team);
    t.assigneeId = assignee;
    const auto created = TicketService(c.local(), c.agent).create(t);
    EXPECT_TRUE(created) << (created ? std::string() : created.error().message.toStdString());
    return created ? created->id : QUuid();
}

void SyncFixture::SetUp()
{
    ServerFixture::SetUp();
    ASSERT_TRUE(initializeTestServer(admin));
    const auto t = addServerTeam(admin, QStringLiteral("Tokyo"));
    const auto o = addServerTeam(admin, QStringLiteral("Osaka"));
    ASSERT_TRUE(t && o);
    tokyo = t->toString(QUuid::WithoutBraces);
    osaka = o->toString(QUuid::WithoutBraces);
    // Login roles are cluster-wide: named after this test's database.
    const QString tag = database.section(u'_', -2).replace(u'_', u'x');
    loginA = QStringLiteral("a_%1").arg(tag);
    loginB = QStringLiteral("b_%1").arg(tag);
    loginC = QStringLiteral("c_%1").arg(tag);
    loginS = QStringLiteral("s_%1").arg(tag);
    auto add = [&](const QString &login, const QString &display, const QString &role, const QString &team) {
        const auto id = addServerAgent(admin, login, display, role, team, password);
        EXPECT_TRUE(id) << (id ? std::string() : id.error().message.toStdString());
        return id ? id.value() : QUuid();
    };
    agentA = add(loginA, QStringLiteral("高橋 美咲"), QStringLiteral("agent"), QStringLiteral("Tokyo"));
    agentB = add(loginB, QStringLiteral("佐藤 健"), QStringLiteral("agent"), QStringLiteral("Tokyo"));
    agentC = add(loginC, QStringLiteral("Chris Osaka"), QStringLiteral("agent"), QStringLiteral("Osaka"));
    agentS = add(loginS, QStringLiteral("Sam Supervisor"), QStringLiteral("supervisor"), QStringLiteral("Tokyo"));
}

QUuid SyncFixture::agentId(const QString &login)
{
    return login == loginA ? agentA : login == loginB ? agentB : login == loginC ? agentC : agentS;
}

std::unique_ptr<SyncClient> SyncFixture::client(const QString &login, int port, const QString &copyOf)
{
    ServerConnection c = as(login, password);
    if (port)
        c.port = port;
    return std::make_unique<SyncClient>(login, c, agentId(login), copyOf);
}

} // namespace madoguchi::test
