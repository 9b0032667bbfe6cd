#pragma once

#include <QDate>
#include <QDateTime>
#include <QList>
#include <QTime>
#include <QTimeZone>
#include <set>

#include <array>
#include <memory>
#include <optional>
#include <vector>

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

    // The same on Unix milliseconds, for bulk work (the demo generator, SLA
    // recomputation over many tickets). addBusinessMs returns -1 when no
    // business time lies within ten years.
    qint64 addBusinessMs(qint64 startMs, qint64 ms) const;
    qint64 businessMs(qint64 fromMs, qint64 toMs) const;

    const Week &week() const { return m_week; }
    const std::set<QDate> &holidays() const { return m_holidays; }

private:
    struct Window
    {
        qint64 open = 0; // Unix ms; open == close: closed all day
        qint64 close = 0;
    };
    Window window(qint64 julianDay) const;
    Window computeWindow(qint64 julianDay) const;
    qint64 localJulianDay(qint64 ms) const;

    QTimeZone m_zone;
    Week m_week;
    std::set<QDate> m_holidays;
    // Windows of the years around today, computed once: the arithmetic is then
    // integer work, not time-zone conversions. Shared between copies.
    struct Table
    {
        std::vector<Window> windows;
        std::vector<qint64> dayStarts; // local midnight of each day, Unix ms
    };
    std::shared_ptr<const Table> m_table;
    qint64 m_tableFirstDay = 0;
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
