#include "common/timeformat.h"

#include <QLocale>

#include <algorithm>
#include <cstdlib>

namespace madoguchi {

namespace {

bool isJapanese(const QLocale &locale)
{
    return locale.language() == QLocale::Japanese;
}

QString clockFormat(const QLocale &locale)
{
    return isJapanese(locale) ? QStringLiteral("H:mm") : QStringLiteral("HH:mm");
}

} // namespace

QString timeOfDay(const QDateTime &instant, const QTimeZone &zone)
{
    if (!instant.isValid())
        return {};
    const QLocale locale;
    return locale.toString(instant.toTimeZone(zone).time(), clockFormat(locale));
}

QString dateTimeEditFormat()
{
    const QLocale locale;
    return (isJapanese(locale) ? QStringLiteral("yyyy/MM/dd ") : QStringLiteral("d MMM yyyy ")) + clockFormat(locale);
}

QString compactDateTime(const QDateTime &instant, const QTimeZone &zone, const QDateTime &now, bool withTime)
{
    if (!instant.isValid())
        return {};
    const QLocale locale;
    const QDateTime local = instant.toTimeZone(zone);
    const QDate today = now.toTimeZone(zone).date();
    const QString time = timeOfDay(instant, zone);
    if (local.date() == today)
        return time;
    const bool japanese = isJapanese(locale);
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
    const QString time = timeOfDay(instant, zone);
    if (isJapanese(locale))
        return locale.toString(local.date(), QStringLiteral("yyyy年M月d日(ddd) ")) + time;
    return locale.toString(local.date(), QStringLiteral("ddd d MMM yyyy, ")) + time;
}

QString clockDuration(qint64 seconds, bool withHours)
{
    seconds = std::max<qint64>(seconds, 0);
    const QChar zero = QLatin1Char('0');
    if (seconds < 3600 && !withHours)
        return QStringLiteral("%1:%2").arg(seconds / 60).arg(seconds % 60, 2, 10, zero);
    return QStringLiteral("%1:%2:%3")
        .arg(seconds / 3600)
        .arg(seconds / 60 % 60, 2, 10, zero)
        .arg(seconds % 60, 2, 10, zero);
}

QString exactDuration(qint64 seconds, DurationUnit smallest)
{
    seconds = std::abs(seconds);
    if (smallest == DurationUnit::Minutes)
        seconds -= seconds % 60;
    if (seconds < 60 && smallest == DurationUnit::Seconds)
        return DurationText::tr("%n s", "seconds", int(seconds));
    const qint64 minutes = seconds / 60;
    if (minutes < 60) {
        if (seconds % 60 == 0)
            return DurationText::tr("%n min", "minutes", int(minutes));
        return DurationText::tr("%1 min %2 s").arg(minutes).arg(seconds % 60);
    }
    const qint64 hours = minutes / 60;
    if (hours >= 24 || minutes % 60 == 0)
        return DurationText::tr("%n h", "hours", int(hours));
    return DurationText::tr("%1 h %2 min").arg(hours).arg(minutes % 60);
}

QString roundedDuration(double minutes)
{
    const QLocale locale;
    if (minutes < 100)
        return DurationText::tr("%1 min").arg(locale.toString(minutes, 'f', minutes < 10 ? 1 : 0));
    if (minutes < 48 * 60)
        return DurationText::tr("%1 h").arg(locale.toString(minutes / 60.0, 'f', 1));
    return DurationText::tr("%1 days").arg(locale.toString(minutes / 1440.0, 'f', 1));
}

} // namespace madoguchi
