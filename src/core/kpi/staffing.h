#pragma once

#include "kpi/kpiengine.h"

#include <QList>

namespace madoguchi {

// Staffing by the Erlang C model (DESIGN.md §4). Its assumptions, which the
// calculator states to the user: calls arrive at random (Poisson) at a
// steady rate within the hour; handle times are exponentially distributed
// around the AHT; a caller waits in one queue until answered (nobody hangs
// up, nobody gets a busy signal); every agent can take every call.

struct StaffingTarget
{
    double answeredShare = 0.8; // e.g. 80 % of calls …
    double withinSeconds = 20;  // … answered within 20 s
    double shrinkage = 0;       // share of paid time off the phones (breaks, training, meetings): 0–0.9
};

struct StaffingEstimate
{
    double callsPerHour = 0;
    double trafficErlangs = 0; // calls per hour × AHT / 3600
    int agents = 0;            // on the phones, the fewest that meet the target
    int scheduled = 0;         // agents ÷ (1 − shrinkage), rounded up
    double probabilityOfWaiting = 0;
    double serviceLevel = 1;         // the share answered within the target wait with `agents`
    double averageSpeedOfAnswer = 0; // seconds
    double occupancy = 0;            // traffic ÷ agents
};

// The probability that a call waits, with `agents` agents and `traffic`
// Erlangs; 1 when the agents cannot keep up (agents ≤ traffic).
double erlangC(int agents, double traffic);

// The share of calls answered within `withinSeconds`.
double serviceLevel(int agents, double traffic, double ahtSeconds, double withinSeconds);

// The fewest agents that answer the target share within the target wait.
StaffingEstimate estimateStaffing(double callsPerHour, double ahtSeconds, const StaffingTarget &target);

// An estimate for each hour of the week from the arrivals observed in a
// period (Kpis::arrivals for a channel): each hour's arrivals divided by how
// often its weekday occurs in the period.
QList<StaffingEstimate> weeklyStaffing(const WeekHours &arrivals, const std::array<int, 7> &weekdays, double ahtSeconds,
                                       const StaffingTarget &target);

} // namespace madoguchi
