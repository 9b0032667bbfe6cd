#include "config/appsettings.h"

#include <QCoreApplication>
#include <QDir>
#include <QLocale>
#include <QSettings>
#include <QStandardPaths>

namespace madoguchi {

namespace {

const QString kLanguage = QStringLiteral("ui/language");
const QString kAppearance = QStringLiteral("ui/appearance");
const QString kTimeZone = QStringLiteral("ui/timeZone");
const QString kPhoneRegion = QStringLiteral("phone/defaultRegion");
const QString kDataDirectory = QStringLiteral("storage/dataDirectory");

QString systemRegion()
{
    const QString name = QLocale::system().name(); // "ja_JP"
    const qsizetype underscore = name.indexOf(u'_');
    const QString region = underscore > 0 ? name.mid(underscore + 1) : QString();
    // "C" and similar locales have no region: the demo data and the team are Japanese.
    return region.size() == 2 ? region.toUpper() : QStringLiteral("JP");
}

} // namespace

void AppSettings::initializeApplication()
{
    QCoreApplication::setOrganizationName(QStringLiteral("madoguchi"));
    QCoreApplication::setApplicationName(QStringLiteral("madoguchi"));
    QCoreApplication::setApplicationVersion(QStringLiteral(MADOGUCHI_VERSION));
}

QString AppSettings::appearance()
{
    return QSettings().value(kAppearance, QStringLiteral("light")).toString();
}

void AppSettings::setAppearance(const QString &key)
{
    QSettings().setValue(kAppearance, key);
}

QString AppSettings::language()
{
    return QSettings().value(kLanguage).toString();
}

void AppSettings::setLanguage(const QString &code)
{
    QSettings().setValue(kLanguage, code);
}

QString AppSettings::timeZone()
{
    return QSettings().value(kTimeZone).toString();
}

void AppSettings::setTimeZone(const QString &id)
{
    if (id.isEmpty())
        QSettings().remove(kTimeZone);
    else
        QSettings().setValue(kTimeZone, id);
}

QString AppSettings::phoneRegion()
{
    return QSettings().value(kPhoneRegion, systemRegion()).toString();
}

void AppSettings::setPhoneRegion(const QString &region)
{
    QSettings().setValue(kPhoneRegion, region.toUpper());
}

QString AppSettings::dataDirectory()
{
    const QString dir = QSettings().value(kDataDirectory).toString();
    return dir.isEmpty() ? defaultDataDirectory() : dir;
}

void AppSettings::setDataDirectory(const QString &directory)
{
    if (directory.isEmpty() || QDir(directory) == QDir(defaultDataDirectory()))
        QSettings().remove(kDataDirectory);
    else
        QSettings().setValue(kDataDirectory, directory);
}

QString AppSettings::defaultDataDirectory()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
}

QString AppSettings::databasePath()
{
    return QDir(dataDirectory()).filePath(QStringLiteral("madoguchi.sqlite"));
}

QString AppSettings::syncMode()
{
    return QSettings().value(QStringLiteral("sync/mode")).toString();
}

void AppSettings::setSyncMode(const QString &mode)
{
    QSettings().setValue(QStringLiteral("sync/mode"), mode);
}

ServerConnection AppSettings::server()
{
    QSettings s;
    ServerConnection c;
    c.host = s.value(QStringLiteral("sync/host")).toString();
    c.port = s.value(QStringLiteral("sync/port"), 5432).toInt();
    c.database = s.value(QStringLiteral("sync/database")).toString();
    c.user = s.value(QStringLiteral("sync/user")).toString();
    c.sslMode = s.value(QStringLiteral("sync/sslmode"), QStringLiteral("verify-full")).toString();
    c.sslRootCert = s.value(QStringLiteral("sync/sslrootcert")).toString();
    return c;
}

void AppSettings::setServer(const ServerConnection &server)
{
    QSettings s;
    s.setValue(QStringLiteral("sync/host"), server.host);
    s.setValue(QStringLiteral("sync/port"), server.port);
    s.setValue(QStringLiteral("sync/database"), server.database);
    s.setValue(QStringLiteral("sync/user"), server.user);
    s.setValue(QStringLiteral("sync/sslmode"), server.sslMode);
    s.setValue(QStringLiteral("sync/sslrootcert"), server.sslRootCert);
    // Never the password: that is the keychain's.
}

} // namespace madoguchi
