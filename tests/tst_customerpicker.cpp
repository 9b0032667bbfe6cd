// Finding the customer as an agent types, fast: the one picker on its own,
// then the same behaviour inside both dialogs that use it.
#include "customerfixture.h"
#include "customers/loginteractiondialog.h"
#include "kit/customerpicker.h"
#include "tickets/newticketdialog.h"

#include <QApplication>
#include <QDialog>
#include <QInputMethodEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>
#include <QVBoxLayout>

#include <gtest/gtest.h>

#include <functional>

using namespace madoguchi;
using madoguchi::test::child;
using madoguchi::test::CustomerFixture;

namespace {

// Text as an input method commits it (kana, full-width digits).
void commit(QWidget *widget, const QString &text)
{
    QInputMethodEvent ime;
    ime.setCommitString(text);
    QApplication::sendEvent(widget, &ime);
}

// A picker in a dialog with a default button, as the dialogs hold it.
struct PickerInADialog
{
    CustomerFixture f;
    QDialog dialog;
    CustomerPicker *picker = new CustomerPicker(&dialog);
    QPushButton *ok = new QPushButton(QStringLiteral("OK"), &dialog);

    PickerInADialog()
    {
        auto *layout = new QVBoxLayout(&dialog);
        layout->addWidget(picker);
        layout->addWidget(ok);
        ok->setDefault(true);
        QObject::connect(ok, &QPushButton::clicked, &dialog, &QDialog::accept);
        picker->setSearch(f.db.database(), QStringLiteral("JP"));
        dialog.show();
        picker->setFocus();
    }
    QLineEdit *edit() const { return child<QLineEdit>(picker, "customerEdit"); }
    QListWidget *list() const { return child<QListWidget>(picker, "candidateList"); }
    QString status() const { return child<QLabel>(picker, "customerStatus")->text(); }
    bool waitForStatus() const
    {
        return QTest::qWaitFor([&] { return !status().isEmpty(); }, 2'000);
    }
};

} // namespace

TEST(CustomerPicker, FindsTheCustomerByTheirNumberWrittenInAnyForm)
{
    PickerInADialog p;
    for (const QString &typed : {QStringLiteral("+81 3-1234-5678"), QStringLiteral("０３（１２３４）５６７８"),
                                 QStringLiteral("0312345678")}) {
        p.edit()->clear();
        commit(p.edit(), typed);
        ASSERT_TRUE(QTest::qWaitFor([&] { return !p.picker->customer().isNull(); }, 2'000)) << typed.toStdString();
        EXPECT_EQ(p.picker->customer(), p.f.ids.value(QStringLiteral("山田 太郎")));
        EXPECT_TRUE(p.status().startsWith(QStringLiteral("✔ 山田 太郎 (ヤマダ タロウ) · 株式会社山田商事")))
            << p.status().toStdString();
    }
}

TEST(CustomerPicker, KanaListsTheMatchesAndTheKeyboardChoosesOne)
{
    PickerInADialog p;
    QSignalSpy confirmed(p.picker, &CustomerPicker::choiceConfirmed);
    commit(p.edit(), QStringLiteral("やまだ"));
    ASSERT_TRUE(p.waitForStatus());
    ASSERT_TRUE(p.list()->isVisible());
    QStringList rows;
    for (int i = 0; i < p.list()->count(); ++i)
        rows << p.list()->item(i)->text().section(QStringLiteral(" ("), 0, 0);
    EXPECT_TRUE(rows.contains(QStringLiteral("山田 太郎"))) << rows.join(u'|').toStdString();
    EXPECT_TRUE(rows.contains(QStringLiteral("山田 花子"))) << rows.join(u'|').toStdString();
    EXPECT_TRUE(p.picker->customer().isNull()); // several match: nothing is chosen for the agent

    QTest::keyClick(p.edit(), Qt::Key_Down); // into the list
    EXPECT_TRUE(p.list()->hasFocus());
    EXPECT_EQ(p.list()->currentRow(), 0);
    QTest::keyClick(p.list(), Qt::Key_Up); // and back to the text
    EXPECT_TRUE(p.edit()->hasFocus());
    QTest::keyClick(p.edit(), Qt::Key_Return); // Enter goes to the list too
    ASSERT_TRUE(p.list()->hasFocus());
    QTest::keyClick(p.list(), Qt::Key_Down);
    const QUuid second = p.list()->item(1)->data(Qt::UserRole).toUuid();
    QTest::keyClick(p.list(), Qt::Key_Return);
    EXPECT_EQ(p.picker->customer(), second);
    EXPECT_FALSE(p.list()->isVisible());
    EXPECT_EQ(confirmed.count(), 1);
    EXPECT_NE(p.dialog.result(), QDialog::Accepted); // Enter never reached the default button
    EXPECT_TRUE(p.dialog.isVisible());
}

TEST(CustomerPicker, EnterTakesTheOnlyMatchAndEditingDropsIt)
{
    PickerInADialog p;
    QSignalSpy changed(p.picker, &CustomerPicker::customerChanged);
    commit(p.edit(), QStringLiteral("たなか"));
    // Enter before the typing pause is over: the search runs at once.
    QTest::keyClick(p.edit(), Qt::Key_Return);
    EXPECT_EQ(p.picker->customer(), p.f.ids.value(QStringLiteral("田中 美咲")));
    EXPECT_TRUE(p.dialog.isVisible());
    ASSERT_EQ(changed.count(), 1);

    QTest::keyClick(p.edit(), Qt::Key_Backspace);
    EXPECT_TRUE(p.picker->customer().isNull()); // at once, not after the pause
    ASSERT_EQ(changed.count(), 2);
    EXPECT_TRUE(changed.at(1).at(0).toUuid().isNull());
}

// Where a caller may be someone new of that name (a call), a name that finds
// one customer is listed for the agent to confirm. Elsewhere (a ticket, which
// offers a new customer only when nobody is found) the only customer found
// is taken.
TEST(CustomerPicker, TheOnlyCustomerFoundIsTakenUnlessANameMatchIsToBeConfirmed)
{
    for (const auto &[offersNew, confirms] : {std::pair{false, false}, std::pair{true, false}, std::pair{true, true}}) {
        SCOPED_TRACE(testing::Message() << "offers new " << offersNew << ", confirms " << confirms);
        PickerInADialog p;
        p.picker->setOffersNewCustomer(offersNew);
        p.picker->setConfirmsNameMatch(confirms);
        commit(p.edit(), QStringLiteral("たなか"));
        ASSERT_TRUE(p.waitForStatus());
        EXPECT_EQ(p.picker->customer().isNull(), confirms);
        EXPECT_EQ(p.list()->isVisible(), confirms);
        if (!confirms) {
            EXPECT_EQ(p.picker->customer(), p.f.ids.value(QStringLiteral("田中 美咲")));
        }
    }
}

TEST(CustomerPicker, AnUnknownNumberIsOfferedAsANewCaller)
{
    PickerInADialog p;
    p.picker->setOffersNewCustomer(true);
    QSignalSpy requested(p.picker, &CustomerPicker::newCustomerRequested);
    QTest::keyClicks(p.edit(), QStringLiteral("09099998888"));
    QTest::keyClick(p.edit(), Qt::Key_Return);
    EXPECT_EQ(p.status(), QStringLiteral("090-9999-8888 is not a known number."));
    auto *create = child<QPushButton>(p.picker, "createCustomerButton");
    ASSERT_TRUE(create->isVisible());
    QTest::mouseClick(create, Qt::LeftButton);
    ASSERT_EQ(requested.count(), 1);
    EXPECT_EQ(requested.at(0).at(0).toString(), QString());
    EXPECT_EQ(requested.at(0).at(1).toString(), QStringLiteral("090-9999-8888"));

    // A name nobody has is offered as the new customer's name.
    p.edit()->clear();
    commit(p.edit(), QStringLiteral("森 結衣"));
    QTest::keyClick(p.edit(), Qt::Key_Return);
    ASSERT_TRUE(create->isVisible());
    QTest::mouseClick(create, Qt::LeftButton);
    ASSERT_EQ(requested.count(), 2);
    EXPECT_EQ(requested.at(1).at(0).toString(), QStringLiteral("森 結衣"));
}

TEST(CustomerPicker, WithoutNewCustomersAnUnknownNumberSaysToAddThemFirst)
{
    PickerInADialog p;
    QTest::keyClicks(p.edit(), QStringLiteral("090-9999-8888"));
    QTest::keyClick(p.edit(), Qt::Key_Return);
    EXPECT_TRUE(p.status().startsWith(QStringLiteral("090-9999-8888 is not a known number. Add the customer first")))
        << p.status().toStdString();
    EXPECT_FALSE(child<QPushButton>(p.picker, "createCustomerButton")->isVisible());
}

namespace {

// Each dialog that finds its customer with the picker, and the field the
// agent goes on with once the customer is chosen.
struct PickerHost
{
    const char *name;
    std::function<QDialog *(const Database &)> open;
    const char *nextField;
    bool offersNewCustomer;
};

// Failures name the dialog, not the bytes of the parameter.
void PrintTo(const PickerHost &host, std::ostream *os)
{
    *os << host.name;
}

class PickerInEveryDialog : public ::testing::TestWithParam<PickerHost>
{};

std::string hostName(const ::testing::TestParamInfo<PickerHost> &info)
{
    return info.param.name;
}

} // namespace

INSTANTIATE_TEST_SUITE_P(Dialogs, PickerInEveryDialog,
                         ::testing::Values(PickerHost{"LogInteractionDialog",
                                                      [](const Database &db) {
                                                          return new LogInteractionDialog(db, QStringLiteral("JP"), {});
                                                      },
                                                      "notesEdit", true},
                                           // As the window opens it: a customer nobody has is added from it.
                                           PickerHost{"NewTicketDialog",
                                                      [](const Database &db) {
                                                          auto *dialog = new NewTicketDialog(db, QStringLiteral("JP"),
                                                                                             {});
                                                          dialog->setOffersNewCustomer(true);
                                                          return dialog;
                                                      },
                                                      "subjectEdit", true}),
                         hostName);

TEST_P(PickerInEveryDialog, FindsByNumberAndKanaAndEnterChoosesButNeverSaves)
{
    CustomerFixture f;
    std::unique_ptr<QDialog> dialog(GetParam().open(f.db.database()));
    dialog->show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(dialog.get()));
    auto *picker = child<CustomerPicker>(dialog.get(), "customerPicker");
    ASSERT_NE(picker, nullptr);
    auto *edit = child<QLineEdit>(picker, "customerEdit");
    EXPECT_TRUE(edit->hasFocus());

    QTest::keyClicks(edit, QStringLiteral("+81 3 1234 5678"));
    ASSERT_TRUE(QTest::qWaitFor([&] { return !picker->customer().isNull(); }, 2'000));
    EXPECT_EQ(picker->customer(), f.ids.value(QStringLiteral("山田 太郎")));

    edit->clear();
    commit(edit, QStringLiteral("やまぐち")); // the reading is stored in half-width kana
    QTest::keyClick(edit, Qt::Key_Return);
    EXPECT_EQ(picker->customer(), f.ids.value(QStringLiteral("山口 ゆき")));
    EXPECT_TRUE(child<QWidget>(dialog.get(), GetParam().nextField)->hasFocus());
    EXPECT_TRUE(dialog->isVisible());
    EXPECT_NE(dialog->result(), QDialog::Accepted);
}

TEST_P(PickerInEveryDialog, AnUnknownNumberIsSaidSoAndOfferedWhereNewCallersAreTaken)
{
    CustomerFixture f;
    std::unique_ptr<QDialog> dialog(GetParam().open(f.db.database()));
    dialog->show();
    auto *edit = child<QLineEdit>(dialog.get(), "customerEdit");
    QTest::keyClicks(edit, QStringLiteral("090-9999-8888"));
    QTest::keyClick(edit, Qt::Key_Return);
    EXPECT_TRUE(child<QLabel>(dialog.get(), "customerStatus")
                    ->text()
                    .startsWith(QStringLiteral("090-9999-8888 is not a known number.")));
    EXPECT_EQ(child<QPushButton>(dialog.get(), "createCustomerButton")->isVisible(), GetParam().offersNewCustomer);
    EXPECT_TRUE(dialog->isVisible());
}

TEST_P(PickerInEveryDialog, SavingRightAfterTypingFindsTheCustomerJustTyped)
{
    CustomerFixture f;
    std::unique_ptr<QDialog> dialog(GetParam().open(f.db.database()));
    dialog->show();
    child<QLineEdit>(dialog.get(), "subjectEdit")->setText(QStringLiteral("請求書"));
    QTest::keyClicks(child<QLineEdit>(dialog.get(), "customerEdit"), QStringLiteral("090-1111-2222"));
    dialog->accept(); // before the typing pause is over
    EXPECT_EQ(dialog->result(), QDialog::Accepted);
    EXPECT_EQ(f.db.scalar(QStringLiteral("SELECT count(*) FROM customers c JOIN interactions i ON i.customer_id = c.id "
                                         "WHERE c.name = '山田 花子'"))
                      .toInt()
                  + f.db.scalar(QStringLiteral("SELECT count(*) FROM customers c JOIN tickets t ON t.customer_id = c.id "
                                               "WHERE c.name = '山田 花子'"))
                        .toInt(),
              1);
}
