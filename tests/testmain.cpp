// GoogleTest main for Madoguchi: a QApplication running offscreen, so widget
// tests can drive real widgets.
#include "common/translations.h"
#include "headlessqt.h"

#include <QApplication>

#include <gtest/gtest.h>

int main(int argc, char **argv)
{
    madoguchi::test::prepareHeadlessQt();
    QApplication app(argc, argv);
    madoguchi::AppSettings::initializeApplication();
    QCoreApplication::setApplicationName(QStringLiteral("madoguchi-tests"));
    // What an English-speaking user sees, plural forms included.
    madoguchi::installTranslations(app, QStringLiteral("en"));
    ::testing::InitGoogleTest(&argc, argv);
    return RUN_ALL_TESTS();
}
