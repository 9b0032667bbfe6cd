// GoogleTest main for Madoguchi: a QApplication running offscreen, so widget
// tests can drive real widgets.
#include "common/translations.h"
#include "headlessqt.h"

#include <QApplication>
#include <QSettings>
#include <QTemporaryDir>

#include <gtest/gtest.h>

int main(int argc, char **argv)
{
    madoguchi::test::prepareHeadlessQt();
    QApplication app(argc, argv);
    madoguchi::AppSettings::initializeApplication();
    // Preferences of this process only: a test that sets one (the time zone
    // times are shown in) never shows in another running beside it (ctest -j).
    const QTemporaryDir settings;
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, settings.path());
    QCoreApplication::setApplicationName(QStringLiteral("madoguchi-tests"));
    // What an English-speaking user sees, plural forms included.
    madoguchi::installTranslations(app, QStringLiteral("en"));
    ::testing::InitGoogleTest(&argc, argv);
    return RUN_ALL_TESTS();
}
