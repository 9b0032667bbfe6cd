#include "common/appsettings.h"

#include <QCoreApplication>
#include <QDir>
#include <QLocale>
#include <QSettings>
#include <QStandardPaths>

namespace madoguchi {

namespace {

const QString kLanguage = QStringLiteral("ui/language");
const QString kAppearance = QStringLiteral("ui/appearance");
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

} // namespace madoguchi
