#include "common/timeformat.h"

#include <QLocale>

namespace madoguchi {

QString compactDateTime(const QDateTime &instant, const QTimeZone &zone, const QDateTime &now, bool withTime)
{
    if (!instant.isValid())
        return {};
    const QLocale locale;
    const QDateTime local = instant.toTimeZone(zone);
    const QDate today = now.toTimeZone(zone).date();
    const QString time = locale.toString(local.time(), QLocale::ShortFormat);
    if (local.date() == today)
        return time;
    const bool japanese = locale.language() == QLocale::Japanese;
    if (withTime && std::abs(local.date().daysTo(today)) < 7) {
        // Within the week the weekday says it: "Mon 14:00", 「11/16(月) 14:00」.
        const QString day = locale.dayName(local.date().dayOfWeek(), QLocale::ShortFormat);
        return japanese
                   ? QStringLiteral("%1/%2(%3) %4").arg(local.date().month()).arg(local.date().day()).arg(day, time)
                   : day + u' ' + time;
    }
    QString date;
    if (local.date().year() == today.year()) {
        // Month and day in the order and words of the language.
        date = japanese ? locale.toString(local.date(), QStringLiteral("M月d日"))
                        : locale.toString(local.date(), QStringLiteral("d MMM"));
    } else {
        date = locale.toString(local.date(), QLocale::ShortFormat);
    }
    return withTime ? date + u' ' + time : date;
}

QString fullDateTime(const QDateTime &instant, const QTimeZone &zone)
{
    if (!instant.isValid())
        return {};
    const QLocale locale;
    const QDateTime local = instant.toTimeZone(zone);
    const QString time = locale.toString(local.time(), QLocale::ShortFormat);
    if (locale.language() == QLocale::Japanese)
        return locale.toString(local.date(), QStringLiteral("yyyy年M月d日(ddd) ")) + time;
    return locale.toString(local.date(), QStringLiteral("ddd d MMM yyyy, ")) + time;
}

} // namespace madoguchi
