#pragma once

#include "serverfixture.h"
#include "storage/database.h"
#include "sync/syncengine.h"

#include <QTemporaryDir>
#include <QUuid>

#include <memory>

namespace madoguchi::test {

// One simulated desktop: its own SQLite file and server connection, signed
// in as one agent, synchronised by the real engine on the test thread.
struct SyncClient
{
    QString name;
    QTemporaryDir dir;
    std::unique_ptr<Database> db;
    QUuid agent;
    ServerConnection connection;
    QSqlDatabase server;
    SyncOptions options;

    // `copyOf`: start from a copy of that SQLite file (a copied laptop).
    SyncClient(const QString &clientName, const ServerConnection &serverConnection, const QUuid &agentId,
               const QString &copyOf = {});
    ~SyncClient();

    QSqlDatabase local() const { return db->connection(); }
    // Connects when needed (a dropped connection is reopened, as the app's
    // sync service does) and runs one push and pull.
    Result<SyncReport> sync() { return run(&SyncEngine::syncOnce); }
    Result<SyncReport> push() { return run(&SyncEngine::push); }
    Result<SyncReport> pull() { return run(&SyncEngine::pull); }
    void disconnect();

    // A canonical dump of the synced tables (every column but local-only
    // derived ones), for comparing clients with each other.
    QString dump(const QStringList &tables) const;
    qint64 outboxSize() const;
    QVariant scalar(const QString &sql, const QVariantList &values = {}) const;

private:
    Result<SyncEngine *> engine();
    Result<SyncReport> run(Result<SyncReport> (SyncEngine::*step)());
    std::unique_ptr<SyncEngine> m_engine;
};

// A customer (with a work phone when given) and a ticket, made on a client
// through the app's own services.
QUuid addCustomer(SyncClient &c, const QString &name, const QString &phone = {});
QUuid addTicket(SyncClient &c, const QUuid &customer, const QString &team, const QUuid &assignee,
                const QString &subject);

// A server with two teams and four agents (A and B in Tokyo, C in Osaka, S
// a supervisor), ready for clients.
struct SyncFixture : ServerFixture
{
    QString tokyo, osaka;
    QUuid agentA, agentB, agentC, agentS;
    QString loginA, loginB, loginC, loginS;
    const QString password = QStringLiteral("a long enough password");

    void SetUp() override;
    std::unique_ptr<SyncClient> client(const QString &login, int port = 0, const QString &copyOf = {});
    QUuid agentId(const QString &login);
};

} // namespace madoguchi::test

// One push and pull of a client, failing the test with the client's name and
// the reason when it does not go through.
#define ASSERT_SYNCS(client) \
    do { \
        const auto synced_ = (client).sync(); \
        ASSERT_TRUE(synced_) << (client).name.toStdString() << ": " << synced_.error().message.toStdString(); \
    } while (false)
