#include "config/displaytimezone.h"

#include "config/appsettings.h"
#include "storage/backups.h"
#include "storage/database.h"

namespace madoguchi {

QTimeZone displayTimeZone(const QString &chosen, const NamedTimeZones &named)
{
    for (const QString &id : {chosen, named.signedInTeam, named.firstTeam, named.defaultCalendar}) {
        if (id.isEmpty())
            continue;
        if (QTimeZone zone(id.toUtf8()); zone.isValid())
            return zone;
    }
    return QTimeZone::systemTimeZone();
}

QTimeZone displayTimeZone(const Database &database)
{
    return displayTimeZone(AppSettings::timeZone(), namedTimeZones(database.connection()));
}

QTimeZone displayTimeZoneOfFile(const QString &databasePath)
{
    NamedTimeZones named = namedTimeZonesOfFile(databasePath);
    if (const auto newest = named.isEmpty() ? Backups(databasePath).newest() : std::nullopt)
        named = namedTimeZonesOfFile(newest->path);
    return displayTimeZone(AppSettings::timeZone(), named);
}

} // namespace madoguchi
