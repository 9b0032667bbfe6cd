// Lengths of time read the same everywhere: a call's clock, an SLA's time
// left, a KPI's average (common/timeformat).
#include "common/timeformat.h"
#include "kpi/kpiformat.h"

#include <gtest/gtest.h>

using namespace madoguchi;

TEST(Duration, ACallReadsAsAClockThatKeepsItsHoursWhenAsked)
{
    EXPECT_EQ(clockDuration(0), QStringLiteral("0:00"));
    EXPECT_EQ(clockDuration(307), QStringLiteral("5:07"));
    EXPECT_EQ(clockDuration(3599), QStringLiteral("59:59"));
    EXPECT_EQ(clockDuration(4500), QStringLiteral("1:15:00")); // not "75:00"
    EXPECT_EQ(clockDuration(307, true), QStringLiteral("0:05:07"));
    EXPECT_EQ(clockDuration(-5, true), QStringLiteral("0:00:00"));
}

TEST(Duration, ExactLengthsShowTheirTwoLargestUnits)
{
    EXPECT_EQ(exactDuration(45), QStringLiteral("45 s"));
    EXPECT_EQ(exactDuration(312), QStringLiteral("5 min 12 s"));
    EXPECT_EQ(exactDuration(300), QStringLiteral("5 min"));
    EXPECT_EQ(exactDuration(80 * 60), QStringLiteral("1 h 20 min"));
    EXPECT_EQ(exactDuration(80 * 60 + 59), QStringLiteral("1 h 20 min"));
    EXPECT_EQ(exactDuration(2 * 3600), QStringLiteral("2 h"));
    // Business time has no days: a day is as long as the calendar says.
    EXPECT_EQ(exactDuration(26 * 3600 + 15 * 60), QStringLiteral("26 h"));
    // Overdue counts the same way as time left.
    EXPECT_EQ(exactDuration(-80 * 60), QStringLiteral("1 h 20 min"));
}

TEST(Duration, AClockCountedInMinutesNeverShowsSeconds)
{
    EXPECT_EQ(exactDuration(0, DurationUnit::Minutes), QStringLiteral("0 min"));
    EXPECT_EQ(exactDuration(59, DurationUnit::Minutes), QStringLiteral("0 min"));
    EXPECT_EQ(exactDuration(45 * 60 + 30, DurationUnit::Minutes), QStringLiteral("45 min"));
    EXPECT_EQ(exactDuration(135 * 60, DurationUnit::Minutes), QStringLiteral("2 h 15 min"));
}

TEST(Duration, AveragesAreRoundedInOneUnitAndTheKpisUseThem)
{
    EXPECT_EQ(roundedDuration(4.25), QStringLiteral("4.3 min"));
    EXPECT_EQ(roundedDuration(42), QStringLiteral("42 min"));
    EXPECT_EQ(roundedDuration(150), QStringLiteral("2.5 h"));
    EXPECT_EQ(roundedDuration(3 * 1440), QStringLiteral("3.0 days"));
    EXPECT_EQ(kpiformat::minutes(150), roundedDuration(150));
    EXPECT_EQ(kpiformat::seconds(311.6), exactDuration(312));
    EXPECT_EQ(kpiformat::seconds(std::nullopt), QStringLiteral("–"));
}
