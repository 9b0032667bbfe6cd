// The change hub: what a committed transaction wrote is announced once,
// after the commit, in the hub's thread; what was rolled back is not.
#include "repositories/customerrepository.h"
#include "storage/changehub.h"
#include "storage/changewriter.h"
#include "storage/transaction.h"
#include "testsupport.h"

#include <QCoreApplication>
#include <QSignalSpy>
#include <QThread>

#include <gtest/gtest.h>

using namespace madoguchi;
using namespace madoguchi::test;

namespace {

Customer named(const QString &name)
{
    Customer c;
    c.name = name;
    c.nameReading = QStringLiteral("テスト");
    return c;
}

ChangeSet announced(QSignalSpy &spy)
{
    return spy.isEmpty() ? ChangeSet() : spy.constLast().constFirst().value<ChangeSet>();
}

} // namespace

TEST(ChangeHub, AnnouncesACommitOnceAfterItWithItsRows)
{
    TempDatabase db;
    QSignalSpy spy(&db.database().changes(), &ChangeHub::changed);
    QUuid first;
    QUuid second;
    {
        Transaction tx(db.connection());
        ASSERT_TRUE(tx.isActive());
        first = CustomerRepository(db.connection()).add(named(QStringLiteral("一"))).value();
        second = CustomerRepository(db.connection()).add(named(QStringLiteral("二"))).value();
        QCoreApplication::processEvents();
        EXPECT_EQ(spy.count(), 0); // nothing is announced before the commit
        ASSERT_TRUE(tx.commit());
    }
    EXPECT_EQ(spy.count(), 0); // nor in the middle of the code that committed
    ASSERT_TRUE(spy.wait(2000));
    QCoreApplication::processEvents();
    ASSERT_EQ(spy.count(), 1);
    const ChangeSet changes = announced(spy);
    EXPECT_EQ(changes.origin(), ChangeSet::Origin::Local);
    EXPECT_TRUE(changes.touchesRow(QStringLiteral("customers"), first));
    EXPECT_TRUE(changes.touchesRow(QStringLiteral("customers"), second));
    EXPECT_FALSE(changes.touchesRow(QStringLiteral("customers"), QUuid::createUuid()));
    EXPECT_FALSE(changes.touches(QStringLiteral("tickets")));
    EXPECT_FALSE(changes.touchesWholeTable(QStringLiteral("customers")));
}

TEST(ChangeHub, WhatIsRolledBackIsNotAnnounced)
{
    TempDatabase db;
    QSignalSpy spy(&db.database().changes(), &ChangeHub::changed);
    {
        Transaction tx(db.connection());
        ASSERT_TRUE(CustomerRepository(db.connection()).add(named(QStringLiteral("消える"))));
        // rolled back by the destructor
    }
    QUuid kept;
    QUuid undone;
    {
        Transaction outer(db.connection());
        kept = CustomerRepository(db.connection()).add(named(QStringLiteral("残る"))).value();
        {
            Transaction inner(db.connection()); // a savepoint
            undone = CustomerRepository(db.connection()).add(named(QStringLiteral("戻す"))).value();
            inner.rollback();
        }
        ASSERT_TRUE(outer.commit());
    }
    ASSERT_TRUE(spy.wait(2000));
    QCoreApplication::processEvents();
    ASSERT_EQ(spy.count(), 1);
    const ChangeSet changes = announced(spy);
    EXPECT_TRUE(changes.touchesRow(QStringLiteral("customers"), kept));
    EXPECT_FALSE(changes.touchesRow(QStringLiteral("customers"), undone));
    EXPECT_EQ(changes.rows(QStringLiteral("customers")).size(), 1);
}

TEST(ChangeHub, ABurstIsOneAnnouncementAndManyRowsNameTheTable)
{
    TempDatabase db;
    QSignalSpy spy(&db.database().changes(), &ChangeHub::changed);
    ASSERT_TRUE(CustomerRepository(db.connection()).add(named(QStringLiteral("一"))));
    {
        Transaction tx(db.connection());
        for (qsizetype i = 0; i <= ChangeSet::kRowLimit; ++i)
            ChangeHub::note(db.connection(), QStringLiteral("tickets"), QUuid::createUuid());
        ASSERT_TRUE(tx.commit());
    }
    ASSERT_TRUE(spy.wait(2000));
    QCoreApplication::processEvents();
    ASSERT_EQ(spy.count(), 1); // two commits before the event loop ran: one set
    const ChangeSet changes = announced(spy);
    EXPECT_TRUE(changes.touches(QStringLiteral("customers")));
    EXPECT_TRUE(changes.touchesWholeTable(QStringLiteral("tickets")));
    EXPECT_TRUE(changes.touchesRow(QStringLiteral("tickets"), QUuid::createUuid()));
}

TEST(ChangeHub, TheSyncsCommitsInItsOwnThreadArriveInTheHubsThreadAsTheSyncs)
{
    TempDatabase db;
    QSignalSpy spy(&db.database().changes(), &ChangeHub::changed);
    QUuid written;
    std::unique_ptr<QThread> worker(QThread::create([&] {
        const QSqlDatabase connection = db.database().connection(); // this thread's own
        Transaction tx(connection);
        ChangeHub::noteFromSync(connection);
        written = CustomerRepository(connection).add(named(QStringLiteral("同期"))).value();
        (void)tx.commit();
        db.database().closeThreadConnection();
    }));
    // Direct: the slot runs in whichever thread emits.
    QThread *announcedIn = nullptr;
    QObject::connect(
        &db.database().changes(), &ChangeHub::changed, &db.database().changes(),
        [&] { announcedIn = QThread::currentThread(); }, Qt::DirectConnection);
    worker->start();
    worker->wait();
    ASSERT_TRUE(spy.wait(2000));
    EXPECT_EQ(announcedIn, QThread::currentThread());
    const ChangeSet changes = announced(spy);
    EXPECT_EQ(changes.origin(), ChangeSet::Origin::Sync);
    EXPECT_TRUE(changes.touchesRow(QStringLiteral("customers"), written));

    // Local work joined with the sync's before the announcement is local:
    // it must still go to the server.
    ChangeSet mixed = changes;
    ChangeSet local;
    local.add(QStringLiteral("tickets"), QUuid::createUuid());
    mixed.unite(local);
    EXPECT_EQ(mixed.origin(), ChangeSet::Origin::Local);
    ChangeSet fromSyncOnly;
    fromSyncOnly.unite(changes);
    EXPECT_EQ(fromSyncOnly.origin(), ChangeSet::Origin::Sync);
}

TEST(ChangeHub, AnotherFilesChangesAreNotAnnounced)
{
    TempDatabase a;
    TempDatabase b;
    QSignalSpy spyA(&a.database().changes(), &ChangeHub::changed);
    QSignalSpy spyB(&b.database().changes(), &ChangeHub::changed);
    ASSERT_TRUE(CustomerRepository(b.connection()).add(named(QStringLiteral("別"))));
    EXPECT_TRUE(spyB.wait(2000));
    QCoreApplication::processEvents();
    EXPECT_EQ(spyA.count(), 0);
}
