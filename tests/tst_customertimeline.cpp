#include "customerfixture.h"
#include "models/customertimelinemodel.h"
#include "repositories/interactionrepository.h"
#include "repositories/ticketrepository.h"

#include <QAbstractItemModelTester>

#include <gtest/gtest.h>

using namespace madoguchi;
using madoguchi::test::CustomerFixture;

namespace {

struct TimelineFixture : CustomerFixture
{
    QUuid taro;
    QDateTime base{QDate(2026, 4, 1), QTime(1, 0), Qt::UTC}; // 10:00 in Tokyo

    TimelineFixture()
    {
        taro = ids.value(QStringLiteral("山田 太郎"));
        InteractionRepository interactions(db.connection());
        const QList<std::pair<Channel, int>> calls{{Channel::Phone, 0}, {Channel::Email, 2}, {Channel::Phone, 4}};
        for (const auto &[channel, hours] : calls) {
            Interaction i;
            i.customerId = taro;
            i.channel = channel;
            i.startedAt = base.addSecs(3600 * hours);
            i.durationSeconds = channel == Channel::Phone ? 185 : 0;
            i.outcome = Outcome::Resolved;
            i.notes = QStringLiteral("note %1").arg(hours);
            EXPECT_TRUE(interactions.add(i));
        }
        Ticket t;
        t.number = QStringLiteral("K7Q-1");
        t.customerId = taro;
        t.subject = QStringLiteral("請求書");
        const auto ticket = TicketRepository(db.connection()).add(t);
        EXPECT_TRUE(ticket);
        TicketEvent solved;
        solved.ticketId = ticket.value();
        solved.at = base.addSecs(3600 * 3);
        solved.field = QStringLiteral("status");
        solved.oldValue = QStringLiteral("open");
        solved.newValue = QStringLiteral("solved");
        EXPECT_TRUE(TicketRepository(db.connection()).appendEvent(solved));
        // Another customer's call never shows up.
        Interaction other;
        other.customerId = ids.value(QStringLiteral("田中 美咲"));
        other.startedAt = base.addSecs(3600);
        EXPECT_TRUE(interactions.add(other));
    }
};

QStringList titles(const CustomerTimelineModel &model)
{
    QStringList out;
    for (int r = 0; r < model.rowCount(); ++r)
        out << model.index(r).data(CustomerTimelineModel::TitleRole).toString();
    return out;
}

} // namespace

TEST(CustomerTimelineModel, ShowsInteractionsAndTicketHistoryNewestFirst)
{
    TimelineFixture f;
    CustomerTimelineModel model(f.db.database(), QTimeZone("Asia/Tokyo"));
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.setCustomer(f.taro);
    // The ticket was created now (after the calls), so it comes first.
    const QStringList t = titles(model);
    ASSERT_EQ(t.size(), 5) << t.join(u'|').toStdString();
    EXPECT_EQ(t.at(0), QStringLiteral("Ticket K7Q-1 created"));
    EXPECT_EQ(t.at(1), QStringLiteral("Phone · Inbound · Resolved · 3:05"));
    EXPECT_EQ(t.at(2), QStringLiteral("Ticket K7Q-1: Status Open → Solved"));
    EXPECT_EQ(t.at(3), QStringLiteral("E-mail · Inbound · Resolved"));
    EXPECT_EQ(model.index(3).data(CustomerTimelineModel::DetailRole).toString(), QStringLiteral("note 2"));
    EXPECT_EQ(model.index(4).data(CustomerTimelineModel::TimeRole).toDateTime().time(), QTime(10, 0));
}

TEST(CustomerTimelineModel, FiltersByChannelAndLeavesTicketHistoryOut)
{
    TimelineFixture f;
    CustomerTimelineModel model(f.db.database(), QTimeZone("Asia/Tokyo"));
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.setCustomer(f.taro);
    model.setChannelFilter(Channel::Phone);
    EXPECT_EQ(model.rowCount(), 2);
    for (int r = 0; r < 2; ++r)
        EXPECT_TRUE(
            model.index(r).data(CustomerTimelineModel::TitleRole).toString().startsWith(QStringLiteral("Phone")));
    model.setChannelFilter(Channel::Chat);
    EXPECT_EQ(model.rowCount(), 0);
    model.setChannelFilter(std::nullopt);
    EXPECT_EQ(model.rowCount(), 5);
}

TEST(CustomerTimelineModel, PagesWithFetchMore)
{
    TimelineFixture f;
    CustomerTimelineModel model(f.db.database(), QTimeZone("Asia/Tokyo"));
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.setPageSize(2);
    model.setCustomer(f.taro);
    EXPECT_EQ(model.rowCount(), 2);
    EXPECT_TRUE(model.canFetchMore({}));
    while (model.canFetchMore({}))
        model.fetchMore({});
    EXPECT_EQ(model.rowCount(), 5);
    QDateTime previous = model.index(0).data(CustomerTimelineModel::TimeRole).toDateTime();
    for (int r = 1; r < model.rowCount(); ++r) {
        const QDateTime at = model.index(r).data(CustomerTimelineModel::TimeRole).toDateTime();
        EXPECT_LE(at, previous);
        previous = at;
    }
}

TEST(CustomerTimelineModel, NoCustomerNoRows)
{
    TimelineFixture f;
    CustomerTimelineModel model(f.db.database(), QTimeZone("Asia/Tokyo"));
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    EXPECT_EQ(model.rowCount(), 0);
    EXPECT_FALSE(model.canFetchMore({}));
}
