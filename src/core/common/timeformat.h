#pragma once

#include <QDateTime>
#include <QString>
#include <QTimeZone>

namespace madoguchi {

// Short times for lists, in `zone` and the current locale: "14:05" today,
// "26 Nov" (「11月26日」) this year, the locale's short date before that.
// With `withTime`, dates other than today carry the time too, and within a
// week the weekday stands for the date ("Mon 14:00").
QString compactDateTime(const QDateTime &instant, const QTimeZone &zone, const QDateTime &now, bool withTime = false);

// A full date and time in `zone` for details: "Fri 20 Nov 2026, 10:53",
// 「2026年11月20日(金) 10:53」.
QString fullDateTime(const QDateTime &instant, const QTimeZone &zone);

} // namespace madoguchi
