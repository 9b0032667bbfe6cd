#include "domain/businesscalendar.h"

#include <QFile>

#include <algorithm>

namespace madoguchi {

namespace {

constexpr int kMaxDays = 3660; // no target spans ten years of calendar

} // namespace

BusinessCalendar::BusinessCalendar(QTimeZone zone, Week week, std::set<QDate> holidays)
    : m_zone(std::move(zone))
    , m_week(week)
    , m_holidays(std::move(holidays))
{
}

const std::set<QDate> &BusinessCalendar::japaneseHolidays()
{
    static const std::set<QDate> holidays = [] {
        std::set<QDate> out;
        QFile file(QStringLiteral(":/data/holidays-jp.csv"));
        if (!file.open(QIODevice::ReadOnly | QIODevice::Text))
            return out;
        while (!file.atEnd()) {
            const QByteArray line = file.readLine().trimmed();
            if (line.isEmpty() || line.startsWith('#'))
                continue;
            const QDate d = QDate::fromString(QString::fromLatin1(line.left(10)), Qt::ISODate);
            if (d.isValid())
                out.insert(d);
        }
        return out;
    }();
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

std::optional<std::pair<QDateTime, QDateTime>> BusinessCalendar::window(QDate localDate) const
{
    if (!isBusinessDay(localDate))
        return std::nullopt;
    const Hours &h = *m_week[std::size_t(localDate.dayOfWeek() - 1)];
    return std::pair{QDateTime(localDate, h.open, m_zone), QDateTime(localDate, h.close, m_zone)};
}

QDateTime BusinessCalendar::addBusinessMinutes(const QDateTime &start, qint64 minutes) const
{
    const QDateTime local = start.toTimeZone(m_zone);
    qint64 remainingSecs = minutes * 60;
    QDate day = local.date();
    for (int i = 0; i < kMaxDays; ++i, day = day.addDays(1)) {
        const auto w = window(day);
        if (!w)
            continue;
        const QDateTime from = std::max(w->first, local);
        if (from >= w->second)
            continue;
        const qint64 available = from.secsTo(w->second);
        if (remainingSecs <= available)
            return from.addSecs(remainingSecs).toUTC();
        remainingSecs -= available;
    }
    return {};
}

qint64 BusinessCalendar::businessMinutes(const QDateTime &from, const QDateTime &to) const
{
    if (!from.isValid() || !to.isValid() || to <= from)
        return 0;
    const QDateTime a = from.toTimeZone(m_zone);
    const QDateTime b = to.toTimeZone(m_zone);
    qint64 secs = 0;
    int guard = 0;
    for (QDate day = a.date(); day <= b.date() && guard < kMaxDays; day = day.addDays(1), ++guard) {
        const auto w = window(day);
        if (!w)
            continue;
        const QDateTime start = std::max(w->first, a);
        const QDateTime end = std::min(w->second, b);
        if (end > start)
            secs += start.secsTo(end);
    }
    return secs / 60;
}

SlaClock::SlaClock(BusinessCalendar calendar)
    : m_calendar(std::move(calendar))
{
}

QDateTime SlaClock::dueAt(const QDateTime &start, qint64 targetMinutes, QList<PausedInterval> pauses) const
{
    std::sort(pauses.begin(), pauses.end(), [](const PausedInterval &x, const PausedInterval &y) { return x.from < y.from; });
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
