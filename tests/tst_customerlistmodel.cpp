#include "customerfixture.h"
#include "models/customerlistmodel.h"
#include "repositories/interactionrepository.h"
#include "repositories/ticketrepository.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>

#include <gtest/gtest.h>

using namespace madoguchi;
using madoguchi::test::CustomerFixture;

namespace {

QStringList column(const QAbstractItemModel &model, int col)
{
    QStringList out;
    for (int r = 0; r < model.rowCount(); ++r)
        out << model.index(r, col).data().toString();
    return out;
}

void fetchAll(QAbstractItemModel &model)
{
    while (model.canFetchMore({}))
        model.fetchMore({});
}

const QTimeZone kTokyo("Asia/Tokyo");

} // namespace

TEST(CustomerListModel, PagesThroughTheListInReadingOrderWithFetchMore)
{
    CustomerFixture f;
    CustomerListModel model(f.db.database(), QStringLiteral("JP"), kTokyo);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.setPageSize(3);
    model.refresh();
    EXPECT_EQ(model.rowCount(), 3);
    EXPECT_TRUE(model.canFetchMore({}));
    fetchAll(model);
    EXPECT_FALSE(model.canFetchMore({}));
    EXPECT_EQ(column(model, CustomerListModel::Name),
              (QStringList{QStringLiteral("Alice Smith"), QStringLiteral("小山田 みき"), QStringLiteral("佐藤 健"),
                           QStringLiteral("田中 美咲"), QStringLiteral("山口 ゆき"), QStringLiteral("山田 太郎"),
                           QStringLiteral("山田 花子"), QStringLiteral("山本 一郎")}))
        << column(model, CustomerListModel::Name).join(u',').toStdString();
}

TEST(CustomerListModel, ShowsEveryColumnForTheAgent)
{
    CustomerFixture f;
    InteractionRepository interactions(f.db.connection());
    Interaction call;
    call.customerId = f.ids.value(QStringLiteral("山田 太郎"));
    call.startedAt = QDateTime(QDate(2026, 4, 1), QTime(1, 30), Qt::UTC); // 10:30 in Tokyo
    ASSERT_TRUE(interactions.add(call));
    Ticket t;
    t.number = QStringLiteral("T-1");
    t.customerId = call.customerId;
    t.subject = QStringLiteral("請求書");
    ASSERT_TRUE(TicketRepository(f.db.connection()).add(t));

    CustomerListModel model(f.db.database(), QStringLiteral("JP"), kTokyo);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    fetchAll(model);
    const int row = int(column(model, CustomerListModel::Name).indexOf(QStringLiteral("山田 太郎")));
    ASSERT_GE(row, 0);
    auto cell = [&](int col) { return model.index(row, col).data().toString(); };
    EXPECT_EQ(cell(CustomerListModel::Reading), QStringLiteral("ヤマダ タロウ"));
    EXPECT_EQ(cell(CustomerListModel::Organization), QStringLiteral("株式会社山田商事"));
    EXPECT_EQ(cell(CustomerListModel::Phone), QStringLiteral("03-1234-5678"));
    EXPECT_EQ(cell(CustomerListModel::Email), QStringLiteral("taro@yamada.example.jp"));
    EXPECT_TRUE(cell(CustomerListModel::LastContact).contains(QStringLiteral("10:30")))
        << cell(CustomerListModel::LastContact).toStdString();
    EXPECT_EQ(cell(CustomerListModel::OpenTickets), QStringLiteral("1"));
    EXPECT_EQ(model.index(row, 0).data(CustomerListModel::CustomerIdRole).toUuid(), call.customerId);
    // Alice's number is foreign: international format.
    const int alice = int(column(model, CustomerListModel::Name).indexOf(QStringLiteral("Alice Smith")));
    EXPECT_EQ(model.index(alice, CustomerListModel::Phone).data().toString(), QStringLiteral("+1 415-555-2671"));
}

TEST(CustomerListModel, SortsByLastContactNewestFirstAndNeverContactedLast)
{
    CustomerFixture f;
    InteractionRepository interactions(f.db.connection());
    const QDateTime base(QDate(2026, 4, 1), QTime(0, 0), Qt::UTC);
    int hour = 0;
    for (const char *name : {"田中 美咲", "Alice Smith", "山本 一郎"}) {
        Interaction call;
        call.customerId = f.ids.value(QString::fromUtf8(name));
        call.startedAt = base.addSecs(3600 * ++hour);
        ASSERT_TRUE(interactions.add(call));
    }
    CustomerListModel model(f.db.database(), QStringLiteral("JP"), kTokyo);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.setPageSize(2);
    model.sort(CustomerListModel::LastContact, Qt::DescendingOrder);
    fetchAll(model);
    const QStringList names = column(model, CustomerListModel::Name);
    ASSERT_EQ(names.size(), 8);
    EXPECT_EQ(names.mid(0, 3),
              (QStringList{QStringLiteral("山本 一郎"), QStringLiteral("Alice Smith"), QStringLiteral("田中 美咲")}));
    for (int r = 3; r < 8; ++r)
        EXPECT_TRUE(model.index(r, CustomerListModel::LastContact).data().toString().isEmpty());
    model.sort(CustomerListModel::Name, Qt::DescendingOrder);
    fetchAll(model);
    EXPECT_EQ(column(model, CustomerListModel::Name).constFirst(), QStringLiteral("山本 一郎"));

    // A deleted customer leaves both orders, and pages stay full.
    ASSERT_TRUE(CustomerRepository(f.db.connection()).remove(f.ids.value(QStringLiteral("Alice Smith"))));
    model.sort(CustomerListModel::LastContact, Qt::DescendingOrder);
    fetchAll(model);
    EXPECT_EQ(column(model, CustomerListModel::Name).mid(0, 2),
              (QStringList{QStringLiteral("山本 一郎"), QStringLiteral("田中 美咲")}));
    EXPECT_EQ(model.rowCount(), 7);
}

TEST(CustomerListModel, SearchReplacesTheRowsWithMatchesWithoutFetchMore)
{
    CustomerFixture f;
    CustomerListModel model(f.db.database(), QStringLiteral("JP"), kTokyo);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.setSearchText(QStringLiteral("山田"));
    EXPECT_FALSE(model.canFetchMore({}));
    EXPECT_EQ(column(model, CustomerListModel::Name),
              (QStringList{QStringLiteral("山田 太郎"), QStringLiteral("山田 花子")}));
    EXPECT_EQ(model.index(0, 0).data(CustomerListModel::MatchRole).toInt(), int(CustomerSearch::Match::Prefix));
    model.setSearchText(QStringLiteral("03-1234-5678"));
    EXPECT_EQ(column(model, CustomerListModel::Name), QStringList{QStringLiteral("山田 太郎")});
    model.setSearchText(QString());
    EXPECT_EQ(model.rowCount(), 8);
}

TEST(CustomerListModel, JumpsToAKanaRowOfTheIndex)
{
    CustomerFixture f;
    CustomerListModel model(f.db.database(), QStringLiteral("JP"), kTokyo);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.jumpTo(QStringLiteral("た"));
    fetchAll(model);
    EXPECT_EQ(column(model, CustomerListModel::Name).constFirst(), QStringLiteral("田中 美咲"));
    EXPECT_EQ(model.rowCount(), 5);
    model.jumpTo(QStringLiteral("わ"));
    EXPECT_EQ(model.rowCount(), 0);
    EXPECT_FALSE(model.canFetchMore({}));
    model.jumpTo(QString());
    fetchAll(model);
    EXPECT_EQ(model.rowCount(), 8);
}

TEST(CustomerListModel, AnEmptyDatabaseIsAnEmptyList)
{
    madoguchi::test::TempDatabase db;
    CustomerListModel model(db.database(), QStringLiteral("JP"), kTokyo);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    EXPECT_EQ(model.rowCount(), 0);
    EXPECT_FALSE(model.canFetchMore({}));
    EXPECT_EQ(model.columnCount(), int(CustomerListModel::ColumnCount));
    EXPECT_EQ(model.headerData(CustomerListModel::Reading, Qt::Horizontal).toString(), QStringLiteral("Reading"));
}
