// Adding a customer by hand: the form of the 360° view and its checks, and
// the customers already on file pointed out before the save.
#include "customerfixture.h"
#include "customers/newcustomerdialog.h"
#include "repositories/customerrepository.h"
#include "repositories/directoryrepository.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFrame>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTest>
#include <QTranslator>

#include <gtest/gtest.h>

using namespace madoguchi;
using madoguchi::test::child;
using madoguchi::test::CustomerFixture;
using madoguchi::test::TempDatabase;

namespace {

const QString kRegion = QStringLiteral("JP");

int count(TempDatabase &db, const QString &sql) {
  return db.scalar(sql).toInt();
}

int customers(TempDatabase &db) {
  return count(db,
               QStringLiteral(
                   "SELECT count(*) FROM customers WHERE deleted_at IS NULL"));
}

int outbox(TempDatabase &db) {
  return count(db, QStringLiteral("SELECT count(*) FROM sync_outbox"));
}

// Fills the dialog's form as an agent would: name, phones, e-mails.
void fill(QWidget *dialog, const QString &name, const QString &phones,
          const QString &emails = {}) {
  child<QLineEdit>(dialog, "nameEdit")->setText(name);
  child<QPlainTextEdit>(dialog, "phonesEdit")->setPlainText(phones);
  child<QPlainTextEdit>(dialog, "emailsEdit")->setPlainText(emails);
}

QPushButton *saveButton(QWidget *dialog) {
  return child<QDialogButtonBox>(dialog, "buttons")
      ->button(QDialogButtonBox::Save);
}

QStringList existingShown(QWidget *dialog) {
  QStringList rows;
  if (!child<QFrame>(dialog, "existingBox")->isVisible())
    return rows;
  const auto *list = child<QListWidget>(dialog, "existingList");
  for (int i = 0; i < list->count(); ++i)
    rows << list->item(i)->text();
  return rows;
}

} // namespace

TEST(NewCustomer,
     RefusesAnInvalidPhoneOrEmailWithTheTranslatedReasonAndSavesNothing) {
  const QString english =
      PhoneNumber::parse(QStringLiteral("03-1234"), kRegion).error().message;
  QTranslator japanese;
  ASSERT_TRUE(japanese.load(QStringLiteral(":/i18n/madoguchi_ja.qm")));
  QCoreApplication::installTranslator(&japanese);
  const QString phoneReason =
      PhoneNumber::parse(QStringLiteral("03-1234"), kRegion).error().message;
  const QString emailReason =
      EmailAddress::parse(QStringLiteral("taro@")).error().message;
  {
    TempDatabase db;
    NewCustomerDialog dialog(db.database(), kRegion, {});
    dialog.show();
    fill(&dialog, QStringLiteral("山田 太郎"), QStringLiteral("03-1234"),
         QStringLiteral("taro@"));
    QTest::mouseClick(saveButton(&dialog), Qt::LeftButton);
    EXPECT_TRUE(dialog.isVisible());
    EXPECT_NE(dialog.result(), QDialog::Accepted);
    // The same words as the 360° view: "the value: the reason", in Japanese.
    EXPECT_NE(phoneReason, english);
    EXPECT_TRUE(
        dialog.errorText().contains(QStringLiteral("03-1234: ") + phoneReason))
        << dialog.errorText().toStdString();
    EXPECT_TRUE(
        dialog.errorText().contains(QStringLiteral("taro@: ") + emailReason))
        << dialog.errorText().toStdString();
    EXPECT_EQ(customers(db), 0);
    EXPECT_EQ(outbox(db), 0);
  }
  QCoreApplication::removeTranslator(&japanese);
}

TEST(NewCustomer, SavesOneCustomerWithItsContactsCompanyAndOutboxRows) {
  TempDatabase db; // created by Database::open, nothing in it
  const QUuid agent = QUuid::createUuid();
  NewCustomerDialog dialog(db.database(), kRegion, agent);
  dialog.show();
  fill(&dialog, QStringLiteral("森 結衣"),
       QStringLiteral("０９０－５５５５－６６６６\n03 1234 5678"),
       QStringLiteral("Yui.Mori@Example.JP"));
  child<QLineEdit>(&dialog, "readingEdit")
      ->setText(QStringLiteral("もり ゆい"));
  child<QComboBox>(&dialog, "companyCombo")
      ->setEditText(QStringLiteral("ｱｵｿﾞﾗ商会"));
  auto *tier = child<QComboBox>(&dialog, "tierCombo");
  tier->setCurrentIndex(tier->findData(toKey(CustomerTier::Vip)));
  child<QLineEdit>(&dialog, "tagsEdit")->setText(QStringLiteral("紹介, 法人"));
  child<QLineEdit>(&dialog, "addressEdit")
      ->setText(QStringLiteral("東京都千代田区1-1"));
  child<QPlainTextEdit>(&dialog, "notesEdit")
      ->setPlainText(QStringLiteral("午前中希望"));
  QTest::mouseClick(saveButton(&dialog), Qt::LeftButton);
  ASSERT_EQ(dialog.result(), QDialog::Accepted)
      << dialog.errorText().toStdString();
  EXPECT_TRUE(dialog.createdNew());

  ASSERT_EQ(customers(db), 1);
  const Customer saved =
      CustomerRepository(db.connection()).get(dialog.customer()).value();
  EXPECT_EQ(saved.name, QStringLiteral("森 結衣"));
  EXPECT_EQ(saved.nameReading, QStringLiteral("モリ ユイ"));
  EXPECT_EQ(saved.tier, CustomerTier::Vip);
  EXPECT_EQ(saved.tags,
            (QStringList{QStringLiteral("紹介"), QStringLiteral("法人")}));
  EXPECT_EQ(saved.address, QStringLiteral("東京都千代田区1-1"));
  EXPECT_EQ(saved.notes, QStringLiteral("午前中希望"));
  EXPECT_EQ(saved.meta.createdBy, agent);
  QStringList contacts;
  for (const ContactPoint &p : saved.contacts)
    contacts << QStringLiteral("%1 %2%3").arg(
        toKey(p.kind), p.value,
        p.primary ? QStringLiteral(" primary") : QString());
  contacts.sort();
  EXPECT_EQ(contacts,
            (QStringList{QStringLiteral("email Yui.Mori@example.jp primary"),
                         QStringLiteral("phone +81312345678"),
                         QStringLiteral("phone +819055556666 primary")}))
      << contacts.join(u'|').toStdString();
  EXPECT_EQ(DirectoryRepository(db.connection())
                .organization(saved.organizationId)
                ->name,
            QStringLiteral("アオゾラ商会"));
  // One outbox row for each row written, in the same transaction.
  EXPECT_EQ(count(db, QStringLiteral("SELECT count(*) FROM sync_outbox WHERE "
                                     "entity = 'customers' AND op = 'insert'")),
            1);
  EXPECT_EQ(count(db, QStringLiteral("SELECT count(*) FROM sync_outbox WHERE "
                                     "entity = 'customer_contacts'")),
            3);
  EXPECT_EQ(count(db, QStringLiteral("SELECT count(*) FROM sync_outbox WHERE "
                                     "entity = 'organizations'")),
            1);
  EXPECT_EQ(outbox(db), 5);
}

TEST(
    NewCustomer,
    TheSameNumberWrittenDifferentlyIsPointedOutAndNothingIsSavedUntilCreateAnyway) {
  TempDatabase db;
  {
    NewCustomerDialog first(db.database(), kRegion, {});
    fill(&first, QStringLiteral("山田 太郎"), QStringLiteral("03-1234-5678"));
    first.accept();
    ASSERT_EQ(first.result(), QDialog::Accepted)
        << first.errorText().toStdString();
  }
  const int outboxBefore = outbox(db);

  NewCustomerDialog dialog(db.database(), kRegion, {});
  dialog.show();
  fill(&dialog, QStringLiteral("山田 タロウ"), QStringLiteral("+81312345678"));
  QTest::mouseClick(saveButton(&dialog), Qt::LeftButton);
  EXPECT_TRUE(dialog.isVisible());
  EXPECT_EQ(
      existingShown(&dialog),
      QStringList{QStringLiteral("山田 太郎 — same phone number 03-1234-5678")})
      << existingShown(&dialog).join(u'|').toStdString();
  EXPECT_EQ(saveButton(&dialog)->text(), QStringLiteral("Create &Anyway"));
  EXPECT_EQ(customers(db), 1);
  EXPECT_EQ(outbox(db), outboxBefore);

  // A number changed after the warning is checked again: still the same
  // customer's.
  child<QPlainTextEdit>(&dialog, "phonesEdit")
      ->setPlainText(QStringLiteral("(03) 1234-5678"));
  EXPECT_TRUE(existingShown(&dialog).isEmpty());
  EXPECT_EQ(saveButton(&dialog)->text(), QStringLiteral("&Create Customer"));
  QTest::mouseClick(saveButton(&dialog), Qt::LeftButton);
  EXPECT_EQ(existingShown(&dialog).size(), 1);
  EXPECT_EQ(customers(db), 1);

  QTest::mouseClick(saveButton(&dialog), Qt::LeftButton); // Create Anyway
  ASSERT_EQ(dialog.result(), QDialog::Accepted)
      << dialog.errorText().toStdString();
  EXPECT_TRUE(dialog.createdNew());
  EXPECT_EQ(customers(db), 2);
  EXPECT_EQ(CustomerRepository(db.connection()).get(dialog.customer())->name,
            QStringLiteral("山田 タロウ"));
}

TEST(NewCustomer,
     TheSameEmailIsPointedOutAndOpenExistingGoesOnWithThatCustomer) {
  CustomerFixture f;
  const int before = customers(f.db);
  const int outboxBefore = outbox(f.db);
  NewCustomerDialog dialog(f.db.database(), kRegion, {});
  dialog.show();
  fill(&dialog, QStringLiteral("山田 T."), QString(),
       QStringLiteral("Taro@Yamada.Example.jp"));
  QTest::keyClick(child<QLineEdit>(&dialog, "nameEdit"),
                  Qt::Key_Return); // Enter saves, as in any dialog
  EXPECT_EQ(
      existingShown(&dialog),
      QStringList{QStringLiteral("山田 太郎 · 株式会社山田商事 — same e-mail "
                                 "address Taro@yamada.example.jp")})
      << existingShown(&dialog).join(u'|').toStdString();
  EXPECT_EQ(customers(f.db), before);
  EXPECT_EQ(outbox(f.db), outboxBefore);

  QTest::mouseClick(child<QPushButton>(&dialog, "openExistingButton"),
                    Qt::LeftButton);
  EXPECT_EQ(dialog.result(), QDialog::Accepted);
  EXPECT_FALSE(dialog.createdNew());
  EXPECT_EQ(dialog.customer(), f.ids.value(QStringLiteral("山田 太郎")));
  EXPECT_EQ(customers(f.db), before);
  EXPECT_EQ(outbox(f.db), outboxBefore);
}

TEST(NewCustomer, StartsFromWhatWasTypedWhereTheCustomerWasLookedFor) {
  TempDatabase db;
  NewCustomerDialog dialog(db.database(), kRegion, {});
  dialog.prefill(QStringLiteral("森 結衣"), QString());
  EXPECT_EQ(child<QLineEdit>(&dialog, "nameEdit")->text(),
            QStringLiteral("森 結衣"));
  dialog.prefill(QString(), QStringLiteral("090-7777-8888"));
  EXPECT_EQ(child<QLineEdit>(&dialog, "nameEdit")->text(), QString());
  EXPECT_EQ(child<QPlainTextEdit>(&dialog, "phonesEdit")->toPlainText(),
            QStringLiteral("090-7777-8888"));
  dialog.prefill(QStringLiteral("yui@example.jp"), QString());
  EXPECT_EQ(child<QLineEdit>(&dialog, "nameEdit")->text(), QString());
  EXPECT_EQ(child<QPlainTextEdit>(&dialog, "emailsEdit")->toPlainText(),
            QStringLiteral("yui@example.jp"));
}
