// The dashboard: figures equal the KPI engine's, filters reach the query,
// drill-downs list the tickets behind each figure, exports are written and
// safe, the staffing dialog estimates by Erlang C.
#include "config/displaytimezone.h"
#include "dashboard/chartcard.h"
#include "dashboard/dashboardpage.h"
#include "dashboard/heatmapwidget.h"
#include "dashboard/kpitile.h"
#include "dashboard/staffingdialog.h"
#include "demo/demogenerator.h"
#include "io/csvwriter.h"
#include "kit/appearance.h"
#include "kpi/kpidrill.h"
#include "kpi/kpiformat.h"
#include "models/agentkpimodel.h"
#include "models/ticketqueuemodel.h"
#include "services/ticketservice.h"
#include "shell/mainwindow.h"
#include "testsupport.h"
#include "ticketfixture.h"
#include "tickets/ticketspage.h"

#include <QAbstractItemModelTester>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QFile>
#include <QImage>
#include <QLabel>
#include <QLineSeries>
#include <QProcess>
#include <QRadioButton>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QSqlQuery>
#include <QStackedWidget>
#include <QTableView>
#include <QTableWidget>
#include <QTest>
#include <QToolButton>
#include <QValueAxis>

#include <gtest/gtest.h>

using namespace madoguchi;
using namespace madoguchi::test;

namespace {

const QTimeZone kTokyo("Asia/Tokyo");
// Noon on the demo data's last day.
const QDateTime kNow(QDate(2026, 10, 31), QTime(12, 0), kTokyo);

std::unique_ptr<Database> demo(QTemporaryDir &dir)
{
    auto db = Database::open(dir.filePath(QStringLiteral("demo.sqlite")));
    EXPECT_TRUE(db);
    DemoOptions options;
    options.customers = 200;
    options.tickets = 1'500;
    options.interactions = 4'000;
    options.anchor = QDate(2026, 11, 1);
    EXPECT_TRUE(generateDemoData(*db.value(), options));
    return std::move(db.value());
}

bool waitForFigures(DashboardPage &page)
{
    QTest::qWait(1);
    return QTest::qWaitFor([&] { return page.figures().has_value() && !page.isBusy(); }, 20'000);
}

// Waits for the figures of a change made after `before` was shown.
bool waitForNewFigures(DashboardPage &page, QSignalSpy &refreshed)
{
    return refreshed.wait(20'000) && waitForFigures(page);
}

Kpis engineFigures(const Database &db, const DashboardPage &page, TrendStep step = TrendStep::Day)
{
    const auto k = KpiEngine(db.connection(), displayTimeZone(db))
                       .compute(page.period(), page.filter(), page.now(), step);
    EXPECT_TRUE(k);
    return k ? k.value() : Kpis();
}

int drillCount(const Database &db, const TicketFilter &filter)
{
    const auto n = countTickets(db.connection(), filter, {});
    EXPECT_TRUE(n);
    return n ? n.value() : -1;
}

struct DashboardFixture : ::testing::Test
{
    QTemporaryDir dir;
    std::unique_ptr<Database> db = demo(dir);
    DashboardPage page{*db};

    void SetUp() override
    {
        page.resize(1300, 900);
        page.setNow(kNow);
        page.setPreset(DashboardPage::Preset::Last30Days);
        page.show();
        ASSERT_TRUE(waitForFigures(page));
    }
};

} // namespace

TEST_F(DashboardFixture, PresetsCountDaysInTheTeamsTimeZoneWithTodayIncluded)
{
    EXPECT_EQ(page.period().from, QDate(2026, 10, 2));
    EXPECT_EQ(page.period().to, QDate(2026, 11, 1));
    EXPECT_EQ(page.previousPeriod().from, QDate(2026, 9, 2));
    EXPECT_EQ(page.previousPeriod().to, QDate(2026, 10, 2));
    page.setPreset(DashboardPage::Preset::Today);
    EXPECT_EQ(page.period().from, QDate(2026, 10, 31));
    EXPECT_EQ(page.period().to, QDate(2026, 11, 1));
    page.setPreset(DashboardPage::Preset::Last7Days);
    EXPECT_EQ(page.period().from, QDate(2026, 10, 25));
    page.setPreset(DashboardPage::Preset::ThisQuarter);
    EXPECT_EQ(page.period().from, QDate(2026, 10, 1));
    page.setCustomPeriod(QDate(2026, 8, 1), QDate(2026, 8, 31));
    EXPECT_EQ(page.preset(), DashboardPage::Preset::Custom);
    EXPECT_EQ(page.period().to, QDate(2026, 9, 1));
    EXPECT_EQ(page.previousPeriod().from, QDate(2026, 7, 1));
    // Tokyo's midnight, not UTC's: 23:30 UTC on the 31st is already 1 November there.
    page.setNow(QDateTime(QDate(2026, 10, 31), QTime(23, 30), QTimeZone::utc()));
    page.setPreset(DashboardPage::Preset::Today);
    EXPECT_EQ(page.period().from, QDate(2026, 11, 1));
}

TEST_F(DashboardFixture, TilesShowTheEnginesFiguresAndTheChange)
{
    const Kpis k = engineFigures(*db, page);
    ASSERT_GT(k.ticketsCreated, 0);
    EXPECT_EQ(page.figures()->ticketsCreated, k.ticketsCreated);
    EXPECT_EQ(page.tile(DashboardPage::Created)->value(), QLocale().toString(k.ticketsCreated));
    EXPECT_EQ(page.tile(DashboardPage::Backlog)->value(), QLocale().toString(k.backlog));
    // The change against the previous 30 days.
    KpiPeriod before = page.previousPeriod();
    const auto p = KpiEngine(db->connection(), displayTimeZone(*db)).compute(before, {}, page.now());
    ASSERT_TRUE(p);
    ASSERT_GT(p->ticketsSolved, 0);
    const double change = (double(k.ticketsSolved) - double(p->ticketsSolved)) / double(p->ticketsSolved) * 100.0;
    EXPECT_TRUE(page.tile(DashboardPage::Solved)->change().contains(QLocale().toString(std::abs(change), 'f', 1)))
        << page.tile(DashboardPage::Solved)->change().toStdString();
    // Trends: daily for 30 days, weekly for a quarter.
    EXPECT_EQ(page.figures()->trend.size(), 30);
    page.setCustomPeriod(QDate(2026, 8, 1), QDate(2026, 10, 31));
    ASSERT_TRUE(waitForFigures(page));
    EXPECT_EQ(page.figures()->trendStep, TrendStep::Week);
    EXPECT_EQ(page.figures()->ticketsCreated, engineFigures(*db, page, TrendStep::Week).ticketsCreated);
}

TEST_F(DashboardFixture, FiltersChangeTheQueryAndStayAcrossARefresh)
{
    const qint64 all = page.figures()->ticketsCreated;
    auto *channel = child<QComboBox>(&page, "channelCombo");
    ASSERT_NE(channel, nullptr);
    channel->setCurrentIndex(channel->findData(int(Channel::Phone)));
    emit channel->activated(channel->currentIndex());
    QSignalSpy refreshed(&page, &DashboardPage::refreshed);
    ASSERT_TRUE(waitForNewFigures(page, refreshed));
    ASSERT_EQ(page.filter().channel, Channel::Phone);
    const Kpis phone = engineFigures(*db, page);
    EXPECT_EQ(page.figures()->ticketsCreated, phone.ticketsCreated);
    EXPECT_LT(phone.ticketsCreated, all);
    EXPECT_TRUE(page.filterDescription().contains(displayName(Channel::Phone)));

    // An agent of a team: the agent list follows the team.
    auto *team = child<QComboBox>(&page, "teamCombo");
    auto *agent = child<QComboBox>(&page, "agentCombo");
    ASSERT_GT(team->count(), 1);
    const int agentsOfAll = agent->count();
    team->setCurrentIndex(1);
    emit team->activated(1);
    EXPECT_LT(agent->count(), agentsOfAll);
    agent->setCurrentIndex(1);
    emit agent->activated(1);
    ASSERT_TRUE(waitForNewFigures(page, refreshed));
    const KpiFilter f = page.filter();
    EXPECT_FALSE(f.team.isNull());
    EXPECT_FALSE(f.agent.isNull());
    EXPECT_EQ(page.figures()->perAgent.size(), 1);
    EXPECT_EQ(page.figures()->ticketsSolved, engineFigures(*db, page).ticketsSolved);

    // A refresh after the data changed keeps every choice.
    refreshed.clear();
    page.dataChanged();
    ASSERT_TRUE(waitForNewFigures(page, refreshed));
    EXPECT_EQ(page.filter().agent, f.agent);
    EXPECT_EQ(page.filter().channel, Channel::Phone);
}

TEST_F(DashboardFixture, NewDataAppearsAfterAChangeWithoutTouchingTheFilters)
{
    page.setNow(QDateTime::currentDateTimeUtc());
    page.setPreset(DashboardPage::Preset::Today);
    ASSERT_TRUE(waitForFigures(page));
    const qint64 before = page.figures()->ticketsCreated;
    Ticket draft;
    QSqlQuery customer(db->connection());
    ASSERT_TRUE(customer.exec(QStringLiteral("SELECT id FROM customers LIMIT 1")) && customer.next());
    draft.customerId = QUuid::fromRfc4122(customer.value(0).toByteArray());
    draft.subject = QStringLiteral("ログインできない");
    ASSERT_TRUE(TicketService(db->connection(), {}).create(draft));
    QSignalSpy refreshed(&page, &DashboardPage::refreshed);
    page.dataChanged();
    ASSERT_TRUE(waitForNewFigures(page, refreshed));
    EXPECT_EQ(page.figures()->ticketsCreated, before + 1);
    EXPECT_EQ(page.preset(), DashboardPage::Preset::Today);
}

TEST_F(DashboardFixture, TilesDrillDownToExactlyTheTicketsBehindTheFigure)
{
    QSignalSpy drill(&page, &DashboardPage::drillDownRequested);
    const Kpis &k = *page.figures();
    struct Expect
    {
        DashboardPage::Tile tile;
        qint64 count;
    };
    auto times = [](const std::optional<double> &rate, qint64 whole) {
        return rate ? qint64(std::llround(*rate * double(whole))) : 0;
    };
    qint64 frBreached = 0, resBreached = 0;
    for (const SlaCompliance &c : k.slaByPriority) {
        frBreached += c.firstResponseBreached;
        resBreached += c.resolutionBreached;
    }
    const QList<Expect> expected{{DashboardPage::Created, k.ticketsCreated},
                                 {DashboardPage::Solved, k.ticketsSolved},
                                 {DashboardPage::Backlog, k.backlog},
                                 {DashboardPage::FirstResponse, k.firstResponseMinutes.count},
                                 {DashboardPage::Resolution, k.ticketsSolved},
                                 {DashboardPage::Escalation, times(k.escalationRate, k.ticketsCreated)},
                                 {DashboardPage::Fcr, times(k.fcrRate, k.ticketsSolved)},
                                 {DashboardPage::Reopen, times(k.reopenRate, k.ticketsSolved)},
                                 {DashboardPage::SlaFirst, frBreached},
                                 {DashboardPage::SlaResolution, resBreached}};
    for (const Expect &e : expected) {
        drill.clear();
        QTest::mouseClick(page.tile(e.tile), Qt::LeftButton);
        ASSERT_EQ(drill.count(), 1) << e.tile;
        const auto filter = drill.constFirst().constFirst().value<TicketFilter>();
        ASSERT_TRUE(filter.subset);
        EXPECT_FALSE(filter.subset->title.isEmpty());
        EXPECT_EQ(drillCount(*db, filter), e.count) << e.tile << " " << filter.subset->title.toStdString();
    }
    // The keyboard works too.
    drill.clear();
    page.tile(DashboardPage::Created)->setFocus();
    QTest::keyClick(page.tile(DashboardPage::Created), Qt::Key_Return);
    EXPECT_EQ(drill.count(), 1);
}

TEST_F(DashboardFixture, ChartsDrillDownFromABarAndAPoint)
{
    QSignalSpy drill(&page, &DashboardPage::drillDownRequested);
    const Kpis &k = *page.figures();
    auto *volume = qobject_cast<QChartView *>(page.card(QStringLiteral("volumeCard"))->body());
    ASSERT_NE(volume, nullptr);
    auto *bars = qobject_cast<QBarSeries *>(volume->chart()->series().constFirst());
    ASSERT_NE(bars, nullptr);
    ASSERT_EQ(bars->count(), 2);
    // The busiest day's created bar, then its solved bar.
    int day = 0;
    for (int i = 0; i < k.trend.size(); ++i) {
        if (k.trend.at(i).created > k.trend.at(day).created)
            day = i;
    }
    EXPECT_EQ(bars->barSets().at(0)->at(day), double(k.trend.at(day).created));
    emit bars->clicked(day, bars->barSets().at(0));
    ASSERT_EQ(drill.count(), 1);
    EXPECT_EQ(drillCount(*db, drill.takeFirst().constFirst().value<TicketFilter>()), k.trend.at(day).created);
    emit bars->clicked(day, bars->barSets().at(1));
    EXPECT_EQ(drillCount(*db, drill.takeFirst().constFirst().value<TicketFilter>()), k.trend.at(day).solved);

    // A point of the backlog line: the tickets open at the end of that day.
    auto *backlog = qobject_cast<QChartView *>(page.card(QStringLiteral("backlogCard"))->body());
    auto *line = qobject_cast<QLineSeries *>(backlog->chart()->series().constFirst());
    ASSERT_NE(line, nullptr);
    ASSERT_EQ(line->count(), k.trend.size());
    emit line->clicked(line->at(10));
    ASSERT_EQ(drill.count(), 1);
    EXPECT_EQ(drillCount(*db, drill.takeFirst().constFirst().value<TicketFilter>()), k.trend.at(10).backlog);

    // An agent's bar: what they solved.
    auto *agents = qobject_cast<QChartView *>(page.card(QStringLiteral("agentsChartCard"))->body());
    auto *agentBars = qobject_cast<QAbstractBarSeries *>(agents->chart()->series().constFirst());
    ASSERT_NE(agentBars, nullptr);
    const int top = agentBars->barSets().at(0)->count() - 1; // the busiest, drawn at the top
    emit agentBars->clicked(top, agentBars->barSets().at(0));
    ASSERT_EQ(drill.count(), 1);
    EXPECT_EQ(drillCount(*db, drill.takeFirst().constFirst().value<TicketFilter>()),
              qint64(agentBars->barSets().at(0)->at(top)));
}

TEST(Dashboard, DrillDownOpensTheTicketListAndComesBack)
{
    QTemporaryDir dir;
    MainWindow window(demo(dir));
    window.resize(1300, 900);
    window.show();
    DashboardPage *page = window.dashboardPage();
    page->setNow(kNow);
    page->setPreset(DashboardPage::Preset::Last30Days);
    window.showPage(MainWindow::Page::Dashboard);
    ASSERT_TRUE(waitForFigures(*page));
    const qint64 backlog = page->figures()->backlog;
    QTest::mouseClick(page->tile(DashboardPage::Backlog), Qt::LeftButton);
    auto *pages = window.findChild<QStackedWidget *>();
    EXPECT_EQ(pages->currentWidget(), window.ticketsPage());
    EXPECT_EQ(window.ticketsPage()->model()->rowCount(), backlog);
    auto *title = child<QLabel>(window.ticketsPage(), "titleLabel");
    EXPECT_TRUE(title->text().contains(QStringLiteral("Backlog"))) << title->text().toStdString();
    auto *back = child<QToolButton>(window.ticketsPage(), "backButton");
    ASSERT_TRUE(back->isVisible());
    QTest::mouseClick(back, Qt::LeftButton);
    EXPECT_EQ(pages->currentWidget(), page);
    // A queue chosen afterwards is the whole queue again.
    window.ticketsPage()->showQueue(Queue::All);
    EXPECT_FALSE(back->isVisible());
    EXPECT_EQ(window.ticketsPage()->model()->rowCount(), 1'500);
}

TEST(Dashboard, AnEmptyPeriodSaysSoAndHowToFillIt)
{
    TicketFixture f; // customers, a team and an agent, no tickets or calls
    DashboardPage page(f.db.database());
    page.resize(1024, 700);
    page.setPreset(DashboardPage::Preset::Last7Days);
    page.show();
    ASSERT_TRUE(waitForFigures(page));
    auto *hint = child<QLabel>(&page, "emptyHint");
    EXPECT_TRUE(hint->isVisible());
    EXPECT_TRUE(hint->text().contains(QStringLiteral("No data in this period."))) << hint->text().toStdString();
    // No zeros and flat charts in its place.
    EXPECT_FALSE(page.tile(DashboardPage::Created)->isVisible());
    for (ChartCard *card : page.cards())
        EXPECT_FALSE(card->isVisible()) << card->objectName().toStdString();
    QSignalSpy newTicket(&page, &DashboardPage::newTicketRequested);
    QSignalSpy logCall(&page, &DashboardPage::logCallRequested);
    emit hint->linkActivated(QStringLiteral("ticket"));
    emit hint->linkActivated(QStringLiteral("log"));
    EXPECT_EQ(newTicket.size(), 1);
    EXPECT_EQ(logCall.size(), 1);
    auto *period = child<QComboBox>(&page, "periodCombo");
    emit hint->linkActivated(QStringLiteral("period"));
    EXPECT_TRUE(period->view()->isVisible());
    period->hidePopup();

    // A filter may be why nothing is counted: the hint offers to drop it.
    QSignalSpy refreshed(&page, &DashboardPage::refreshed);
    auto *channel = child<QComboBox>(&page, "channelCombo");
    channel->setCurrentIndex(1);
    emit channel->activated(1);
    ASSERT_TRUE(waitForNewFigures(page, refreshed));
    EXPECT_TRUE(hint->text().contains(QStringLiteral("for these filters"))) << hint->text().toStdString();
    emit hint->linkActivated(QStringLiteral("filters"));
    EXPECT_EQ(channel->currentIndex(), 0);
    EXPECT_FALSE(page.filter().channel.has_value());

    // A ticket created now fills the period: figures, not the hint.
    ASSERT_TRUE(waitForNewFigures(page, refreshed));
    f.create();
    ASSERT_TRUE(waitForNewFigures(page, refreshed));
    EXPECT_FALSE(hint->isVisible());
    EXPECT_TRUE(page.tile(DashboardPage::Created)->isVisible());
    EXPECT_EQ(page.tile(DashboardPage::Created)->value(), QLocale().toString(1));
    for (ChartCard *card : page.cards())
        EXPECT_TRUE(card->isVisible()) << card->objectName().toStdString();
    // Shares and medians with nothing to divide by read as no figure, not 0% or nan.
    for (DashboardPage::Tile t : {DashboardPage::Resolution, DashboardPage::Fcr, DashboardPage::Reopen,
                                  DashboardPage::Csat, DashboardPage::Nps, DashboardPage::Aht})
        EXPECT_EQ(page.tile(t)->value(), kpiformat::none()) << page.tile(t)->caption().toStdString();
}

TEST_F(DashboardFixture, AgentTableSortsByTheNumberWithEmptyFiguresLast)
{
    AgentKpiModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    QSortFilterProxyModel proxy;
    proxy.setSourceModel(&model);
    proxy.setSortRole(AgentKpiModel::SortRole);
    QAbstractItemModelTester proxyTester(&proxy, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.setAgents(page.figures()->perAgent);
    ASSERT_EQ(model.rowCount(), page.figures()->perAgent.size());
    proxy.sort(AgentKpiModel::Aht, Qt::AscendingOrder);
    double last = -1;
    bool emptySeen = false;
    for (int r = 0; r < proxy.rowCount(); ++r) {
        const QModelIndex index = proxy.index(r, AgentKpiModel::Aht);
        const bool empty = index.data().toString() == QStringLiteral("–");
        if (empty) {
            emptySeen = true;
            continue;
        }
        EXPECT_FALSE(emptySeen) << "a figure after an empty one";
        EXPECT_GE(index.data(AgentKpiModel::SortRole).toDouble(), last);
        last = index.data(AgentKpiModel::SortRole).toDouble();
    }
    model.setAgents({});
    EXPECT_EQ(proxy.rowCount(), 0);
    // The page's own table is sorted by solved, most first.
    const QAbstractItemModel *shown = page.agentTable()->model();
    EXPECT_GE(shown->index(0, AgentKpiModel::Solved).data(AgentKpiModel::SortRole).toLongLong(),
              shown->index(1, AgentKpiModel::Solved).data(AgentKpiModel::SortRole).toLongLong());
}

TEST_F(DashboardFixture, ExportsChartsAsPngAndCsvAndTheReportAsPdf)
{
    ChartCard *volume = page.card(QStringLiteral("volumeCard"));
    const QString png = dir.filePath(QStringLiteral("volume.png"));
    EXPECT_EQ(volume->saveImage(png), QString());
    const QImage image(png);
    EXPECT_GE(image.width(), volume->body()->width());
    const QString csvPath = dir.filePath(QStringLiteral("volume.csv"));
    EXPECT_EQ(volume->exportCsv(csvPath), QString());
    QFile csvFile(csvPath);
    ASSERT_TRUE(csvFile.open(QIODevice::ReadOnly));
    const QByteArray bytes = csvFile.readAll();
    EXPECT_TRUE(bytes.startsWith("\xEF\xBB\xBF"));
    EXPECT_EQ(bytes.count("\r\n"), page.figures()->trend.size() + 1);
    EXPECT_TRUE(bytes.contains(QString::number(page.figures()->trend.constFirst().created).toUtf8()));
    // Every card has its numbers.
    for (ChartCard *card : page.cards())
        EXPECT_GT(card->table().size(), 1) << card->objectName().toStdString();
    // A folder that does not exist: a message, no crash.
    EXPECT_FALSE(volume->exportCsv(dir.filePath(QStringLiteral("missing/volume.csv"))).isEmpty());

    const QString pdf = dir.filePath(QStringLiteral("report.pdf"));
    ASSERT_EQ(page.saveReport(pdf), QString());
    QProcess text;
    text.start(QStringLiteral("pdftotext"), {QStringLiteral("-layout"), pdf, QStringLiteral("-")});
    ASSERT_TRUE(text.waitForFinished(30'000)) << "pdftotext (poppler-utils) is needed";
    const QString content = QString::fromUtf8(text.readAllStandardOutput());
    EXPECT_TRUE(content.contains(QStringLiteral("KPI report")));
    EXPECT_TRUE(content.contains(page.tile(DashboardPage::Created)->value()));
    EXPECT_TRUE(content.contains(page.figures()->perAgent.constFirst().name.section(u' ', 0, 0)));
    EXPECT_TRUE(content.contains(QStringLiteral("Created and solved")));
    EXPECT_FALSE(page.saveReport(dir.filePath(QStringLiteral("missing/report.pdf"))).isEmpty());
}

TEST(KpiFormat, ChangesThatRoundToZeroHaveNoSign)
{
    EXPECT_EQ(kpiformat::signedNumber(-0.04), QStringLiteral("0.0"));
    EXPECT_EQ(kpiformat::signedNumber(0.04), QStringLiteral("0.0"));
    EXPECT_EQ(kpiformat::signedNumber(-0.05), QStringLiteral("−0.1"));
    EXPECT_EQ(kpiformat::signedNumber(2.5), QStringLiteral("+2.5"));
    EXPECT_EQ(kpiformat::signedNumber(std::nullopt), QStringLiteral("–"));
    EXPECT_EQ(kpiformat::minutes(42), QStringLiteral("42 min"));
    EXPECT_EQ(kpiformat::minutes(150), QStringLiteral("2.5 h"));
    EXPECT_EQ(kpiformat::minutes(3 * 1440), QStringLiteral("3.0 days"));
    EXPECT_EQ(kpiformat::seconds(312), QStringLiteral("5 min 12 s"));
}

TEST(Csv, NeutralizesFormulasAndQuotesWhereNeeded)
{
    EXPECT_EQ(csv::field(QStringLiteral("=HYPERLINK(\"http://x\")")),
              QStringLiteral("\"'=HYPERLINK(\"\"http://x\"\")\""));
    EXPECT_EQ(csv::field(QStringLiteral("+1+1")), QStringLiteral("'+1+1"));
    EXPECT_EQ(csv::field(QStringLiteral("@SUM(A1)")), QStringLiteral("'@SUM(A1)"));
    EXPECT_EQ(csv::field(QStringLiteral("-2+3")), QStringLiteral("'-2+3"));
    EXPECT_EQ(csv::field(QStringLiteral("\tx")), QStringLiteral("'\tx"));
    EXPECT_EQ(csv::field(QStringLiteral("\rx")), QStringLiteral("\"'\rx\""));
    EXPECT_EQ(csv::field(QStringLiteral("-12.5")), QStringLiteral("-12.5")); // a number stays a number
    EXPECT_EQ(csv::field(QStringLiteral("山田, 太郎")), QStringLiteral("\"山田, 太郎\""));
    EXPECT_EQ(csv::field(QStringLiteral("1行目\n2行目")), QStringLiteral("\"1行目\n2行目\""));
    EXPECT_EQ(csv::encode({{QStringLiteral("a"), QStringLiteral("b")}}), QByteArray("\xEF\xBB\xBF"
                                                                                    "a,b\r\n"));
}

TEST_F(DashboardFixture, StaffingDialogEstimatesByErlangC)
{
    StaffingDialog dialog(*page.figures(), page.periodDescription());
    dialog.setTarget(80, 20, 0);
    dialog.setTyped(200, 180);
    ASSERT_EQ(dialog.estimates().size(), kHoursPerWeek);
    EXPECT_EQ(dialog.estimates().at(0).agents, 14);
    EXPECT_EQ(child<QTableWidget>(&dialog, "table")->item(0, 0)->text(), QStringLiteral("14"));
    dialog.setTarget(80, 20, 30);
    EXPECT_EQ(dialog.estimates().at(0).scheduled, 20);
    // Observed: the phone arrivals of the period by hour of the week.
    auto *observed = child<QRadioButton>(&dialog, "observedRadio");
    observed->setChecked(true);
    dialog.setChannel(Channel::Phone);
    const WeekHours &phone = page.figures()->arrivals.at(qsizetype(Channel::Phone));
    int busiest = 0;
    for (int h = 0; h < kHoursPerWeek; ++h) {
        if (phone[std::size_t(h)] * 1.0 / std::max(1, page.figures()->weekdays[std::size_t(h / 24)])
            > phone[std::size_t(busiest)] * 1.0 / std::max(1, page.figures()->weekdays[std::size_t(busiest / 24)]))
            busiest = h;
    }
    ASSERT_GT(phone[std::size_t(busiest)], 0);
    const double perHour = double(phone[std::size_t(busiest)]) / page.figures()->weekdays[std::size_t(busiest / 24)];
    EXPECT_DOUBLE_EQ(dialog.estimates().at(busiest).callsPerHour, perHour);
    EXPECT_GE(dialog.estimates().at(busiest).agents, 1);
    EXPECT_TRUE(dialog.summary().contains(displayName(Channel::Phone))) << dialog.summary().toStdString();
    const QString path = dir.filePath(QStringLiteral("staffing.csv"));
    EXPECT_EQ(dialog.exportCsv(path), QString());
    QFile file(path);
    ASSERT_TRUE(file.open(QIODevice::ReadOnly));
    EXPECT_EQ(file.readAll().count("\r\n"), kHoursPerWeek + 1);
}

TEST(Dashboard, AFewTicketsGetWholeNumberStepsOnEveryCountAxis)
{
    QTemporaryDir dir;
    auto db = Database::open(dir.filePath(QStringLiteral("few.sqlite")));
    ASSERT_TRUE(db);
    DemoOptions options;
    options.customers = 3;
    options.tickets = 2;
    options.interactions = 3;
    options.anchor = QDate(2026, 11, 1);
    ASSERT_TRUE(generateDemoData(*db.value(), options));
    DashboardPage page(*db.value());
    page.resize(1300, 900);
    page.setNow(kNow);
    page.setPreset(DashboardPage::Preset::Last30Days);
    page.show();
    ASSERT_TRUE(waitForFigures(page));
    int checked = 0;
    for (auto *view : page.findChildren<QChartView *>()) {
        for (QAbstractAxis *axis : view->chart()->axes(Qt::Vertical)) {
            auto *values = qobject_cast<QValueAxis *>(axis);
            if (!values || values->labelFormat() != QStringLiteral("%.0f") || values->min() != 0)
                continue;
            const double step = (values->max() - values->min()) / (values->tickCount() - 1);
            EXPECT_EQ(step, std::round(step)) << view->chart()->title().toStdString() << ": 0 to " << values->max()
                                              << " in " << values->tickCount() - 1 << " steps";
            ++checked;
        }
    }
    EXPECT_GT(checked, 0);
}

TEST_F(DashboardFixture, ChartsFollowTheDarkPalette)
{
    auto *volume = qobject_cast<QChartView *>(page.card(QStringLiteral("volumeCard"))->body());
    const QColor light = volume->chart()->backgroundBrush().color();
    // The report paints on paper colours and gives the screen its own back,
    // so a later switch to dark reaches every chart (the heatmap missed it once).
    ASSERT_EQ(page.saveReport(dir.filePath(QStringLiteral("report.pdf"))), QString());
    applyAppearance(Appearance::Dark);
    QApplication::processEvents();
    const QColor background = volume->chart()->backgroundBrush().color();
    const QColor title = volume->chart()->titleBrush().color();
    const QColor heatmap = page.card(QStringLiteral("arrivalsCard"))->body()->palette().color(QPalette::Base);
    // Cards and tiles are painted in the palette: a style sheet kept them white.
    ChartCard *card = page.card(QStringLiteral("volumeCard"));
    const QColor cardColor = card->grab().toImage().pixelColor(card->width() / 2, 3);
    KpiTile *tile = page.tile(DashboardPage::Created);
    const QColor tileColor = tile->grab().toImage().pixelColor(tile->width() / 2, 3);
    applyAppearance(Appearance::Light);
    EXPECT_EQ(cardColor, darkPalette().color(QPalette::Base));
    EXPECT_EQ(tileColor, darkPalette().color(QPalette::Base));
    EXPECT_EQ(background, darkPalette().color(QPalette::Base));
    EXPECT_NE(background, light);
    EXPECT_EQ(title, darkPalette().color(QPalette::WindowText));
    EXPECT_EQ(heatmap, darkPalette().color(QPalette::Base));
}

TEST_F(DashboardFixture, EachP90IsDashedInItsMediansColour)
{
    // Styled by the line's role (it was by whether its translated name
    // started with "p90").
    for (const char *name : {"firstResponseCard", "resolutionCard"}) {
        auto *view = qobject_cast<QChartView *>(page.card(QString::fromLatin1(name))->body());
        ASSERT_NE(view, nullptr);
        const auto series = view->chart()->series();
        ASSERT_EQ(series.size(), 2) << name;
        auto *median = qobject_cast<QLineSeries *>(series.at(0));
        auto *p90 = qobject_cast<QLineSeries *>(series.at(1));
        ASSERT_TRUE(median && p90);
        EXPECT_EQ(median->pen().style(), Qt::SolidLine) << name;
        EXPECT_EQ(p90->pen().style(), Qt::DashLine) << name;
        EXPECT_EQ(p90->pen().color(), median->pen().color()) << name;
    }
}

TEST(Heatmap, AveragesEachHourOverTheWeekdaysSeen)
{
    HeatmapWidget heatmap;
    WeekHours counts{};
    counts[0 * 24 + 9] = 10; // Mondays 9:00, over two Mondays
    counts[6 * 24 + 23] = 3;
    heatmap.setData(counts, {2, 1, 1, 1, 1, 1, 1});
    EXPECT_DOUBLE_EQ(heatmap.average(9), 5);
    EXPECT_DOUBLE_EQ(heatmap.average(6 * 24 + 23), 3);
    EXPECT_DOUBLE_EQ(heatmap.average(30), 0);
    heatmap.setData(counts, {0, 0, 0, 0, 0, 0, 0});
    EXPECT_DOUBLE_EQ(heatmap.average(9), 0);
    heatmap.resize(heatmap.sizeHint());
    heatmap.grab(); // paints without data trouble
}
