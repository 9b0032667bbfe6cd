// The tickets UI driven as an agent uses it: queues and bulk actions, the
// new-ticket dialog, the ticket view's actions and dialogs, and a ticket
// opened from a logged call.
#include "customers/loginteractiondialog.h"
#include "models/ticketqueuemodel.h"
#include "repositories/categoryrepository.h"
#include "repositories/interactionrepository.h"
#include "repositories/slarepository.h"
#include "ticketfixture.h"
#include "tickets/cannedresponsesdialog.h"
#include "tickets/escalatedialog.h"
#include "tickets/newticketdialog.h"
#include "tickets/satisfactiondialog.h"
#include "tickets/servicelevelsdialog.h"
#include "tickets/ticketspage.h"
#include "tickets/ticketview.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QInputMethodEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>
#include <QToolButton>

#include <gtest/gtest.h>

using namespace madoguchi;
using madoguchi::test::child;
using madoguchi::test::TicketFixture;

namespace {

struct UiFixture : TicketFixture
{
    // Five tickets for 山田 太郎: two new and unassigned, one urgent, one solved, one mine.
    QList<Ticket> tickets;

    UiFixture()
    {
        TicketService service(db.connection(), agent);
        for (int i = 0; i < 5; ++i) {
            Ticket draft;
            draft.customerId = ids.value(QStringLiteral("山田 太郎"));
            draft.subject = QStringLiteral("問い合わせ %1").arg(i);
            draft.priority = i == 2 ? Priority::Urgent : Priority::Normal;
            tickets << service.create(draft, i >= 2).value();
        }
        EXPECT_TRUE(service.changeStatus(tickets[3].id, TicketStatus::Solved));
        EXPECT_TRUE(service.assign(tickets[4].id, agent, team));
    }

    Ticket reload(int i) { return TicketRepository(db.connection()).get(tickets[i].id).value(); }
};

// Typing through the input method, as a Japanese IME commits text (QTest's
// key clicks only know ASCII).
void typeText(QWidget *widget, const QString &text)
{
    widget->setFocus();
    QInputMethodEvent ime;
    ime.setCommitString(text);
    QApplication::sendEvent(widget, &ime);
}

QTableView *tableOf(TicketsPage &page)
{
    return child<QTableView>(&page, "table");
}

void selectRows(TicketsPage &page, int count)
{
    QTableView *table = tableOf(page);
    table->clearSelection();
    for (int r = 0; r < count; ++r)
        table->selectionModel()->select(table->model()->index(r, 0),
                                        QItemSelectionModel::Select | QItemSelectionModel::Rows);
}

} // namespace

TEST(TicketsPage, QueuesShowTheirCountsAndBulkActionsChangeTheSelection)
{
    UiFixture f;
    TicketsPage page(f.db.database());
    page.setAgent(f.agent, f.team);
    page.resize(1200, 700);
    page.show();
    // The counts are read off the UI thread, again once the agent is known.
    ASSERT_TRUE(
        QTest::qWaitFor([&] { return !page.counts().isEmpty() && page.counts().at(int(Queue::Mine)) == 1; }, 5000));
    EXPECT_EQ(page.counts().at(int(Queue::Unassigned)), 3);
    EXPECT_EQ(page.counts().at(int(Queue::RecentlySolved)), 1);
    EXPECT_EQ(page.counts().at(int(Queue::All)), 5);

    page.showQueue(Queue::Unassigned);
    ASSERT_EQ(page.model()->rowCount(), 3);
    // The urgent one comes first: its first response is due soonest.
    EXPECT_EQ(page.model()->index(0, TicketQueueModel::Subject).data().toString(), QStringLiteral("問い合わせ 2"));
    auto *bulkBar = child<QWidget>(&page, "bulkBar");
    selectRows(page, 1);
    EXPECT_FALSE(bulkBar->isVisible()); // one ticket: open it instead
    selectRows(page, 3);
    EXPECT_TRUE(bulkBar->isVisible());
    EXPECT_EQ(child<QLabel>(&page, "selectionLabel")->text(), QStringLiteral("3 tickets selected"));

    page.assignSelected(f.agent, f.team);
    // The page hears of its own change from the database's change hub.
    EXPECT_TRUE(QTest::qWaitFor([&] { return page.model()->rowCount() == 0; }, 5000)); // nobody's tickets any more
    // What the action did stays said after that refresh.
    EXPECT_EQ(child<QLabel>(&page, "statusLabel")->text(), QStringLiteral("Assign: 3 tickets changed."));
    EXPECT_EQ(f.db.scalar(
                      QStringLiteral("SELECT count(*) FROM tickets WHERE assignee_id IS NULL AND status <> 'solved'"))
                  .toInt(),
              0);
    ASSERT_TRUE(QTest::qWaitFor([&] { return page.counts().at(int(Queue::Mine)) == 4; }, 5000));

    page.showQueue(Queue::All);
    selectRows(page, 5);
    page.setStatusOfSelected(TicketStatus::Closed);
    // Only the solved ticket may close; the others are listed as skipped, in a box that does not block.
    auto *box = page.findChild<QMessageBox *>(QStringLiteral("bulkOutcome"));
    ASSERT_NE(box, nullptr);
    EXPECT_TRUE(box->text().startsWith(QStringLiteral("1 ticket changed."))) << box->text().toStdString();
    EXPECT_EQ(box->detailedText().count(u'\n'), 3);
    box->close();
    EXPECT_EQ(f.reload(3).status, TicketStatus::Closed);
    EXPECT_EQ(f.reload(0).status, TicketStatus::New);
}

TEST(TicketsPage, FiltersNarrowTheQueueAndCanBeSavedByName)
{
    UiFixture f;
    TicketsPage page(f.db.database());
    page.setAgent(f.agent, f.team);
    page.show();
    page.showQueue(Queue::All);
    ASSERT_EQ(page.model()->rowCount(), 5);
    auto *priority = child<QComboBox>(&page, "priorityCombo");
    priority->setCurrentIndex(priority->findData(int(Priority::Urgent)));
    emit priority->activated(priority->currentIndex());
    EXPECT_EQ(page.model()->rowCount(), 1);
    priority->setCurrentIndex(0);
    emit priority->activated(0);
    auto *search = child<QLineEdit>(&page, "searchEdit");
    QTest::keyClicks(search, QStringLiteral("4"));
    ASSERT_TRUE(QTest::qWaitFor([&] { return page.model()->rowCount() == 1; }, 3000));
    EXPECT_EQ(page.model()->index(0, TicketQueueModel::Subject).data().toString(), QStringLiteral("問い合わせ 4"));

    EXPECT_FALSE(page.saveCurrentFilterAs(QStringLiteral(" ")).isEmpty());
    EXPECT_TRUE(page.saveCurrentFilterAs(QStringLiteral("Fours")).isEmpty());
    auto *queues = child<QListWidget>(&page, "queueList");
    ASSERT_EQ(queues->count(), kQueueCount + 2); // a heading and the filter
    EXPECT_EQ(queues->currentItem()->text(), QStringLiteral("Fours"));
    page.showQueue(Queue::Mine);
    search->clear();
    QTest::qWait(300);
    queues->setCurrentRow(kQueueCount + 1);
    EXPECT_EQ(search->text(), QStringLiteral("4")); // the saved filter brings its text back
    EXPECT_EQ(page.model()->rowCount(), 1);
}

// `href`, once the empty state offers a link to it.
QString linkTo(QLabel *hint, const QString &href)
{
    EXPECT_TRUE(hint->text().contains(QStringLiteral("href=\"%1\"").arg(href))) << hint->text().toStdString();
    return href;
}

TEST(TicketsPage, AnEmptyQueueSaysWhatItListsAndHowToFillIt)
{
    TicketFixture f; // customers, a team and an agent, no tickets
    TicketsPage page(f.db.database());
    page.setAgent(f.agent, f.team);
    page.resize(1024, 700);
    page.show();
    auto *hint = child<QLabel>(&page, "emptyHint");
    QTableView *table = tableOf(page);
    ASSERT_TRUE(QTest::qWaitFor([&] { return hint->text().contains(QStringLiteral("No tickets yet")); }, 5000))
        << hint->text().toStdString();
    EXPECT_TRUE(hint->isVisible());
    EXPECT_FALSE(table->isVisible());
    EXPECT_TRUE(hint->text().contains(QStringLiteral("Tickets assigned to you that are not solved appear here.")));
    // The link does what Ctrl+N and the New Ticket button do.
    QSignalSpy newTicket(&page, &TicketsPage::newTicketRequested);
    emit hint->linkActivated(linkTo(hint, QStringLiteral("new")));
    EXPECT_EQ(newTicket.size(), 1);

    // A ticket for nobody: my queue is still empty, but not the database.
    f.create();
    ASSERT_TRUE(QTest::qWaitFor([&] { return hint->text().contains(QStringLiteral("Nothing here right now")); }, 5000))
        << hint->text().toStdString();
    EXPECT_TRUE(hint->isVisible());
    emit hint->linkActivated(linkTo(hint, QStringLiteral("new")));
    EXPECT_EQ(newTicket.size(), 2);
    // A queue a new ticket would not land in says so without offering one.
    page.showQueue(Queue::Waiting);
    EXPECT_TRUE(hint->text().contains(QStringLiteral("(pending or on hold)"))) << hint->text().toStdString();
    EXPECT_TRUE(hint->text().contains(QStringLiteral("Nothing here right now."))) << hint->text().toStdString();
    EXPECT_FALSE(hint->text().contains(QStringLiteral("href=\"new\""))) << hint->text().toStdString();

    // Where the ticket is, the list shows and the hint does not.
    page.showQueue(Queue::Unassigned);
    EXPECT_FALSE(hint->isVisible());
    EXPECT_TRUE(table->isVisible());
    ASSERT_EQ(page.model()->rowCount(), 1);

    // A search that finds nothing says so, and offers the whole queue back.
    auto *search = child<QLineEdit>(&page, "searchEdit");
    QTest::keyClicks(search, QStringLiteral("zzz"));
    ASSERT_TRUE(QTest::qWaitFor([&] { return hint->isVisible(); }, 3000));
    EXPECT_TRUE(hint->text().contains(QStringLiteral("No ticket here matches your search or filter")))
        << hint->text().toStdString();
    emit hint->linkActivated(linkTo(hint, QStringLiteral("clear")));
    EXPECT_TRUE(search->text().isEmpty());
    EXPECT_EQ(page.model()->rowCount(), 1);
    EXPECT_FALSE(hint->isVisible());
    EXPECT_TRUE(table->isVisible());
}

TEST(NewTicketDialog, CreatesANumberedTicketForTheCustomerFoundAsYouType)
{
    UiFixture f;
    NewTicketDialog dialog(f.db.database(), QStringLiteral("JP"), f.agent);
    dialog.show();
    auto *ok = child<QDialogButtonBox>(&dialog, "buttons")->button(QDialogButtonBox::Ok);
    QTest::mouseClick(ok, Qt::LeftButton);
    EXPECT_EQ(dialog.result(), QDialog::Rejected);
    EXPECT_EQ(dialog.errorText(), QStringLiteral("Choose the customer the ticket is for."));

    QTest::keyClicks(child<QLineEdit>(&dialog, "customerEdit"), QStringLiteral("03-1234-5678"));
    ASSERT_TRUE(
        QTest::qWaitFor([&] { return child<QLabel>(&dialog, "customerStatus")->text().startsWith(QStringLiteral("✔")); },
                        3000));
    QTest::mouseClick(ok, Qt::LeftButton);
    EXPECT_FALSE(dialog.errorText().isEmpty()); // no subject yet
    const int before = f.db.scalar(QStringLiteral("SELECT count(*) FROM tickets")).toInt();
    EXPECT_EQ(before, 5);

    typeText(child<QLineEdit>(&dialog, "subjectEdit"), QStringLiteral("請求書の宛名変更"));
    auto *priority = child<QComboBox>(&dialog, "priorityCombo");
    priority->setCurrentIndex(priority->findData(int(Priority::High)));
    typeText(child<QLineEdit>(&dialog, "tagsEdit"), QStringLiteral("請求, 法人"));
    child<QCheckBox>(&dialog, "liveCheck")->setChecked(true);
    QTest::mouseClick(ok, Qt::LeftButton);
    ASSERT_EQ(dialog.result(), QDialog::Accepted) << dialog.errorText().toStdString();
    const Ticket t = TicketRepository(f.db.connection()).get(dialog.created().id).value();
    EXPECT_EQ(t.customerId, f.ids.value(QStringLiteral("山田 太郎")));
    EXPECT_EQ(t.priority, Priority::High);
    EXPECT_EQ(t.status, TicketStatus::Open);
    EXPECT_EQ(t.tags, (QStringList{QStringLiteral("請求"), QStringLiteral("法人")}));
    EXPECT_EQ(t.teamId, f.team); // the agent's own team by default
    EXPECT_TRUE(t.firstResponseDue.has_value());
}

TEST(TicketView, StatusAssignmentEscalationAndSatisfactionFromTheView)
{
    UiFixture f;
    TicketView view(f.db.database());
    view.setAgent(f.agent, f.team);
    view.resize(1100, 700);
    view.show();
    view.showTicket(f.tickets[0].id);
    EXPECT_EQ(child<QLabel>(&view, "numberLabel")->text(), f.tickets[0].number);
    EXPECT_EQ(child<QLabel>(&view, "statusBadge")->text(), QStringLiteral("New"));
    auto *frBadge = child<QLabel>(&view, "firstResponseBadge");
    EXPECT_TRUE(frBadge->isVisible());
    EXPECT_TRUE(frBadge->text().startsWith(QStringLiteral("First response · "))) << frBadge->text().toStdString();
    EXPECT_FALSE(child<QPushButton>(&view, "csatButton")->isEnabled());

    // The status menu offers only what the workflow allows.
    QMenu *menu = child<QPushButton>(&view, "statusButton")->menu();
    emit menu->aboutToShow();
    QStringList offered;
    for (QAction *a : menu->actions())
        offered << a->text();
    EXPECT_EQ(offered, (QStringList{QStringLiteral("Open"), QStringLiteral("Pending (waiting on the customer)"),
                                    QStringLiteral("On hold (waiting on a third party)"), QStringLiteral("Solve")}));
    menu->actions().at(0)->trigger();
    EXPECT_EQ(f.reload(0).status, TicketStatus::Open);
    EXPECT_EQ(child<QLabel>(&view, "statusBadge")->text(), QStringLiteral("Open"));

    QMenu *assign = child<QPushButton>(&view, "assignButton")->menu();
    emit assign->aboutToShow();
    assign->actions().at(0)->trigger(); // Assign to Me
    EXPECT_EQ(f.reload(0).assigneeId, f.agent);
    EXPECT_EQ(child<QLabel>(&view, "assigneeValue")->text(), QStringLiteral("高橋 美咲"));

    auto *priority = child<QComboBox>(&view, "priorityCombo");
    priority->setCurrentIndex(priority->findData(int(Priority::Urgent)));
    emit priority->activated(priority->currentIndex());
    EXPECT_EQ(f.reload(0).priority, Priority::Urgent);

    {
        EscalateDialog dialog(f.db.database(), f.reload(0), f.agent, &view);
        auto *ok = child<QDialogButtonBox>(&dialog, "buttons")->button(QDialogButtonBox::Ok);
        QTest::mouseClick(ok, Qt::LeftButton);
        EXPECT_EQ(dialog.errorText(), QStringLiteral("Say why the ticket is escalated."));
        typeText(child<QPlainTextEdit>(&dialog, "reasonEdit"), QStringLiteral("再現手順を確認済み"));
        QTest::mouseClick(ok, Qt::LeftButton);
        EXPECT_EQ(dialog.result(), QDialog::Accepted);
    }
    view.reload();
    EXPECT_EQ(f.reload(0).escalationLevel, 1);
    EXPECT_EQ(child<QLabel>(&view, "escalationBadge")->text(), QStringLiteral("Escalated: Tier 2"));

    ASSERT_TRUE(view.changeStatus(TicketStatus::Solved));
    EXPECT_TRUE(child<QPushButton>(&view, "csatButton")->isEnabled());
    {
        SatisfactionDialog dialog(f.db.database(), f.reload(0), f.agent, &view);
        auto *csat = child<QComboBox>(&dialog, "csatCombo");
        csat->setCurrentIndex(csat->findData(4));
        auto *nps = child<QComboBox>(&dialog, "npsCombo");
        nps->setCurrentIndex(nps->findData(9));
        QTest::mouseClick(child<QDialogButtonBox>(&dialog, "buttons")->button(QDialogButtonBox::Save), Qt::LeftButton);
        EXPECT_EQ(dialog.result(), QDialog::Accepted) << dialog.errorText().toStdString();
    }
    EXPECT_EQ(f.db.scalar(QStringLiteral("SELECT csat || '/' || nps FROM csat_responses")).toString(),
              QStringLiteral("4/9"));
    // Every change is in the history, newest first.
    EXPECT_GE(view.findChild<QAbstractItemView *>(QStringLiteral("historyView"))->model()->rowCount(), 7);
    EXPECT_TRUE(view.errorText().isEmpty());
}

TEST(TicketView, FollowsItsTicketChangedElsewhere)
{
    // A call logged on the ticket, the service levels, a teammate's change
    // arriving by sync: the view shows the ticket as it is now.
    UiFixture f;
    TicketView view(f.db.database());
    view.setAgent(f.agent, f.team);
    view.show();
    view.showTicket(f.tickets[0].id);
    ASSERT_EQ(child<QLabel>(&view, "statusBadge")->text(), QStringLiteral("New"));
    ASSERT_TRUE(TicketService(f.db.connection(), f.agent).changeStatus(f.tickets[0].id, TicketStatus::Open));
    EXPECT_TRUE(
        QTest::qWaitFor([&] { return child<QLabel>(&view, "statusBadge")->text() == QStringLiteral("Open"); }, 5000))
        << child<QLabel>(&view, "statusBadge")->text().toStdString();
}

TEST(TicketView, ARefusedChangeIsExplainedAndChangesNothing)
{
    UiFixture f;
    TicketView view(f.db.database());
    view.setAgent(f.agent, f.team);
    view.show();
    view.showTicket(f.tickets[3].id); // solved
    EXPECT_FALSE(view.changeStatus(TicketStatus::Pending));
    EXPECT_FALSE(view.errorText().isEmpty());
    EXPECT_EQ(f.reload(3).status, TicketStatus::Solved);
    EXPECT_FALSE(child<QPushButton>(&view, "escalateButton")->isEnabled());
}

TEST(LogInteractionDialog, OpensATicketForTheCallAndTheCallIsItsFirstResponse)
{
    UiFixture f;
    LogInteractionDialog dialog(f.db.database(), QStringLiteral("JP"), f.agent);
    dialog.show();
    dialog.setCustomer(f.ids.value(QStringLiteral("山田 花子")));
    auto *open = child<QCheckBox>(&dialog, "openTicketCheck");
    open->setChecked(true);
    EXPECT_FALSE(child<QLineEdit>(&dialog, "ticketEdit")->isEnabled());
    auto *save = child<QDialogButtonBox>(&dialog, "buttons")->button(QDialogButtonBox::Save);
    QTest::mouseClick(save, Qt::LeftButton);
    EXPECT_TRUE(dialog.errorText().contains(QStringLiteral("subject"))) << dialog.errorText().toStdString();
    EXPECT_EQ(f.db.scalar(QStringLiteral("SELECT count(*) FROM interactions")).toInt(), 0);

    typeText(child<QLineEdit>(&dialog, "subjectEdit"), QStringLiteral("ルーターが再起動を繰り返す"));
    QSignalSpy opened(&dialog, &LogInteractionDialog::ticketOpened);
    QTest::mouseClick(save, Qt::LeftButton);
    ASSERT_EQ(opened.size(), 1) << dialog.errorText().toStdString();
    const Ticket t = TicketRepository(f.db.connection()).get(opened.first().at(0).toUuid()).value();
    EXPECT_EQ(t.subject, QStringLiteral("ルーターが再起動を繰り返す"));
    EXPECT_EQ(t.customerId, f.ids.value(QStringLiteral("山田 花子")));
    EXPECT_EQ(t.status, TicketStatus::Open); // opened during the call
    EXPECT_EQ(t.assigneeId, f.agent);
    EXPECT_TRUE(t.firstRespondedAt.has_value()); // the call answered the customer
    EXPECT_EQ(f.db.scalar(QStringLiteral("SELECT count(*) FROM interactions WHERE ticket_id IS NOT NULL")).toInt(), 1);
}

TEST(ServiceLevelsDialog, EditsTargetsAndHoursAndRecalculatesRunningTickets)
{
    UiFixture f;
    const auto before = f.reload(0).firstResponseDue;
    ServiceLevelsDialog dialog(f.db.database(), f.agent);
    dialog.show();
    dialog.selectPolicy(0);
    auto *name = child<QLineEdit>(&dialog, "policyNameEdit");
    EXPECT_EQ(name->text(), QStringLiteral("Standard"));
    // Normal priority: first response in 2 hours instead of 4.
    QDoubleSpinBox *firstNormal = nullptr;
    for (QDoubleSpinBox *box : dialog.findChildren<QDoubleSpinBox *>()) {
        if (box->accessibleName() == QStringLiteral("First response target, Normal"))
            firstNormal = box;
    }
    ASSERT_NE(firstNormal, nullptr);
    EXPECT_DOUBLE_EQ(firstNormal->value(), 4.0);
    firstNormal->setValue(2.0);
    EXPECT_TRUE(dialog.hasUnsavedChanges());
    ASSERT_TRUE(dialog.save()) << dialog.errorText().toStdString();
    EXPECT_EQ(SlaRepository(f.db.connection()).defaultPolicy()->firstResponseFor(Priority::Normal), 120);
    // Two new normal-priority tickets are running: both moved.
    EXPECT_TRUE(dialog.statusText().contains(QStringLiteral("4 running tickets"))) << dialog.statusText().toStdString();
    EXPECT_NE(f.reload(0).firstResponseDue, before);
    EXPECT_FALSE(dialog.hasUnsavedChanges());

    // A resolution shorter than its first response is refused, and nothing is stored.
    for (QDoubleSpinBox *box : dialog.findChildren<QDoubleSpinBox *>()) {
        if (box->accessibleName() == QStringLiteral("Resolution target, Normal"))
            box->setValue(1.0);
    }
    EXPECT_FALSE(dialog.save());
    EXPECT_TRUE(dialog.errorText().contains(QStringLiteral("shorter"))) << dialog.errorText().toStdString();
    EXPECT_EQ(SlaRepository(f.db.connection()).defaultPolicy()->resolutionFor(Priority::Normal), 1620);
}

TEST(ServiceLevelsDialog, CalendarsAndTeamAssignment)
{
    UiFixture f;
    ServiceLevelsDialog dialog(f.db.database(), f.agent);
    dialog.show();
    dialog.selectCalendar(0);
    EXPECT_EQ(child<QLineEdit>(&dialog, "calendarNameEdit")->text(), QStringLiteral("Japan business hours"));
    EXPECT_TRUE(child<QCheckBox>(&dialog, "japaneseHolidaysCheck")->isChecked());
    // Open on Saturdays, closed on 31 December.
    for (QCheckBox *box : dialog.findChildren<QCheckBox *>()) {
        if (box->text() == QLocale().dayName(6))
            box->setChecked(true);
    }
    child<QDateEdit>(&dialog, "closureDate")->setDate(QDate(2026, 12, 31));
    QTest::mouseClick(child<QPushButton>(&dialog, "addClosureButton"), Qt::LeftButton);
    for (QComboBox *combo : dialog.findChildren<QComboBox *>()) {
        if (combo->accessibleName() == QStringLiteral("Assignment for 技術サポート"))
            combo->setCurrentIndex(combo->findData(int(AutoAssign::LeastOpen)));
    }
    ASSERT_TRUE(dialog.save()) << dialog.errorText().toStdString();
    const Calendar c = SlaRepository(f.db.connection()).calendars()->first();
    ASSERT_TRUE(c.week[5].has_value());
    EXPECT_EQ(c.week[5]->open, QTime(9, 0));
    EXPECT_EQ(c.extraHolidays, QList<QDate>{QDate(2026, 12, 31)});
    EXPECT_EQ(DirectoryRepository(f.db.connection()).teams()->first().autoAssign, AutoAssign::LeastOpen);
    EXPECT_TRUE(dialog.statusText().contains(QStringLiteral("running ticket"))) << dialog.statusText().toStdString();
}

// Closures are listed by date, not by their long localised names (which
// begin with the weekday), and a date is listed once.
TEST(ServiceLevelsDialog, ClosuresAreListedInDateOrder)
{
    UiFixture f;
    ServiceLevelsDialog dialog(f.db.database(), f.agent);
    dialog.show();
    dialog.selectCalendar(0);
    auto *list = child<QListWidget>(&dialog, "closureList");
    list->clear();
    for (const QDate &d : {QDate(2026, 12, 31), QDate(2027, 1, 4), QDate(2026, 5, 3), QDate(2026, 12, 31)}) {
        child<QDateEdit>(&dialog, "closureDate")->setDate(d);
        QTest::mouseClick(child<QPushButton>(&dialog, "addClosureButton"), Qt::LeftButton);
    }
    QList<QDate> listed;
    for (int i = 0; i < list->count(); ++i)
        listed << list->item(i)->data(Qt::UserRole).toDate();
    EXPECT_EQ(listed, (QList<QDate>{QDate(2026, 5, 3), QDate(2026, 12, 31), QDate(2027, 1, 4)}));
}

TEST(CannedResponses, AreSharedPerTeamAndValidated)
{
    UiFixture f;
    CannedResponses store(f.db.connection(), f.agent);
    CannedResponse shared;
    shared.name = QStringLiteral("お礼");
    shared.body = QStringLiteral("{customer} 様、お問い合わせありがとうございます。担当の {agent} です。");
    ASSERT_TRUE(store.save(shared));
    CannedResponse billing;
    billing.name = QStringLiteral("請求書の再送");
    billing.teamId = f.team;
    billing.body = QStringLiteral("請求書 ({ticket}) を再送しました。");
    billing.setStatus = TicketStatus::Pending;
    billing.setPriority = Priority::High;
    billing.addTags = {QStringLiteral("請求")};
    ASSERT_TRUE(store.save(billing));
    CannedResponse empty;
    empty.name = QStringLiteral("空");
    EXPECT_FALSE(store.save(empty)); // no text and no change
    CannedResponse closing = billing;
    closing.id = QUuid();
    closing.setStatus = TicketStatus::Closed;
    EXPECT_FALSE(store.save(closing));

    EXPECT_EQ(store.forTeam({})->size(), 1);
    EXPECT_EQ(store.forTeam(f.team)->size(), 2);
    EXPECT_EQ(shared.expand(QStringLiteral("山田 太郎"), QStringLiteral("高橋 美咲"), QString()),
              QStringLiteral("山田 太郎 様、お問い合わせありがとうございます。担当の 高橋 美咲 です。"));
    EXPECT_EQ(f.db.scalar(QStringLiteral("SELECT count(*) FROM sync_outbox WHERE entity = 'canned_responses'")).toInt(),
              2);
}

TEST(LogInteractionDialog, ACannedResponseFillsTheNoteAndChangesTheTicket)
{
    UiFixture f;
    CannedResponse billing;
    billing.name = QStringLiteral("請求書の再送");
    billing.teamId = f.team;
    billing.body = QStringLiteral("{customer} 様の請求書 ({ticket}) を再送しました。");
    billing.setStatus = TicketStatus::Pending;
    billing.addTags = {QStringLiteral("請求")};
    ASSERT_TRUE(CannedResponses(f.db.connection(), f.agent).save(billing));

    LogInteractionDialog dialog(f.db.database(), QStringLiteral("JP"), f.agent);
    dialog.show();
    dialog.setCustomer(f.ids.value(QStringLiteral("山田 太郎")));
    dialog.setTicketNumber(f.tickets[2].number); // open, urgent
    QMenu *menu = child<QToolButton>(&dialog, "cannedButton")->menu();
    emit menu->aboutToShow();
    ASSERT_EQ(menu->actions().size(), 1);
    menu->actions().first()->trigger();
    EXPECT_EQ(child<QPlainTextEdit>(&dialog, "notesEdit")->toPlainText(),
              QStringLiteral("山田 太郎 様の請求書 (%1) を再送しました。").arg(f.tickets[2].number));
    EXPECT_TRUE(child<QLabel>(&dialog, "cannedHint")->text().contains(QStringLiteral("Pending")));
    QTest::mouseClick(child<QDialogButtonBox>(&dialog, "buttons")->button(QDialogButtonBox::Save), Qt::LeftButton);
    ASSERT_EQ(dialog.result(), QDialog::Accepted) << dialog.errorText().toStdString();
    const Ticket t = f.reload(2);
    EXPECT_EQ(t.status, TicketStatus::Pending);
    EXPECT_EQ(t.tags, QStringList{QStringLiteral("請求")});
    EXPECT_EQ(f.db.scalar(QStringLiteral("SELECT notes FROM interactions")).toString().left(5),
              QStringLiteral("山田 太郎"));
}

TEST(CannedResponsesDialog, CreatesEditsAndDeletes)
{
    UiFixture f;
    CannedResponsesDialog dialog(f.db.database(), f.agent);
    dialog.show();
    EXPECT_EQ(dialog.count(), 0);
    EXPECT_FALSE(dialog.saveCurrent()); // nothing typed
    EXPECT_FALSE(dialog.errorText().isEmpty());
    typeText(child<QLineEdit>(&dialog, "nameEdit"), QStringLiteral("折り返し連絡"));
    typeText(child<QPlainTextEdit>(&dialog, "bodyEdit"), QStringLiteral("明日中に折り返しご連絡いたします。"));
    auto *status = child<QComboBox>(&dialog, "statusCombo");
    status->setCurrentIndex(status->findData(int(TicketStatus::Pending)));
    auto *team = child<QComboBox>(&dialog, "teamCombo");
    team->setCurrentIndex(team->findData(QVariant::fromValue(f.team)));
    ASSERT_TRUE(dialog.saveCurrent()) << dialog.errorText().toStdString();
    EXPECT_EQ(dialog.count(), 1);
    auto saved = CannedResponses(f.db.connection()).all().value();
    ASSERT_EQ(saved.size(), 1);
    EXPECT_EQ(saved.first().teamId, f.team);
    EXPECT_EQ(saved.first().setStatus, TicketStatus::Pending);

    child<QLineEdit>(&dialog, "nameEdit")->setText(QStringLiteral("折り返し(翌営業日)"));
    ASSERT_TRUE(dialog.saveCurrent());
    EXPECT_EQ(CannedResponses(f.db.connection()).all()->first().name, QStringLiteral("折り返し(翌営業日)"));
    EXPECT_EQ(dialog.count(), 1);
    ASSERT_TRUE(dialog.deleteCurrent());
    EXPECT_TRUE(CannedResponses(f.db.connection()).all()->isEmpty());
}

TEST(Categories, TheTeamRenamesHidesAndAddsCategories)
{
    UiFixture f;
    CategoryRepository repository(f.db.connection(), f.agent);
    const int builtIn = int(defaultCategories().size());
    EXPECT_EQ(repository.categories()->size(), builtIn);
    ASSERT_TRUE(repository.update(QStringLiteral("complaint"), QString(), false));
    ASSERT_TRUE(repository.update(QStringLiteral("billing"), QStringLiteral("請求・支払い"), true));
    const auto key = repository.add(QStringLiteral("法人契約"));
    ASSERT_TRUE(key);
    EXPECT_FALSE(repository.add(QStringLiteral("法人契約"))); // already there
    EXPECT_FALSE(repository.add(QStringLiteral("  ")));

    const QList<Category> offered = repository.categories().value();
    EXPECT_EQ(offered.size(), builtIn); // one hidden, one added
    EXPECT_EQ(offered.first().displayName, QStringLiteral("請求・支払い"));
    EXPECT_EQ(offered.at(offered.size() - 2).displayName, QStringLiteral("法人契約")); // before "Other"
    EXPECT_EQ(offered.last().key, QStringLiteral("other"));
    EXPECT_EQ(repository.categories(true)->size(), builtIn + 1);
    EXPECT_EQ(repository.displayName(key.value()), QStringLiteral("法人契約"));
    EXPECT_EQ(repository.displayName(QStringLiteral("complaint")), QStringLiteral("Complaint")); // hidden keeps its name
    EXPECT_EQ(f.db.scalar(QStringLiteral("SELECT count(*) FROM sync_outbox WHERE entity = 'categories'")).toInt(), 3);

    // The new-ticket dialog offers what the team chose.
    NewTicketDialog dialog(f.db.database(), QStringLiteral("JP"), f.agent);
    auto *combo = child<QComboBox>(&dialog, "categoryCombo");
    EXPECT_GE(combo->findData(key.value()), 0);
    EXPECT_EQ(combo->findData(QStringLiteral("complaint")), -1);
}

TEST(ServiceLevelsDialog, CategoriesTab)
{
    UiFixture f;
    ServiceLevelsDialog dialog(f.db.database(), f.agent);
    dialog.show();
    auto *list = child<QListWidget>(&dialog, "categoryList");
    ASSERT_EQ(list->count(), int(defaultCategories().size()));
    list->item(0)->setCheckState(Qt::Unchecked);
    dialog.addCategory(QStringLiteral("法人契約"));
    EXPECT_TRUE(dialog.hasUnsavedChanges());
    ASSERT_TRUE(dialog.save()) << dialog.errorText().toStdString();
    const auto categories = CategoryRepository(f.db.connection()).categories().value();
    EXPECT_EQ(categories.first().key, QStringLiteral("login")); // billing hidden
    EXPECT_TRUE(std::any_of(categories.begin(), categories.end(),
                            [](const Category &c) { return c.displayName == QStringLiteral("法人契約"); }));
    EXPECT_FALSE(dialog.hasUnsavedChanges());
}
