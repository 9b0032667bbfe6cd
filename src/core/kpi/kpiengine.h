#pragma once

#include "common/result.h"
#include "domain/enums.h"

#include <QDate>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QSqlDatabase>
#include <QTimeZone>
#include <QUuid>

#include <array>
#include <optional>
#include <vector>

namespace madoguchi {

// The KPIs of DESIGN.md §4, for a period and filters, computed from the local
// database with SQL aggregates over indexed ranges. Shared by the dashboard,
// `madoguchi-cli kpi` and the tests.

// Days [from, to) in the team's time zone.
struct KpiPeriod
{
    QDate from;
    QDate to;
};

// Narrows tickets (by their team, assignee, channel, priority, category),
// interactions (by the agent who handled them, the agent's team, the channel)
// and survey responses (by their ticket).
struct KpiFilter
{
    QUuid team;
    QUuid agent;
    std::optional<Channel> channel;
    std::optional<Priority> priority;
    QString category;
};

// Linear interpolation between closest ranks (numpy's default); nullopt for
// no values. `sorted` must be in ascending order.
std::optional<double> percentile(const std::vector<double> &sorted, double q);
// The same for values in any order, which it reorders (a selection, not a sort).
std::optional<double> quantile(std::vector<double> &values, double q);

struct DurationStats
{
    qint64 count = 0;
    std::optional<double> median;
    std::optional<double> p90;
    std::optional<double> mean;
    // The same in business minutes of each ticket's SLA calendar.
    std::optional<double> businessMedian;
    std::optional<double> businessP90;
    std::optional<double> businessMean;

    static DurationStats of(std::vector<double> calendarMinutes, std::vector<double> businessMinutes);
};

struct AgentKpis
{
    QUuid id;
    QString name;
    qint64 solved = 0;
    qint64 interactions = 0;
    std::optional<double> ahtSeconds;
    std::optional<double> firstResponseMedian; // minutes
    std::optional<double> csatPercent;
    std::optional<double> fcrRate;
    std::optional<double> qaScore; // quality reviews come with [M6]: null until then
};

struct ChannelKpis
{
    Channel channel = Channel::Phone;
    qint64 interactions = 0;
    qint64 ticketsCreated = 0;
    qint64 inbound = 0;
    // Handle time (duration + wrap-up) of the channel's interactions: the
    // staffing calculator's AHT. Only phone and chat count towards aht_seconds.
    double handleSeconds = 0;
    std::optional<double> ahtSeconds() const;
};

struct DayVolume
{
    QDate day;
    qint64 created = 0;
    qint64 solved = 0;
};

// One step of the dashboard's trends: a day, or a week from Monday (the
// first and last weeks cut at the period's edges).
enum class TrendStep {
    Day,
    Week
};

struct TrendPoint
{
    QDate start;
    QDate end; // the day after the last
    qint64 created = 0;
    qint64 solved = 0;
    qint64 backlog = 0;                        // at the end of the step
    std::optional<double> firstResponseMedian; // minutes, over tickets created in the step
    std::optional<double> firstResponseP90;
    std::optional<double> resolutionMedian; // minutes, over tickets solved in the step
    std::optional<double> resolutionP90;
    std::optional<double> csatPercent; // responses received in the step
    std::optional<double> nps;
};

// SLA compliance for the tickets of one priority: the counts behind the percentages.
struct SlaCompliance
{
    Priority priority = Priority::Normal;
    qint64 firstResponseMet = 0;
    qint64 firstResponseBreached = 0;
    qint64 resolutionMet = 0;
    qint64 resolutionBreached = 0;
    std::optional<double> firstResponsePercent() const;
    std::optional<double> resolutionPercent() const;
};

inline constexpr int kHoursPerWeek = 7 * 24;
// Counts by hour of the week in the team's time zone: Monday 0:00 first.
using WeekHours = std::array<qint64, kHoursPerWeek>;

struct Kpis
{
    KpiPeriod period;
    qint64 ticketsCreated = 0;
    qint64 ticketsSolved = 0;
    qint64 backlog = 0;
    std::array<qint64, 5> backlogAgeBuckets{}; // < 1 day, 1–3, 3–7, 7–30, > 30 days
    DurationStats firstResponseMinutes;
    DurationStats resolutionMinutes;
    std::optional<double> ahtSeconds;
    std::optional<double> fcrRate;
    std::optional<double> csatPercent;
    std::optional<double> nps;
    std::optional<double> slaFirstResponsePercent;
    std::optional<double> slaResolutionPercent;
    std::optional<double> reopenRate;
    std::optional<double> escalationRate;
    QList<AgentKpis> perAgent;
    QList<ChannelKpis> perChannel;
    QList<DayVolume> volumeByDay;

    // For the dashboard (not part of the JSON of §4).
    TrendStep trendStep = TrendStep::Day;
    QList<TrendPoint> trend;
    QList<SlaCompliance> slaByPriority; // Low … Urgent
    // Inbound interactions started in the period by hour of the week, per
    // channel (in the order of perChannel), and how often each weekday
    // occurs in the period (Monday first): arrivals per hour for staffing.
    QList<WeekHours> arrivals;
    std::array<int, 7> weekdays{};

    // Exactly the keys of DESIGN.md §4; null for an empty denominator.
    QJsonObject toJson() const;
};

class KpiEngine
{
public:
    KpiEngine(QSqlDatabase db, QTimeZone teamZone);

    // `now` bounds what can have fallen due (an SLA target due later than now
    // has not been breached yet).
    Result<Kpis> compute(const KpiPeriod &period, const KpiFilter &filter,
                         const QDateTime &now = QDateTime::currentDateTimeUtc(), TrendStep step = TrendStep::Day) const;

    // The instant a day of the team starts.
    QDateTime startOf(const QDate &day) const;

private:
    QSqlDatabase m_db;
    QTimeZone m_zone;
};

} // namespace madoguchi
