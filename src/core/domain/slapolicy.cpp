#include "domain/slapolicy.h"

#include <QHash>
#include <QMutex>
#include <QRegularExpression>

#include <algorithm>

namespace madoguchi {

namespace {

constexpr int kMaxTargetMinutes = 365 * 24 * 60;

// Pauses that matter for a target met at `metAt`: those that began before it,
// ending at it at the latest.
QList<PausedInterval> clippedTo(const QList<PausedInterval> &pauses, const QDateTime &metAt)
{
    QList<PausedInterval> out;
    for (const PausedInterval &p : pauses) {
        if (p.from >= metAt)
            continue;
        out.append({p.from, p.to.isValid() ? std::min(p.to, metAt) : metAt});
    }
    return out;
}

std::optional<QDateTime> dueOf(const SlaClock &clock, const QDateTime &createdAt, const QList<PausedInterval> &pauses,
                               std::optional<int> minutes, const std::optional<QDateTime> &metAt)
{
    if (!minutes)
        return std::nullopt;
    const QDateTime due = clock.dueAt(createdAt, *minutes, metAt ? clippedTo(pauses, *metAt) : pauses);
    if (!due.isValid())
        return std::nullopt; // stopped now: the due time is not known until the clock runs again
    return due;
}

SlaStatus::State runningState(bool breached, double elapsedShare)
{
    if (breached)
        return SlaStatus::State::Breached;
    return elapsedShare >= SlaStatus::kWarningShare ? SlaStatus::State::Warning : SlaStatus::State::OnTrack;
}

} // namespace

BusinessCalendar Calendar::toBusinessCalendar() const
{
    // Building a calendar computes 26 years of daily windows: calendars are
    // kept by their content, so every ticket change does not pay for it again.
    QString key = timeZone + (japaneseHolidays ? QStringLiteral("|jp|") : QStringLiteral("|-|"));
    for (const auto &h : week)
        key += h ? h->open.toString(QStringLiteral("HHmm")) + h->close.toString(QStringLiteral("HHmm"))
                 : QStringLiteral("-");
    for (const QDate &d : extraHolidays)
        key += QLatin1Char('|') + d.toString(Qt::ISODate);
    static QMutex mutex;
    static QHash<QString, BusinessCalendar> cache;
    const QMutexLocker lock(&mutex);
    if (const auto it = cache.constFind(key); it != cache.constEnd())
        return it.value();
    std::set<QDate> holidays;
    if (japaneseHolidays)
        holidays = BusinessCalendar::japaneseHolidays();
    for (const QDate &d : extraHolidays)
        holidays.insert(d);
    QTimeZone zone(timeZone.toUtf8());
    if (!zone.isValid())
        zone = QTimeZone("Asia/Tokyo");
    BusinessCalendar made(zone, week, std::move(holidays));
    if (cache.size() > 64)
        cache.clear();
    cache.insert(key, made);
    return made;
}

Calendar Calendar::japanStandard()
{
    Calendar c;
    c.name = SlaText::tr("Japan business hours");
    for (int d = 0; d < 5; ++d)
        c.week[std::size_t(d)] = BusinessCalendar::Hours{QTime(9, 0), QTime(18, 0)};
    return c;
}

bool isCalendarTimeZone(const QString &id)
{
    static const QRegularExpression offset(QStringLiteral("^UTC[+-]"));
    return QTimeZone(id.toUtf8()).isValid() && !offset.match(id).hasMatch();
}

QStringList calendarTimeZoneIds()
{
    QStringList ids;
    for (const QByteArray &id : QTimeZone::availableTimeZoneIds()) {
        if (isCalendarTimeZone(QString::fromLatin1(id)))
            ids << QString::fromLatin1(id);
    }
    return ids;
}

FieldErrors validate(const Calendar &calendar)
{
    FieldErrors errors;
    if (calendar.name.trimmed().isEmpty())
        errors.append({QStringLiteral("name"), ValidationText::tr("A name is required.")});
    if (!isCalendarTimeZone(calendar.timeZone))
        errors.append({QStringLiteral("time_zone"), SlaText::tr("“%1” is not a time zone.").arg(calendar.timeZone)});
    bool anyDay = false;
    for (const auto &h : calendar.week) {
        if (!h)
            continue;
        anyDay = true;
        if (!h->open.isValid() || !h->close.isValid() || h->close <= h->open) {
            errors.append({QStringLiteral("hours"), SlaText::tr("Each working day must close after it opens.")});
            break;
        }
    }
    if (!anyDay)
        errors.append({QStringLiteral("hours"), SlaText::tr("At least one day of the week must have business hours.")});
    return errors;
}

FieldErrors validate(const SlaPolicy &policy)
{
    FieldErrors errors;
    if (policy.name.trimmed().isEmpty())
        errors.append({QStringLiteral("name"), ValidationText::tr("A name is required.")});
    if (policy.calendarId.isNull())
        errors.append({QStringLiteral("calendar_id"), SlaText::tr("Choose the business-hours calendar.")});
    auto check = [&](const SlaPolicy::Targets &targets, const QString &field) {
        for (const auto &t : targets) {
            if (t && (*t <= 0 || *t > kMaxTargetMinutes)) {
                errors.append({field, SlaText::tr("Targets must be between 1 minute and 365 days.")});
                return;
            }
        }
    };
    check(policy.firstResponse, QStringLiteral("first_response"));
    check(policy.resolution, QStringLiteral("resolution"));
    for (std::size_t p = 0; p < policy.firstResponse.size(); ++p) {
        if (policy.firstResponse[p] && policy.resolution[p] && *policy.resolution[p] < *policy.firstResponse[p]) {
            errors.append({QStringLiteral("resolution"),
                           SlaText::tr("A resolution target cannot be shorter than the first-response target.")});
            break;
        }
    }
    return errors;
}

bool stopsSlaClock(TicketStatus status)
{
    return status == TicketStatus::Pending || status == TicketStatus::OnHold || status == TicketStatus::Solved
           || status == TicketStatus::Closed;
}

QList<PausedInterval> pausesFrom(const QList<StatusChange> &history)
{
    QList<PausedInterval> out;
    bool stopped = false;
    for (const StatusChange &change : history) {
        const bool stops = stopsSlaClock(change.status);
        if (stops && !stopped)
            out.append({change.at, QDateTime()});
        else if (!stops && stopped)
            out.last().to = change.at;
        stopped = stops;
    }
    return out;
}

SlaDues computeDues(const SlaClock &clock, const QDateTime &createdAt, const QList<StatusChange> &history,
                    std::optional<int> firstResponseMinutes, std::optional<int> resolutionMinutes,
                    const std::optional<QDateTime> &firstRespondedAt, const std::optional<QDateTime> &solvedAt)
{
    const QList<PausedInterval> pauses = pausesFrom(history);
    return {dueOf(clock, createdAt, pauses, firstResponseMinutes, firstRespondedAt),
            dueOf(clock, createdAt, pauses, resolutionMinutes, solvedAt)};
}

SlaStatus targetStatus(const SlaClock &clock, const Ticket &ticket, const QList<StatusChange> &history,
                       SlaStatus::Target target, std::optional<int> minutes, const QDateTime &now)
{
    SlaStatus s;
    if (!minutes || target == SlaStatus::Target::None)
        return s;
    const bool done = ticket.status == TicketStatus::Solved || ticket.status == TicketStatus::Closed;
    std::optional<QDateTime> metAt;
    if (target == SlaStatus::Target::FirstResponse) {
        metAt = ticket.firstRespondedAt;
        if (!metAt && done)
            return s; // finished without a response: the target no longer runs
    } else if (done) {
        metAt = ticket.solvedAt ? ticket.solvedAt : ticket.closedAt;
    }
    s.target = target;
    const QDateTime created = ticket.meta.createdAt;
    const QList<PausedInterval> pauses = pausesFrom(history);
    const QList<PausedInterval> counted = metAt ? clippedTo(pauses, *metAt) : pauses;
    const qint64 elapsed = clock.elapsed(created, metAt ? *metAt : now, counted);
    s.remainingMinutes = *minutes - elapsed;
    s.elapsedShare = double(elapsed) / double(*minutes);
    s.due = clock.dueAt(created, *minutes, counted);
    if (metAt)
        s.state = s.due.isValid() && *metAt <= s.due ? SlaStatus::State::Met : SlaStatus::State::MetLate;
    else if (stopsSlaClock(ticket.status))
        s.state = SlaStatus::State::Paused;
    else
        s.state = runningState(elapsed >= *minutes, s.elapsedShare);
    return s;
}

SlaStatus slaStatus(const SlaClock &clock, const Ticket &ticket, const QList<StatusChange> &history,
                    std::optional<int> firstResponseMinutes, std::optional<int> resolutionMinutes, const QDateTime &now)
{
    const bool done = ticket.status == TicketStatus::Solved || ticket.status == TicketStatus::Closed;
    if (!done && firstResponseMinutes && !ticket.firstRespondedAt)
        return targetStatus(clock, ticket, history, SlaStatus::Target::FirstResponse, firstResponseMinutes, now);
    return targetStatus(clock, ticket, history, SlaStatus::Target::Resolution, resolutionMinutes, now);
}

SlaStatus slaStatusFromDues(const BusinessCalendar &calendar, const StoredSla &t,
                            std::optional<int> firstResponseMinutes, std::optional<int> resolutionMinutes,
                            const QDateTime &now)
{
    SlaStatus s;
    if (t.status == TicketStatus::Solved || t.status == TicketStatus::Closed) {
        if (!t.resolutionDue || !t.solvedAt)
            return s;
        s.target = SlaStatus::Target::Resolution;
        s.due = *t.resolutionDue;
        s.state = *t.solvedAt <= *t.resolutionDue ? SlaStatus::State::Met : SlaStatus::State::MetLate;
        return s;
    }
    const bool responding = !t.firstRespondedAt && firstResponseMinutes;
    const std::optional<int> minutes = responding ? firstResponseMinutes : resolutionMinutes;
    if (!minutes)
        return s;
    s.target = responding ? SlaStatus::Target::FirstResponse : SlaStatus::Target::Resolution;
    if (stopsSlaClock(t.status)) {
        s.state = SlaStatus::State::Paused;
        return s;
    }
    // A response due later than the resolution is overtaken by it.
    std::optional<QDateTime> due = responding ? t.firstResponseDue : t.resolutionDue;
    if (responding && t.resolutionDue && (!due || *t.resolutionDue < *due)) {
        due = t.resolutionDue;
        s.target = SlaStatus::Target::Resolution;
    }
    if (!due)
        return s;
    s.due = *due;
    const qint64 nowMs = now.toMSecsSinceEpoch();
    const qint64 dueMs = due->toMSecsSinceEpoch();
    s.remainingMinutes = nowMs < dueMs ? calendar.businessMs(nowMs, dueMs) / 60'000
                                       : -(calendar.businessMs(dueMs, nowMs) / 60'000);
    const int target = s.target == SlaStatus::Target::FirstResponse ? *firstResponseMinutes
                                                                    : resolutionMinutes.value_or(*minutes);
    s.elapsedShare = 1.0 - double(s.remainingMinutes) / double(target);
    s.state = runningState(nowMs >= dueMs, s.elapsedShare);
    return s;
}

} // namespace madoguchi
