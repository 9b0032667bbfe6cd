// The main window and a damaged or backed-up database, driven as a user
// would: the banner after an unclean shutdown found damage, the backups
// dialog, a restore that keeps the work not yet sent, the daily backup.
#include "repositories/customerrepository.h"
#include "shell/backupsdialog.h"
#include "shell/databasecare.h"
#include "shell/mainwindow.h"
#include "storage/backups.h"
#include "storage/database.h"
#include "storage/databasehealth.h"
#include "testsupport.h"

#include <QApplication>
#include <QFile>
#include <QLabel>
#include <QMessageBox>
#include <QProcess>
#include <QPushButton>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QTreeWidget>

#include <gtest/gtest.h>

using namespace madoguchi;
using namespace madoguchi::test;

namespace {

QUuid addCustomer(const Database &db, const QString &name)
{
    Customer c;
    c.name = name;
    const auto added = CustomerRepository(db.connection()).add(c);
    EXPECT_TRUE(added);
    return added ? added.value() : QUuid();
}

// The marker a process leaves while it has the file open, for one that is gone.
void leftOpenByACrash(const QTemporaryDir &dir)
{
    QProcess gone;
    gone.start(QStringLiteral("true"), {});
    ASSERT_TRUE(gone.waitForFinished());
    QFile marker(dir.filePath(QStringLiteral(".desk.sqlite.open-%1-1").arg(gone.processId())));
    ASSERT_TRUE(marker.open(QIODevice::WriteOnly));
}

} // namespace

TEST(BackupsDialog, ListsTheBackupsNewestFirstAndSaysWhatARestoreKeeps)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("desk.sqlite"));
    fillDatabase(path, 3000, true);
    BackupsDialog dialog(path, QTimeZone("Asia/Tokyo"));
    auto *list = dialog.findChild<QTreeWidget *>(QStringLiteral("backupList"));
    ASSERT_TRUE(list);
    ASSERT_EQ(list->topLevelItemCount(), 1);
    EXPECT_EQ(dialog.selectedBackup(), Backups(path).newest()->path);
    EXPECT_TRUE(dialog.planText().startsWith(QStringLiteral("1 change"))
                && dialog.planText().contains(QStringLiteral("carries")))
        << dialog.planText().toStdString();
    QSignalSpy restore(&dialog, &BackupsDialog::restoreRequested);
    QTest::mouseClick(dialog.findChild<QPushButton *>(QStringLiteral("restoreButton")), Qt::LeftButton);
    ASSERT_EQ(restore.size(), 1);
    EXPECT_EQ(restore.at(0).at(0).toString(), dialog.selectedBackup());
    QSignalSpy backUp(&dialog, &BackupsDialog::backUpRequested);
    QTest::mouseClick(dialog.findChild<QPushButton *>(QStringLiteral("backUpButton")), Qt::LeftButton);
    EXPECT_EQ(backUp.size(), 1);
}

// Left open by a crash and damaged: the window checks the pages in the
// background, says so in a banner, refuses to save; restoring the backup
// brings a sound file with the unsent work in it.
TEST(BackupsWidgets, ADamagedDatabaseIsNamedAndRestoredFromTheWindow)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("desk.sqlite"));
    fillDatabase(path, 3000, true);
    damagePages(path);
    leftOpenByACrash(dir);
    auto opened = Database::open(path);
    ASSERT_TRUE(opened) << opened.error().message.toStdString();
    ASSERT_TRUE(opened.value()->needsCheck());
    MainWindow window(std::move(opened.value()));
    QSignalSpy checked(window.databaseCare(), &DatabaseCare::checked);
    window.show();
    ASSERT_TRUE(checked.wait(20'000));
    EXPECT_FALSE(checked.at(0).at(0).toBool());
    QWidget *banner = window.databaseCare()->banner();
    EXPECT_TRUE(banner->isVisible());
    bool named = false;
    for (const QLabel *label : banner->findChildren<QLabel *>())
        named = named || label->text().contains(QStringLiteral("damaged"));
    EXPECT_TRUE(named);
    // Nothing can be saved now.
    Customer c;
    c.name = QStringLiteral("保存 不可");
    const auto refused = CustomerRepository(window.database().connection()).add(c);
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().code, Error::Code::Damaged);

    ASSERT_TRUE(window.restoreFromBackup(Backups(path).newest()->path));
    EXPECT_FALSE(banner->isVisible());
    EXPECT_FALSE(window.database().health().isDamaged());
    EXPECT_TRUE(DatabaseHealth::checkPages(window.database().connection())->isEmpty());
    QSqlQuery q(window.database().connection());
    ASSERT_TRUE(q.exec(QStringLiteral("SELECT count(*) FROM customers WHERE name = '未送信 の 顧客'")) && q.next());
    EXPECT_EQ(q.value(0).toInt(), 1);
    EXPECT_TRUE(CustomerRepository(window.database().connection()).add(c));
}

TEST(BackupsWidgets, TheWindowTakesTheDailyBackupInTheBackground)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("fresh.sqlite"));
    auto opened = Database::open(path);
    ASSERT_TRUE(opened);
    addCustomer(*opened.value(), QStringLiteral("山田 太郎"));
    MainWindow window(std::move(opened.value()));
    QSignalSpy backedUp(window.databaseCare(), &DatabaseCare::backedUp);
    window.databaseCare()->runDailyBackup();
    ASSERT_TRUE(backedUp.wait(20'000));
    ASSERT_EQ(Backups(path).list().size(), 1);
    // Not again the same day.
    window.databaseCare()->runDailyBackup();
    QTest::qWait(300);
    EXPECT_EQ(backedUp.size(), 1);
}

// A file too damaged to open at all: the start offers the newest backup
// and, when the user agrees, restores it and opens; when not, nothing
// changes. Another program's file is never offered a backup.
TEST(BackupsWidgets, AFileTooDamagedToOpenIsOfferedItsNewestBackupAtStart)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("desk.sqlite"));
    {
        auto db = Database::open(path);
        ASSERT_TRUE(db);
        addCustomer(*db.value(), QStringLiteral("山田 太郎"));
        ASSERT_TRUE(Backups(path).create(db.value()->connection()));
    }
    {
        QFile f(path);
        ASSERT_TRUE(f.open(QIODevice::ReadWrite));
        f.write(QByteArray(100, 'x')); // the header is gone
    }
    bool shown = false;
    answerNextMessageBox(QStringLiteral("Quit"), &shown);
    const auto declined = DatabaseCare::openAtStart(path, {});
    EXPECT_TRUE(shown);
    ASSERT_FALSE(declined);
    EXPECT_EQ(Backups(path).list().size(), 1); // nothing restored, nothing kept aside

    shown = false;
    answerNextMessageBox(QStringLiteral("Restore the Newest Backup"), &shown);
    const auto restored = DatabaseCare::openAtStart(path, {});
    EXPECT_TRUE(shown);
    ASSERT_TRUE(restored) << restored.error().message.toStdString();
    QSqlQuery q(restored.value()->connection());
    ASSERT_TRUE(q.exec(QStringLiteral("SELECT count(*) FROM customers WHERE name = '山田 太郎'")) && q.next());
    EXPECT_EQ(q.value(0).toInt(), 1);

    // Another program's SQLite file: refused, no backup offered.
    const QString foreign = dir.filePath(QStringLiteral("other.sqlite"));
    {
        QSqlDatabase other = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("foreign"));
        other.setDatabaseName(foreign);
        ASSERT_TRUE(other.open());
        ASSERT_TRUE(QSqlQuery(other).exec(QStringLiteral("CREATE TABLE t (x)")));
        other.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("foreign"));
    const auto refused = DatabaseCare::openAtStart(foreign, {});
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().code, Error::Code::NotADatabase);
}
