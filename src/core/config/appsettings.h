#pragma once

#include "sync/serverconnection.h"

#include <QString>

namespace madoguchi {

// User preferences kept in QSettings (never secrets). Defaults follow the
// system where that makes sense.
class AppSettings
{
public:
    // Organization and application names shared by the GUI and the CLI, so
    // both find the same settings and the same default database.
    static void initializeApplication();

    // "" = follow the system locale; otherwise "en" or "ja".
    static QString language();
    static void setLanguage(const QString &code);

    // The zone times are shown in, a name of the tz database ("Asia/Tokyo");
    // "" = automatic (displayTimeZone in config/displaytimezone.h).
    static QString timeZone();
    static void setTimeZone(const QString &id);

    // ISO 3166 region used for phone numbers written without a country code.
    // "light" or "dark" (Qt 6.4 cannot ask the desktop).
    static QString appearance();
    static void setAppearance(const QString &key);
    static QString phoneRegion();
    static void setPhoneRegion(const QString &region);

    // Folder holding the local database; "" = the standard data location.
    static QString dataDirectory();
    static void setDataDirectory(const QString &directory);
    static QString defaultDataDirectory();
    // Path of the local database in the data directory.
    static QString databasePath();

    // How this copy works: "" (not chosen yet: the first-run question),
    // "local", or "server" (synchronised with the team server).
    static QString syncMode();
    static void setSyncMode(const QString &mode);
    // The team server (everything but the password, which lives in the
    // keychain).
    static ServerConnection server();
    static void setServer(const ServerConnection &server);
};

} // namespace madoguchi
