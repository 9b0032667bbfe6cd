#pragma once

#include <QCoreApplication>
#include <QDateTime>
#include <QString>
#include <QTimeZone>

namespace madoguchi {

// The translation context "Duration" (lengths of time).
struct DurationText
{
    Q_DECLARE_TR_FUNCTIONS(Duration)
};

// The time of day in `zone`, to the minute on the 24-hour clock in every
// language: "15:53", 「9:05」. (QLocale's short format says "3:53 PM" in
// English and carries the seconds in the C locale.)
QString timeOfDay(const QDateTime &instant, const QTimeZone &zone);
// The display format of date-and-time editors in the same forms:
// "18 Nov 2026 15:53", 「2026/11/18 9:05」.
QString dateTimeEditFormat();

// Short times for lists, in `zone` and the current locale: "14:05" today,
// "26 Nov" (「11月26日」) this year, the locale's short date before that.
// With `withTime`, dates other than today carry the time too, and within a
// week the weekday stands for the date ("Mon 14:00").
QString compactDateTime(const QDateTime &instant, const QTimeZone &zone, const QDateTime &now, bool withTime = false);

// A full date and time in `zone` for details: "Fri 20 Nov 2026, 10:53",
// 「2026年11月20日(金) 10:53」.
QString fullDateTime(const QDateTime &instant, const QTimeZone &zone);

// Lengths of time, the same way everywhere, in the current locale.
// A call's length as a clock: "5:07", "1:15:00"; `withHours` keeps the
// hours ("0:05:07"), so a running timer never changes width.
QString clockDuration(qint64 seconds, bool withHours = false);
// Exact, in its two largest units: "45 s", "5 min 12 s", "1 h 20 min",
// whole hours from a day on ("26 h": often business time, where a day is
// as long as the calendar says). A length counted in minutes (an SLA
// clock) passes `minutes`: below a minute it is "0 min", never seconds.
enum class DurationUnit {
    Seconds,
    Minutes
};
QString exactDuration(qint64 seconds, DurationUnit smallest = DurationUnit::Seconds);
// An average or a median, rounded in one unit: "42 min", "3.5 h", "2.1 days".
QString roundedDuration(double minutes);

} // namespace madoguchi
