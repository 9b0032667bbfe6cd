#include "kpi/staffing.h"

#include <algorithm>
#include <cmath>

namespace madoguchi {

namespace {

// Far more than any contact centre staffs in one hour; stops the search on
// absurd input (a typed AHT of days) instead of looping.
constexpr int kMaxAgents = 100'000;

} // namespace

double erlangC(int agents, double traffic)
{
    if (traffic <= 0)
        return 0;
    if (agents <= traffic)
        return 1;
    // Erlang B by its recurrence (no factorials, no overflow), then C from B.
    double b = 1;
    for (int k = 1; k <= agents; ++k)
        b = traffic * b / (k + traffic * b);
    const double rho = traffic / agents;
    return b / (1 - rho * (1 - b));
}

double serviceLevel(int agents, double traffic, double ahtSeconds, double withinSeconds)
{
    if (traffic <= 0)
        return 1;
    if (agents <= traffic || ahtSeconds <= 0)
        return 0;
    return 1 - erlangC(agents, traffic) * std::exp(-(agents - traffic) * withinSeconds / ahtSeconds);
}

StaffingEstimate estimateStaffing(double callsPerHour, double ahtSeconds, const StaffingTarget &target)
{
    StaffingEstimate e;
    e.callsPerHour = std::max(0.0, callsPerHour);
    e.trafficErlangs = e.callsPerHour * std::max(0.0, ahtSeconds) / 3600.0;
    if (e.trafficErlangs <= 0)
        return e;
    const double share = std::clamp(target.answeredShare, 0.0, 0.9999);
    int n = std::max(1, int(std::floor(e.trafficErlangs)) + 1);
    while (n < kMaxAgents && serviceLevel(n, e.trafficErlangs, ahtSeconds, target.withinSeconds) < share)
        ++n;
    e.agents = n;
    e.probabilityOfWaiting = erlangC(n, e.trafficErlangs);
    e.serviceLevel = serviceLevel(n, e.trafficErlangs, ahtSeconds, target.withinSeconds);
    e.averageSpeedOfAnswer = e.probabilityOfWaiting * ahtSeconds / (n - e.trafficErlangs);
    e.occupancy = e.trafficErlangs / n;
    const double shrinkage = std::clamp(target.shrinkage, 0.0, 0.9);
    // A hair below 1 so that 10 / (1 − 0.2) is 12.5 → 13 but 8 / (1 − 0.2) = 10 stays 10.
    e.scheduled = int(std::ceil(n / (1 - shrinkage) - 1e-9));
    return e;
}

QList<StaffingEstimate> weeklyStaffing(const WeekHours &arrivals, const std::array<int, 7> &weekdays, double ahtSeconds,
                                       const StaffingTarget &target)
{
    QList<StaffingEstimate> out;
    out.reserve(kHoursPerWeek);
    for (int h = 0; h < kHoursPerWeek; ++h) {
        const int occurrences = weekdays[std::size_t(h / 24)];
        const double perHour = occurrences > 0 ? double(arrivals[std::size_t(h)]) / occurrences : 0;
        out.append(estimateStaffing(perHour, ahtSeconds, target));
    }
    return out;
}

} // namespace madoguchi
