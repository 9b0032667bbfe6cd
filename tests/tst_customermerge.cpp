#include "customerfixture.h"
#include "customers/duplicatesdialog.h"
#include "domain/uuid.h"
#include "models/customertimelinemodel.h"
#include "repositories/customersearch.h"
#include "repositories/interactionrepository.h"
#include "repositories/ticketrepository.h"
#include "services/customermerge.h"

#include <QPushButton>
#include <QRadioButton>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTest>

#include <gtest/gtest.h>

using namespace madoguchi;
using madoguchi::test::CustomerFixture;

namespace {

struct DuplicateFixture : CustomerFixture
{
    QUuid original;
    QUuid duplicate;

    DuplicateFixture()
    {
        original = ids.value(QStringLiteral("山田 太郎"));
        // Entered again at a busy moment: same number, a new mobile, an e-mail typed differently.
        duplicate = add(QStringLiteral("山田 太郎"), QStringLiteral("ヤマダ タロウ"),
                        {QStringLiteral("+81 3-1234-5678"), QStringLiteral("080-7777-8888")},
                        {QStringLiteral("TARO@yamada.example.jp")});
        Customer d = CustomerRepository(db.connection()).get(duplicate).value();
        d.notes = QStringLiteral("二重登録");
        EXPECT_TRUE(CustomerRepository(db.connection()).update(d));
        InteractionRepository interactions(db.connection());
        for (int i = 0; i < 3; ++i) {
            Interaction call;
            call.customerId = duplicate;
            call.startedAt = QDateTime(QDate(2026, 5, 1 + i), QTime(1, 0), Qt::UTC);
            EXPECT_TRUE(interactions.add(call));
        }
        Ticket t;
        t.number = QStringLiteral("K7Q-9");
        t.customerId = duplicate;
        t.subject = QStringLiteral("配送状況");
        EXPECT_TRUE(TicketRepository(db.connection()).add(t));
    }

    int count(const QString &sql) { return db.scalar(sql).toInt(); }
};

} // namespace

TEST(CustomerMerge, FindsDuplicatesStrongestEvidenceFirstAndEachPairOnce)
{
    DuplicateFixture f;
    // Another pair that shares only the name and reading.
    const QUuid kenAgain = f.add(QStringLiteral("佐藤 健"), QStringLiteral("サトウ ケン"),
                                 {QStringLiteral("06-1111-2222")});
    const auto found = CustomerMerge(f.db.connection()).findDuplicates();
    ASSERT_TRUE(found);
    ASSERT_EQ(found->size(), 2);
    EXPECT_EQ(found->at(0).reason, CustomerMerge::Reason::SamePhone); // also same e-mail and name: listed once
    EXPECT_EQ(found->at(0).sharedValue, QStringLiteral("+81312345678"));
    EXPECT_EQ(found->at(0).first.id, f.original);
    EXPECT_EQ(found->at(0).second.id, f.duplicate);
    EXPECT_EQ(found->at(1).reason, CustomerMerge::Reason::SameNameAndReading);
    EXPECT_EQ(found->at(1).second.id, kenAgain);
}

TEST(CustomerMerge, MovesEveryRelatedRowToTheSurvivorInOneChange)
{
    DuplicateFixture f;
    const int outboxBefore = f.count(QStringLiteral("SELECT count(*) FROM sync_outbox"));
    Customer survivor = CustomerRepository(f.db.connection()).get(f.original).value();
    survivor.notes = QStringLiteral("二重登録を統合"); // the value the agent chose
    const auto moved = CustomerMerge(f.db.connection()).merge(survivor, f.duplicate);
    ASSERT_TRUE(moved) << moved.error().message.toStdString();
    EXPECT_EQ(moved.value(), 4); // three calls and one ticket

    const QByteArray survivorKey = uuidToBlob(f.original);
    const QByteArray mergedKey = uuidToBlob(f.duplicate);
    for (const char *table : {"interactions", "tickets", "csat_responses", "customer_contacts"}) {
        QSqlQuery q(f.db.connection());
        q.prepare(QStringLiteral("SELECT count(*) FROM %1 WHERE customer_id = ? AND deleted_at IS NULL")
                      .arg(QLatin1String(table)));
        q.addBindValue(mergedKey);
        ASSERT_TRUE(q.exec() && q.next());
        EXPECT_EQ(q.value(0).toInt(), 0) << table;
    }
    const Customer merged = CustomerRepository(f.db.connection()).get(f.original).value();
    EXPECT_EQ(merged.notes, QStringLiteral("二重登録を統合"));
    ASSERT_EQ(merged.phones().size(), 2); // the shared number once, plus the new mobile
    EXPECT_EQ(merged.phones().at(1).e164(), QStringLiteral("+818077778888"));
    EXPECT_EQ(merged.emails().size(), 1); // same address in another case is one address
    EXPECT_FALSE(CustomerRepository(f.db.connection()).get(f.duplicate));
    EXPECT_EQ(InteractionRepository(f.db.connection()).forCustomer(f.original)->size(), 3);
    EXPECT_EQ(TicketRepository(f.db.connection()).byNumber(QStringLiteral("K7Q-9"))->customerId, f.original);
    QSqlQuery stats(f.db.connection());
    stats.prepare(QStringLiteral("SELECT open_tickets FROM customer_stats WHERE customer_id = ?"));
    stats.addBindValue(survivorKey);
    ASSERT_TRUE(stats.exec() && stats.next());
    EXPECT_EQ(stats.value(0).toInt(), 1);

    // Everything is recorded for sync, and the merge is in the survivor's history.
    EXPECT_GT(f.count(QStringLiteral("SELECT count(*) FROM sync_outbox")) - outboxBefore, 4);
    EXPECT_EQ(f.count(QStringLiteral("SELECT count(*) FROM sync_outbox WHERE entity = 'customer_merges'")), 1);
    CustomerTimelineModel timeline(f.db.database(), QTimeZone("Asia/Tokyo"));
    timeline.setCustomer(f.original);
    bool recorded = false;
    for (int r = 0; r < timeline.rowCount(); ++r)
        recorded
            |= timeline.index(r).data(CustomerTimelineModel::TitleRole).toString().contains(QStringLiteral("Merged"));
    EXPECT_TRUE(recorded);
    // Search finds one 山田 太郎 with that number now.
    const auto hits = CustomerSearch(f.db.connection(), QStringLiteral("JP")).search(QStringLiteral("03-1234-5678"));
    ASSERT_TRUE(hits);
    EXPECT_EQ(hits->size(), 1);
    EXPECT_TRUE(CustomerMerge(f.db.connection()).findDuplicates()->isEmpty());
}

TEST(CustomerMerge, AnInvalidChoiceChangesNothing)
{
    DuplicateFixture f;
    const int outboxBefore = f.count(QStringLiteral("SELECT count(*) FROM sync_outbox"));
    Customer survivor = CustomerRepository(f.db.connection()).get(f.original).value();
    survivor.name.clear();
    EXPECT_FALSE(CustomerMerge(f.db.connection()).merge(survivor, f.duplicate));
    survivor = CustomerRepository(f.db.connection()).get(f.original).value();
    EXPECT_FALSE(CustomerMerge(f.db.connection()).merge(survivor, f.original));
    EXPECT_EQ(f.count(QStringLiteral("SELECT count(*) FROM sync_outbox")), outboxBefore);
    EXPECT_TRUE(CustomerRepository(f.db.connection()).get(f.duplicate));
    EXPECT_EQ(InteractionRepository(f.db.connection()).forCustomer(f.duplicate)->size(), 3);
}

TEST(DuplicatesDialog, MergesTheSelectedPairWithTheChosenValues)
{
    DuplicateFixture f;
    DuplicatesDialog dialog(f.db.database(), QStringLiteral("JP"), {});
    dialog.show();
    ASSERT_EQ(dialog.pairCount(), 1);
    // The agent keeps the newer record's notes by clicking them.
    QRadioButton *notes = nullptr;
    for (auto *radio : dialog.findChildren<QRadioButton *>()) {
        if (radio->text() == u"二重登録")
            notes = radio;
    }
    ASSERT_NE(notes, nullptr);
    QTest::mouseClick(notes, Qt::LeftButton);
    QSignalSpy merged(&dialog, &DuplicatesDialog::merged);
    QTest::mouseClick(dialog.findChild<QPushButton *>(QStringLiteral("mergeButton")), Qt::LeftButton);
    ASSERT_EQ(merged.count(), 1);
    EXPECT_EQ(merged.constFirst().constFirst().toUuid(), f.original);
    EXPECT_EQ(CustomerRepository(f.db.connection()).get(f.original)->notes, QStringLiteral("二重登録"));
    EXPECT_EQ(dialog.pairCount(), 0);
    EXPECT_FALSE(dialog.findChild<QPushButton *>(QStringLiteral("mergeButton"))->isEnabled());
}
