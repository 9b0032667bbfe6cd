#pragma once

#include "dashboard/chartcard.h"
#include "kpi/kpidrill.h"
#include "kpi/kpiengine.h"

#include <QDateTime>
#include <QTimeZone>
#include <QWidget>

#include <functional>
#include <memory>
#include <optional>

class QChart;
class QChartView;
class QLineSeries;
class QPagedPaintDevice;
class QSortFilterProxyModel;
class QTableView;
class QTimer;

namespace Ui {
class DashboardPage;
}

namespace madoguchi {

class BackgroundWork;

class AgentKpiModel;
class Database;
class HeatmapWidget;
class KpiTile;

// The supervisor's view of the team: KPI tiles with the change against the
// previous period of the same length, and charts of volume, backlog,
// response and resolution times, satisfaction, SLA compliance, channels,
// agents and arrivals. Figures are computed off the UI thread and swapped in
// whole; a click on a tile, a bar or a point lists the tickets behind it.
class DashboardPage : public QWidget
{
    Q_OBJECT

public:
    enum class Preset {
        Today,
        Last7Days,
        Last30Days,
        ThisQuarter,
        Custom
    };
    enum Tile {
        Created,
        Solved,
        Backlog,
        FirstResponse,
        Resolution,
        Aht,
        Escalation,
        Fcr,
        Reopen,
        Csat,
        Nps,
        SlaFirst,
        SlaResolution,
        TileCount
    };

    explicit DashboardPage(const Database &database, QWidget *parent = nullptr);
    ~DashboardPage() override;

    // The clock the periods are counted from (fixed by tests and screenshots).
    void setNow(const QDateTime &now);
    QDateTime now() const;
    // The zone days are counted and times shown in (displayTimeZone).
    void setTimeZone(const QTimeZone &zone);
    QTimeZone timeZone() const { return m_zone; }
    void setPreset(Preset preset);
    Preset preset() const;
    // First and last day, both included.
    void setCustomPeriod(const QDate &first, const QDate &last);
    KpiPeriod period() const;
    KpiPeriod previousPeriod() const;
    KpiFilter filter() const;
    void setFilter(const KpiFilter &filter);

    // The data changed (a save, a sync): read the figures again now if the
    // page is shown, otherwise when it is next shown. Filters stay.
    void dataChanged();
    // Reads the figures again (F5).
    void refresh();
    bool isBusy() const;
    const std::optional<Kpis> &figures() const { return m_current; }
    const std::optional<Kpis> &previousFigures() const { return m_previous; }

    KpiTile *tile(Tile tile) const { return m_tiles.at(tile); }
    QList<ChartCard *> cards() const { return m_cards; }
    ChartCard *card(const QString &objectName) const;
    AgentKpiModel *agentModel() const { return m_agentModel; }
    QTableView *agentTable() const { return m_agentTable; }
    // "1–22 Nov 2026 (22 days)" and "Team: Support · Channel: Phone" (empty for no filter).
    QString periodDescription() const;
    QString filterDescription() const;

    // Drill-down: the tickets behind a tile, or behind a step of a trend
    // chart (created, solved, backlog at its end, …).
    void drillIntoTile(Tile tile);
    void drillInto(const KpiDrill &drill, const QString &title, const KpiFilter &narrower);

    // The report: title, period, filters, tiles, charts and the per-agent table.
    QString saveReport(const QString &pdfPath);
    void paintReport(QPagedPaintDevice *device);

signals:
    // Show these tickets (the Tickets page lists them).
    void drillDownRequested(const TicketFilter &filter);
    // New figures are shown (or the computation failed: see the status line).
    void refreshed();
    // The empty state's ways to fill the period.
    void newTicketRequested();
    void logCallRequested();

protected:
    void showEvent(QShowEvent *event) override;
    void changeEvent(QEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    struct Charts;
    struct TrendSteps;
    struct TrendLine;
    using TrendValue = std::optional<double> TrendPoint::*;
    void buildFilters();
    void buildTiles();
    void layoutTiles();
    // One builder per chart card: its place and the numbers behind it (CSV).
    void buildCharts();
    void createChartBodies();
    void createAgentTable();
    void buildVolumeCard();
    void buildBacklogCard();
    void buildDurationCard(const QString &objectName, const QString &title, QChartView *view, int row, int column,
                           TrendValue median, TrendValue p90);
    void buildSlaCard();
    void buildAgeCard();
    void buildSatisfactionCard();
    void buildChannelsCard();
    void buildAgentsChartCard();
    void buildArrivalsCard();
    void buildAgentsCard();
    ChartCard::Table trendTable(const QStringList &header,
                                const std::function<QStringList(const TrendPoint &)> &row) const;
    ChartCard::Table agentsTable() const;
    void buildExportMenu();
    void reloadChoices();
    void presetChosen();
    void scheduleRefresh();
    void startComputation();
    void applyFigures();
    void applyTiles();
    // A period with nothing in it says so instead of zeros and flat charts.
    void applyEmptyState();
    // One applier per chart: the figures shown, and what a click lists.
    void applyCharts();
    TrendSteps trendSteps() const;
    void applyVolumeChart(const TrendSteps &steps);
    QLineSeries *trendSeries(const TrendLine &trend, double divisor, const std::function<void(int)> &clicked);
    QChart *applyTrendLines(QChartView *view, const TrendSteps &steps, const QList<TrendLine> &lines, double divisor,
                            const QString &yTitle, const std::function<void(int)> &clicked,
                            std::optional<std::pair<double, double>> range = {});
    void applyBacklogChart(const TrendSteps &steps);
    void applyDurationChart(const TrendSteps &steps, QChartView *view, TrendValue median, TrendValue p90, KpiSet set,
                            const QString &what);
    void applySatisfactionChart(const TrendSteps &steps);
    void applySlaChart();
    void applyAgeChart();
    void applyChannelsChart();
    void applyAgentsChart();
    void restyleCharts();
    void showFigures(const Result<Kpis> &now, const Result<Kpis> &before, const KpiPeriod &period,
                     const KpiFilter &filter, const QDateTime &clock);
    void updateBusy();
    void showStaffing();
    void exportReport();
    void printReport();
    ChartCard *addCard(const QString &objectName, const QString &title, QWidget *body, int row, int column,
                       int columnSpan = 1);
    qint64 msOf(const QDate &day) const;
    QString stepLabel(const TrendPoint &point) const;
    void drillIntoStep(KpiSet set, int step, const QString &what);
    void drillIntoPeriod(KpiSet set, const QString &title, const KpiFilter &narrower);

    const Database &m_database;
    std::unique_ptr<Ui::DashboardPage> m_ui;
    std::unique_ptr<Charts> m_charts;
    QTimeZone m_zone;
    std::optional<QDateTime> m_fixedNow;
    QList<KpiTile *> m_tiles;
    int m_tileColumns = 7;
    QList<ChartCard *> m_cards;
    AgentKpiModel *m_agentModel = nullptr;
    QSortFilterProxyModel *m_agentProxy = nullptr;
    QTableView *m_agentTable = nullptr;
    HeatmapWidget *m_heatmap = nullptr;
    QTimer *m_refreshDelay = nullptr;
    BackgroundWork *m_work = nullptr; // one computation at a time
    bool m_stale = true;              // the figures shown are out of date
    bool m_rerun = false;             // a request came while computing
    std::optional<Kpis> m_current;
    std::optional<Kpis> m_previous;
    KpiPeriod m_shownPeriod; // what m_current is for
    KpiFilter m_shownFilter;
    QDateTime m_shownNow;
};

} // namespace madoguchi
