// Renders Madoguchi's windows in realistic states to PNG files, offscreen, so
// they can be looked at in review (packaging/dev.sh screenshots).
//   madoguchi_screenshots DATABASE|first-day OUTPUT_DIR LANGUAGE
#include "common/translations.h"
#include "config/appsettings.h"
#include "config/displaytimezone.h"
#include "customers/customerspage.h"
#include "customers/customerview.h"
#include "customers/duplicatesdialog.h"
#include "customers/loginteractiondialog.h"
#include "customers/newcustomerdialog.h"
#include "dashboard/dashboardpage.h"
#include "dashboard/staffingdialog.h"
#include "kit/appearance.h"
#include "repositories/customersearch.h"
#include "screenshotsupport.h"
#include "settings/settingspage.h"
#include "shell/backupsdialog.h"
#include "shell/databasecare.h"
#include "shell/firstrunwizard.h"
#include "shell/mainwindow.h"
#include "storage/backups.h"
#include "storage/clientstate.h"
#include "storage/database.h"
#include "tickets/newticketdialog.h"
#include "tickets/servicelevelsdialog.h"
#include "tickets/ticketspage.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QInputMethodEvent>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <cstdio>

using namespace madoguchi;

namespace {

void save(QWidget *widget, const QString &dir, const QString &name)
{
    test::saveScreenshot(widget, dir, name);
}

void commitText(QWidget *widget, const QString &text)
{
    QInputMethodEvent ime;
    ime.setCommitString(text);
    QApplication::sendEvent(widget, &ime);
}

// A small desk left open by a crash with damaged pages: the banner the
// window shows once its check is done, and the backups to restore from, at
// a laptop's size and in full HD.
int damagedDatabase(const QString &out, const QString &language)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("desk.sqlite"));
    {
        auto db = Database::open(path);
        if (!db)
            return 1;
        QSqlQuery q(db.value()->connection());
        q.exec(QStringLiteral("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 3000) "
                              "INSERT INTO customers (id, name, name_reading, created_at, updated_at) "
                              "SELECT randomblob(16), 'お客様 ' || i, 'オキャクサマ', 1, 1 FROM n"));
        (void)Backups(path).create(db.value()->connection());
        q.exec(QStringLiteral(
            "INSERT INTO sync_outbox (entity, row_id, op, payload, created_at) VALUES ('customers', randomblob(16), 'update', '{}', 1)"));
    }
    QFile file(path);
    file.open(QIODevice::ReadWrite);
    file.seek((file.size() / 8192 / 2) * 8192);
    file.write(QByteArray(4 * 8192, '\xA5'));
    file.close();
    QFile(dir.filePath(QStringLiteral(".desk.sqlite.open-999999-1"))).open(QIODevice::WriteOnly); // left by a crash
    auto db = Database::open(path);
    if (!db)
        return 1;
    MainWindow window(std::move(db.value()));
    QSignalSpy checked(window.databaseCare(), &DatabaseCare::checked);
    window.show();
    checked.wait(30'000);
    for (const QSize &size : {QSize(1024, 700), QSize(1920, 1080)}) {
        window.resize(size);
        save(&window, out, QStringLiteral("damaged-%1x%2-%3").arg(size.width()).arg(size.height()).arg(language));
    }
    BackupsDialog backups(path, displayTimeZone(window.database()), &window);
    backups.show();
    save(&backups, out, QStringLiteral("backups-%1").arg(language));
    return 0;
}

// A file too damaged to open at all: what the start offers (the shot is
// taken, then the offer declined).
int unopenableDatabase(const QString &out, const QString &language)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("desk.sqlite"));
    {
        auto db = Database::open(path);
        if (!db)
            return 1;
        (void)Backups(path).create(db.value()->connection());
    }
    QFile file(path);
    file.open(QIODevice::ReadWrite);
    file.write(QByteArray(100, 'x')); // the header is gone
    file.close();
    QTimer::singleShot(300, [out, language] {
        if (auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget())) {
            save(box, out, QStringLiteral("start-restore-offer-%1").arg(language));
            box->reject();
        }
    });
    (void)DatabaseCare::openAtStart(path, {});
    return 0;
}

// Sets a line edit's text as typing would (Japanese through the input method).
void typeInto(QWidget *parent, const char *name, const QString &text)
{
    auto *edit = parent->findChild<QLineEdit *>(QString::fromLatin1(name));
    edit->clear();
    commitText(edit, text);
}

// The window at a laptop's size and in full HD.
void saveBothSizes(MainWindow &window, const QString &out, const QString &name, const QString &language)
{
    for (const QSize &size : {QSize(1024, 700), QSize(1920, 1080)}) {
        window.resize(size);
        QTest::qWait(150);
        save(&window, out, QStringLiteral("%1-%2x%3-%4").arg(name).arg(size.width()).arg(size.height()).arg(language));
    }
    window.resize(1024, 700);
}

// A team's first day, from nothing: the empty window, the first-run wizard
// page by page, the first customer (and New Customer pointing out the same
// customer typed again), the first call with its ticket, the ticket queue
// and the dashboard.
int firstDay(const QString &out, const QString &language)
{
    QTemporaryDir dir;
    auto db = Database::open(dir.filePath(QStringLiteral("first-day.sqlite")));
    if (!db)
        return 1;
    const Database *database = db.value().get();
    MainWindow window(std::move(db.value()));
    window.resize(1024, 700);
    window.show();
    if (!QTest::qWaitFor([&] { return !window.databaseInfo().path.isEmpty(); }, 10'000))
        return 1;
    saveBothSizes(window, out, QStringLiteral("first-day-0-empty"), language);

    const bool ja = language == u"ja";
    // As on a first start (the choice is put back afterwards: this is the
    // developer's own setting).
    const QString mode = AppSettings::syncMode();
    AppSettings::setSyncMode(QString());
    QTimer::singleShot(0, [&] {
        if (!QTest::qWaitFor([] { return qobject_cast<FirstRunWizard *>(QApplication::activeModalWidget()); }, 5'000))
            return;
        auto *wizard = qobject_cast<FirstRunWizard *>(QApplication::activeModalWidget());
        save(wizard, out, QStringLiteral("first-day-1-welcome-%1").arg(language));
        wizard->next();
        typeInto(wizard, "nameEdit", ja ? QStringLiteral("佐藤 花子") : QStringLiteral("Hanako Sato"));
        typeInto(wizard, "readingEdit", QStringLiteral("さとう はなこ"));
        typeInto(wizard, "emailEdit", QStringLiteral("hanako.sato@example.jp"));
        save(wizard, out, QStringLiteral("first-day-2-you-%1").arg(language));
        wizard->next();
        typeInto(wizard, "teamEdit", ja ? QStringLiteral("お客様窓口") : QStringLiteral("Customer Desk"));
        save(wizard, out, QStringLiteral("first-day-3-team-%1").arg(language));
        wizard->next();
        const QList<std::pair<QString, QString>> mates
            = {{ja ? QStringLiteral("鈴木 一郎") : QStringLiteral("Ichiro Suzuki"), QStringLiteral("すずき いちろう")},
               {ja ? QStringLiteral("田中 美咲") : QStringLiteral("Misaki Tanaka"), QStringLiteral("たなか みさき")}};
        for (const auto &[name, reading] : mates) {
            typeInto(wizard, "mateNameEdit", name);
            typeInto(wizard, "mateReadingEdit", reading);
            auto *role = wizard->findChild<QComboBox *>(QStringLiteral("mateRoleCombo"));
            role->setCurrentIndex(name == mates.constFirst().first ? 1 : 0); // the first one leads
            wizard->findChild<QPushButton *>(QStringLiteral("addMateButton"))->click();
        }
        save(wizard, out, QStringLiteral("first-day-4-teammates-%1").arg(language));
        wizard->next();
        save(wizard, out, QStringLiteral("first-day-5-ready-%1").arg(language));
        wizard->button(QWizard::FinishButton)->click();
    });
    const auto outcome = window.runFirstRun();
    AppSettings::setSyncMode(mode);
    if (outcome != FirstRunWizard::Outcome::SetUp) {
        std::fprintf(stderr, "the first-run wizard did not set the workspace up\n");
        return 1;
    }
    QTest::qWait(300);
    saveBothSizes(window, out, QStringLiteral("first-day-6-ready-to-work"), language);
    window.showPage(MainWindow::Page::Tickets);
    saveBothSizes(window, out, QStringLiteral("first-day-6-tickets-empty"), language);
    window.showPage(MainWindow::Page::Dashboard);
    QTest::qWait(500);
    saveBothSizes(window, out, QStringLiteral("first-day-6-dashboard-empty"), language);
    window.showPage(MainWindow::Page::Settings);
    window.findChild<SettingsPage *>()->showPeople();
    saveBothSizes(window, out, QStringLiteral("first-day-6-people"), language);
    window.showPage(MainWindow::Page::Customers);

    NewCustomerDialog first(*database, QStringLiteral("JP"), {}, &window);
    first.prefill(ja ? QStringLiteral("山田 太郎") : QStringLiteral("Taro Yamada"), QStringLiteral("03-1234-5678"));
    first.findChild<QLineEdit *>(QStringLiteral("readingEdit"))->setText(QStringLiteral("ヤマダ タロウ"));
    first.findChild<QComboBox *>(QStringLiteral("companyCombo"))->setEditText(QStringLiteral("株式会社山田商事"));
    first.findChild<QPlainTextEdit *>(QStringLiteral("emailsEdit"))
        ->setPlainText(QStringLiteral("taro@yamada.example.jp"));
    first.show();
    save(&first, out, QStringLiteral("first-day-7-new-customer-%1").arg(language));
    first.accept();
    const QUuid customer = first.customer();

    NewCustomerDialog again(*database, QStringLiteral("JP"), {}, &window);
    again.prefill(ja ? QStringLiteral("山田 タロウ") : QStringLiteral("T. Yamada"), QStringLiteral("+81 3 1234 5678"));
    again.show();
    again.accept(); // points out the customer above instead of saving
    save(&again, out, QStringLiteral("new-customer-duplicate-%1").arg(language));
    again.done(QDialog::Rejected);

    // The first call: it opens a ticket, which is the caller's agent's.
    window.openCustomer(customer);
    LogInteractionDialog *call = window.logInteraction(Channel::Phone, customer);
    call->findChild<QCheckBox *>(QStringLiteral("openTicketCheck"))->setChecked(true);
    typeInto(call, "subjectEdit",
             ja ? QStringLiteral("請求書の宛名変更") : QStringLiteral("Change the invoice address"));
    commitText(call->findChild<QPlainTextEdit *>(QStringLiteral("notesEdit")),
               ja ? QStringLiteral("来月分から請求書の宛名を経理部宛に変更したいとのこと。")
                  : QStringLiteral("Wants invoices addressed to the accounts department from next month."));
    QTest::qWait(400);
    save(call, out, QStringLiteral("first-day-8-first-call-%1").arg(language));
    call->accept();
    QTest::qWait(300);
    saveBothSizes(window, out, QStringLiteral("first-day-9-customer"), language);
    window.showPage(MainWindow::Page::Tickets);
    window.ticketsPage()->showQueue(Queue::Mine);
    QTest::qWait(500);
    saveBothSizes(window, out, QStringLiteral("first-day-10-my-tickets"), language);
    window.showPage(MainWindow::Page::Dashboard);
    QTest::qWait(50);
    if (!QTest::qWaitFor([&] { return window.dashboardPage()->figures() && !window.dashboardPage()->isBusy(); }, 30'000))
        std::fprintf(stderr, "dashboard figures did not arrive\n");
    QTest::qWait(200);
    saveBothSizes(window, out, QStringLiteral("first-day-11-dashboard"), language);
    return 0;
}

} // namespace

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    AppSettings::initializeApplication();
    if (argc != 4) {
        std::fprintf(stderr, "usage: madoguchi_screenshots DATABASE OUTPUT_DIR LANGUAGE\n");
        return 2;
    }
    const QString out = QString::fromLocal8Bit(argv[2]);
    const QString language = QString::fromLocal8Bit(argv[3]);
    installTranslations(app, language);
    QDir().mkpath(out);
    // "first-day" instead of a database: only the first day, from nothing.
    if (qstrcmp(argv[1], "first-day") == 0)
        return firstDay(out, language);
    Database::Options options;
    options.mode = Database::OpenMode::MustExist;
    auto db = Database::open(QString::fromLocal8Bit(argv[1]), options);
    if (!db) {
        std::fprintf(stderr, "%s\n", qPrintable(db.error().message));
        return 1;
    }
    const Database *database = db.value().get();
    MainWindow window(std::move(db.value()));
    window.resize(1280, 800);
    window.show();
    if (!QTest::qWaitFor([&] { return !window.databaseInfo().path.isEmpty(); }, 60'000))
        return 1;
    save(&window, out, QStringLiteral("customers-%1").arg(language));

    // Searching for a family name typed in Japanese.
    auto *search = window.customersPage()->findChild<QLineEdit *>(QStringLiteral("searchEdit"));
    window.customersPage()->focusSearch();
    commitText(search, QStringLiteral("山田"));
    QTest::keyClick(search, Qt::Key_Return);
    save(&window, out, QStringLiteral("customer-search-%1").arg(language));

    // Logging a call from a known number, two minutes in.
    const auto hits = CustomerSearch(database->connection(), QStringLiteral("JP")).search(QStringLiteral("山田"), 1);
    LogInteractionDialog *dialog = window.logInteraction();
    qint64 now = QDateTime::currentMSecsSinceEpoch();
    dialog->setClock([&now] { return now; });
    if (hits && !hits->isEmpty()) {
        auto *customer = dialog->findChild<QLineEdit *>(QStringLiteral("customerEdit"));
        customer->setText(PhoneNumber::fromE164(hits->constFirst().customer.phone).nationalFormat());
        QTest::keyClick(customer, Qt::Key_Return);
    }
    now += 127'000;
    commitText(dialog->findChild<QPlainTextEdit *>(QStringLiteral("notesEdit")),
               language == u"ja"
                   ? QStringLiteral("11月分の請求書の金額について問い合わせ。明細を説明し、了承いただいた。")
                   : QStringLiteral("Asked about the November invoice. Explained the line items; customer satisfied."));
    dialog->findChild<QLineEdit *>(QStringLiteral("subjectEdit"))
        ->setText(language == u"ja" ? QStringLiteral("請求額の確認") : QStringLiteral("Invoice question"));
    QTest::qWait(400); // one tick of the call timer
    save(dialog, out, QStringLiteral("log-call-%1").arg(language));
    delete dialog;

    // The 360° view of a customer with some history.
    if (hits && !hits->isEmpty()) {
        window.openCustomer(hits->constFirst().customer.id);
        save(&window, out, QStringLiteral("customer-360-%1").arg(language));
    }

    // Reviewing duplicates (the demo data holds some).
    DuplicatesDialog duplicates(*database, QStringLiteral("JP"), {});
    duplicates.resize(980, 640);
    duplicates.show();
    save(&duplicates, out, QStringLiteral("duplicates-%1").arg(language));
    duplicates.hide();

    // The agent's queues.
    window.showPage(MainWindow::Page::Tickets);
    window.ticketsPage()->showQueue(Queue::Mine);
    if (!QTest::qWaitFor([&] { return !window.ticketsPage()->counts().isEmpty(); }, 10'000))
        std::fprintf(stderr, "queue counts did not arrive\n");
    save(&window, out, QStringLiteral("tickets-mine-%1").arg(language));
    window.ticketsPage()->showQueue(Queue::BreachingSoon);
    save(&window, out, QStringLiteral("tickets-breaching-%1").arg(language));

    // A ticket with a history: escalated, still running, in the agent's team.
    QSqlQuery q(database->connection());
    q.exec(QStringLiteral("SELECT t.id FROM tickets t JOIN client_state s ON s.key = 'current_agent' "
                          "WHERE t.status = 'open' AND t.escalation_level > 0 AND t.first_responded_at IS NOT NULL "
                          "ORDER BY t.created_at DESC LIMIT 1"));
    if (q.next()) {
        window.openTicket(QUuid::fromRfc4122(q.value(0).toByteArray()));
        save(&window, out, QStringLiteral("ticket-%1").arg(language));
    }

    NewTicketDialog newTicket(*database, QStringLiteral("JP"), ClientState(database->connection()).currentAgent(),
                              &window);
    if (hits && !hits->isEmpty())
        newTicket.setCustomer(hits->constFirst().customer.id);
    newTicket.findChild<QLineEdit *>(QStringLiteral("subjectEdit"))
        ->setText(language == u"ja" ? QStringLiteral("請求書の宛名を変更したい")
                                    : QStringLiteral("Change the name on the invoice"));
    newTicket.show();
    save(&newTicket, out, QStringLiteral("new-ticket-%1").arg(language));
    newTicket.hide();

    // The dashboard over the last 30 days of the demo data ("now" is the
    // latest ticket), top of the page and whole, then the report as PDF.
    QSqlQuery latest(database->connection());
    latest.exec(QStringLiteral("SELECT max(created_at) FROM tickets"));
    const QDateTime dataNow = latest.next() ? QDateTime::fromMSecsSinceEpoch(latest.value(0).toLongLong(), Qt::UTC)
                                            : QDateTime::currentDateTimeUtc();
    DashboardPage *dashboard = window.dashboardPage();
    dashboard->setNow(dataNow);
    dashboard->setPreset(DashboardPage::Preset::Last30Days);
    window.showPage(MainWindow::Page::Dashboard);
    auto waitForFigures = [&] {
        QTest::qWait(50);
        if (!QTest::qWaitFor([&] { return dashboard->figures() && !dashboard->isBusy(); }, 60'000))
            std::fprintf(stderr, "dashboard figures did not arrive\n");
        QTest::qWait(100);
    };
    waitForFigures();
    save(&window, out, QStringLiteral("dashboard-%1").arg(language));
    window.resize(1440, 2500);
    QTest::qWait(100);
    save(&window, out, QStringLiteral("dashboard-full-%1").arg(language));
    if (const QString error = dashboard->saveReport(QDir(out).filePath(QStringLiteral("report-%1.pdf").arg(language)));
        !error.isEmpty())
        std::fprintf(stderr, "%s\n", qPrintable(error));
    window.resize(1280, 800);
    {
        StaffingDialog staffing(*dashboard->figures(), dashboard->periodDescription(), &window);
        staffing.show();
        save(&staffing, out, QStringLiteral("staffing-%1").arg(language));
    }
    dashboard->drillIntoTile(DashboardPage::SlaResolution);
    QTest::qWait(200);
    save(&window, out, QStringLiteral("drill-down-%1").arg(language));
    applyAppearance(Appearance::Dark);
    window.showPage(MainWindow::Page::Dashboard);
    QTest::qWait(200);
    save(&window, out, QStringLiteral("dashboard-dark-%1").arg(language));
    window.resize(1440, 2500);
    QTest::qWait(100);
    save(&window, out, QStringLiteral("dashboard-full-dark-%1").arg(language));
    window.resize(1280, 800);
    applyAppearance(Appearance::Light);

    ServiceLevelsDialog levels(*database, {}, &window);
    levels.show();
    levels.selectPolicy(0);
    save(&levels, out, QStringLiteral("sla-policies-%1").arg(language));
    levels.selectCalendar(0);
    save(&levels, out, QStringLiteral("business-hours-%1").arg(language));
    levels.close();
    if (const int failed = firstDay(out, language))
        return failed;
    if (const int failed = damagedDatabase(out, language))
        return failed;
    return unopenableDatabase(out, language);
}
