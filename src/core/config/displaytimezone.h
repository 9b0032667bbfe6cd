#pragma once

#include "storage/databaseinfo.h"

#include <QString>
#include <QTimeZone>

namespace madoguchi {

class Database;

// The one zone every time is shown, entered and bucketed in (DESIGN.md §3):
// the first of these that is a valid zone.
//  1. `chosen`, the user's choice in Settings ("" = automatic);
//  2. the zone of the team of the agent signed in on this copy;
//  3. the zone of the first live team;
//  4. the zone of the default SLA policy's calendar;
//  5. the system's zone.
QTimeZone displayTimeZone(const QString &chosen, const NamedTimeZones &named);
// The same for an open database and the saved setting.
QTimeZone displayTimeZone(const Database &database);
// For a database file that may not open (damaged, or not opened by a
// command): the zones it names, read-only, else those of its newest backup.
QTimeZone displayTimeZoneOfFile(const QString &databasePath);

} // namespace madoguchi
