// The customer list page driven from the keyboard, as an agent on a call uses it.
#include "customerfixture.h"
#include "customers/customerspage.h"
#include "models/customerlistmodel.h"
#include "shell/mainwindow.h"

#include <QApplication>
#include <QInputMethodEvent>
#include <QLineEdit>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>
#include <QToolButton>

#include <gtest/gtest.h>

using namespace madoguchi;
using madoguchi::test::CustomerFixture;

namespace {

QStringList names(const QAbstractItemModel *model)
{
    QStringList out;
    for (int r = 0; r < model->rowCount(); ++r)
        out << model->index(r, CustomerListModel::Name).data().toString();
    return out;
}

} // namespace

TEST(CustomersPage, TypingSearchesAndEnterGoesToTheBestMatch)
{
    CustomerFixture f;
    CustomersPage page(f.db.database(), QStringLiteral("JP"));
    page.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&page));
    auto *search = page.findChild<QLineEdit *>(QStringLiteral("searchEdit"));
    auto *table = page.findChild<QTableView *>(QStringLiteral("table"));
    page.focusSearch();
    QTest::keyClicks(search, QStringLiteral("090-1111"));
    ASSERT_TRUE(QTest::qWaitFor([&] { return page.model()->searchText() == u"090-1111"; }, 2'000));
    EXPECT_EQ(names(page.model()), QStringList{QStringLiteral("山田 花子")});

    QSignalSpy activated(&page, &CustomersPage::customerActivated);
    QTest::keyClick(search, Qt::Key_Return);
    EXPECT_TRUE(table->hasFocus());
    EXPECT_EQ(table->currentIndex().row(), 0);
    QTest::keyClick(table, Qt::Key_Return);
    ASSERT_EQ(activated.count(), 1);
    EXPECT_EQ(activated.constFirst().constFirst().toUuid(), f.ids.value(QStringLiteral("山田 花子")));

    // Japanese arrives from the input method as a committed string; Enter
    // straight after it does not wait for the pause in typing.
    search->clear();
    QInputMethodEvent ime;
    ime.setCommitString(QStringLiteral("山田"));
    QApplication::sendEvent(search, &ime);
    QTest::keyClick(search, Qt::Key_Return);
    EXPECT_EQ(names(page.model()), (QStringList{QStringLiteral("山田 太郎"), QStringLiteral("山田 花子")}));

    search->clear();
    ASSERT_TRUE(QTest::qWaitFor([&] { return page.model()->searchText().isEmpty(); }, 2'000));
    EXPECT_EQ(page.model()->rowCount(), 8);
}

TEST(CustomersPage, KanaIndexJumpsThroughTheReadingOrder)
{
    CustomerFixture f;
    CustomersPage page(f.db.database(), QStringLiteral("JP"));
    page.show();
    QToolButton *ta = nullptr;
    QToolButton *all = nullptr;
    for (auto *b : page.findChildren<QToolButton *>()) {
        if (b->text() == u"た")
            ta = b;
        if (b->text() == u"All")
            all = b;
    }
    ASSERT_NE(ta, nullptr);
    ASSERT_NE(all, nullptr);
    QTest::mouseClick(ta, Qt::LeftButton);
    EXPECT_EQ(names(page.model()).constFirst(), QStringLiteral("田中 美咲"));
    QTest::mouseClick(all, Qt::LeftButton);
    EXPECT_EQ(names(page.model()).constFirst(), QStringLiteral("Alice Smith"));
}

TEST(CustomersPage, CtrlFFromAnywhereFocusesTheSearch)
{
    QTemporaryDir dir;
    auto db = Database::open(dir.filePath(QStringLiteral("x.sqlite")));
    ASSERT_TRUE(db);
    MainWindow window(std::move(db.value()));
    window.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&window));
    window.showPage(MainWindow::Page::Settings);
    QTest::keyClick(&window, Qt::Key_F, Qt::ControlModifier);
    EXPECT_EQ(window.currentPage(), MainWindow::Page::Customers);
    EXPECT_EQ(QApplication::focusWidget(), window.customersPage()->findChild<QLineEdit *>(QStringLiteral("searchEdit")));
}
