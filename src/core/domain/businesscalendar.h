#pragma once

#include <QDate>
#include <QDateTime>
#include <QList>
#include <set>
#include <QTime>
#include <QTimeZone>

#include <array>
#include <optional>

namespace madoguchi {

// Business hours in a time zone, minus holidays: what SLA clocks count.
// Times go in and come out as instants (any time spec); the arithmetic
// happens on the wall clock of the calendar's zone.
class BusinessCalendar
{
public:
    struct Hours
    {
        QTime open;
        QTime close;
    };
    using Week = std::array<std::optional<Hours>, 7>; // Monday … Sunday

    BusinessCalendar(QTimeZone zone, Week week, std::set<QDate> holidays);

    // Monday–Friday 9:00–18:00 in Asia/Tokyo, Japanese national holidays.
    static BusinessCalendar japanStandard();
    // The shipped Japanese national holidays (resources/data/holidays-jp.csv).
    static const std::set<QDate> &japaneseHolidays();
    static QDate lastShippedHoliday();

    bool isBusinessDay(QDate localDate) const;
    QTimeZone zone() const { return m_zone; }

    // The instant `minutes` business minutes after `start` (start itself may
    // fall outside business hours: counting begins at the next opening).
    QDateTime addBusinessMinutes(const QDateTime &start, qint64 minutes) const;
    // Business minutes in [from, to); 0 when to <= from.
    qint64 businessMinutes(const QDateTime &from, const QDateTime &to) const;

private:
    std::optional<std::pair<QDateTime, QDateTime>> window(QDate localDate) const;

    QTimeZone m_zone;
    Week m_week;
    std::set<QDate> m_holidays;
};

// An SLA target measured on a calendar, with the clock stopped while the
// ticket waits on someone else (pending, on hold).
struct PausedInterval
{
    QDateTime from;
    QDateTime to; // invalid: still paused
};

class SlaClock
{
public:
    explicit SlaClock(BusinessCalendar calendar);

    // When a target of `targetMinutes` business minutes from `start` falls
    // due, given the pauses so far.
    QDateTime dueAt(const QDateTime &start, qint64 targetMinutes, QList<PausedInterval> pauses) const;
    // Business minutes that have counted between `start` and `now`.
    qint64 elapsed(const QDateTime &start, const QDateTime &now, const QList<PausedInterval> &pauses) const;

    const BusinessCalendar &calendar() const { return m_calendar; }

private:
    BusinessCalendar m_calendar;
};

} // namespace madoguchi
