#pragma once

#include "common/result.h"
#include "domain/slapolicy.h"

#include <QCoreApplication>
#include <QHash>
#include <QSqlDatabase>

#include <memory>

namespace madoguchi {

// Derives tickets' SLA due times from their policy, its calendar and the
// status history. The due times are derived columns: they are written to
// the local row without an outbox mutation, because the team server derives
// its own from the same rules on its own clock (DESIGN §5).
class SlaEngine
{
    Q_DECLARE_TR_FUNCTIONS(SlaEngine)

public:
    explicit SlaEngine(QSqlDatabase db);

    // A policy's targets with the clock of its calendar.
    struct Rules
    {
        SlaPolicy policy;
        SlaClock clock;
    };
    // Cached until forgotten; the default policy for a null id.
    Result<std::shared_ptr<const Rules>> rules(const QUuid &policyId);
    // A policy or calendar changed (here or by sync): read the rules again.
    void forgetRules() { m_rules.clear(); }

    // The ticket's status over time, from its events.
    Result<QList<StatusChange>> history(const QUuid &ticketId) const;

    // Recomputes and stores the ticket's due times. Call inside the
    // transaction of the change that made them move.
    Result<void> recompute(const QUuid &ticketId);

    // Every running ticket (not solved or closed) under the policy or under
    // the policies that use the calendar. Finished tickets keep the outcome
    // they were judged by. One transaction; returns how many were updated.
    Result<int> recomputeForPolicy(const QUuid &policyId);
    Result<int> recomputeForCalendar(const QUuid &calendarId);

    // The ticket's first response and resolution in business minutes of its
    // calendar (kept on the ticket for the KPIs); nullopt until they happen.
    struct BusinessDurations
    {
        std::optional<double> firstResponse;
        std::optional<double> resolution;
    };
    static BusinessDurations businessDurations(const BusinessCalendar &calendar, const QDateTime &created,
                                               const std::optional<QDateTime> &firstRespondedAt,
                                               const std::optional<QDateTime> &solvedAt);

    // The badge state of a ticket now.
    Result<SlaStatus> status(const Ticket &ticket, const QDateTime &now);

private:
    Result<int> recomputeRunning(const QString &policyCondition, const QVariant &bound);

    QSqlDatabase m_db;
    QHash<QUuid, std::shared_ptr<const Rules>> m_rules;
};

} // namespace madoguchi
