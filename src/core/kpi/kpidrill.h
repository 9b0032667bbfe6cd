#pragma once

#include "kpi/kpiengine.h"
#include "repositories/ticketqueue.h"

namespace madoguchi {

// The tickets behind a figure of the dashboard: each set is the condition
// the KPI engine counts, so a drill-down lists exactly the tickets that
// make up the number (tested figure by figure).
enum class KpiSet {
    Created,               // created in the range
    Solved,                // last solve in the range
    Backlog,               // open at the range's end
    BacklogAge,            // … and of the age bucket `ageBucket`
    FirstResponded,        // created in the range and responded to
    FirstContactResolved,  // solved in the range with one interaction, never reopened
    Reopened,              // solved in the range, reopened at least once
    Escalated,             // created in the range, level raised at least once
    FirstResponseMet,      // first response in the range, by its due time
    FirstResponseBreached, // first response fell due in the range (and by now) unmet
    ResolutionMet,
    ResolutionBreached,
    Rated,   // a survey response received in the range
    Handled, // a phone or chat interaction started in the range
};

struct KpiDrill
{
    KpiSet set = KpiSet::Created;
    qint64 from = 0; // ms, the range [from, to)
    qint64 to = 0;
    int ageBucket = 0; // for BacklogAge: the index of Kpis::backlogAgeBuckets
};

// The tickets a KPI filter narrows to, as a filter of "All tickets".
TicketFilter asTicketFilter(const KpiFilter &filter);

// The condition on tickets alias t; `nowMs` bounds what can have fallen due.
SqlCondition kpiSetCondition(const KpiDrill &drill, qint64 nowMs);

// The tickets behind a figure, narrowed by the dashboard's filters: a queue
// filter the ticket list can show (with paging, sorting and bulk actions).
TicketFilter drillDownFilter(const KpiDrill &drill, const KpiFilter &filter, qint64 nowMs, const QString &title);

} // namespace madoguchi
