// Times and lengths of time read the same everywhere: a time of day, a call's
// clock, an SLA's time left, a KPI's average (common/timeformat).
#include "common/timeformat.h"
#include "kpi/kpiformat.h"

#include <QLocale>

#include <gtest/gtest.h>

using namespace madoguchi;

namespace {

// The default locale, for one test.
class InLocale
{
public:
    explicit InLocale(const char *name) { QLocale::setDefault(QLocale(QString::fromLatin1(name))); }
    ~InLocale() { QLocale::setDefault(m_before); }
    InLocale(const InLocale &) = delete;
    InLocale &operator=(const InLocale &) = delete;

private:
    QLocale m_before;
};

} // namespace

// QLocale's short time is "3:53 PM" in English and "15:53:27" in C: the
// times read as the README promises ("Due Wed 15:53") whatever the locale.
TEST(TimeOfDay, IsOnTheTwentyFourHourClockToTheMinuteInEnglishAndJapanese)
{
    const QTimeZone tokyo("Asia/Tokyo");
    const QDateTime afternoon(QDate(2026, 11, 18), QTime(6, 53, 27), QTimeZone::utc()); // 15:53:27 in Tokyo
    const QDateTime morning(QDate(2026, 11, 17), QTime(21, 5, 9), QTimeZone::utc());    // 06:05:09 in Tokyo
    const QDateTime sameDay(QDate(2026, 11, 18), QTime(9, 0), QTimeZone::utc());
    for (const char *english : {"en", "en_US", "en_GB", "C"}) {
        SCOPED_TRACE(english);
        const InLocale locale(english);
        EXPECT_EQ(timeOfDay(afternoon, tokyo), QStringLiteral("15:53"));
        EXPECT_EQ(timeOfDay(morning, tokyo), QStringLiteral("06:05"));
        EXPECT_EQ(compactDateTime(afternoon, tokyo, sameDay), QStringLiteral("15:53"));
        EXPECT_EQ(compactDateTime(afternoon, tokyo, sameDay.addDays(2), true), QStringLiteral("Wed 15:53"));
        EXPECT_EQ(fullDateTime(afternoon, tokyo), QStringLiteral("Wed 18 Nov 2026, 15:53"));
        EXPECT_EQ(dateTimeEditFormat(), QStringLiteral("d MMM yyyy HH:mm"));
    }
    const InLocale japanese("ja");
    EXPECT_EQ(timeOfDay(afternoon, tokyo), QStringLiteral("15:53"));
    EXPECT_EQ(timeOfDay(morning, tokyo), QStringLiteral("6:05"));
    EXPECT_EQ(compactDateTime(afternoon, tokyo, sameDay.addDays(2), true), QStringLiteral("11/18(水) 15:53"));
    EXPECT_EQ(fullDateTime(afternoon, tokyo), QStringLiteral("2026年11月18日(水) 15:53"));
    EXPECT_EQ(dateTimeEditFormat(), QStringLiteral("yyyy/MM/dd H:mm"));
    // The same instant on another team's clock.
    EXPECT_EQ(timeOfDay(afternoon, QTimeZone::utc()), QStringLiteral("6:53"));
}

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
