// Two Madoguchi windows, each with its own local database and its own sync
// service, against one PostgreSQL server started for the run: what one agent
// does appears at the other's, and a clash made on purpose shows in the
// conflicts view. Renders PNGs for review.
//   madoguchi_sync_screenshots OUTPUT_DIR LANGUAGE
#include "../pgserver.h"
#include "common/translations.h"
#include "config/appsettings.h"
#include "repositories/customerrepository.h"
#include "repositories/ticketrepository.h"
#include "screenshotsupport.h"
#include "services/interactionlog.h"
#include "services/ticketservice.h"
#include "shell/mainwindow.h"
#include "storage/clientstate.h"
#include "storage/database.h"
#include "sync/serveradmin.h"
#include "sync/serverschema.h"
#include "sync/syncservice.h"
#include "teamsync/conflictsdialog.h"

#include <QApplication>
#include <QDir>
#include <QListWidget>
#include <QScrollArea>
#include <QScrollBar>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <cstdio>

using namespace madoguchi;

namespace {

void save(QWidget *widget, const QString &dir, const QString &name)
{
    test::saveScreenshot(widget, dir, name);
}

bool waitFor(const std::function<bool()> &done, const char *what)
{
    if (QTest::qWaitFor(done, 30'000))
        return true;
    std::fprintf(stderr, "timed out waiting for %s\n", what);
    return false;
}

} // namespace

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    AppSettings::initializeApplication();
    QCoreApplication::setApplicationName(QStringLiteral("madoguchi-sync-screenshots"));
    if (argc != 3) {
        std::fprintf(stderr, "usage: madoguchi_sync_screenshots OUTPUT_DIR LANGUAGE\n");
        return 2;
    }
    const QString out = QString::fromLocal8Bit(argv[1]);
    const QString language = QString::fromLocal8Bit(argv[2]);
    installTranslations(app, language);
    QDir().mkpath(out);

    test::PgServer pg;
    if (!pg.isRunning()) {
        std::fprintf(stderr, "%s\n", qPrintable(pg.error()));
        return 1;
    }
    const QString database = pg.createDatabase(QStringLiteral("screens"));
    QSqlDatabase admin = pg.superuser(database, QStringLiteral("screens-admin"));
    const QString password = QStringLiteral("screenshot password");
    if (!initializeServer(admin) || !addServerTeam(admin, QStringLiteral("東京サポート"))
        || !addServerAgent(admin, QStringLiteral("takahashi"), QStringLiteral("高橋 美咲"), QStringLiteral("agent"),
                           QStringLiteral("東京サポート"), password)
        || !addServerAgent(admin, QStringLiteral("sato"), QStringLiteral("佐藤 健"), QStringLiteral("lead"),
                           QStringLiteral("東京サポート"), password)) {
        std::fprintf(stderr, "server setup failed\n");
        return 1;
    }
    auto connection = [&](const QString &user) { return pg.connection(database, user, password); };
    AppSettings::setServer(connection(QStringLiteral("sato")));
    AppSettings::setSyncMode(QStringLiteral("server"));

    QTemporaryDir dirA, dirB;
    MainWindow a(Database::open(dirA.filePath(QStringLiteral("takahashi.sqlite"))).value());
    MainWindow b(Database::open(dirB.filePath(QStringLiteral("sato.sqlite"))).value());
    for (MainWindow *w : {&a, &b}) {
        w->resize(1280, 800);
        w->show();
    }
    a.syncService()->start(connection(QStringLiteral("takahashi")));
    b.syncService()->start(connection(QStringLiteral("sato")));
    auto upToDate = [](MainWindow &w) {
        return [&w] { return w.syncService()->status().state == SyncService::State::UpToDate; };
    };
    if (!waitFor(upToDate(a), "A's first sync") || !waitFor(upToDate(b), "B's first sync"))
        return 1;

    // Takahashi takes a call from a new customer and opens a ticket.
    QSqlDatabase la = a.database().connection();
    const QUuid me = ClientState(la).currentAgent();
    Customer customer;
    customer.name = QStringLiteral("山田 太郎");
    customer.nameReading = QStringLiteral("ヤマダ タロウ");
    customer.contacts = {{QUuid(), ContactKind::Phone, QStringLiteral("+81312345678"), QStringLiteral("会社"), true}};
    const QUuid customerId = CustomerRepository(la, me).add(customer).value();
    Ticket draft;
    draft.customerId = customerId;
    draft.subject = QStringLiteral("請求書が届かない");
    draft.description = QStringLiteral("11月分の請求書がまだ届いていないとのこと。");
    draft.priority = Priority::High;
    {
        QSqlQuery team(la);
        team.exec(QStringLiteral("SELECT id FROM teams LIMIT 1"));
        team.next();
        draft.teamId = QUuid::fromRfc4122(team.value(0).toByteArray());
    }
    draft.assigneeId = me;
    const QUuid ticket = TicketService(la, me).create(draft)->id;
    InteractionLog::Entry call;
    call.interaction.customerId = customerId;
    call.interaction.agentId = me;
    call.interaction.channel = Channel::Phone;
    call.interaction.direction = Direction::Inbound;
    call.interaction.startedAt = QDateTime::currentDateTimeUtc().addSecs(-420);
    call.interaction.durationSeconds = 380;
    call.interaction.notes = QStringLiteral("請求書の再発行を希望。メールでの送付を案内。");
    call.ticketNumber = TicketRepository(la).get(ticket)->number;
    (void)InteractionLog(la, me).save(call);
    a.syncService()->syncNow();

    // Sato's copy receives it within a moment.
    QSqlDatabase lb = b.database().connection();
    auto bHas = [&] {
        QSqlQuery q(lb);
        q.prepare(QStringLiteral("SELECT count(*) FROM tickets WHERE id = ?"));
        q.addBindValue(ticket.toRfc4122());
        return q.exec() && q.next() && q.value(0).toInt() == 1;
    };
    if (!waitFor(bHas, "the ticket at B"))
        return 1;
    QTest::qWait(500);
    b.showPage(MainWindow::Page::Tickets);
    a.showPage(MainWindow::Page::Tickets);
    // Sato looks at all of the team's tickets.
    if (auto *queues = b.findChild<QListWidget *>(QStringLiteral("queueList"))) {
        queues->setCurrentRow(queues->count() - 1);
        QTest::qWait(300);
    }
    save(&a, out, QStringLiteral("sync-a-tickets-%1").arg(language));
    save(&b, out, QStringLiteral("sync-b-sees-a-%1").arg(language));
    b.openTicket(ticket);
    save(&b, out, QStringLiteral("sync-b-ticket-%1").arg(language));

    // Both change the subject while offline; Takahashi's arrives first.
    a.syncService()->stop();
    b.syncService()->stop();
    const QUuid sato = ClientState(lb).currentAgent();
    (void)TicketService(la, me).editDetails(ticket,
                                            {QStringLiteral("11月分の請求書が届かない"), draft.description, QString()});
    (void)TicketService(lb, sato).editDetails(ticket, {QStringLiteral("請求書の再送依頼(メール希望)"),
                                                       draft.description, QString()});
    (void)TicketService(lb, sato).changeStatus(ticket, TicketStatus::Pending);
    if (!waitFor(
            [&] {
                return a.syncService()->status().state == SyncService::State::Stopped
                       && b.syncService()->status().state == SyncService::State::Stopped;
            },
            "both offline"))
        return 1;
    const QDateTime before = a.syncService()->status().lastSync;
    a.syncService()->start(connection(QStringLiteral("takahashi")));
    if (!waitFor(
            [&] {
                return a.syncService()->status().state == SyncService::State::UpToDate
                       && a.syncService()->status().lastSync > before;
            },
            "A's sync"))
        return 1;
    b.syncService()->start(connection(QStringLiteral("sato")));
    if (!waitFor(
            [&] {
                return b.syncService()->status().openConflicts > 0
                       && b.syncService()->status().state == SyncService::State::UpToDate;
            },
            "the conflict at B"))
        return 1;
    QTest::qWait(300);
    b.openTicket(ticket);
    save(&b, out, QStringLiteral("sync-b-conflict-%1").arg(language));
    b.showConflicts();
    QTest::qWait(200);
    if (auto *dialog = b.findChild<ConflictsDialog *>()) {
        dialog->resize(1000, 560);
        save(dialog, out, QStringLiteral("sync-conflicts-%1").arg(language));
        dialog->close();
    }
    b.showPage(MainWindow::Page::Settings);
    if (auto *scroll = b.findChild<QScrollArea *>(QStringLiteral("scrollArea"))) {
        QTest::qWait(200); // laid out before scrolling to the team server section
        scroll->verticalScrollBar()->setValue(scroll->verticalScrollBar()->maximum());
    }
    save(&b, out, QStringLiteral("sync-settings-%1").arg(language));

    a.syncService()->stop();
    b.syncService()->stop();
    admin.close();
    return 0;
}
