// SLA clock arithmetic with answers worked out by hand on the 2026 calendar
// (Mon–Fri 9:00–18:00 Asia/Tokyo, Japanese national holidays).
#include "domain/businesscalendar.h"

#include <gtest/gtest.h>

using namespace madoguchi;

namespace {

const QTimeZone kTokyo("Asia/Tokyo");

QDateTime tokyo(int y, int m, int d, int h, int min = 0)
{
    return QDateTime(QDate(y, m, d), QTime(h, min), kTokyo);
}

std::string str(const QDateTime &t)
{
    return t.toTimeZone(kTokyo).toString(Qt::ISODate).toStdString();
}

} // namespace

TEST(JapaneseHolidays, ShipsTheOfficialCalendarThrough2030)
{
    const std::set<QDate> &h = BusinessCalendar::japaneseHolidays();
    EXPECT_GE(BusinessCalendar::lastShippedHoliday(), QDate(2030, 11, 23));
    // 2026 as published by the Cabinet Office: 18 days.
    int in2026 = 0;
    for (const QDate &d : h)
        in2026 += d.year() == 2026;
    EXPECT_EQ(in2026, 18);
    for (const QDate &d : {QDate(2026, 1, 12), QDate(2026, 3, 20), QDate(2026, 5, 6) /* substitute */,
                           QDate(2026, 9, 22) /* citizens' holiday */, QDate(2026, 9, 23), QDate(2026, 10, 12),
                           QDate(2025, 2, 24), QDate(2024, 9, 23), QDate(2023, 1, 2), QDate(2030, 5, 6),
                           QDate(2020, 7, 24) /* Olympics: Sports Day moved */, QDate(2021, 8, 9)})
        EXPECT_TRUE(h.contains(d)) << d.toString(Qt::ISODate).toStdString();
    for (const QDate &d : {QDate(2026, 5, 7), QDate(2026, 10, 13), QDate(2020, 10, 12), QDate(2026, 12, 31)})
        EXPECT_FALSE(h.contains(d)) << d.toString(Qt::ISODate).toStdString();
}

TEST(SlaClock, CountsOnlyBusinessHoursAcrossTheWeekend)
{
    const BusinessCalendar cal = BusinessCalendar::japanStandard();
    // Friday 17:00 + 2 h → Monday 10:00.
    EXPECT_EQ(str(cal.addBusinessMinutes(tokyo(2026, 11, 20, 17), 120)), str(tokyo(2026, 11, 24, 10)))
        << "Nov 23 is Labour Thanksgiving Day, so Monday is skipped too";
    EXPECT_EQ(str(cal.addBusinessMinutes(tokyo(2026, 11, 13, 17), 120)), str(tokyo(2026, 11, 16, 10)));
    EXPECT_EQ(cal.businessMinutes(tokyo(2026, 11, 13, 17), tokyo(2026, 11, 16, 10)), 120);
}

TEST(SlaClock, SkipsHolidaysAndSubstituteHolidays)
{
    const BusinessCalendar cal = BusinessCalendar::japanStandard();
    // Tue Apr 28 17:30 + 1 h: Apr 29 is Showa Day → Thu Apr 30 9:30.
    EXPECT_EQ(str(cal.addBusinessMinutes(tokyo(2026, 4, 28, 17, 30), 60)), str(tokyo(2026, 4, 30, 9, 30)));
    // Golden Week: Fri May 1 17:00 + 2 h → Thu May 7 10:00 (May 2–6 off, May 6 substitute).
    EXPECT_EQ(str(cal.addBusinessMinutes(tokyo(2026, 5, 1, 17), 120)), str(tokyo(2026, 5, 7, 10)));
    // Silver Week: Fri Sep 18 18:00 + 1 h → Thu Sep 24 10:00 (Sep 21–23 off, Sep 22 citizens' holiday).
    EXPECT_EQ(str(cal.addBusinessMinutes(tokyo(2026, 9, 18, 18), 60)), str(tokyo(2026, 9, 24, 10)));
}

TEST(SlaClock, TicketsCreatedOutsideBusinessHoursStartAtTheNextOpening)
{
    const BusinessCalendar cal = BusinessCalendar::japanStandard();
    EXPECT_EQ(str(cal.addBusinessMinutes(tokyo(2026, 11, 16, 20), 30)), str(tokyo(2026, 11, 17, 9, 30)));
    EXPECT_EQ(str(cal.addBusinessMinutes(tokyo(2026, 11, 14, 10), 60)), str(tokyo(2026, 11, 16, 10))); // Saturday
    EXPECT_EQ(str(cal.addBusinessMinutes(tokyo(2026, 11, 16, 6), 0)), str(tokyo(2026, 11, 16, 9)));
    EXPECT_EQ(cal.businessMinutes(tokyo(2026, 11, 14, 0), tokyo(2026, 11, 15, 23)), 0);
}

TEST(SlaClock, WorksFromInstantsInAnyTimeZone)
{
    const BusinessCalendar cal = BusinessCalendar::japanStandard();
    // 00:00 UTC is 09:00 in Tokyo.
    const QDateTime utc(QDate(2026, 11, 16), QTime(0, 0), Qt::UTC);
    EXPECT_EQ(str(cal.addBusinessMinutes(utc, 90)), str(tokyo(2026, 11, 16, 10, 30)));
    // An agent in New York (UTC−5 in November) at 20:00 Sunday is 10:00 Monday in Tokyo.
    const QDateTime newYork(QDate(2026, 11, 15), QTime(20, 0), QTimeZone("America/New_York"));
    EXPECT_EQ(str(cal.addBusinessMinutes(newYork, 60)), str(tokyo(2026, 11, 16, 11)));
}

TEST(SlaClock, PausesWhilePendingOrOnHold)
{
    const SlaClock clock(BusinessCalendar::japanStandard());
    const QDateTime created = tokyo(2026, 11, 16, 9);
    // 4 h target: due 13:00; pending 10:00–11:30 pushes it to 14:30.
    EXPECT_EQ(str(clock.dueAt(created, 240, {})), str(tokyo(2026, 11, 16, 13)));
    const QList<PausedInterval> pending{{tokyo(2026, 11, 16, 10), tokyo(2026, 11, 16, 11, 30)}};
    EXPECT_EQ(str(clock.dueAt(created, 240, pending)), str(tokyo(2026, 11, 16, 14, 30)));
    EXPECT_EQ(clock.elapsed(created, tokyo(2026, 11, 16, 12), pending), 90);
    // On hold overnight (17:00 → next day 11:00) only takes business time off.
    const QList<PausedInterval> overnight{{tokyo(2026, 11, 16, 12), tokyo(2026, 11, 17, 11)}};
    EXPECT_EQ(str(clock.dueAt(created, 240, overnight)), str(tokyo(2026, 11, 17, 12)));
    // A pause that begins after the due time changes nothing.
    const QList<PausedInterval> late{{tokyo(2026, 11, 16, 15), tokyo(2026, 11, 16, 16)}};
    EXPECT_EQ(str(clock.dueAt(created, 240, late)), str(tokyo(2026, 11, 16, 13)));
    // Still paused: no due time until the clock runs again.
    EXPECT_FALSE(clock.dueAt(created, 240, {{tokyo(2026, 11, 16, 10), QDateTime()}}).isValid());
    EXPECT_EQ(clock.elapsed(created, tokyo(2026, 11, 16, 12), {{tokyo(2026, 11, 16, 10), QDateTime()}}), 60);
}

TEST(SlaClock, AChangedTargetIsRecomputedFromTheStart)
{
    // A priority change mid-ticket: the new target counts from creation again.
    const SlaClock clock(BusinessCalendar::japanStandard());
    const QDateTime created = tokyo(2026, 11, 16, 16);
    EXPECT_EQ(str(clock.dueAt(created, 8 * 60, {})), str(tokyo(2026, 11, 17, 15))); // normal: 8 business hours
    EXPECT_EQ(str(clock.dueAt(created, 60, {})), str(tokyo(2026, 11, 16, 17)));     // urgent: 1 hour
}
