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

} // namespace madoguchi
