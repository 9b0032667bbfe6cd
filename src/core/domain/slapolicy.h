#pragma once

#include "domain/businesscalendar.h"
#include "domain/entities.h"
#include "domain/enums.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QUuid>

#include <array>
#include <optional>

namespace madoguchi {

// The translation context "Sla" (business hours and SLA targets).
struct SlaText
{
    Q_DECLARE_TR_FUNCTIONS(Sla)
};

// A business-hours calendar as stored (table calendars): weekly hours, a time
// zone, the national holidays it follows and the organisation's own closures.
struct Calendar
{
    QUuid id;
    QString name;
    QString timeZone = QStringLiteral("Asia/Tokyo");
    BusinessCalendar::Week week;
    bool japaneseHolidays = true;
    QList<QDate> extraHolidays; // e.g. the year-end closure
    RowMeta meta;

    BusinessCalendar toBusinessCalendar() const;
    // Monday–Friday 9:00–18:00 in Tokyo with Japanese holidays.
    static Calendar japanStandard();
};

// Targets in business minutes per priority (table sla_policies).
struct SlaPolicy
{
    using Targets = std::array<std::optional<int>, 4>; // indexed by Priority

    QUuid id;
    QString name;
    QUuid calendarId;
    bool isDefault = false;
    Targets firstResponse;
    Targets resolution;
    RowMeta meta;

    std::optional<int> firstResponseFor(Priority p) const { return firstResponse[std::size_t(p)]; }
    std::optional<int> resolutionFor(Priority p) const { return resolution[std::size_t(p)]; }
};

FieldErrors validate(const Calendar &calendar);
// A zone a calendar may use: a name of the tz database ("Asia/Tokyo").
// Qt also offers fixed offsets such as "UTC+09:00", which PostgreSQL reads
// with the opposite sign (POSIX): the team server's clocks would run 18 h off.
bool isCalendarTimeZone(const QString &id);
// Every zone isCalendarTimeZone accepts, in the tz database's order: the
// choices for a calendar and for the zone times are shown in.
QStringList calendarTimeZoneIds();
FieldErrors validate(const SlaPolicy &policy);

// The ticket's status over time: the created status and every change after.
struct StatusChange
{
    QDateTime at;
    TicketStatus status;
};

// Statuses that stop the SLA clock: waiting on the customer or a third party,
// and solved/closed (if the ticket is reopened, the solved time never counted).
bool stopsSlaClock(TicketStatus status);

// The intervals during which the clock stood still, from a status history in
// time order. The last one is open (invalid `to`) when the ticket is stopped now.
QList<PausedInterval> pausesFrom(const QList<StatusChange> &history);

struct SlaDues
{
    std::optional<QDateTime> firstResponse;
    std::optional<QDateTime> resolution;
};

// Due times of both targets, from the ticket's history. A target that is not
// met yet has no due time while the clock is stopped; a met target keeps the
// due time it had when it was met (pauses after that change nothing).
SlaDues computeDues(const SlaClock &clock, const QDateTime &createdAt, const QList<StatusChange> &history,
                    std::optional<int> firstResponseMinutes, std::optional<int> resolutionMinutes,
                    const std::optional<QDateTime> &firstRespondedAt, const std::optional<QDateTime> &solvedAt);

// What a badge shows: the target that runs now and how it stands.
struct SlaStatus
{
    enum class Target {
        None,
        FirstResponse,
        Resolution
    };
    enum class State {
        None,
        OnTrack,
        Warning,
        Breached,
        Paused,
        Met,
        MetLate
    };

    Target target = Target::None;
    State state = State::None;
    QDateTime due;               // when it falls (fell) due; invalid while paused
    qint64 remainingMinutes = 0; // business minutes; negative once breached
    double elapsedShare = 0;     // of the target, 0…1+

    static constexpr double kWarningShare = 0.75;
};

SlaStatus slaStatus(const SlaClock &clock, const Ticket &ticket, const QList<StatusChange> &history,
                    std::optional<int> firstResponseMinutes, std::optional<int> resolutionMinutes,
                    const QDateTime &now);
// One target's clock, whichever runs now (the ticket view shows both).
SlaStatus targetStatus(const SlaClock &clock, const Ticket &ticket, const QList<StatusChange> &history,
                       SlaStatus::Target target, std::optional<int> minutes, const QDateTime &now);

// The same from the stored due times alone, without the history: what a
// queue shows for each of its rows. Exact while the clock runs, because no
// pause lies ahead of a running clock.
struct StoredSla
{
    TicketStatus status = TicketStatus::New;
    std::optional<QDateTime> firstResponseDue;
    std::optional<QDateTime> resolutionDue;
    std::optional<QDateTime> firstRespondedAt;
    std::optional<QDateTime> solvedAt;
};
SlaStatus slaStatusFromDues(const BusinessCalendar &calendar, const StoredSla &ticket,
                            std::optional<int> firstResponseMinutes, std::optional<int> resolutionMinutes,
                            const QDateTime &now);

} // namespace madoguchi
