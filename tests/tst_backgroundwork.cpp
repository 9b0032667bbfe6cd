// Work off the UI thread, the one way (storage/backgroundwork): answers
// come back on the owner's thread, never to an owner that is gone.
#include "storage/backgroundwork.h"
#include "testsupport.h"

#include <QElapsedTimer>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTest>
#include <QThread>

#include <gtest/gtest.h>

#include <atomic>
#include <memory>

using namespace madoguchi;
using namespace madoguchi::test;

TEST(BackgroundWork, TheAnswerComesBackOnTheOwnersThreadAfterTheWorkerEnded)
{
    QObject owner;
    auto *work = new BackgroundWork(&owner);
    QThread *worker = nullptr;
    QThread *answeredOn = nullptr;
    bool busyWhenAnswered = true;
    int answer = 0;
    work->run(
        [&worker] {
            worker = QThread::currentThread();
            return 42;
        },
        [&](int value) {
            answer = value;
            answeredOn = QThread::currentThread();
            busyWhenAnswered = work->isBusy();
        });
    EXPECT_TRUE(work->isBusy());
    ASSERT_TRUE(QTest::qWaitFor([&] { return answer != 0; }, 5000));
    EXPECT_EQ(answer, 42);
    EXPECT_NE(worker, QThread::currentThread());
    EXPECT_EQ(answeredOn, QThread::currentThread());
    // Done means done: a caller may start the next run from the answer.
    EXPECT_FALSE(busyWhenAnswered);
}

TEST(BackgroundWork, AnOwnerThatIsGoneGetsNoAnswerAndWaitedForItsWorker)
{
    auto owner = std::make_unique<QObject>();
    auto *work = new BackgroundWork(owner.get());
    std::atomic_bool finished = false;
    bool answered = false;
    work->run(
        [&finished] {
            QThread::msleep(200);
            finished = true;
            return 1;
        },
        [&answered](int) { answered = true; });
    owner.reset(); // waits: the work may use what the owner owns
    EXPECT_TRUE(finished);
    QTest::qWait(100);
    EXPECT_FALSE(answered);
}

TEST(BackgroundWork, DiscardedWorkIsNotAnswered)
{
    QObject owner;
    auto *work = new BackgroundWork(&owner);
    bool answered = false;
    work->run([] { return 1; }, [&answered](int) { answered = true; });
    work->discard();
    EXPECT_FALSE(work->isBusy());
    QTest::qWait(100);
    EXPECT_FALSE(answered);
}

TEST(BackgroundWork, WorkThatOwnsNothingLetsItsOwnerGoAtOnce)
{
    auto owner = std::make_unique<QObject>();
    auto *work = new BackgroundWork(owner.get(), BackgroundWork::Ending::LetRun);
    auto release = std::make_shared<std::atomic_bool>(false);
    auto ended = std::make_shared<std::atomic_bool>(false);
    bool answered = false;
    work->run(
        [release, ended] {
            while (!*release)
                QThread::msleep(5);
            *ended = true;
            return 1;
        },
        [&answered](int) { answered = true; });
    QElapsedTimer clock;
    clock.start();
    owner.reset();
    EXPECT_LT(clock.elapsed(), 1000); // a connect may take its full timeout: nobody waits for it
    *release = true;
    ASSERT_TRUE(QTest::qWaitFor([&] { return ended->load(); }, 5000));
    QTest::qWait(50); // the worker's own clean-up runs; nobody is answered
    EXPECT_FALSE(answered);
}

TEST(BackgroundWork, ReadingTheDatabaseUsesAndClosesTheWorkersOwnConnection)
{
    TempDatabase db;
    QObject owner;
    auto *work = new BackgroundWork(&owner);
    const QStringList before = QSqlDatabase::connectionNames();
    QString usedConnection;
    int tables = -1;
    work->read(
        &db.database(),
        [&usedConnection](QSqlDatabase connection) {
            usedConnection = connection.connectionName();
            QSqlQuery q(connection);
            return q.exec(QStringLiteral("SELECT count(*) FROM sqlite_master WHERE type = 'table'")) && q.next()
                       ? q.value(0).toInt()
                       : -1;
        },
        [&tables](int n) { tables = n; });
    ASSERT_TRUE(QTest::qWaitFor([&] { return tables != -1; }, 5000));
    EXPECT_GT(tables, 10);
    EXPECT_NE(usedConnection, db.connection().connectionName());
    EXPECT_FALSE(QSqlDatabase::connectionNames().contains(usedConnection));
    EXPECT_EQ(QSqlDatabase::connectionNames(), before);
}
