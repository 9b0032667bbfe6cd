#include "clicommands.h"

#include "common/translations.h"
#include "config/appsettings.h"

#include <QCoreApplication>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    madoguchi::AppSettings::initializeApplication();
    madoguchi::installTranslations(app, madoguchi::AppSettings::language());
    return madoguchi::cli::run(QCoreApplication::arguments());
}
