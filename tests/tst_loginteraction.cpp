// Logging a call: the service's all-or-nothing save, and the dialog driven
// with QTest as an agent uses it during a call.
#include "customerfixture.h"
#include "customers/loginteractiondialog.h"
#include "models/customertimelinemodel.h"
#include "repositories/interactionrepository.h"
#include "repositories/ticketrepository.h"
#include "services/interactionlog.h"
#include "shell/mainwindow.h"
#include "storage/draftstore.h"

#include <QApplication>
#include <QInputMethodEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTest>
#include <QTimer>

#include <gtest/gtest.h>

using namespace madoguchi;
using madoguchi::test::child;
using madoguchi::test::CustomerFixture;

namespace {

int count(madoguchi::test::TempDatabase &db, const char *sql)
{
    return db.scalar(QString::fromUtf8(sql)).toInt();
}

void typeJapanese(QWidget *widget, const QString &text)
{
    QInputMethodEvent ime;
    ime.setCommitString(text);
    QApplication::sendEvent(widget, &ime);
}

} // namespace

TEST(InteractionLog, SavesANewCallerAndTheirCallTogetherAndRemovesTheDraft)
{
    CustomerFixture f;
    ASSERT_TRUE(DraftStore(f.db.connection())
                    .save(QStringLiteral("log-interaction"), {{QStringLiteral("notes"), QStringLiteral("x")}}));
    const int outboxBefore = count(f.db, "SELECT count(*) FROM sync_outbox");
    InteractionLog::Entry entry;
    Customer caller;
    caller.name = QStringLiteral("森 結衣");
    caller.nameReading = QStringLiteral("モリ ユイ");
    caller.contacts = {{QUuid(), ContactKind::Phone, QStringLiteral("+819099998888"), QString(), true}};
    entry.newCustomer = caller;
    entry.interaction.startedAt = QDateTime::currentDateTimeUtc();
    entry.interaction.durationSeconds = 95;
    entry.interaction.outcome = Outcome::Resolved;
    entry.interaction.notes = QStringLiteral("住所変更の問い合わせ。対応済み。");
    entry.draftKey = QStringLiteral("log-interaction");
    const auto saved = InteractionLog(f.db.connection(), {}).save(entry);
    ASSERT_TRUE(saved) << saved.error().message.toStdString();
    EXPECT_EQ(InteractionRepository(f.db.connection()).get(saved->interactionId)->customerId, saved->customerId);
    EXPECT_EQ(CustomerRepository(f.db.connection()).get(saved->customerId)->name, QStringLiteral("森 結衣"));
    EXPECT_EQ(count(f.db, "SELECT count(*) FROM sync_outbox") - outboxBefore, 3); // customer, phone, interaction
    EXPECT_FALSE(DraftStore(f.db.connection()).load(QStringLiteral("log-interaction"))->has_value());
}

TEST(InteractionLog, AFailedSaveKeepsTheDraftAndCreatesNothing)
{
    CustomerFixture f;
    ASSERT_TRUE(DraftStore(f.db.connection())
                    .save(QStringLiteral("log-interaction"), {{QStringLiteral("notes"), QStringLiteral("大事なメモ")}}));
    const int customersBefore = count(f.db, "SELECT count(*) FROM customers");
    const int outboxBefore = count(f.db, "SELECT count(*) FROM sync_outbox");
    InteractionLog::Entry entry;
    Customer caller;
    caller.name = QStringLiteral("新規 顧客");
    entry.newCustomer = caller;
    entry.interaction.startedAt = QDateTime::currentDateTimeUtc();
    entry.ticketNumber = QStringLiteral("NOPE-1");
    entry.draftKey = QStringLiteral("log-interaction");
    const auto saved = InteractionLog(f.db.connection(), {}).save(entry);
    ASSERT_FALSE(saved);
    EXPECT_TRUE(saved.error().message.contains(QStringLiteral("NOPE-1")));
    EXPECT_EQ(count(f.db, "SELECT count(*) FROM customers"), customersBefore);
    EXPECT_EQ(count(f.db, "SELECT count(*) FROM sync_outbox"), outboxBefore);
    EXPECT_EQ(count(f.db, "SELECT count(*) FROM interactions"), 0);
    const auto draft = DraftStore(f.db.connection()).load(QStringLiteral("log-interaction"));
    ASSERT_TRUE(draft && draft->has_value());
    EXPECT_EQ((*draft)->data.value(QStringLiteral("notes")).toString(), QStringLiteral("大事なメモ"));
}

TEST(InteractionLog, LinksOnlyTheCustomersOwnTickets)
{
    CustomerFixture f;
    Ticket t;
    t.number = QStringLiteral("K7Q-7");
    t.customerId = f.ids.value(QStringLiteral("山田 太郎"));
    t.subject = QStringLiteral("請求書の再発行");
    const auto ticketId = TicketRepository(f.db.connection()).add(t);
    ASSERT_TRUE(ticketId);
    InteractionLog::Entry entry;
    entry.interaction.customerId = f.ids.value(QStringLiteral("山田 太郎"));
    entry.interaction.startedAt = QDateTime::currentDateTimeUtc();
    entry.ticketNumber = QStringLiteral("k7q-7");
    const auto saved = InteractionLog(f.db.connection(), {}).save(entry);
    ASSERT_TRUE(saved);
    EXPECT_EQ(InteractionRepository(f.db.connection()).get(saved->interactionId)->ticketId, ticketId.value());

    entry.interaction.customerId = f.ids.value(QStringLiteral("田中 美咲"));
    const auto refused = InteractionLog(f.db.connection(), {}).save(entry);
    ASSERT_FALSE(refused);
    EXPECT_TRUE(refused.error().message.contains(QStringLiteral("another customer")));
}

TEST(InteractionLog, ReadsAValidNewCaller)
{
    const auto caller = InteractionLog::parseNewCaller({QStringLiteral(" 森 結衣 "), QStringLiteral("モリ ユイ"),
                                                        QStringLiteral("０９０－９９９９－８８８８"),
                                                        QStringLiteral("yui@example.jp")},
                                                       QStringLiteral("JP"));
    ASSERT_TRUE(caller) << caller.error().message.toStdString();
    EXPECT_EQ(caller->name, QStringLiteral("森 結衣"));
    EXPECT_EQ(caller->nameReading, QStringLiteral("モリ ユイ"));
    ASSERT_EQ(caller->phones().size(), 1);
    EXPECT_EQ(caller->phones().constFirst().e164(), QStringLiteral("+819099998888"));
    ASSERT_EQ(caller->emails().size(), 1);
    EXPECT_EQ(caller->emails().constFirst().address(), QStringLiteral("yui@example.jp"));
    // Neither a phone nor an e-mail address is required.
    EXPECT_TRUE(InteractionLog::parseNewCaller({QStringLiteral("森 結衣"), {}, {}, {}}, QStringLiteral("JP")));
}

TEST(InteractionLog, RefusesANewCallerWithAnInvalidPhone)
{
    const auto caller = InteractionLog::parseNewCaller({QStringLiteral("森 結衣"), {}, QStringLiteral("12"), {}},
                                                       QStringLiteral("JP"));
    ASSERT_FALSE(caller);
    EXPECT_EQ(caller.error().code, Error::Code::Invalid);
    EXPECT_TRUE(caller.error().message.startsWith(QStringLiteral("Phone: "))) << caller.error().message.toStdString();
}

TEST(InteractionLog, RefusesANewCallerWithAnInvalidEmail)
{
    const auto caller = InteractionLog::parseNewCaller({QStringLiteral("森 結衣"),
                                                        {},
                                                        QStringLiteral("090-9999-8888"),
                                                        QStringLiteral("yui.example.jp")},
                                                       QStringLiteral("JP"));
    ASSERT_FALSE(caller);
    EXPECT_TRUE(caller.error().message.startsWith(QStringLiteral("E-mail: "))) << caller.error().message.toStdString();
    EXPECT_FALSE(caller.error().message.contains(u'\n')); // the only problem
}

TEST(InteractionLog, RefusesANewCallerWithoutANameAndListsEveryProblem)
{
    const auto caller = InteractionLog::parseNewCaller({QStringLiteral("  "), QStringLiteral("mori123"),
                                                        QStringLiteral("12"), QStringLiteral("nobody")},
                                                       QStringLiteral("JP"));
    ASSERT_FALSE(caller);
    const QStringList problems = caller.error().message.split(u'\n');
    ASSERT_EQ(problems.size(), 4) << caller.error().message.toStdString();
    EXPECT_TRUE(problems.at(0).startsWith(QStringLiteral("Phone: ")));
    EXPECT_TRUE(problems.at(1).startsWith(QStringLiteral("E-mail: ")));
    EXPECT_TRUE(caller.error().message.contains(QStringLiteral("A name is required")));
    EXPECT_TRUE(caller.error().message.contains(QStringLiteral("reading")));
}

TEST(LogInteractionDialog, FindsTheCallerTimesTheCallAndSaves)
{
    CustomerFixture f;
    qint64 now = 1'780'000'000'000;
    LogInteractionDialog dialog(f.db.database(), QStringLiteral("JP"), {});
    dialog.setClock([&now] { return now; });
    dialog.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&dialog));
    EXPECT_TRUE(dialog.isTimerRunning()); // a call is in progress when the agent presses Ctrl+L

    QTest::keyClicks(child<QLineEdit>(&dialog, "customerEdit"), QStringLiteral("0312345678"));
    ASSERT_TRUE(QTest::qWaitFor([&] { return !dialog.selectedCustomer().isNull(); }, 2'000));
    EXPECT_EQ(dialog.selectedCustomer(), f.ids.value(QStringLiteral("山田 太郎")));
    EXPECT_TRUE(child<QLabel>(&dialog, "customerStatus")->text().contains(QStringLiteral("山田 太郎")));

    now += 125'000; // two minutes five seconds of talking
    EXPECT_EQ(dialog.elapsedSeconds(), 125);
    QTest::mouseClick(child<QPushButton>(&dialog, "timerButton"), Qt::LeftButton); // stop
    EXPECT_FALSE(dialog.isTimerRunning());
    now += 30'000; // wrap-up
    EXPECT_EQ(dialog.elapsedSeconds(), 125);
    QTest::keyClicks(child<QPlainTextEdit>(&dialog, "notesEdit"), QStringLiteral("Asked about the invoice."));

    QSignalSpy saved(&dialog, &LogInteractionDialog::saved);
    QTest::keyClick(&dialog, Qt::Key_Return, Qt::ControlModifier);
    ASSERT_EQ(saved.count(), 1) << dialog.errorText().toStdString();
    const auto interaction = InteractionRepository(f.db.connection()).get(saved.constFirst().constFirst().toUuid());
    ASSERT_TRUE(interaction);
    EXPECT_EQ(interaction->customerId, f.ids.value(QStringLiteral("山田 太郎")));
    EXPECT_EQ(interaction->durationSeconds, 125);
    EXPECT_EQ(interaction->wrapUpSeconds, 30);
    EXPECT_EQ(interaction->channel, Channel::Phone);
    EXPECT_EQ(interaction->notes, QStringLiteral("Asked about the invoice."));
    EXPECT_EQ(count(f.db, "SELECT count(*) FROM sync_outbox WHERE entity = 'interactions'"), 1);
    EXPECT_EQ(count(f.db, "SELECT count(*) FROM drafts"), 0);
    EXPECT_FALSE(dialog.isVisible());
}

TEST(LogInteractionDialog, AnUnknownNumberBecomesANewCustomer)
{
    CustomerFixture f;
    LogInteractionDialog dialog(f.db.database(), QStringLiteral("JP"), {});
    dialog.show();
    QTest::keyClicks(child<QLineEdit>(&dialog, "customerEdit"), QStringLiteral("090-9999-8888"));
    QTest::keyClick(child<QLineEdit>(&dialog, "customerEdit"), Qt::Key_Return);
    auto *create = child<QPushButton>(&dialog, "createCustomerButton");
    ASSERT_TRUE(create->isVisible());
    QTest::mouseClick(create, Qt::LeftButton);
    EXPECT_EQ(child<QLineEdit>(&dialog, "newPhoneEdit")->text(), QStringLiteral("090-9999-8888"));
    typeJapanese(child<QLineEdit>(&dialog, "newNameEdit"), QStringLiteral("森 結衣"));
    typeJapanese(child<QLineEdit>(&dialog, "newReadingEdit"), QStringLiteral("もり ゆい"));

    QSignalSpy saved(&dialog, &LogInteractionDialog::saved);
    dialog.accept();
    ASSERT_EQ(saved.count(), 1) << dialog.errorText().toStdString();
    const auto customer = CustomerRepository(f.db.connection()).get(saved.constFirst().at(1).toUuid());
    ASSERT_TRUE(customer);
    EXPECT_EQ(customer->name, QStringLiteral("森 結衣"));
    EXPECT_EQ(customer->nameReading, QStringLiteral("モリ ユイ"));
    EXPECT_EQ(customer->phones().constFirst().e164(), QStringLiteral("+819099998888"));
}

TEST(LogInteractionDialog, RefusesToSaveWithoutACustomerOrWithBadFields)
{
    CustomerFixture f;
    LogInteractionDialog dialog(f.db.database(), QStringLiteral("JP"), {});
    dialog.show();
    QSignalSpy saved(&dialog, &LogInteractionDialog::saved);
    dialog.accept();
    EXPECT_EQ(saved.count(), 0);
    EXPECT_TRUE(dialog.isVisible());
    EXPECT_FALSE(dialog.errorText().isEmpty());

    QTest::keyClicks(child<QLineEdit>(&dialog, "customerEdit"), QStringLiteral("090-9999-8888"));
    QTest::keyClick(child<QLineEdit>(&dialog, "customerEdit"), Qt::Key_Return);
    QTest::mouseClick(child<QPushButton>(&dialog, "createCustomerButton"), Qt::LeftButton);
    QTest::keyClicks(child<QLineEdit>(&dialog, "newEmailEdit"), QStringLiteral("not-an-address"));
    dialog.accept();
    EXPECT_EQ(saved.count(), 0);
    EXPECT_TRUE(dialog.errorText().contains(QStringLiteral("A name is required"))) << dialog.errorText().toStdString();
    EXPECT_TRUE(dialog.errorText().contains(QStringLiteral("E-mail"))) << dialog.errorText().toStdString();
    EXPECT_EQ(count(f.db, "SELECT count(*) FROM interactions"), 0);
}

TEST(LogInteractionDialog, NotesSurviveACrashAndAreOfferedAgain)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("crash.sqlite"));
    {
        auto db = Database::open(path);
        ASSERT_TRUE(db);
        auto *dialog = new LogInteractionDialog(*db.value(), QStringLiteral("JP"), {});
        dialog->show();
        QTest::keyClicks(child<QPlainTextEdit>(dialog, "notesEdit"), QStringLiteral("Caller wants a refund"));
        typeJapanese(child<QPlainTextEdit>(dialog, "notesEdit"), QStringLiteral("。返金希望。"));
        // The draft is written a moment after typing stops.
        ASSERT_TRUE(QTest::qWaitFor(
            [&] {
                const auto d = DraftStore(db.value()->connection()).load(QStringLiteral("log-interaction"));
                return d && d->has_value()
                       && (*d)->data.value(QStringLiteral("notes")).toString().endsWith(QStringLiteral("返金希望。"));
            },
            3'000));
        // The process dies here: no save, no cancel.
        delete dialog;
    }
    auto db = Database::open(path);
    ASSERT_TRUE(db);
    MainWindow window(std::move(db.value()));
    window.show();
    QTimer::singleShot(0, [] {
        if (!QTest::qWaitFor([] { return qobject_cast<QMessageBox *>(QApplication::activeModalWidget()) != nullptr; },
                             5'000))
            return;
        auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
        box->button(QMessageBox::Yes)->click();
    });
    window.offerDraftRecovery();
    auto *restored = window.findChild<LogInteractionDialog *>();
    ASSERT_NE(restored, nullptr);
    EXPECT_EQ(child<QPlainTextEdit>(restored, "notesEdit")->toPlainText(),
              QStringLiteral("Caller wants a refund。返金希望。"));
    EXPECT_FALSE(restored->isTimerRunning()); // the call is long over
}

TEST(LogInteractionDialog, EnterLooksTheCallerUpAndNeverSaves)
{
    CustomerFixture f;
    auto *dialog = new LogInteractionDialog(f.db.database(), QStringLiteral("JP"), {});
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    QPointer<LogInteractionDialog> alive(dialog);
    dialog->show();
    QSignalSpy saved(dialog, &LogInteractionDialog::saved);
    auto *customer = child<QLineEdit>(dialog, "customerEdit");
    QTest::keyClicks(customer, QStringLiteral("03-1234-5678"));
    QTest::keyClick(customer, Qt::Key_Return);
    ASSERT_FALSE(alive.isNull());
    EXPECT_TRUE(dialog->isVisible());
    EXPECT_EQ(saved.count(), 0);
    EXPECT_EQ(dialog->selectedCustomer(), f.ids.value(QStringLiteral("山田 太郎")));
    QTest::keyClick(child<QLineEdit>(dialog, "subjectEdit"), Qt::Key_Return);
    EXPECT_EQ(saved.count(), 0);
    EXPECT_EQ(count(f.db, "SELECT count(*) FROM interactions"), 0);
    delete dialog;
}

TEST(LogInteractionDialog, OtherChannelsHideTheCallTimer)
{
    CustomerFixture f;
    LogInteractionDialog dialog(f.db.database(), QStringLiteral("JP"), {});
    dialog.show();
    dialog.setChannel(Channel::Email);
    EXPECT_FALSE(child<QWidget>(&dialog, "timerButton")->isVisible());
    EXPECT_TRUE(dialog.windowTitle().contains(QStringLiteral("E-mail")));
    dialog.setChannel(Channel::Visit);
    EXPECT_TRUE(child<QWidget>(&dialog, "timerButton")->isVisible());
}

TEST(LogInteractionDialog, EachChannelAsksForItsOwnDetail)
{
    CustomerFixture f;
    LogInteractionDialog dialog(f.db.database(), QStringLiteral("JP"), {});
    dialog.show();
    auto *label = child<QLabel>(&dialog, "detailLabel");
    auto *detail = child<QLineEdit>(&dialog, "detailEdit");
    EXPECT_FALSE(detail->isVisible()); // a phone call needs nothing extra
    dialog.setChannel(Channel::Visit);
    EXPECT_TRUE(detail->isVisible());
    EXPECT_EQ(label->text(), QStringLiteral("Location:"));
    dialog.setChannel(Channel::Email);
    EXPECT_EQ(label->text(), QStringLiteral("E-mail address used:"));

    dialog.setCustomer(f.ids.value(QStringLiteral("山田 太郎")));
    detail->setText(QStringLiteral("not-an-address"));
    QSignalSpy saved(&dialog, &LogInteractionDialog::saved);
    dialog.accept();
    EXPECT_EQ(saved.count(), 0);
    EXPECT_TRUE(dialog.errorText().contains(QStringLiteral("@"))) << dialog.errorText().toStdString();

    detail->setText(QStringLiteral("taro.private@example.jp"));
    dialog.accept();
    ASSERT_EQ(saved.count(), 1) << dialog.errorText().toStdString();
    const auto interaction = InteractionRepository(f.db.connection()).get(saved.constFirst().constFirst().toUuid());
    ASSERT_TRUE(interaction);
    EXPECT_EQ(interaction->channel, Channel::Email);
    EXPECT_EQ(interaction->durationSeconds, 0); // no call timer for e-mail
    EXPECT_EQ(interaction->details.value(QStringLiteral("address")), QStringLiteral("taro.private@example.jp"));
    CustomerTimelineModel timeline(f.db.database(), QTimeZone("Asia/Tokyo"));
    timeline.setCustomer(f.ids.value(QStringLiteral("山田 太郎")));
    EXPECT_TRUE(timeline.index(0)
                    .data(CustomerTimelineModel::DetailRole)
                    .toString()
                    .contains(QStringLiteral("taro.private@example.jp")));
}
