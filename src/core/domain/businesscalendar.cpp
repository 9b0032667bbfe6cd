#include "domain/businesscalendar.h"

#include <QFile>
#include <QMutex>

#include <algorithm>

namespace madoguchi {

namespace {

constexpr int kMaxDays = 3660; // no target spans ten years of calendar
// The years whose business windows are computed up front.
constexpr int kTableFirstYear = 2015;
constexpr int kTableLastYear = 2040;

} // namespace

BusinessCalendar::BusinessCalendar(QTimeZone zone, Week week, std::set<QDate> holidays)
    : m_zone(std::move(zone))
    , m_week(week)
    , m_holidays(std::move(holidays))
{
    const qint64 first = QDate(kTableFirstYear, 1, 1).toJulianDay();
    const qint64 last = QDate(kTableLastYear, 12, 31).toJulianDay();
    auto table = std::make_shared<Table>();
    table->windows.reserve(std::size_t(last - first + 1));
    table->dayStarts.reserve(std::size_t(last - first + 2));
    for (qint64 day = first; day <= last + 1; ++day) {
        const QDate date = QDate::fromJulianDay(day);
        table->dayStarts.push_back(QDateTime(date, QTime(0, 0), m_zone).toMSecsSinceEpoch());
        if (day <= last)
            table->windows.push_back(computeWindow(day));
    }
    m_table = std::move(table);
    m_tableFirstDay = first;
}

const std::set<QDate> &BusinessCalendar::japaneseHolidays()
{
    // Loaded on first use; a failed load (a calendar built during static
    // initialisation, before the resources are registered) is not cached.
    static QMutex mutex;
    static std::set<QDate> holidays;
    static bool loaded = false;
    const QMutexLocker lock(&mutex);
    if (loaded)
        return holidays;
    QFile file(QStringLiteral(":/data/holidays-jp.csv"));
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text)) {
        qWarning("The Japanese holiday calendar resource is not available yet.");
        return holidays;
    }
    while (!file.atEnd()) {
        const QByteArray line = file.readLine().trimmed();
        if (line.isEmpty() || line.startsWith('#'))
            continue;
        const QDate d = QDate::fromString(QString::fromLatin1(line.left(10)), Qt::ISODate);
        if (d.isValid())
            holidays.insert(d);
    }
    loaded = true;
    return holidays;
}

QDate BusinessCalendar::lastShippedHoliday()
{
    const std::set<QDate> &all = japaneseHolidays();
    return all.empty() ? QDate() : *all.rbegin();
}

BusinessCalendar BusinessCalendar::japanStandard()
{
    Week week;
    for (int d = 0; d < 5; ++d)
        week[std::size_t(d)] = Hours{QTime(9, 0), QTime(18, 0)};
    return BusinessCalendar(QTimeZone("Asia/Tokyo"), week, japaneseHolidays());
}

bool BusinessCalendar::isBusinessDay(QDate localDate) const
{
    return m_week[std::size_t(localDate.dayOfWeek() - 1)].has_value() && !m_holidays.contains(localDate);
}

BusinessCalendar::Window BusinessCalendar::computeWindow(qint64 julianDay) const
{
    const QDate date = QDate::fromJulianDay(julianDay);
    if (!isBusinessDay(date))
        return {};
    const Hours &h = *m_week[std::size_t(date.dayOfWeek() - 1)];
    return {QDateTime(date, h.open, m_zone).toMSecsSinceEpoch(), QDateTime(date, h.close, m_zone).toMSecsSinceEpoch()};
}

BusinessCalendar::Window BusinessCalendar::window(qint64 julianDay) const
{
    const qint64 index = julianDay - m_tableFirstDay;
    if (m_table && index >= 0 && index < qint64(m_table->windows.size()))
        return m_table->windows[std::size_t(index)];
    return computeWindow(julianDay);
}

qint64 BusinessCalendar::localJulianDay(qint64 ms) const
{
    if (m_table) {
        const std::vector<qint64> &starts = m_table->dayStarts;
        if (ms >= starts.front() && ms < starts.back()) {
            const auto next = std::upper_bound(starts.begin(), starts.end(), ms);
            return m_tableFirstDay + (next - starts.begin()) - 1;
        }
    }
    return QDateTime::fromMSecsSinceEpoch(ms, m_zone).date().toJulianDay();
}

qint64 BusinessCalendar::addBusinessMs(qint64 startMs, qint64 ms) const
{
    qint64 remaining = std::max<qint64>(0, ms);
    qint64 day = localJulianDay(startMs);
    for (int i = 0; i < kMaxDays; ++i, ++day) {
        const Window w = window(day);
        const qint64 from = std::max(w.open, startMs);
        if (from >= w.close)
            continue;
        const qint64 available = w.close - from;
        if (remaining <= available)
            return from + remaining;
        remaining -= available;
    }
    return -1;
}

qint64 BusinessCalendar::businessMs(qint64 fromMs, qint64 toMs) const
{
    if (toMs <= fromMs)
        return 0;
    const qint64 lastDay = localJulianDay(toMs);
    qint64 total = 0;
    int guard = 0;
    for (qint64 day = localJulianDay(fromMs); day <= lastDay && guard < kMaxDays; ++day, ++guard) {
        const Window w = window(day);
        const qint64 start = std::max(w.open, fromMs);
        const qint64 end = std::min(w.close, toMs);
        if (end > start)
            total += end - start;
    }
    return total;
}

QDateTime BusinessCalendar::addBusinessMinutes(const QDateTime &start, qint64 minutes) const
{
    if (!start.isValid())
        return {};
    const qint64 due = addBusinessMs(start.toMSecsSinceEpoch(), minutes * 60'000);
    return due < 0 ? QDateTime() : QDateTime::fromMSecsSinceEpoch(due, Qt::UTC);
}

qint64 BusinessCalendar::businessMinutes(const QDateTime &from, const QDateTime &to) const
{
    if (!from.isValid() || !to.isValid())
        return 0;
    return businessMs(from.toMSecsSinceEpoch(), to.toMSecsSinceEpoch()) / 60'000;
}

SlaClock::SlaClock(BusinessCalendar calendar)
    : m_calendar(std::move(calendar))
{}

QDateTime SlaClock::dueAt(const QDateTime &start, qint64 targetMinutes, QList<PausedInterval> pauses) const
{
    std::sort(pauses.begin(), pauses.end(),
              [](const PausedInterval &x, const PausedInterval &y) { return x.from < y.from; });
    // Walk the pauses in order: each one that begins before the running due
    // time pushes it back by the business time it covered.
    QDateTime due = m_calendar.addBusinessMinutes(start, targetMinutes);
    for (const PausedInterval &p : std::as_const(pauses)) {
        if (!due.isValid() || p.from >= due)
            break;
        if (!p.to.isValid())
            return {}; // paused now: no due time until the clock runs again
        const QDateTime from = std::max(p.from, start);
        due = m_calendar.addBusinessMinutes(due, m_calendar.businessMinutes(from, p.to));
    }
    return due;
}

qint64 SlaClock::elapsed(const QDateTime &start, const QDateTime &now, const QList<PausedInterval> &pauses) const
{
    qint64 minutes = m_calendar.businessMinutes(start, now);
    for (const PausedInterval &p : pauses) {
        const QDateTime from = std::max(p.from, start);
        const QDateTime to = p.to.isValid() ? std::min(p.to, now) : now;
        minutes -= m_calendar.businessMinutes(from, to);
    }
    return std::max<qint64>(0, minutes);
}

} // namespace madoguchi
