#include "dashboard/dashboardpage.h"
#include "ui_dashboardpage.h"

#include "config/displaytimezone.h"
#include "dashboard/chartcard.h"
#include "dashboard/chartstyle.h"
#include "dashboard/dashboardreport.h"
#include "dashboard/heatmapwidget.h"
#include "dashboard/kpitile.h"
#include "dashboard/staffingdialog.h"
#include "domain/categories.h"
#include "kit/formstyle.h"
#include "kpi/kpiformat.h"
#include "models/agentkpimodel.h"
#include "repositories/categoryrepository.h"
#include "repositories/directoryrepository.h"
#include "storage/backgroundwork.h"
#include "storage/database.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QFileDialog>
#include <QHeaderView>
#include <QHorizontalBarSeries>
#include <QLegend>
#include <QLineSeries>
#include <QMenu>
#include <QMessageBox>
#include <QPrintDialog>
#include <QPrinter>
#include <QShortcut>
#include <QSortFilterProxyModel>
#include <QStandardPaths>
#include <QTableView>
#include <QTimer>
#include <QToolTip>
#include <QValueAxis>

#include <algorithm>
#include <cmath>

namespace madoguchi {

namespace {

constexpr int kMaxAgentBars = 12;
constexpr int kDailyStepsUpTo = 31; // longer periods trend by week

QChartView *makeChartView(QWidget *parent)
{
    auto *chart = new QChart;
    chart->setAnimationOptions(QChart::NoAnimation);
    chart->legend()->setAlignment(Qt::AlignBottom);
    chart->setMargins(QMargins(4, 4, 4, 4));
    auto *view = new QChartView(chart, parent);
    view->setRenderHint(QPainter::Antialiasing);
    view->setMinimumHeight(260);
    view->setMinimumWidth(280);
    view->setFrameShape(QFrame::NoFrame);
    return view;
}

void clearChart(QChart *chart)
{
    chart->removeAllSeries();
    for (QAbstractAxis *axis : chart->axes()) {
        chart->removeAxis(axis);
        delete axis;
    }
}

// A value axis from 0 to a little above `top`, on round numbers.
QValueAxis *valueAxis(double top, const QString &title = {})
{
    auto *axis = new QValueAxis;
    axis->setRange(0, top > 0 ? top * 1.08 : 1);
    axis->applyNiceNumbers();
    // Whole-number labels need whole-number steps: 0–2 in four steps would
    // read 0, 0, 1, 1, 2 (a first day's single ticket).
    if (const double span = axis->max() - axis->min(); span < axis->tickCount() - 1) {
        const int whole = std::max(1, int(std::ceil(axis->max())));
        axis->setRange(0, whole);
        axis->setTickCount(whole + 1);
    }
    axis->setLabelFormat(QStringLiteral("%.0f"));
    axis->setTitleText(title);
    return axis;
}

// The unit a set of durations in minutes reads best in.
struct DurationUnit
{
    double minutes;
    QString title;
};

DurationUnit unitFor(double largestMinutes)
{
    if (largestMinutes < 120)
        return {1, DashboardPage::tr("Minutes")};
    if (largestMinutes < 72 * 60)
        return {60, DashboardPage::tr("Hours")};
    return {1440, DashboardPage::tr("Days")};
}

KpiTile::Trend judge(const std::optional<double> &now, const std::optional<double> &before, int betterWhen)
{
    if (!now || !before || betterWhen == 0 || std::abs(*now - *before) < 1e-9)
        return KpiTile::Trend::Neutral;
    return (*now > *before) == (betterWhen > 0) ? KpiTile::Trend::Good : KpiTile::Trend::Bad;
}

std::optional<double> asOptional(qint64 v)
{
    return double(v);
}

// A category axis that shows every name in full, without grid lines.
QBarCategoryAxis *categoryAxis(const QStringList &names)
{
    auto *axis = new QBarCategoryAxis;
    axis->append(names);
    axis->setGridLineVisible(false);
    axis->setTruncateLabels(false);
    return axis;
}

// Adds `series` to `chart` on axes x (bottom) and y, which may already be there.
void attach(QChart *chart, QAbstractSeries *series, QAbstractAxis *x, QAbstractAxis *y,
            Qt::Alignment yAlign = Qt::AlignLeft)
{
    chart->addSeries(series);
    if (!chart->axes(Qt::Horizontal).contains(x))
        chart->addAxis(x, Qt::AlignBottom);
    if (!chart->axes(Qt::Vertical).contains(y))
        chart->addAxis(y, yAlign);
    series->attachAxis(x);
    series->attachAxis(y);
}

void showTip(const QString &text)
{
    QToolTip::showText(QCursor::pos(), text);
}

// A figure for CSV: two decimals, nothing when there is none.
QString csvNumber(const std::optional<double> &v)
{
    return v ? QString::number(*v, 'f', 2) : QString();
}

// The CSV columns of two figures of each step of the trend.
std::function<QStringList(const TrendPoint &)> figuresOf(std::optional<double> TrendPoint::*first,
                                                         std::optional<double> TrendPoint::*second)
{
    return [first, second](const TrendPoint &p) { return QStringList{csvNumber(p.*first), csvNumber(p.*second)}; };
}

// The age buckets of the backlog (KpiEngine's five), youngest first.
QStringList ageBucketNames()
{
    return {DashboardPage::tr("Under 1 day"), DashboardPage::tr("1–3 days"), DashboardPage::tr("3–7 days"),
            DashboardPage::tr("7–30 days"), DashboardPage::tr("Over 30 days")};
}

// Nothing happened in the period and nothing was open at its end: no
// ticket created, solved or in the backlog, no contact, no survey answer.
bool nothingIn(const Kpis &k)
{
    const bool contacts = std::any_of(k.perChannel.cbegin(), k.perChannel.cend(),
                                      [](const ChannelKpis &c) { return c.interactions > 0; });
    return k.ticketsCreated == 0 && k.ticketsSolved == 0 && k.backlog == 0 && !contacts && !k.csatPercent && !k.nps;
}

} // namespace

struct DashboardPage::Charts
{
    QChartView *volume = nullptr;
    QChartView *backlog = nullptr;
    QChartView *firstResponse = nullptr;
    QChartView *resolution = nullptr;
    QChartView *age = nullptr;
    QChartView *sla = nullptr;
    QChartView *satisfaction = nullptr;
    QChartView *channels = nullptr;
    QChartView *agents = nullptr;
    QList<QUuid> agentBars;  // the agent of each bar, top first
    QList<Priority> slaRows; // the priority of each row of the SLA chart
};

DashboardPage::DashboardPage(const Database &database, QWidget *parent)
    : QWidget(parent)
    , m_database(database)
    , m_ui(std::make_unique<Ui::DashboardPage>())
    , m_charts(std::make_unique<Charts>())
    , m_zone(displayTimeZone(database))
    , m_refreshDelay(new QTimer(this))
{
    m_ui->setupUi(this);
    letFiltersShrink(m_ui->filterBar);
    // The period and its comparison wrap rather than widen the window.
    m_ui->periodLabel->setWordWrap(true);
    m_work = new BackgroundWork(this);
    // Every figure comes from tickets, their history, interactions and surveys.
    connect(&database.changes(), &ChangeHub::changed, this, [this](const ChangeSet &changes) {
        if (changes.touchesAny({QStringLiteral("tickets"), QStringLiteral("ticket_events"),
                                QStringLiteral("interactions"), QStringLiteral("csat_responses"),
                                QStringLiteral("agents"), QStringLiteral("teams")}))
            dataChanged();
    });
    stylePageTitle(m_ui->titleLabel);
    m_ui->busyBar->setRange(0, 0);
    m_ui->busyBar->hide();
    m_ui->statusLabel->hide();
    m_refreshDelay->setSingleShot(true);
    m_refreshDelay->setInterval(150);
    connect(m_refreshDelay, &QTimer::timeout, this, &DashboardPage::startComputation);
    buildFilters();
    buildTiles();
    buildCharts();
    buildExportMenu();
    connect(m_ui->refreshButton, &QToolButton::clicked, this, &DashboardPage::refresh);
    auto *f5 = new QShortcut(QKeySequence::Refresh, this);
    f5->setContext(Qt::WidgetWithChildrenShortcut);
    connect(f5, &QShortcut::activated, this, &DashboardPage::refresh);
    connect(m_ui->staffingButton, &QPushButton::clicked, this, &DashboardPage::showStaffing);
    m_ui->staffingButton->setEnabled(false);
    restyleCharts();
    m_ui->scrollArea->viewport()->installEventFilter(this);
    m_ui->emptyHint->hide();
    m_ui->contentsLayout->setStretchFactor(m_ui->emptyHint, 1);
    connect(m_ui->emptyHint, &QLabel::linkActivated, this, [this](const QString &link) {
        if (link == u"period") {
            m_ui->periodCombo->setFocus(Qt::OtherFocusReason);
            m_ui->periodCombo->showPopup();
        } else if (link == u"filters") {
            setFilter({});
        } else if (link == u"ticket") {
            emit newTicketRequested();
        } else if (link == u"log") {
            emit logCallRequested();
        }
    });
}

DashboardPage::~DashboardPage() = default; // m_work waits for its worker

// ---- period and filters ---------------------------------------------------

void DashboardPage::buildFilters()
{
    m_ui->periodCombo->addItem(tr("Today"), int(Preset::Today));
    m_ui->periodCombo->addItem(tr("Last 7 days"), int(Preset::Last7Days));
    m_ui->periodCombo->addItem(tr("Last 30 days"), int(Preset::Last30Days));
    m_ui->periodCombo->addItem(tr("This quarter"), int(Preset::ThisQuarter));
    m_ui->periodCombo->addItem(tr("Custom period"), int(Preset::Custom));
    m_ui->periodCombo->setCurrentIndex(int(Preset::Last7Days));
    m_ui->fromEdit->setDisplayFormat(QLocale().dateFormat(QLocale::ShortFormat));
    m_ui->toEdit->setDisplayFormat(QLocale().dateFormat(QLocale::ShortFormat));
    connect(m_ui->periodCombo, &QComboBox::activated, this, &DashboardPage::presetChosen);
    for (QDateEdit *edit : {m_ui->fromEdit, m_ui->toEdit}) {
        connect(edit, &QDateEdit::userDateChanged, this, [this] {
            if (preset() != Preset::Custom) {
                const QSignalBlocker block(m_ui->periodCombo);
                m_ui->periodCombo->setCurrentIndex(int(Preset::Custom));
            }
            if (m_ui->toEdit->date() < m_ui->fromEdit->date()) {
                const QSignalBlocker block(m_ui->toEdit);
                m_ui->toEdit->setDate(m_ui->fromEdit->date());
            }
            scheduleRefresh();
        });
    }

    m_ui->channelCombo->addItem(tr("All channels"));
    for (const QString &key : allKeys<Channel>())
        m_ui->channelCombo->addItem(displayName(*fromKey<Channel>(key)), int(*fromKey<Channel>(key)));
    m_ui->priorityCombo->addItem(tr("All priorities"));
    for (const QString &key : allKeys<Priority>())
        m_ui->priorityCombo->addItem(displayName(*fromKey<Priority>(key)), int(*fromKey<Priority>(key)));
    reloadChoices();
    for (QComboBox *combo :
         {m_ui->teamCombo, m_ui->agentCombo, m_ui->channelCombo, m_ui->priorityCombo, m_ui->categoryCombo}) {
        combo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
        combo->setMinimumContentsLength(9);
        connect(combo, &QComboBox::activated, this, &DashboardPage::scheduleRefresh);
    }
    connect(m_ui->teamCombo, &QComboBox::activated, this, &DashboardPage::reloadChoices);
    presetChosen();
}

// Teams, agents (of the chosen team) and categories, keeping the choices.
void DashboardPage::reloadChoices()
{
    const QSqlDatabase db = m_database.connection();
    const QUuid team = m_ui->teamCombo->currentData().toUuid();
    const QUuid agent = m_ui->agentCombo->currentData().toUuid();
    const QString category = m_ui->categoryCombo->currentData().toString();
    const QSignalBlocker a(m_ui->teamCombo), b(m_ui->agentCombo), c(m_ui->categoryCombo);
    DirectoryRepository directory(db);
    m_ui->teamCombo->clear();
    m_ui->teamCombo->addItem(tr("All teams"), QUuid());
    for (const Team &t : directory.teams().value_or(QList<Team>()))
        m_ui->teamCombo->addItem(t.name, t.id);
    m_ui->teamCombo->setCurrentIndex(std::max(0, m_ui->teamCombo->findData(team)));
    m_ui->agentCombo->clear();
    m_ui->agentCombo->addItem(tr("All agents"), QUuid());
    for (const Agent &ag : directory.agents().value_or(QList<Agent>())) {
        if (team.isNull() || ag.teamId == team)
            m_ui->agentCombo->addItem(ag.name, ag.id);
    }
    m_ui->agentCombo->setCurrentIndex(std::max(0, m_ui->agentCombo->findData(agent)));
    m_ui->categoryCombo->clear();
    m_ui->categoryCombo->addItem(tr("All categories"), QString());
    for (const Category &cat : CategoryRepository(db).categories(true).value_or(QList<Category>()))
        m_ui->categoryCombo->addItem(cat.displayName, cat.key);
    m_ui->categoryCombo->setCurrentIndex(std::max(0, m_ui->categoryCombo->findData(category)));
}

void DashboardPage::setNow(const QDateTime &now)
{
    m_fixedNow = now;
    presetChosen();
}

QDateTime DashboardPage::now() const
{
    return m_fixedNow.value_or(QDateTime::currentDateTimeUtc());
}

void DashboardPage::setTimeZone(const QTimeZone &zone)
{
    m_zone = zone;
    dataChanged();
}

void DashboardPage::setPreset(Preset p)
{
    m_ui->periodCombo->setCurrentIndex(int(p));
    presetChosen();
}

DashboardPage::Preset DashboardPage::preset() const
{
    return Preset(m_ui->periodCombo->currentData().toInt());
}

void DashboardPage::setCustomPeriod(const QDate &first, const QDate &last)
{
    const QSignalBlocker a(m_ui->fromEdit), b(m_ui->toEdit), c(m_ui->periodCombo);
    m_ui->periodCombo->setCurrentIndex(int(Preset::Custom));
    m_ui->fromEdit->setDate(first);
    m_ui->toEdit->setDate(std::max(first, last));
    scheduleRefresh();
}

// A preset sets the two dates (in the team's time zone, today included).
void DashboardPage::presetChosen()
{
    const QDate today = now().toTimeZone(m_zone).date();
    QDate first = m_ui->fromEdit->date();
    switch (preset()) {
    case Preset::Today: first = today; break;
    case Preset::Last7Days: first = today.addDays(-6); break;
    case Preset::Last30Days: first = today.addDays(-29); break;
    case Preset::ThisQuarter: first = QDate(today.year(), (today.month() - 1) / 3 * 3 + 1, 1); break;
    case Preset::Custom: scheduleRefresh(); return;
    }
    const QSignalBlocker a(m_ui->fromEdit), b(m_ui->toEdit);
    m_ui->fromEdit->setDate(first);
    m_ui->toEdit->setDate(today);
    scheduleRefresh();
}

KpiPeriod DashboardPage::period() const
{
    return {m_ui->fromEdit->date(), m_ui->toEdit->date().addDays(1)};
}

KpiPeriod DashboardPage::previousPeriod() const
{
    const KpiPeriod p = period();
    return {p.from.addDays(-p.from.daysTo(p.to)), p.from};
}

KpiFilter DashboardPage::filter() const
{
    KpiFilter f;
    f.team = m_ui->teamCombo->currentData().toUuid();
    f.agent = m_ui->agentCombo->currentData().toUuid();
    if (const QVariant c = m_ui->channelCombo->currentData(); c.isValid())
        f.channel = Channel(c.toInt());
    if (const QVariant p = m_ui->priorityCombo->currentData(); p.isValid())
        f.priority = Priority(p.toInt());
    f.category = m_ui->categoryCombo->currentData().toString();
    return f;
}

void DashboardPage::setFilter(const KpiFilter &f)
{
    m_ui->teamCombo->setCurrentIndex(std::max(0, m_ui->teamCombo->findData(f.team)));
    reloadChoices();
    m_ui->agentCombo->setCurrentIndex(std::max(0, m_ui->agentCombo->findData(f.agent)));
    m_ui->channelCombo->setCurrentIndex(f.channel ? m_ui->channelCombo->findData(int(*f.channel)) : 0);
    m_ui->priorityCombo->setCurrentIndex(f.priority ? m_ui->priorityCombo->findData(int(*f.priority)) : 0);
    m_ui->categoryCombo->setCurrentIndex(std::max(0, m_ui->categoryCombo->findData(f.category)));
    scheduleRefresh();
}

QString DashboardPage::periodDescription() const
{
    const KpiPeriod p = period();
    const QDate last = p.to.addDays(-1);
    const QLocale locale;
    const int days = int(p.from.daysTo(p.to));
    const QString range = p.from == last ? locale.toString(p.from, QLocale::LongFormat)
                                         : tr("%1 – %2").arg(locale.toString(p.from, QLocale::ShortFormat),
                                                             locale.toString(last, QLocale::ShortFormat));
    return tr("%1 (%n day(s))", nullptr, days).arg(range);
}

QString DashboardPage::filterDescription() const
{
    QStringList parts;
    for (QComboBox *combo :
         {m_ui->teamCombo, m_ui->agentCombo, m_ui->channelCombo, m_ui->priorityCombo, m_ui->categoryCombo}) {
        if (combo->currentIndex() > 0)
            parts << QStringLiteral("%1: %2").arg(combo->accessibleName().section(u' ', 0, 0), combo->currentText());
    }
    return parts.join(QStringLiteral(" · "));
}

// ---- computing -------------------------------------------------------------

void DashboardPage::dataChanged()
{
    m_stale = true;
    if (isVisible())
        scheduleRefresh();
}

void DashboardPage::refresh()
{
    m_stale = true;
    reloadChoices();
    startComputation();
}

void DashboardPage::scheduleRefresh()
{
    m_stale = true;
    if (isVisible() || m_current)
        m_refreshDelay->start();
}

bool DashboardPage::isBusy() const
{
    return m_work->isBusy() || m_refreshDelay->isActive();
}

void DashboardPage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_stale)
        scheduleRefresh();
}

void DashboardPage::startComputation()
{
    // One computation at a time, on its own connection; a request that comes
    // meanwhile runs when it ends, and only the latest figures are shown.
    if (m_work->isBusy()) {
        m_rerun = true;
        return;
    }
    m_stale = false;
    const KpiPeriod current = period();
    const KpiPeriod previous = previousPeriod();
    const KpiFilter f = filter();
    const QDateTime clock = now();
    const TrendStep step = current.from.daysTo(current.to) <= kDailyStepsUpTo ? TrendStep::Day : TrendStep::Week;
    const QTimeZone zone = m_zone;
    m_work->read(
        &m_database,
        [zone, current, previous, f, clock, step](QSqlDatabase db) {
            const KpiEngine engine(db, zone);
            auto now = engine.compute(current, f, clock, step);
            auto before = now ? engine.compute(previous, f, clock, step) : now;
            return std::pair{std::move(now), std::move(before)};
        },
        [this, current, f, clock](std::pair<Result<Kpis>, Result<Kpis>> figures) {
            // Superseded: the next run shows its own figures.
            if (std::exchange(m_rerun, false))
                startComputation();
            else
                showFigures(figures.first, figures.second, current, f, clock);
            updateBusy();
        });
    updateBusy();
}

void DashboardPage::showFigures(const Result<Kpis> &now, const Result<Kpis> &before, const KpiPeriod &period,
                                const KpiFilter &filter, const QDateTime &clock)
{
    if (!now || !before) {
        const Error &e = now ? before.error() : now.error();
        m_ui->statusLabel->setText(tr("The figures could not be read: %1").arg(e.message));
        m_ui->statusLabel->show();
        emit refreshed();
        return;
    }
    m_ui->statusLabel->hide();
    m_current = now.value();
    m_previous = before.value();
    m_shownPeriod = period;
    m_shownFilter = filter;
    m_shownNow = clock;
    applyFigures();
}

void DashboardPage::updateBusy()
{
    m_ui->busyBar->setVisible(m_work->isBusy());
    m_ui->refreshButton->setEnabled(!m_work->isBusy());
}

void DashboardPage::applyFigures()
{
    // Everything swaps in at once: one repaint with the new figures.
    m_ui->contents->setUpdatesEnabled(false);
    const KpiPeriod before = previousPeriod();
    const QLocale locale;
    m_ui->periodLabel->setText(tr("%1 · changes against %2 – %3")
                                   .arg(periodDescription(), locale.toString(before.from, QLocale::ShortFormat),
                                        locale.toString(before.to.addDays(-1), QLocale::ShortFormat)));
    applyTiles();
    applyCharts();
    applyEmptyState();
    m_agentModel->setAgents(m_current->perAgent);
    m_heatmap->setData(
        [this] {
            WeekHours sum{};
            for (const WeekHours &channel : std::as_const(m_current->arrivals)) {
                for (int h = 0; h < kHoursPerWeek; ++h)
                    sum[std::size_t(h)] += channel[std::size_t(h)];
            }
            return sum;
        }(),
        m_current->weekdays);
    m_ui->staffingButton->setEnabled(true);
    m_ui->contents->setUpdatesEnabled(true);
    emit refreshed();
}

// ---- tiles -----------------------------------------------------------------

void DashboardPage::buildTiles()
{
    const QStringList captions{tr("Tickets created"),
                               tr("Tickets solved"),
                               tr("Backlog"),
                               tr("First response (median)"),
                               tr("Resolution (median)"),
                               tr("Average handle time"),
                               tr("Escalation rate"),
                               tr("First contact resolution"),
                               tr("Reopen rate"),
                               tr("CSAT"),
                               tr("NPS"),
                               tr("SLA: first response"),
                               tr("SLA: resolution")};
    for (int i = 0; i < TileCount; ++i) {
        auto *tile = new KpiTile(captions.at(i), m_ui->contents);
        tile->setObjectName(QStringLiteral("tile%1").arg(i));
        m_ui->tilesLayout->addWidget(tile, i / m_tileColumns, i % m_tileColumns);
        connect(tile, &KpiTile::clicked, this, [this, i] { drillIntoTile(Tile(i)); });
        m_tiles << tile;
    }
}

void DashboardPage::applyTiles()
{
    const Kpis &k = *m_current;
    const Kpis &p = *m_previous;
    // The change against the previous period: relative for counts and
    // durations, in points for shares. The period compared is named once,
    // beside the period.
    // The arrow follows the change as shown (one decimal): none for "0.0".
    auto arrow = [](double change) {
        const double shown = std::round(change * 10.0) / 10.0;
        return shown > 0 ? QStringLiteral("▲") : shown < 0 ? QStringLiteral("▼") : QStringLiteral("●");
    };
    auto relative = [&](const std::optional<double> &now, const std::optional<double> &before) {
        if (!now || !before)
            return tr("nothing to compare");
        if (std::abs(*before) < 1e-9)
            return std::abs(*now) < 1e-9 ? tr("● no change") : tr("▲ new");
        const double change = (*now - *before) / std::abs(*before) * 100.0;
        return QStringLiteral("%1 %2").arg(arrow(change), tr("%1%").arg(kpiformat::signedNumber(change)));
    };
    auto points = [&](const std::optional<double> &now, const std::optional<double> &before, double scale) {
        if (!now || !before)
            return tr("nothing to compare");
        const double change = (*now - *before) * scale;
        return QStringLiteral("%1 %2").arg(arrow(change), tr("%1 pts").arg(kpiformat::signedNumber(change)));
    };
    auto set = [&](Tile t, const QString &value, const QString &change, KpiTile::Trend trend, const QString &tip) {
        m_tiles[t]->setValue(value, change, trend, tip + u'\n' + tr("Click to list the tickets behind this figure."));
    };
    set(Created, kpiformat::count(k.ticketsCreated),
        relative(asOptional(k.ticketsCreated), asOptional(p.ticketsCreated)), KpiTile::Trend::Neutral,
        tr("Tickets created in the period (previous period: %1).").arg(kpiformat::count(p.ticketsCreated)));
    set(Solved, kpiformat::count(k.ticketsSolved), relative(asOptional(k.ticketsSolved), asOptional(p.ticketsSolved)),
        judge(asOptional(k.ticketsSolved), asOptional(p.ticketsSolved), +1),
        tr("Tickets whose last solve fell in the period (previous period: %1).").arg(kpiformat::count(p.ticketsSolved)));
    set(Backlog, kpiformat::count(k.backlog), relative(asOptional(k.backlog), asOptional(p.backlog)),
        judge(asOptional(k.backlog), asOptional(p.backlog), -1),
        tr("Tickets not solved or closed at the end of the period (at the end of the previous period: %1).")
            .arg(kpiformat::count(p.backlog)));
    set(FirstResponse, kpiformat::minutes(k.firstResponseMinutes.median),
        relative(k.firstResponseMinutes.median, p.firstResponseMinutes.median),
        judge(k.firstResponseMinutes.median, p.firstResponseMinutes.median, -1),
        tr("Median time to the first response, tickets created in the period. p90: %1; in business hours: %2.")
            .arg(kpiformat::minutes(k.firstResponseMinutes.p90),
                 kpiformat::minutes(k.firstResponseMinutes.businessMedian)));
    set(Resolution, kpiformat::minutes(k.resolutionMinutes.median),
        relative(k.resolutionMinutes.median, p.resolutionMinutes.median),
        judge(k.resolutionMinutes.median, p.resolutionMinutes.median, -1),
        tr("Median time from creation to the last solve, tickets solved in the period. p90: %1; in business hours: %2.")
            .arg(kpiformat::minutes(k.resolutionMinutes.p90), kpiformat::minutes(k.resolutionMinutes.businessMedian)));
    set(Aht, kpiformat::seconds(k.ahtSeconds), relative(k.ahtSeconds, p.ahtSeconds),
        judge(k.ahtSeconds, p.ahtSeconds, -1),
        tr("Talk plus wrap-up time, averaged over phone and chat contacts started in the period."));
    set(Escalation, kpiformat::rate(k.escalationRate), points(k.escalationRate, p.escalationRate, 100),
        judge(k.escalationRate, p.escalationRate, -1),
        tr("Tickets created in the period whose escalation level was raised."));
    set(Fcr, kpiformat::rate(k.fcrRate), points(k.fcrRate, p.fcrRate, 100), judge(k.fcrRate, p.fcrRate, +1),
        tr("Tickets solved in the period with exactly one agent contact and never reopened."));
    set(Reopen, kpiformat::rate(k.reopenRate), points(k.reopenRate, p.reopenRate, 100),
        judge(k.reopenRate, p.reopenRate, -1), tr("Tickets solved in the period that were reopened at least once."));
    set(Csat, kpiformat::percent(k.csatPercent), points(k.csatPercent, p.csatPercent, 1),
        judge(k.csatPercent, p.csatPercent, +1), tr("Survey responses received in the period that scored 4 or 5."));
    set(Nps, kpiformat::signedNumber(k.nps, 0), points(k.nps, p.nps, 1), judge(k.nps, p.nps, +1),
        tr("Promoters (9–10) minus detractors (0–6), in % of the NPS responses received in the period."));
    set(SlaFirst, kpiformat::percent(k.slaFirstResponsePercent),
        points(k.slaFirstResponsePercent, p.slaFirstResponsePercent, 1),
        judge(k.slaFirstResponsePercent, p.slaFirstResponsePercent, +1),
        tr("First responses met on time, of those met or fallen due in the period (business hours). Click to list the breaches."));
    set(SlaResolution, kpiformat::percent(k.slaResolutionPercent),
        points(k.slaResolutionPercent, p.slaResolutionPercent, 1),
        judge(k.slaResolutionPercent, p.slaResolutionPercent, +1),
        tr("Resolutions met on time, of those met or fallen due in the period (business hours). Click to list the breaches."));
}

void DashboardPage::applyEmptyState()
{
    const bool empty = nothingIn(*m_current);
    m_ui->emptyHint->setVisible(empty);
    for (KpiTile *tile : std::as_const(m_tiles))
        tile->setVisible(!empty);
    for (ChartCard *card : std::as_const(m_cards))
        card->setVisible(!empty);
    if (!empty)
        return;
    // Filters narrow what is counted: they may be why nothing is.
    const bool filtered = !filterDescription().isEmpty();
    m_ui->emptyHint->setText(
        filtered ? tr("<p style=\"font-size: large\">No data in this period for these filters.</p><p>Choose <a "
                      "href=\"period\">another period</a>, or <a href=\"filters\">show every team, agent and "
                      "channel</a>.</p>")
                 : tr("<p style=\"font-size: large\">No data in this period.</p><p>Tickets, calls and survey answers "
                      "are counted here. Choose <a href=\"period\">another period</a>, or fill this one: <a "
                      "href=\"log\">log a call</a> or <a href=\"ticket\">create a ticket</a>.</p>"));
    m_ui->emptyHint->setAccessibleName(filtered ? tr("No data in this period for these filters")
                                                : tr("No data in this period"));
}

// ---- drill-down --------------------------------------------------------------

qint64 DashboardPage::msOf(const QDate &day) const
{
    return QDateTime(day, QTime(0, 0), m_zone).toMSecsSinceEpoch();
}

void DashboardPage::drillInto(const KpiDrill &drill, const QString &title, const KpiFilter &narrower)
{
    emit drillDownRequested(drillDownFilter(drill, narrower, m_shownNow.toMSecsSinceEpoch(), title));
}

void DashboardPage::drillIntoTile(Tile t)
{
    if (!m_current)
        return;
    struct Target
    {
        KpiSet set;
        QString title;
    };
    const QString when = periodDescription();
    const std::array<Target, TileCount> targets{{
        {KpiSet::Created, tr("Created, %1").arg(when)},
        {KpiSet::Solved, tr("Solved, %1").arg(when)},
        {KpiSet::Backlog, tr("Backlog at the end of %1").arg(when)},
        {KpiSet::FirstResponded, tr("First responses, tickets created %1").arg(when)},
        {KpiSet::Solved, tr("Resolved, %1").arg(when)},
        {KpiSet::Handled, tr("Phone and chat contacts, %1").arg(when)},
        {KpiSet::Escalated, tr("Escalated, created %1").arg(when)},
        {KpiSet::FirstContactResolved, tr("Solved at first contact, %1").arg(when)},
        {KpiSet::Reopened, tr("Reopened, solved %1").arg(when)},
        {KpiSet::Rated, tr("Rated by the customer, %1").arg(when)},
        {KpiSet::Rated, tr("Rated by the customer, %1").arg(when)},
        {KpiSet::FirstResponseBreached, tr("First response breached, %1").arg(when)},
        {KpiSet::ResolutionBreached, tr("Resolution breached, %1").arg(when)},
    }};
    const Target &target = targets[std::size_t(t)];
    drillIntoPeriod(target.set, target.title, m_shownFilter);
}

// The tickets of `set` over the whole period shown.
void DashboardPage::drillIntoPeriod(KpiSet set, const QString &title, const KpiFilter &narrower)
{
    drillInto({set, msOf(m_shownPeriod.from), msOf(m_shownPeriod.to), 0}, title, narrower);
}

QString DashboardPage::stepLabel(const TrendPoint &point) const
{
    //: Date format of chart labels (day and month, no year): Qt date format.
    const QString format = tr("MMM d");
    return QLocale().toString(point.start, format);
}

void DashboardPage::drillIntoStep(KpiSet set, int step, const QString &what)
{
    if (!m_current || step < 0 || step >= m_current->trend.size())
        return;
    const TrendPoint &p = m_current->trend.at(step);
    const QLocale locale;
    const QString when = p.start.daysTo(p.end) == 1
                             ? locale.toString(p.start, QLocale::ShortFormat)
                             : tr("%1 – %2").arg(locale.toString(p.start, QLocale::ShortFormat),
                                                 locale.toString(p.end.addDays(-1), QLocale::ShortFormat));
    drillInto({set, msOf(p.start), msOf(p.end), 0}, QStringLiteral("%1, %2").arg(what, when), m_shownFilter);
}

// ---- charts --------------------------------------------------------------------

ChartCard *DashboardPage::addCard(const QString &objectName, const QString &title, QWidget *body, int row, int column,
                                  int columnSpan)
{
    auto *card = new ChartCard(title, body, m_ui->contents);
    card->setObjectName(objectName);
    m_ui->chartsLayout->addWidget(card, row, column, 1, columnSpan);
    m_cards << card;
    return card;
}

ChartCard *DashboardPage::card(const QString &objectName) const
{
    for (ChartCard *c : m_cards) {
        if (c->objectName() == objectName)
            return c;
    }
    return nullptr;
}

// ---- chart cards: the cards and the numbers behind them ---------------------------

// The bodies first, in this order, then the cards in page order: the order
// widgets are made in is their Tab order, and it stays as it was.
void DashboardPage::buildCharts()
{
    createChartBodies();
    const Charts &c = *m_charts;
    buildVolumeCard();
    buildBacklogCard();
    buildDurationCard(QStringLiteral("firstResponseCard"), tr("First response time"), c.firstResponse, 1, 0,
                      &TrendPoint::firstResponseMedian, &TrendPoint::firstResponseP90);
    buildDurationCard(QStringLiteral("resolutionCard"), tr("Resolution time"), c.resolution, 1, 1,
                      &TrendPoint::resolutionMedian, &TrendPoint::resolutionP90);
    buildSlaCard();
    buildAgeCard();
    buildSatisfactionCard();
    buildChannelsCard();
    buildAgentsChartCard();
    buildArrivalsCard();
    buildAgentsCard();
    m_ui->chartsLayout->setColumnStretch(0, 1);
    m_ui->chartsLayout->setColumnStretch(1, 1);
}

void DashboardPage::createChartBodies()
{
    Charts &c = *m_charts;
    QWidget *parent = m_ui->contents;
    for (QChartView **view : {&c.volume, &c.backlog, &c.firstResponse, &c.resolution, &c.age, &c.sla, &c.satisfaction,
                              &c.channels, &c.agents})
        *view = makeChartView(parent);
    m_heatmap = new HeatmapWidget(parent);
    createAgentTable();
}

void DashboardPage::createAgentTable()
{
    m_agentModel = new AgentKpiModel(this);
    m_agentProxy = new QSortFilterProxyModel(this);
    m_agentProxy->setSourceModel(m_agentModel);
    m_agentProxy->setSortRole(AgentKpiModel::SortRole);
    m_agentTable = new QTableView(m_ui->contents);
    m_agentTable->setModel(m_agentProxy);
    m_agentTable->setSortingEnabled(true);
    m_agentTable->sortByColumn(AgentKpiModel::Solved, Qt::DescendingOrder);
    m_agentTable->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_agentTable->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_agentTable->verticalHeader()->hide();
    m_agentTable->setShowGrid(false);
    m_agentTable->setAlternatingRowColors(true);
    m_agentTable->setFrameShape(QFrame::NoFrame);
    m_agentTable->setMinimumHeight(260);
    m_agentTable->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    // Quality reviews come with [M6]; until then the column would be empty.
    m_agentTable->setColumnHidden(AgentKpiModel::Qa, true);
    m_agentTable->setAccessibleName(tr("Agents"));
    m_agentTable->setToolTip(tr("Double-click an agent to list the tickets they solved in the period."));
    connect(m_agentTable, &QAbstractItemView::activated, this, [this](const QModelIndex &index) {
        if (!m_current)
            return;
        KpiFilter byAgent = m_shownFilter;
        byAgent.agent = index.data(AgentKpiModel::AgentIdRole).toUuid();
        drillIntoPeriod(KpiSet::Solved,
                        tr("Solved by %1, %2")
                            .arg(index.siblingAtColumn(AgentKpiModel::Agent).data().toString(), periodDescription()),
                        byAgent);
    });
}

// The numbers behind a trend chart, for CSV: one row per step.
ChartCard::Table DashboardPage::trendTable(const QStringList &header,
                                           const std::function<QStringList(const TrendPoint &)> &row) const
{
    ChartCard::Table t{QStringList{tr("From"), tr("To")} + header};
    if (!m_current)
        return t;
    for (const TrendPoint &p : std::as_const(m_current->trend))
        t << (QStringList{p.start.toString(Qt::ISODate), p.end.addDays(-1).toString(Qt::ISODate)} + row(p));
    return t;
}

void DashboardPage::buildVolumeCard()
{
    addCard(QStringLiteral("volumeCard"), tr("Created and solved"), m_charts->volume, 0, 0)->setTable([this] {
        return trendTable({tr("Created"), tr("Solved")}, [](const TrendPoint &p) {
            return QStringList{QString::number(p.created), QString::number(p.solved)};
        });
    });
}

void DashboardPage::buildBacklogCard()
{
    addCard(QStringLiteral("backlogCard"), tr("Backlog"), m_charts->backlog, 0, 1)->setTable([this] {
        return trendTable({tr("Backlog at the end")},
                          [](const TrendPoint &p) { return QStringList{QString::number(p.backlog)}; });
    });
}

// First response or resolution time: a median and a p90 per step.
void DashboardPage::buildDurationCard(const QString &objectName, const QString &title, QChartView *view, int row,
                                      int column, TrendValue median, TrendValue p90)
{
    addCard(objectName, title, view, row, column)->setTable([this, median, p90] {
        return trendTable({tr("Median (minutes)"), tr("p90 (minutes)")}, figuresOf(median, p90));
    });
}

void DashboardPage::buildSlaCard()
{
    addCard(QStringLiteral("slaCard"), tr("SLA compliance by priority"), m_charts->sla, 2, 0)->setTable([this] {
        ChartCard::Table t{{tr("Priority"), tr("First response met"), tr("First response breached"),
                            tr("First response (%)"), tr("Resolution met"), tr("Resolution breached"),
                            tr("Resolution (%)")}};
        if (m_current) {
            for (const SlaCompliance &s : std::as_const(m_current->slaByPriority))
                t << QStringList{displayName(s.priority),
                                 QString::number(s.firstResponseMet),
                                 QString::number(s.firstResponseBreached),
                                 csvNumber(s.firstResponsePercent()),
                                 QString::number(s.resolutionMet),
                                 QString::number(s.resolutionBreached),
                                 csvNumber(s.resolutionPercent())};
        }
        return t;
    });
}

void DashboardPage::buildAgeCard()
{
    addCard(QStringLiteral("ageCard"), tr("Backlog by age"), m_charts->age, 2, 1)->setTable([this] {
        ChartCard::Table t{{tr("Age"), tr("Tickets")}};
        const QStringList ages = ageBucketNames();
        if (m_current) {
            for (int i = 0; i < 5; ++i)
                t << QStringList{ages.at(i), QString::number(m_current->backlogAgeBuckets[std::size_t(i)])};
        }
        return t;
    });
}

void DashboardPage::buildSatisfactionCard()
{
    addCard(QStringLiteral("satisfactionCard"), tr("Customer satisfaction"), m_charts->satisfaction, 3, 0)
        ->setTable([this] {
            return trendTable({tr("CSAT (%)"), tr("NPS")}, figuresOf(&TrendPoint::csatPercent, &TrendPoint::nps));
        });
}

void DashboardPage::buildChannelsCard()
{
    addCard(QStringLiteral("channelsCard"), tr("Contacts and tickets by channel"), m_charts->channels, 3, 1)
        ->setTable([this] {
            ChartCard::Table t{
                {tr("Channel"), tr("Contacts"), tr("Incoming contacts"), tr("Tickets created"), tr("AHT (seconds)")}};
            if (m_current) {
                for (const ChannelKpis &ch : std::as_const(m_current->perChannel))
                    t << QStringList{displayName(ch.channel), QString::number(ch.interactions),
                                     QString::number(ch.inbound), QString::number(ch.ticketsCreated),
                                     csvNumber(ch.ahtSeconds())};
            }
            return t;
        });
}

// Every agent's figures: behind both the chart of the busiest and the table.
ChartCard::Table DashboardPage::agentsTable() const
{
    ChartCard::Table t{{tr("Agent"), tr("Solved"), tr("Contacts"), tr("AHT (seconds)"),
                        tr("First response median (minutes)"), tr("CSAT (%)"), tr("FCR (%)")}};
    if (m_current) {
        for (const AgentKpis &a : std::as_const(m_current->perAgent))
            t << QStringList{a.name,
                             QString::number(a.solved),
                             QString::number(a.interactions),
                             csvNumber(a.ahtSeconds),
                             csvNumber(a.firstResponseMedian),
                             csvNumber(a.csatPercent),
                             csvNumber(a.fcrRate ? std::optional(*a.fcrRate * 100) : std::nullopt)};
    }
    return t;
}

void DashboardPage::buildAgentsChartCard()
{
    addCard(QStringLiteral("agentsChartCard"), tr("Solved per agent"), m_charts->agents, 4, 0)->setTable([this] {
        return agentsTable();
    });
}

void DashboardPage::buildArrivalsCard()
{
    ChartCard *heat = addCard(QStringLiteral("arrivalsCard"), tr("Incoming contacts by weekday and hour"), m_heatmap, 4,
                              1);
    auto *staffing = new QPushButton(tr("Staffing…"), heat);
    staffing->setFlat(true);
    connect(staffing, &QPushButton::clicked, this, &DashboardPage::showStaffing);
    heat->addHeaderWidget(staffing);
    heat->setTable([this] {
        ChartCard::Table t{{tr("Weekday"), tr("Hour"), tr("Incoming contacts"), tr("Average per hour")}};
        for (int h = 0; h < kHoursPerWeek; ++h)
            t << QStringList{QLocale().dayName(h / 24 + 1), QString::number(h % 24),
                             QString::number(m_heatmap->counts()[std::size_t(h)]),
                             QString::number(m_heatmap->average(h), 'f', 2)};
        return t;
    });
}

void DashboardPage::buildAgentsCard()
{
    addCard(QStringLiteral("agentsCard"), tr("Agents"), m_agentTable, 5, 0, 2)->setTable([this] {
        return agentsTable();
    });
}

// ---- chart cards: the figures ------------------------------------------------------

// The steps of the trend, named for tooltips and for the x axis.
struct DashboardPage::TrendSteps
{
    QStringList names;      // every step
    QStringList axisLabels; // some steps, the others blank
    bool weekly = false;

    // A new x axis over the steps (each chart owns its axes).
    QBarCategoryAxis *axis() const
    {
        QBarCategoryAxis *axis = categoryAxis(axisLabels);
        if (weekly)
            axis->setTitleText(DashboardPage::tr("Week starting"));
        return axis;
    }
};

// A line of a trend chart. A companion (the p90 beside its median) is
// drawn in the previous line's colour, dashed.
struct DashboardPage::TrendLine
{
    QString name;
    std::function<std::optional<double>(const TrendPoint &)> value;
    bool companion = false;
};

DashboardPage::TrendSteps DashboardPage::trendSteps() const
{
    const Kpis &k = *m_current;
    TrendSteps steps;
    for (const TrendPoint &p : std::as_const(k.trend))
        steps.names << stepLabel(p);
    // The axis names every step when there are few, otherwise one in seven
    // (Mondays of a daily trend); the other categories are made unique
    // with spaces, since equal names would merge.
    steps.weekly = k.trendStep == TrendStep::Week;
    for (qsizetype i = 0; i < steps.names.size(); ++i) {
        const bool named = steps.names.size() <= 12
                           || (steps.weekly ? i % 2 == 0 : k.trend.at(i).start.dayOfWeek() == Qt::Monday);
        steps.axisLabels << (named ? steps.names.at(i) : QString(int(i + 1), u' '));
    }
    return steps;
}

void DashboardPage::applyCharts()
{
    const Charts &c = *m_charts;
    const TrendSteps steps = trendSteps();
    applyVolumeChart(steps);
    applyBacklogChart(steps);
    applyDurationChart(steps, c.firstResponse, &TrendPoint::firstResponseMedian, &TrendPoint::firstResponseP90,
                       KpiSet::FirstResponded, tr("First responses"));
    applyDurationChart(steps, c.resolution, &TrendPoint::resolutionMedian, &TrendPoint::resolutionP90, KpiSet::Solved,
                       tr("Resolved"));
    applySatisfactionChart(steps);
    applySlaChart();
    applyAgeChart();
    applyChannelsChart();
    applyAgentsChart();
    restyleCharts();
}

// Created and solved.
void DashboardPage::applyVolumeChart(const TrendSteps &steps)
{
    QChart *chart = m_charts->volume->chart();
    clearChart(chart);
    auto *created = new QBarSet(tr("Created"));
    auto *solved = new QBarSet(tr("Solved"));
    qint64 top = 0;
    for (const TrendPoint &p : std::as_const(m_current->trend)) {
        *created << double(p.created);
        *solved << double(p.solved);
        top = std::max({top, p.created, p.solved});
    }
    auto *series = new QBarSeries;
    series->append(created);
    series->append(solved);
    attach(chart, series, steps.axis(), valueAxis(double(top)));
    connect(series, &QBarSeries::clicked, this, [this, created](int index, QBarSet *set) {
        if (set == created)
            drillIntoStep(KpiSet::Created, index, tr("Created"));
        else
            drillIntoStep(KpiSet::Solved, index, tr("Solved"));
    });
    connect(series, &QBarSeries::hovered, this, [names = steps.names](bool on, int index, QBarSet *set) {
        if (on)
            showTip(tr("%1, %2: %3 — click to list them")
                        .arg(set->label(), names.value(index), kpiformat::count(qint64(set->at(index)))));
    });
}

// One line over the steps, its values divided by `divisor`; a click on a
// point drills into that step.
QLineSeries *DashboardPage::trendSeries(const TrendLine &trend, double divisor, const std::function<void(int)> &clicked)
{
    auto *line = new QLineSeries;
    line->setName(trend.name);
    line->setPointsVisible(true);
    for (qsizetype i = 0; i < m_current->trend.size(); ++i) {
        if (const auto v = trend.value(m_current->trend.at(i)))
            line->append(double(i), *v / divisor);
    }
    connect(line, &QLineSeries::clicked, this,
            [clicked](const QPointF &point) { clicked(int(std::lround(point.x()))); });
    return line;
}

// A line chart over the steps, the y axis from 0 to the highest point
// unless given a `range`.
QChart *DashboardPage::applyTrendLines(QChartView *view, const TrendSteps &steps, const QList<TrendLine> &lines,
                                       double divisor, const QString &yTitle, const std::function<void(int)> &clicked,
                                       std::optional<std::pair<double, double>> range)
{
    QChart *chart = view->chart();
    clearChart(chart);
    QBarCategoryAxis *x = steps.axis();
    double top = 0;
    QList<QLineSeries *> series;
    int colour = 0;
    for (const TrendLine &trend : lines) {
        QLineSeries *line = trendSeries(trend, divisor, clicked);
        for (const QPointF &point : line->points())
            top = std::max(top, point.y());
        if (trend.companion) {
            line->setProperty("colorIndex", colour - 1);
            line->setProperty("dashed", true);
        } else {
            line->setProperty("colorIndex", colour++);
        }
        series << line;
    }
    QValueAxis *y = valueAxis(top, yTitle);
    if (range) {
        y->setRange(range->first, range->second);
        y->setTickCount(5);
    }
    for (QLineSeries *line : series)
        attach(chart, line, x, y);
    return chart;
}

// Backlog at the end of each step.
void DashboardPage::applyBacklogChart(const TrendSteps &steps)
{
    applyTrendLines(m_charts->backlog, steps,
                    {{tr("Open at the end of the day"), [](const TrendPoint &p) { return asOptional(p.backlog); }}}, 1,
                    {}, [this](int step) {
                        if (!m_current || step < 0 || step >= m_current->trend.size())
                            return;
                        const TrendPoint &p = m_current->trend.at(step);
                        drillInto({KpiSet::Backlog, 0, msOf(p.end), 0},
                                  tr("Backlog at the end of %1")
                                      .arg(QLocale().toString(p.end.addDays(-1), QLocale::ShortFormat)),
                                  m_shownFilter);
                    });
    if (steps.weekly)
        m_charts->backlog->chart()->series().constFirst()->setName(tr("Open at the end of the week"));
}

// First response or resolution, median and p90, in a unit that reads well.
void DashboardPage::applyDurationChart(const TrendSteps &steps, QChartView *view, TrendValue median, TrendValue p90,
                                       KpiSet set, const QString &what)
{
    double largest = 0;
    for (const TrendPoint &p : std::as_const(m_current->trend))
        largest = std::max(largest, (p.*p90).value_or(0));
    const DurationUnit unit = unitFor(largest);
    applyTrendLines(view, steps, {{tr("Median"), median}, {tr("p90 (9 in 10 within)"), p90, true}}, unit.minutes,
                    unit.title, [this, set, what](int step) { drillIntoStep(set, step, what); });
}

// CSAT (0–100 %) on the left, NPS (−100…100) on the right.
void DashboardPage::applySatisfactionChart(const TrendSteps &steps)
{
    const auto rated = [this](int step) { drillIntoStep(KpiSet::Rated, step, tr("Rated by the customer")); };
    QChart *chart = applyTrendLines(m_charts->satisfaction, steps, {{tr("CSAT (%)"), &TrendPoint::csatPercent}}, 1,
                                    tr("CSAT (%)"), rated, std::pair(0.0, 100.0));
    QLineSeries *nps = trendSeries({tr("NPS"), &TrendPoint::nps}, 1, rated);
    nps->setProperty("colorIndex", 2);
    auto *npsAxis = new QValueAxis;
    npsAxis->setRange(-100, 100);
    npsAxis->setTickCount(5);
    npsAxis->setLabelFormat(QStringLiteral("%.0f"));
    npsAxis->setTitleText(tr("NPS"));
    npsAxis->setGridLineVisible(false);
    attach(chart, nps, chart->axes(Qt::Horizontal).constFirst(), npsAxis, Qt::AlignRight);
}

// SLA compliance per priority, most urgent on top; a click lists the breaches.
void DashboardPage::applySlaChart()
{
    Charts &c = *m_charts;
    QChart *chart = c.sla->chart();
    clearChart(chart);
    auto *first = new QBarSet(tr("First response"));
    auto *resolution = new QBarSet(tr("Resolution"));
    QStringList priorities;
    c.slaRows.clear();
    for (const SlaCompliance &s : std::as_const(m_current->slaByPriority)) {
        priorities << displayName(s.priority);
        c.slaRows << s.priority;
        *first << s.firstResponsePercent().value_or(0);
        *resolution << s.resolutionPercent().value_or(0);
    }
    auto *series = new QHorizontalBarSeries;
    series->append(first);
    series->append(resolution);
    series->setLabelsVisible(true);
    series->setLabelsFormat(QStringLiteral("@value%"));
    series->setLabelsPrecision(3);
    series->setLabelsPosition(QAbstractBarSeries::LabelsInsideEnd);
    QBarCategoryAxis *y = categoryAxis(priorities);
    auto *x = new QValueAxis;
    x->setRange(0, 100);
    x->setTickCount(6);
    x->setLabelFormat(QStringLiteral("%.0f%%"));
    attach(chart, series, x, y);
    connect(series, &QHorizontalBarSeries::clicked, this, [this, first](int index, QBarSet *set) {
        if (!m_current || index < 0 || index >= m_charts->slaRows.size())
            return;
        KpiFilter byPriority = m_shownFilter;
        byPriority.priority = m_charts->slaRows.at(index);
        const bool firstResponse = set == first;
        drillIntoPeriod(firstResponse ? KpiSet::FirstResponseBreached : KpiSet::ResolutionBreached,
                        (firstResponse ? tr("First response breached, %1, %2") : tr("Resolution breached, %1, %2"))
                            .arg(displayName(*byPriority.priority), periodDescription()),
                        byPriority);
    });
    connect(series, &QHorizontalBarSeries::hovered, this, [this](bool on, int index, QBarSet *set) {
        if (!on || !m_current || index < 0 || index >= m_current->slaByPriority.size())
            return;
        const SlaCompliance &s = m_current->slaByPriority.at(index);
        const bool firstResponse = set->label() == tr("First response");
        showTip(tr("%1 met, %2 breached — click to list the breaches")
                    .arg(kpiformat::count(firstResponse ? s.firstResponseMet : s.resolutionMet),
                         kpiformat::count(firstResponse ? s.firstResponseBreached : s.resolutionBreached)));
    });
}

// Backlog by age.
void DashboardPage::applyAgeChart()
{
    QChart *chart = m_charts->age->chart();
    clearChart(chart);
    auto *set = new QBarSet(tr("Open tickets"));
    qint64 top = 0;
    for (const qint64 n : m_current->backlogAgeBuckets) {
        *set << double(n);
        top = std::max(top, n);
    }
    auto *series = new QBarSeries;
    series->append(set);
    series->setLabelsVisible(true);
    series->setLabelsPosition(QAbstractBarSeries::LabelsOutsideEnd);
    QBarCategoryAxis *x = categoryAxis(ageBucketNames());
    attach(chart, series, x, valueAxis(double(top)));
    chart->legend()->hide();
    connect(series, &QBarSeries::clicked, this, [this, x](int index, QBarSet *) {
        drillInto({KpiSet::BacklogAge, 0, msOf(m_shownPeriod.to), index},
                  tr("Backlog %1 old, at the end of %2").arg(x->at(index), periodDescription()), m_shownFilter);
    });
}

// Contacts and tickets by channel.
void DashboardPage::applyChannelsChart()
{
    QChart *chart = m_charts->channels->chart();
    clearChart(chart);
    auto *contacts = new QBarSet(tr("Contacts"));
    auto *tickets = new QBarSet(tr("Tickets created"));
    QStringList names;
    qint64 top = 0;
    for (const ChannelKpis &ch : std::as_const(m_current->perChannel)) {
        names << displayName(ch.channel);
        *contacts << double(ch.interactions);
        *tickets << double(ch.ticketsCreated);
        top = std::max({top, ch.interactions, ch.ticketsCreated});
    }
    auto *series = new QBarSeries;
    series->append(contacts);
    series->append(tickets);
    attach(chart, series, categoryAxis(names), valueAxis(double(top)));
    connect(series, &QBarSeries::clicked, this, [this](int index, QBarSet *) {
        if (!m_current || index < 0 || index >= m_current->perChannel.size())
            return;
        KpiFilter byChannel = m_shownFilter;
        byChannel.channel = m_current->perChannel.at(index).channel;
        drillIntoPeriod(KpiSet::Created,
                        tr("Created via %1, %2").arg(displayName(*byChannel.channel), periodDescription()), byChannel);
    });
}

// Solved per agent: the busiest at the top.
void DashboardPage::applyAgentsChart()
{
    Charts &c = *m_charts;
    QChart *chart = c.agents->chart();
    clearChart(chart);
    QList<AgentKpis> agents = m_current->perAgent;
    std::stable_sort(agents.begin(), agents.end(),
                     [](const AgentKpis &a, const AgentKpis &b) { return a.solved > b.solved; });
    if (agents.size() > kMaxAgentBars)
        agents.resize(kMaxAgentBars);
    std::reverse(agents.begin(), agents.end()); // horizontal bars grow upwards
    auto *set = new QBarSet(tr("Solved"));
    QStringList names;
    c.agentBars.clear();
    qint64 top = 0;
    for (const AgentKpis &a : std::as_const(agents)) {
        QString name = a.name;
        while (names.contains(name))
            name += u' ';
        names << name;
        c.agentBars << a.id;
        *set << double(a.solved);
        top = std::max(top, a.solved);
    }
    auto *series = new QHorizontalBarSeries;
    series->append(set);
    series->setLabelsVisible(true);
    series->setLabelsPosition(QAbstractBarSeries::LabelsInsideEnd);
    QBarCategoryAxis *y = categoryAxis(names);
    attach(chart, series, valueAxis(double(top)), y);
    chart->legend()->hide();
    c.agents->setMinimumHeight(std::max(260, int(agents.size()) * 24 + 60));
    connect(series, &QHorizontalBarSeries::clicked, this, [this, y](int index, QBarSet *) {
        if (!m_current || index < 0 || index >= m_charts->agentBars.size())
            return;
        KpiFilter byAgent = m_shownFilter;
        byAgent.agent = m_charts->agentBars.at(index);
        drillIntoPeriod(KpiSet::Solved, tr("Solved by %1, %2").arg(y->at(index).trimmed(), periodDescription()),
                        byAgent);
    });
}

void DashboardPage::restyleCharts()
{
    const Charts &c = *m_charts;
    for (QChartView *view :
         {c.volume, c.backlog, c.firstResponse, c.resolution, c.age, c.sla, c.satisfaction, c.channels, c.agents}) {
        charts::applyPalette(view->chart(), palette());
        // The view around the chart in the card's colour too (not a grey frame).
        view->setBackgroundBrush(palette().base());
        // Bar labels in the text colour (the dark theme would paint them white on white cards).
        for (QAbstractSeries *s : view->chart()->series()) {
            if (auto *bars = qobject_cast<QAbstractBarSeries *>(s)) {
                for (QBarSet *set : bars->barSets())
                    set->setLabelColor(bars->labelsPosition() == QAbstractBarSeries::LabelsInsideEnd
                                           ? QColor(Qt::white)
                                           : palette().color(QPalette::WindowText));
            }
        }
    }
}

bool DashboardPage::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_ui->scrollArea->viewport() && event->type() == QEvent::Resize)
        layoutTiles();
    return QWidget::eventFilter(watched, event);
}

void DashboardPage::layoutTiles()
{
    // As many tiles to a row as fit (three to seven).
    // Rows stay balanced: 7 + 6, 5 + 5 + 3 or 3 to a row.
    const int fit = m_ui->scrollArea->viewport()->width() / 145;
    const int columns = fit >= 7 ? 7 : fit >= 5 ? 5 : 3;
    if (columns == m_tileColumns)
        return;
    m_tileColumns = columns;
    for (KpiTile *tile : std::as_const(m_tiles))
        m_ui->tilesLayout->removeWidget(tile);
    for (int i = 0; i < m_tiles.size(); ++i)
        m_ui->tilesLayout->addWidget(m_tiles.at(i), i / columns, i % columns);
}

void DashboardPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange)
        restyleCharts();
    QWidget::changeEvent(event);
}

// ---- staffing and export ---------------------------------------------------------

void DashboardPage::showStaffing()
{
    if (!m_current)
        return;
    StaffingDialog dialog(*m_current, periodDescription(), this);
    dialog.exec();
}

void DashboardPage::buildExportMenu()
{
    auto *menu = new QMenu(m_ui->exportButton);
    menu->addAction(tr("Save Report as &PDF…"), this, &DashboardPage::exportReport);
    menu->addAction(tr("&Print Report…"), QKeySequence::Print, this, &DashboardPage::printReport);
    menu->addSeparator();
    QMenu *csv = menu->addMenu(tr("Chart &Data as CSV"));
    QMenu *png = menu->addMenu(tr("Chart as &Image"));
    for (ChartCard *c : std::as_const(m_cards)) {
        csv->addAction(c->title(), c, &ChartCard::chooseAndExportCsv);
        png->addAction(c->title(), c, &ChartCard::chooseAndSaveImage);
    }
    m_ui->exportButton->setMenu(menu);
}

void DashboardPage::exportReport()
{
    if (!m_current)
        return;
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    const QString suggested = QDir(dir).filePath(tr("KPI report %1.pdf").arg(m_shownPeriod.from.toString(Qt::ISODate)));
    const QString path = QFileDialog::getSaveFileName(this, tr("Save Report as PDF"), suggested,
                                                      tr("PDF documents (*.pdf)"));
    if (path.isEmpty())
        return;
    if (const QString error = saveReport(path); !error.isEmpty())
        QMessageBox::warning(this, tr("Save Report as PDF"), error);
}

QString DashboardPage::saveReport(const QString &pdfPath)
{
    if (!m_current)
        return tr("There are no figures to report yet.");
    return DashboardReport(*this).writePdf(pdfPath);
}

void DashboardPage::paintReport(QPagedPaintDevice *device)
{
    if (m_current)
        DashboardReport(*this).paint(device);
}

void DashboardPage::printReport()
{
    if (!m_current)
        return;
    QPrinter printer(QPrinter::HighResolution);
    printer.setDocName(tr("KPI report"));
    QPrintDialog dialog(&printer, this);
    dialog.setWindowTitle(tr("Print Report"));
    if (dialog.exec() == QDialog::Accepted)
        paintReport(&printer);
}

} // namespace madoguchi
