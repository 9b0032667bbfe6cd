// Adding a customer by hand: the form of the 360° view and its checks, the
// customers already on file pointed out before the save, and every place an
// agent would look for "new customer" (the Contact menu and its shortcut,
// the Customers page, its empty list, the new-ticket dialog's picker).
#include "customerfixture.h"
#include "customers/customerspage.h"
#include "customers/customerview.h"
#include "customers/loginteractiondialog.h"
#include "customers/newcustomerdialog.h"
#include "dashboard/dashboardpage.h"
#include "kit/customerpicker.h"
#include "models/customerlistmodel.h"
#include "repositories/customerrepository.h"
#include "repositories/directoryrepository.h"
#include "repositories/ticketrepository.h"
#include "shell/mainwindow.h"
#include "shell/shortcutsdialog.h"
#include "tickets/newticketdialog.h"
#include "tickets/ticketspage.h"
#include "tickets/ticketview.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFrame>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QMenuBar>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTableView>
#include <QTableWidget>
#include <QTest>
#include <QTimer>
#include <QTranslator>

#include <gtest/gtest.h>

#include <functional>

using namespace madoguchi;
using madoguchi::test::child;
using madoguchi::test::CustomerFixture;
using madoguchi::test::TempDatabase;
using madoguchi::test::whenOpen;

namespace {

const QString kRegion = QStringLiteral("JP");

int count(TempDatabase &db, const QString &sql)
{
    return db.scalar(sql).toInt();
}

int customers(TempDatabase &db)
{
    return count(db, QStringLiteral("SELECT count(*) FROM customers WHERE deleted_at IS NULL"));
}

int outbox(TempDatabase &db)
{
    return count(db, QStringLiteral("SELECT count(*) FROM sync_outbox"));
}

// Fills the dialog's form as an agent would: name, phones, e-mails.
void fill(QWidget *dialog, const QString &name, const QString &phones, const QString &emails = {})
{
    child<QLineEdit>(dialog, "nameEdit")->setText(name);
    child<QPlainTextEdit>(dialog, "phonesEdit")->setPlainText(phones);
    child<QPlainTextEdit>(dialog, "emailsEdit")->setPlainText(emails);
}

QPushButton *saveButton(QWidget *dialog)
{
    return child<QDialogButtonBox>(dialog, "buttons")->button(QDialogButtonBox::Save);
}

QStringList existingShown(QWidget *dialog)
{
    QStringList rows;
    if (!child<QFrame>(dialog, "existingBox")->isVisible())
        return rows;
    const auto *list = child<QListWidget>(dialog, "existingList");
    for (int i = 0; i < list->count(); ++i)
        rows << list->item(i)->text();
    return rows;
}

// A window on a database just created, as a team's first day starts.
struct FreshWindow
{
    QTemporaryDir dir;
    std::unique_ptr<MainWindow> window;

    FreshWindow()
    {
        auto db = Database::open(dir.filePath(QStringLiteral("first-day.sqlite")));
        EXPECT_TRUE(db);
        window = std::make_unique<MainWindow>(std::move(db.value()));
        window->show();
        EXPECT_TRUE(QTest::qWaitForWindowExposed(window.get()));
        EXPECT_TRUE(QTest::qWaitFor([&] { return !window->databaseInfo().path.isEmpty(); }, 10'000));
    }
    QWidget *currentPage() const { return window->findChild<QStackedWidget *>()->currentWidget(); }
    QLabel *emptyHint() const { return child<QLabel>(window->customersPage(), "emptyHint"); }
    // Follows the hint's link whose words are `words`, as a click on it does.
    void followHint(const QString &words) const
    {
        const QRegularExpression link(QStringLiteral("<a href=\"([^\"]+)\">%1</a>").arg(words));
        const auto match = link.match(emptyHint()->text());
        ASSERT_TRUE(match.hasMatch()) << emptyHint()->text().toStdString();
        emit emptyHint()->linkActivated(match.captured(1));
    }
};

// Saves a new customer named `name` with `phone` in the dialog that opens.
void createInNextDialog(const QString &name, const QString &phone)
{
    whenOpen<NewCustomerDialog>([name, phone](NewCustomerDialog *dialog) {
        fill(dialog, name, phone);
        QTest::mouseClick(saveButton(dialog), Qt::LeftButton);
        EXPECT_FALSE(dialog->isVisible()) << dialog->errorText().toStdString();
    });
}

} // namespace

TEST(NewCustomer, RefusesAnInvalidPhoneOrEmailWithTheTranslatedReasonAndSavesNothing)
{
    const QString english = PhoneNumber::parse(QStringLiteral("03-1234"), kRegion).error().message;
    QTranslator japanese;
    ASSERT_TRUE(japanese.load(QStringLiteral(":/i18n/madoguchi_ja.qm")));
    QCoreApplication::installTranslator(&japanese);
    const QString phoneReason = PhoneNumber::parse(QStringLiteral("03-1234"), kRegion).error().message;
    const QString emailReason = EmailAddress::parse(QStringLiteral("taro@")).error().message;
    {
        TempDatabase db;
        NewCustomerDialog dialog(db.database(), kRegion, {});
        dialog.show();
        fill(&dialog, QStringLiteral("山田 太郎"), QStringLiteral("03-1234"), QStringLiteral("taro@"));
        QTest::mouseClick(saveButton(&dialog), Qt::LeftButton);
        EXPECT_TRUE(dialog.isVisible());
        EXPECT_NE(dialog.result(), QDialog::Accepted);
        // The same words as the 360° view: "the value: the reason", in Japanese.
        EXPECT_NE(phoneReason, english);
        EXPECT_TRUE(dialog.errorText().contains(QStringLiteral("03-1234: ") + phoneReason))
            << dialog.errorText().toStdString();
        EXPECT_TRUE(dialog.errorText().contains(QStringLiteral("taro@: ") + emailReason))
            << dialog.errorText().toStdString();
        EXPECT_EQ(customers(db), 0);
        EXPECT_EQ(outbox(db), 0);
    }
    QCoreApplication::removeTranslator(&japanese);
}

TEST(NewCustomer, SavesOneCustomerWithItsContactsCompanyAndOutboxRows)
{
    TempDatabase db; // created by Database::open, nothing in it
    const QUuid agent = QUuid::createUuid();
    NewCustomerDialog dialog(db.database(), kRegion, agent);
    dialog.show();
    fill(&dialog, QStringLiteral("森 結衣"), QStringLiteral("０９０－５５５５－６６６６\n03 1234 5678"),
         QStringLiteral("Yui.Mori@Example.JP"));
    child<QLineEdit>(&dialog, "readingEdit")->setText(QStringLiteral("もり ゆい"));
    child<QComboBox>(&dialog, "companyCombo")->setEditText(QStringLiteral("ｱｵｿﾞﾗ商会"));
    auto *tier = child<QComboBox>(&dialog, "tierCombo");
    tier->setCurrentIndex(tier->findData(toKey(CustomerTier::Vip)));
    child<QLineEdit>(&dialog, "tagsEdit")->setText(QStringLiteral("紹介, 法人"));
    child<QLineEdit>(&dialog, "addressEdit")->setText(QStringLiteral("東京都千代田区1-1"));
    child<QPlainTextEdit>(&dialog, "notesEdit")->setPlainText(QStringLiteral("午前中希望"));
    QTest::mouseClick(saveButton(&dialog), Qt::LeftButton);
    ASSERT_EQ(dialog.result(), QDialog::Accepted) << dialog.errorText().toStdString();
    EXPECT_TRUE(dialog.createdNew());

    ASSERT_EQ(customers(db), 1);
    const Customer saved = CustomerRepository(db.connection()).get(dialog.customer()).value();
    EXPECT_EQ(saved.name, QStringLiteral("森 結衣"));
    EXPECT_EQ(saved.nameReading, QStringLiteral("モリ ユイ"));
    EXPECT_EQ(saved.tier, CustomerTier::Vip);
    EXPECT_EQ(saved.tags, (QStringList{QStringLiteral("紹介"), QStringLiteral("法人")}));
    EXPECT_EQ(saved.address, QStringLiteral("東京都千代田区1-1"));
    EXPECT_EQ(saved.notes, QStringLiteral("午前中希望"));
    EXPECT_EQ(saved.meta.createdBy, agent);
    QStringList contacts;
    for (const ContactPoint &p : saved.contacts)
        contacts << QStringLiteral("%1 %2%3").arg(toKey(p.kind), p.value,
                                                  p.primary ? QStringLiteral(" primary") : QString());
    contacts.sort();
    EXPECT_EQ(contacts,
              (QStringList{QStringLiteral("email Yui.Mori@example.jp primary"), QStringLiteral("phone +81312345678"),
                           QStringLiteral("phone +819055556666 primary")}))
        << contacts.join(u'|').toStdString();
    EXPECT_EQ(DirectoryRepository(db.connection()).organization(saved.organizationId)->name,
              QStringLiteral("アオゾラ商会"));
    // One outbox row for each row written, in the same transaction.
    EXPECT_EQ(count(db, QStringLiteral("SELECT count(*) FROM sync_outbox WHERE entity = 'customers' AND op = 'insert'")),
              1);
    EXPECT_EQ(count(db, QStringLiteral("SELECT count(*) FROM sync_outbox WHERE entity = 'customer_contacts'")), 3);
    EXPECT_EQ(count(db, QStringLiteral("SELECT count(*) FROM sync_outbox WHERE entity = 'organizations'")), 1);
    EXPECT_EQ(outbox(db), 5);
}

TEST(NewCustomer, TheSameNumberWrittenDifferentlyIsPointedOutAndNothingIsSavedUntilCreateAnyway)
{
    TempDatabase db;
    {
        NewCustomerDialog first(db.database(), kRegion, {});
        fill(&first, QStringLiteral("山田 太郎"), QStringLiteral("03-1234-5678"));
        first.accept();
        ASSERT_EQ(first.result(), QDialog::Accepted) << first.errorText().toStdString();
    }
    const int outboxBefore = outbox(db);

    NewCustomerDialog dialog(db.database(), kRegion, {});
    dialog.show();
    fill(&dialog, QStringLiteral("山田 タロウ"), QStringLiteral("+81312345678"));
    QTest::mouseClick(saveButton(&dialog), Qt::LeftButton);
    EXPECT_TRUE(dialog.isVisible());
    EXPECT_EQ(existingShown(&dialog), QStringList{QStringLiteral("山田 太郎 — same phone number 03-1234-5678")})
        << existingShown(&dialog).join(u'|').toStdString();
    EXPECT_EQ(saveButton(&dialog)->text(), QStringLiteral("Create &Anyway"));
    EXPECT_EQ(customers(db), 1);
    EXPECT_EQ(outbox(db), outboxBefore);

    // A number changed after the warning is checked again: still the same customer's.
    child<QPlainTextEdit>(&dialog, "phonesEdit")->setPlainText(QStringLiteral("(03) 1234-5678"));
    EXPECT_TRUE(existingShown(&dialog).isEmpty());
    EXPECT_EQ(saveButton(&dialog)->text(), QStringLiteral("&Create Customer"));
    QTest::mouseClick(saveButton(&dialog), Qt::LeftButton);
    EXPECT_EQ(existingShown(&dialog).size(), 1);
    EXPECT_EQ(customers(db), 1);

    QTest::mouseClick(saveButton(&dialog), Qt::LeftButton); // Create Anyway
    ASSERT_EQ(dialog.result(), QDialog::Accepted) << dialog.errorText().toStdString();
    EXPECT_TRUE(dialog.createdNew());
    EXPECT_EQ(customers(db), 2);
    EXPECT_EQ(CustomerRepository(db.connection()).get(dialog.customer())->name, QStringLiteral("山田 タロウ"));
}

TEST(NewCustomer, TheSameEmailIsPointedOutAndOpenExistingGoesOnWithThatCustomer)
{
    CustomerFixture f;
    const int before = customers(f.db);
    const int outboxBefore = outbox(f.db);
    NewCustomerDialog dialog(f.db.database(), kRegion, {});
    dialog.show();
    fill(&dialog, QStringLiteral("山田 T."), QString(), QStringLiteral("Taro@Yamada.Example.jp"));
    QTest::keyClick(child<QLineEdit>(&dialog, "nameEdit"), Qt::Key_Return); // Enter saves, as in any dialog
    EXPECT_EQ(existingShown(&dialog),
              QStringList{QStringLiteral("山田 太郎 · 株式会社山田商事 — same e-mail address Taro@yamada.example.jp")})
        << existingShown(&dialog).join(u'|').toStdString();
    EXPECT_EQ(customers(f.db), before);
    EXPECT_EQ(outbox(f.db), outboxBefore);

    QTest::mouseClick(child<QPushButton>(&dialog, "openExistingButton"), Qt::LeftButton);
    EXPECT_EQ(dialog.result(), QDialog::Accepted);
    EXPECT_FALSE(dialog.createdNew());
    EXPECT_EQ(dialog.customer(), f.ids.value(QStringLiteral("山田 太郎")));
    EXPECT_EQ(customers(f.db), before);
    EXPECT_EQ(outbox(f.db), outboxBefore);
}

TEST(NewCustomer, StartsFromWhatWasTypedWhereTheCustomerWasLookedFor)
{
    TempDatabase db;
    NewCustomerDialog dialog(db.database(), kRegion, {});
    dialog.prefill(QStringLiteral("森 結衣"), QString());
    EXPECT_EQ(child<QLineEdit>(&dialog, "nameEdit")->text(), QStringLiteral("森 結衣"));
    dialog.prefill(QString(), QStringLiteral("090-7777-8888"));
    EXPECT_EQ(child<QLineEdit>(&dialog, "nameEdit")->text(), QString());
    EXPECT_EQ(child<QPlainTextEdit>(&dialog, "phonesEdit")->toPlainText(), QStringLiteral("090-7777-8888"));
    dialog.prefill(QStringLiteral("yui@example.jp"), QString());
    EXPECT_EQ(child<QLineEdit>(&dialog, "nameEdit")->text(), QString());
    EXPECT_EQ(child<QPlainTextEdit>(&dialog, "emailsEdit")->toPlainText(), QStringLiteral("yui@example.jp"));
}

TEST(NewCustomer, CtrlShiftNOpensItAndTheCustomerShowsInThe360View)
{
    FreshWindow w;
    // Listed with the other shortcuts, and taken by no other action.
    ShortcutsDialog shortcuts(w.window->shortcutActions());
    QStringList rows;
    for (int r = 0; r < shortcuts.table()->rowCount(); ++r)
        rows << shortcuts.table()->item(r, 0)->text() + u'=' + shortcuts.table()->item(r, 1)->text();
    EXPECT_TRUE(rows.contains(QStringLiteral("New Customer…=Ctrl+Shift+N"))) << rows.join(u',').toStdString();
    QList<QKeySequence> keys;
    for (const QAction *action : w.window->shortcutActions()) {
        EXPECT_FALSE(keys.contains(action->shortcut())) << action->text().toStdString();
        keys << action->shortcut();
    }
    const QAction *contact = w.window->menuBar()->actions().at(2);
    EXPECT_EQ(contact->text(), QStringLiteral("&Contact"));
    QStringList items;
    for (const QAction *a : contact->menu()->actions())
        items << a->text();
    EXPECT_TRUE(items.contains(QStringLiteral("New &Customer…"))) << items.join(u',').toStdString();

    createInNextDialog(QStringLiteral("森 結衣"), QStringLiteral("090-7777-8888"));
    QTest::keyClick(w.window.get(), Qt::Key_N, Qt::ControlModifier | Qt::ShiftModifier);
    ASSERT_EQ(w.currentPage(), w.window->customerView());
    const QUuid shown = w.window->customerView()->customer();
    ASSERT_FALSE(shown.isNull());
    EXPECT_EQ(CustomerRepository(w.window->database().connection()).get(shown)->name, QStringLiteral("森 結衣"));
    EXPECT_EQ(child<QLineEdit>(w.window->customerView(), "nameEdit")->text(), QStringLiteral("森 結衣"));
    EXPECT_EQ(w.window->statusBar()->currentMessage(), QStringLiteral("Customer created."));
}

TEST(NewCustomer, TheEmptyListSaysSoAndItsLinksAddACustomerOrLogACall)
{
    FreshWindow w;
    CustomersPage *page = w.window->customersPage();
    ASSERT_TRUE(QTest::qWaitFor([&] { return w.emptyHint()->isVisible(); }, 5'000));
    EXPECT_TRUE(w.emptyHint()->text().contains(QStringLiteral("No customers yet")))
        << w.emptyHint()->text().toStdString();
    EXPECT_FALSE(w.emptyHint()->text().contains(QStringLiteral("import"))); // there is no import to offer yet
    EXPECT_FALSE(child<QTableView>(page, "table")->isVisible());

    w.followHint(QStringLiteral("log a call"));
    auto *log = w.window->findChild<LogInteractionDialog *>();
    ASSERT_NE(log, nullptr);
    EXPECT_TRUE(log->isVisible());
    delete log;

    createInNextDialog(QStringLiteral("Alice Smith"), QStringLiteral("+1 415-555-2671"));
    w.followHint(QStringLiteral("add one"));
    ASSERT_EQ(w.currentPage(), w.window->customerView());
    EXPECT_EQ(CustomerRepository(w.window->database().connection()).get(w.window->customerView()->customer())->name,
              QStringLiteral("Alice Smith"));

    // Back in the list: the customer instead of the hint.
    QTest::keyClick(w.window->customerView(), Qt::Key_Escape);
    ASSERT_EQ(w.currentPage(), page);
    ASSERT_TRUE(QTest::qWaitFor([&] { return page->model()->rowCount() == 1; }, 5'000));
    EXPECT_FALSE(w.emptyHint()->isVisible());
    EXPECT_TRUE(child<QTableView>(page, "table")->isVisible());
    EXPECT_EQ(page->model()->index(0, CustomerListModel::Name).data().toString(), QStringLiteral("Alice Smith"));
}

// The other pages of a first day say so too, and their links open what
// Ctrl+N and Ctrl+L open.
TEST(NewCustomer, TheEmptyQueueAndDashboardLinksOpenANewTicketOrACall)
{
    FreshWindow w;
    w.window->showPage(MainWindow::Page::Tickets);
    auto *queueHint = child<QLabel>(w.window->ticketsPage(), "emptyHint");
    ASSERT_TRUE(QTest::qWaitFor(
        [&] { return queueHint->isVisible() && queueHint->text().contains(QStringLiteral("No tickets yet")); }, 5'000))
        << queueHint->text().toStdString();
    auto opensNewTicket = [](QLabel *hint, const QString &href) {
        ASSERT_TRUE(hint->text().contains(QStringLiteral("href=\"%1\"").arg(href))) << hint->text().toStdString();
        bool opened = false;
        whenOpen<NewTicketDialog>([&opened](NewTicketDialog *) { opened = true; });
        emit hint->linkActivated(href);
        EXPECT_TRUE(opened);
    };
    opensNewTicket(queueHint, QStringLiteral("new"));

    w.window->showPage(MainWindow::Page::Dashboard);
    auto *dashboardHint = child<QLabel>(w.window->dashboardPage(), "emptyHint");
    ASSERT_TRUE(QTest::qWaitFor([&] { return dashboardHint->isVisible(); }, 10'000));
    EXPECT_TRUE(dashboardHint->text().contains(QStringLiteral("No data in this period")))
        << dashboardHint->text().toStdString();
    opensNewTicket(dashboardHint, QStringLiteral("ticket"));
    emit dashboardHint->linkActivated(QStringLiteral("log"));
    auto *log = w.window->findChild<LogInteractionDialog *>();
    ASSERT_NE(log, nullptr);
    EXPECT_TRUE(log->isVisible());
    delete log;
}

TEST(NewCustomer, ThePagesButtonOpensItAndCancellingAddsNobody)
{
    FreshWindow w;
    auto *button = child<QPushButton>(w.window->customersPage(), "newCustomerButton");
    ASSERT_TRUE(button->isVisible());
    whenOpen<NewCustomerDialog>([](NewCustomerDialog *dialog) {
        QTest::mouseClick(child<QDialogButtonBox>(dialog, "buttons")->button(QDialogButtonBox::Cancel), Qt::LeftButton);
        EXPECT_FALSE(dialog->isVisible()); // nothing typed: nothing to confirm
    });
    QTest::mouseClick(button, Qt::LeftButton);
    EXPECT_EQ(w.currentPage(), w.window->customersPage());
    EXPECT_EQ(w.window->customersPage()->model()->rowCount(), 0);

    createInNextDialog(QStringLiteral("佐藤 健"), QStringLiteral("045-123-4567"));
    QTest::mouseClick(button, Qt::LeftButton);
    ASSERT_EQ(w.currentPage(), w.window->customerView());
    EXPECT_EQ(CustomerRepository(w.window->database().connection()).get(w.window->customerView()->customer())->name,
              QStringLiteral("佐藤 健"));
}

TEST(NewCustomer, TheNewTicketPickerOffersANewCustomerAndTheTicketIsTheirs)
{
    FreshWindow w;
    QUuid chosen;
    whenOpen<NewTicketDialog>([&chosen](NewTicketDialog *dialog) {
        auto *picker = child<CustomerPicker>(dialog, "customerPicker");
        QTest::keyClicks(child<QLineEdit>(picker, "customerEdit"), QStringLiteral("090-7777-8888"));
        QTest::keyClick(child<QLineEdit>(picker, "customerEdit"), Qt::Key_Return);
        auto *create = child<QPushButton>(picker, "createCustomerButton");
        ASSERT_TRUE(create->isVisible());
        whenOpen<NewCustomerDialog>([](NewCustomerDialog *newCustomer) {
            // The number typed in the picker is the new customer's phone.
            EXPECT_EQ(child<QPlainTextEdit>(newCustomer, "phonesEdit")->toPlainText(), QStringLiteral("090-7777-8888"));
            child<QLineEdit>(newCustomer, "nameEdit")->setText(QStringLiteral("森 結衣"));
            QTest::mouseClick(saveButton(newCustomer), Qt::LeftButton);
        });
        QTest::mouseClick(create, Qt::LeftButton);
        chosen = picker->customer();
        ASSERT_FALSE(chosen.isNull());
        // The agent goes on with the subject (the dialog's focus once it is active again).
        EXPECT_EQ(dialog->focusWidget(), child<QLineEdit>(dialog, "subjectEdit"))
            << (dialog->focusWidget() ? dialog->focusWidget()->objectName().toStdString() : "none");
        child<QLineEdit>(dialog, "subjectEdit")->setText(QStringLiteral("請求書の再発行"));
        QTest::mouseClick(child<QDialogButtonBox>(dialog, "buttons")->button(QDialogButtonBox::Ok), Qt::LeftButton);
        EXPECT_FALSE(dialog->isVisible()) << dialog->errorText().toStdString();
    });
    const QUuid ticket = w.window->newTicket();
    ASSERT_FALSE(ticket.isNull());
    const QSqlDatabase db = w.window->database().connection();
    const Customer customer = CustomerRepository(db).get(chosen).value();
    EXPECT_EQ(customer.name, QStringLiteral("森 結衣"));
    EXPECT_EQ(customer.phones().constFirst().e164(), QStringLiteral("+819077778888"));
    EXPECT_EQ(TicketRepository(db).get(ticket)->customerId, chosen);
    EXPECT_EQ(w.currentPage(), w.window->ticketView());
}
