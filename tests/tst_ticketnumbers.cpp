#include "storage/ticketnumbers.h"
#include "storage/transaction.h"
#include "testsupport.h"

#include <QSet>

#include <gtest/gtest.h>

using namespace madoguchi;
using madoguchi::test::TempDatabase;

namespace {

QStringList allocate(TempDatabase &db, int count)
{
    QStringList out;
    Transaction tx(db.connection());
    EXPECT_TRUE(tx.isActive());
    TicketNumbers numbers(db.connection());
    for (int i = 0; i < count; ++i) {
        const auto n = numbers.next();
        EXPECT_TRUE(n);
        out << (n ? n.value() : QString());
    }
    EXPECT_TRUE(tx.commit());
    return out;
}

} // namespace

TEST(TicketNumbers, TwoOfflineClientsNeverHandOutTheSameNumber)
{
    TempDatabase a;
    TempDatabase b;
    const QStringList fromA = allocate(a, 500);
    const QStringList fromB = allocate(b, 500);
    const QSet<QString> setA(fromA.begin(), fromA.end());
    const QSet<QString> setB(fromB.begin(), fromB.end());
    EXPECT_EQ(setA.size(), 500);
    EXPECT_EQ(setB.size(), 500);
    EXPECT_FALSE(setA.intersects(setB));
    EXPECT_NE(TicketNumbers(a.connection()).clientTag().value(), TicketNumbers(b.connection()).clientTag().value());
    for (const QString &n : fromA)
        EXPECT_TRUE(TicketNumbers::isWellFormed(n)) << n.toStdString();
}

TEST(TicketNumbers, CountUpPerClientAndSurviveARestart)
{
    TempDatabase db;
    const QStringList first = allocate(db, 3);
    const QString tag = first.constFirst().section(u'-', 0, 0);
    EXPECT_EQ(first, (QStringList{tag + QStringLiteral("-1"), tag + QStringLiteral("-2"), tag + QStringLiteral("-3")}));
    const QString path = db.path();
    db.close();
    auto reopened = Database::open(path);
    ASSERT_TRUE(reopened);
    Transaction tx(reopened.value()->connection());
    EXPECT_EQ(TicketNumbers(reopened.value()->connection()).next().value(), tag + QStringLiteral("-4"));
}

TEST(TicketNumbers, ARolledBackTicketGivesItsNumberBack)
{
    TempDatabase db;
    allocate(db, 1);
    {
        Transaction tx(db.connection());
        ASSERT_TRUE(TicketNumbers(db.connection()).next());
        // not committed
    }
    const QStringList next = allocate(db, 1);
    EXPECT_TRUE(next.constFirst().endsWith(QStringLiteral("-2"))) << next.constFirst().toStdString();
    EXPECT_FALSE(TicketNumbers(db.connection()).next()); // outside a transaction: refused
}

TEST(TicketNumbers, WellFormedNumbersAvoidLookAlikeLetters)
{
    EXPECT_TRUE(TicketNumbers::isWellFormed(QStringLiteral("K7QM2X-1042")));
    EXPECT_FALSE(TicketNumbers::isWellFormed(QStringLiteral("K7QM2I-1042"))); // I reads as 1
    EXPECT_FALSE(TicketNumbers::isWellFormed(QStringLiteral("K7QM2X-0")));
    EXPECT_FALSE(TicketNumbers::isWellFormed(QStringLiteral("k7qm2x-12")));
    EXPECT_FALSE(TicketNumbers::isWellFormed(QStringLiteral("K7QM2X1042")));
}
