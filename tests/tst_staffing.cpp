#include "kpi/staffing.h"

#include <gtest/gtest.h>

#include <cmath>

using namespace madoguchi;

namespace {

// Erlang C by its textbook formula with factorials, for small n: a second
// way to the same numbers.
double textbookErlangC(int n, double a)
{
    double sum = 0;
    double term = 1; // a^k / k!
    for (int k = 0; k < n; ++k) {
        sum += term;
        term *= a / (k + 1);
    }
    const double top = term * n / (n - a);
    return top / (sum + top);
}

} // namespace

TEST(Staffing, ErlangCMatchesTheTextbookFormula)
{
    for (double a : {0.5, 2.0, 7.3, 10.0, 25.0}) {
        for (int n = int(a) + 1; n < int(a) + 12; ++n)
            EXPECT_NEAR(erlangC(n, a), textbookErlangC(n, a), 1e-12) << a << " Erlangs, " << n << " agents";
    }
    EXPECT_EQ(erlangC(10, 10), 1); // cannot keep up: everyone waits
    EXPECT_EQ(erlangC(3, 0), 0);
}

TEST(Staffing, WorkedExampleOfAHundredCallsInHalfAnHour)
{
    // 200 calls an hour at 180 s: 10 Erlangs. With 11 agents 68.21 % wait and
    // 38.96 % are answered within 20 s; 13 agents reach 79.56 %, 14 reach 88.84 %.
    EXPECT_NEAR(erlangC(11, 10), 0.6821, 5e-5);
    EXPECT_NEAR(serviceLevel(11, 10, 180, 20), 0.3896, 5e-5);
    EXPECT_NEAR(serviceLevel(13, 10, 180, 20), 0.7956, 5e-5);
    const StaffingEstimate e = estimateStaffing(200, 180, StaffingTarget{0.8, 20, 0});
    EXPECT_DOUBLE_EQ(e.trafficErlangs, 10);
    EXPECT_EQ(e.agents, 14);
    EXPECT_NEAR(e.serviceLevel, 0.8884, 5e-5);
    EXPECT_NEAR(e.averageSpeedOfAnswer, 7.8, 0.05);
    EXPECT_NEAR(e.occupancy, 10.0 / 14, 1e-12);
    EXPECT_EQ(e.scheduled, 14);
    // Shrinkage: 30 % of paid time off the phones → 14 / 0.7 = 20 scheduled.
    EXPECT_EQ(estimateStaffing(200, 180, StaffingTarget{0.8, 20, 0.3}).scheduled, 20);
    // A stricter target needs more agents; a looser one fewer.
    EXPECT_GT(estimateStaffing(200, 180, StaffingTarget{0.9, 10, 0}).agents, 14);
    EXPECT_LT(estimateStaffing(200, 180, StaffingTarget{0.5, 60, 0}).agents, 14);
}

TEST(Staffing, NoCallsNeedNoAgentsAndAbsurdInputEnds)
{
    const StaffingEstimate none = estimateStaffing(0, 300, {});
    EXPECT_EQ(none.agents, 0);
    EXPECT_EQ(none.serviceLevel, 1);
    EXPECT_EQ(estimateStaffing(-5, 300, {}).agents, 0);
    EXPECT_EQ(estimateStaffing(100, 0, {}).agents, 0);
    // A day-long AHT: many agents, but an answer.
    const StaffingEstimate huge = estimateStaffing(1000, 86'400, {});
    EXPECT_GT(huge.agents, 24'000);
    EXPECT_GE(huge.serviceLevel, 0.8);
}

TEST(Staffing, WeeklyEstimateAveragesArrivalsOverTheWeekdaysSeen)
{
    WeekHours arrivals{};
    arrivals[0 * 24 + 10] = 400; // Mondays 10:00–11:00, over two Mondays: 200 an hour
    arrivals[6 * 24 + 3] = 0;
    std::array<int, 7> weekdays{2, 2, 1, 1, 1, 1, 1};
    const QList<StaffingEstimate> week = weeklyStaffing(arrivals, weekdays, 180, StaffingTarget{0.8, 20, 0});
    ASSERT_EQ(week.size(), kHoursPerWeek);
    EXPECT_DOUBLE_EQ(week[10].callsPerHour, 200);
    EXPECT_EQ(week[10].agents, 14);
    EXPECT_EQ(week[9].agents, 0);
    // A weekday the period never saw has no observations, not a division by zero.
    weekdays[3] = 0;
    arrivals[3 * 24 + 9] = 50;
    EXPECT_EQ(weeklyStaffing(arrivals, weekdays, 180, {})[3 * 24 + 9].agents, 0);
}
