// The 360° view: opened from the list with the keyboard, edited in place,
// invalid input refused with a reason and nothing saved.
#include "customerfixture.h"
#include "customers/customerspage.h"
#include "customers/customerview.h"
#include "customers/loginteractiondialog.h"
#include "models/customerlistmodel.h"
#include "models/customertimelinemodel.h"
#include "repositories/customerrepository.h"
#include "repositories/customersearch.h"
#include "repositories/directoryrepository.h"
#include "repositories/interactionrepository.h"
#include "services/interactionlog.h"
#include "shell/mainwindow.h"

#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QStackedWidget>
#include <QTableView>
#include <QTest>

#include <gtest/gtest.h>

using namespace madoguchi;
using madoguchi::test::child;
using madoguchi::test::CustomerFixture;

namespace {} // namespace

TEST(CustomerView, ShowsTheProfileAndHistory)
{
    CustomerFixture f;
    Interaction call;
    call.customerId = f.ids.value(QStringLiteral("山田 太郎"));
    call.startedAt = QDateTime::currentDateTimeUtc();
    call.notes = QStringLiteral("請求書の件");
    ASSERT_TRUE(InteractionLog(f.db.connection(), {}).add(call));
    CustomerView view(f.db.database(), QStringLiteral("JP"));
    view.showCustomer(f.ids.value(QStringLiteral("山田 太郎")));
    EXPECT_EQ(child<QLineEdit>(&view, "nameEdit")->text(), QStringLiteral("山田 太郎"));
    EXPECT_EQ(child<QLineEdit>(&view, "readingEdit")->text(), QStringLiteral("ヤマダ タロウ"));
    EXPECT_EQ(child<QPlainTextEdit>(&view, "phonesEdit")->toPlainText(), QStringLiteral("03-1234-5678"));
    EXPECT_EQ(child<QPlainTextEdit>(&view, "emailsEdit")->toPlainText(), QStringLiteral("taro@yamada.example.jp"));
    EXPECT_EQ(child<QComboBox>(&view, "companyCombo")->currentText(), QStringLiteral("株式会社山田商事"));
    ASSERT_EQ(view.timeline()->rowCount(), 1);
    EXPECT_EQ(view.timeline()->index(0).data(CustomerTimelineModel::DetailRole).toString(),
              QStringLiteral("請求書の件"));
    EXPECT_FALSE(view.hasUnsavedChanges());
}

TEST(CustomerView, FollowsTheCustomerChangedElsewhereButKeepsTheAgentsEdits)
{
    CustomerFixture f;
    const QUuid id = f.ids.value(QStringLiteral("山田 太郎"));
    CustomerView view(f.db.database(), QStringLiteral("JP"));
    view.show();
    view.showCustomer(id);
    auto rename = [&](const QString &name) {
        Customer c = CustomerRepository(f.db.connection()).get(id).value();
        c.name = name;
        ASSERT_TRUE(CustomerRepository(f.db.connection()).update(c));
    };
    rename(QStringLiteral("山田 太郎 (本社)"));
    EXPECT_TRUE(
        QTest::qWaitFor([&] { return child<QLineEdit>(&view, "nameEdit")->text() == QStringLiteral("山田 太郎 (本社)"); },
                        5000));
    EXPECT_EQ(child<QLabel>(&view, "nameLabel")->text(), QStringLiteral("山田 太郎 (本社)"));

    // While the agent edits, what they typed stays.
    child<QPlainTextEdit>(&view, "notesEdit")->setPlainText(QStringLiteral("折り返し希望"));
    rename(QStringLiteral("山田 太郎 (支社)"));
    QTest::qWait(300);
    EXPECT_EQ(child<QPlainTextEdit>(&view, "notesEdit")->toPlainText(), QStringLiteral("折り返し希望"));
    EXPECT_EQ(child<QLineEdit>(&view, "nameEdit")->text(), QStringLiteral("山田 太郎 (本社)"));
    EXPECT_TRUE(view.hasUnsavedChanges());
}

TEST(CustomerView, InvalidFieldsAreRefusedWithAReasonAndNothingIsSaved)
{
    CustomerFixture f;
    CustomerView view(f.db.database(), QStringLiteral("JP"));
    view.showCustomer(f.ids.value(QStringLiteral("山田 太郎")));
    const int outbox = f.db.scalar(QStringLiteral("SELECT count(*) FROM sync_outbox")).toInt();
    child<QPlainTextEdit>(&view, "phonesEdit")->setPlainText(QStringLiteral("03-1234-5678\n03-1234"));
    child<QPlainTextEdit>(&view, "emailsEdit")->setPlainText(QStringLiteral("taro@"));
    child<QLineEdit>(&view, "readingEdit")->setText(QStringLiteral("山田"));
    child<QPlainTextEdit>(&view, "notesEdit")->setPlainText(QStringLiteral("午前中に連絡"));
    EXPECT_TRUE(view.hasUnsavedChanges());
    EXPECT_FALSE(view.save());
    const QString error = view.errorText();
    EXPECT_TRUE(error.contains(QStringLiteral("03-1234"))) << error.toStdString();
    EXPECT_TRUE(error.contains(QStringLiteral("taro@"))) << error.toStdString();
    EXPECT_TRUE(error.contains(QStringLiteral("reading"))) << error.toStdString();
    EXPECT_EQ(f.db.scalar(QStringLiteral("SELECT count(*) FROM sync_outbox")).toInt(), outbox);
    EXPECT_EQ(CustomerRepository(f.db.connection()).get(view.customer())->notes, QString());
}

TEST(CustomerView, SavesChangesKeepingUnchangedContacts)
{
    CustomerFixture f;
    const QUuid taro = f.ids.value(QStringLiteral("山田 太郎"));
    const QUuid phoneId = CustomerRepository(f.db.connection()).get(taro)->contacts.constFirst().id;
    CustomerView view(f.db.database(), QStringLiteral("JP"));
    view.show();
    ASSERT_TRUE(QTest::qWaitForWindowActive(&view));
    view.showCustomer(taro);
    child<QPlainTextEdit>(&view, "notesEdit")->setFocus();
    child<QPlainTextEdit>(&view, "phonesEdit")->setPlainText(QStringLiteral("03-1234-5678\n０９０－５５５５－６６６６"));
    child<QLineEdit>(&view, "tagsEdit")->setText(QStringLiteral("長期契約, 要フォロー"));
    child<QPlainTextEdit>(&view, "notesEdit")->setPlainText(QStringLiteral("午前中に連絡"));
    QTest::keyClick(child<QPlainTextEdit>(&view, "notesEdit"), Qt::Key_S, Qt::ControlModifier);
    EXPECT_TRUE(view.errorText().isEmpty()) << view.errorText().toStdString();
    const Customer saved = CustomerRepository(f.db.connection()).get(taro).value();
    EXPECT_EQ(saved.notes, QStringLiteral("午前中に連絡"));
    EXPECT_EQ(saved.tags, (QStringList{QStringLiteral("長期契約"), QStringLiteral("要フォロー")}));
    ASSERT_EQ(saved.phones().size(), 2);
    EXPECT_EQ(saved.phones().at(1).e164(), QStringLiteral("+819055556666"));
    const auto kept = std::find_if(saved.contacts.begin(), saved.contacts.end(),
                                   [&](const ContactPoint &p) { return p.id == phoneId; });
    EXPECT_NE(kept, saved.contacts.end()); // the unchanged number kept its id (no delete + insert to sync)
    EXPECT_FALSE(view.hasUnsavedChanges());
}

TEST(CustomerView, ChoosesOrCreatesTheCompany)
{
    CustomerFixture f;
    const QUuid misaki = f.ids.value(QStringLiteral("田中 美咲"));
    CustomerView view(f.db.database(), QStringLiteral("JP"));
    view.showCustomer(misaki);
    auto *company = child<QComboBox>(&view, "companyCombo");
    company->setEditText(QStringLiteral("株式会社山田商事"));
    ASSERT_TRUE(view.save()) << view.errorText().toStdString();
    const QUuid yamadaShoji
        = CustomerRepository(f.db.connection()).get(f.ids.value(QStringLiteral("山田 太郎")))->organizationId;
    EXPECT_EQ(CustomerRepository(f.db.connection()).get(misaki)->organizationId, yamadaShoji);

    company->setEditText(QStringLiteral("ｱｵｿﾞﾗ商会")); // half-width, stored in its usual form
    ASSERT_TRUE(view.save()) << view.errorText().toStdString();
    const QUuid created = CustomerRepository(f.db.connection()).get(misaki)->organizationId;
    EXPECT_NE(created, yamadaShoji);
    EXPECT_EQ(DirectoryRepository(f.db.connection()).organization(created)->name, QStringLiteral("アオゾラ商会"));
    EXPECT_EQ(f.db.scalar(QStringLiteral("SELECT count(*) FROM organizations")).toInt(), 2);
    // Found by company name straight away.
    EXPECT_EQ(CustomerSearch(f.db.connection(), QStringLiteral("JP"))
                  .search(QStringLiteral("アオゾラ"))
                  ->constFirst()
                  .customer.id,
              misaki);

    company->setEditText(QString());
    ASSERT_TRUE(view.save());
    EXPECT_TRUE(CustomerRepository(f.db.connection()).get(misaki)->organizationId.isNull());
}

TEST(CustomerView, OpensFromTheListWithEnterAndEscapeGoesBack)
{
    CustomerFixture f;
    auto db = Database::open(f.db.path());
    ASSERT_TRUE(db);
    MainWindow window(std::move(db.value()));
    window.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&window));
    auto *table = window.customersPage()->findChild<QTableView *>(QStringLiteral("table"));
    table->setFocus();
    const int row = int(
        window.customersPage()
            ->model()
            ->match(window.customersPage()->model()->index(0, 0), Qt::DisplayRole, QStringLiteral("田中 美咲"))
            .constFirst()
            .row());
    table->setCurrentIndex(window.customersPage()->model()->index(row, 0));
    QTest::keyClick(table, Qt::Key_Return);
    auto *stack = window.findChild<QStackedWidget *>();
    ASSERT_EQ(stack->currentWidget(), window.customerView());
    EXPECT_EQ(window.customerView()->customer(), f.ids.value(QStringLiteral("田中 美咲")));

    // Log a call for this customer from the view: the dialog knows who it is.
    QTest::mouseClick(window.customerView()->findChild<QPushButton *>(QStringLiteral("logCallButton")), Qt::LeftButton);
    auto *dialog = window.findChild<LogInteractionDialog *>();
    ASSERT_NE(dialog, nullptr);
    EXPECT_EQ(dialog->selectedCustomer(), f.ids.value(QStringLiteral("田中 美咲")));
    delete dialog;

    QTest::keyClick(window.customerView(), Qt::Key_Escape);
    EXPECT_EQ(stack->currentWidget(), window.customersPage());
}
