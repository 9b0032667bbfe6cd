#include "common/translations.h"
#include "config/appsettings.h"
#include "kit/appearance.h"
#include "kit/icons.h"
#include "shell/databasecare.h"
#include "shell/mainwindow.h"
#include "storage/database.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QMessageBox>
#include <QScreen>
#include <QTimer>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    madoguchi::AppSettings::initializeApplication();
    QApplication::setWindowIcon(madoguchi::icons::applicationIcon());

    QCommandLineParser parser;
    parser.setApplicationDescription(QApplication::translate("main", "Madoguchi, the support desk."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption db(QStringLiteral("db"), QApplication::translate("main", "Open this database file."),
                                QApplication::translate("main", "path"));
    const QCommandLineOption language(QStringLiteral("language"),
                                      QApplication::translate("main",
                                                              "Use this language (en, ja) instead of the setting."),
                                      QApplication::translate("main", "code"));
    const QCommandLineOption
        screenshot(QStringLiteral("screenshot"),
                   QApplication::translate("main", "Save a picture of the window to this PNG file and quit."),
                   QApplication::translate("main", "file"));
    const QCommandLineOption
        page(QStringLiteral("page"),
             QApplication::translate("main", "Show this page first (0 customers, 1 tickets, 2 dashboard, 3 settings)."),
             QApplication::translate("main", "number"));
    parser.addOptions({db, language, screenshot, page});
    parser.process(app);

    madoguchi::installTranslations(app, parser.isSet(language) ? parser.value(language)
                                                               : madoguchi::AppSettings::language());
    madoguchi::applyAppearance(madoguchi::appearanceFromKey(madoguchi::AppSettings::appearance()));

    madoguchi::Database::Options options;
    options.mode = parser.isSet(db) ? madoguchi::Database::OpenMode::MustExist
                                    : madoguchi::Database::OpenMode::CreateIfMissing;
    auto database = madoguchi::DatabaseCare::openAtStart(parser.isSet(db) ? parser.value(db)
                                                                          : madoguchi::AppSettings::databasePath(),
                                                         options);
    if (!database) {
        QMessageBox::critical(nullptr, QApplication::translate("main", "Madoguchi cannot start"),
                              database.error().message);
        return 1;
    }

    madoguchi::MainWindow window(std::move(database.value()));
    if (parser.isSet(page))
        window.showPage(madoguchi::MainWindow::Page(
            std::clamp(parser.value(page).toInt(), 0, int(madoguchi::MainWindow::Page::Settings))));
    window.show();
    if (!parser.isSet(screenshot)) {
        QTimer::singleShot(0, &window, &madoguchi::MainWindow::offerDraftRecovery);
        // Once the database facts are in (a demo database never syncs).
        QObject::connect(&window, &madoguchi::MainWindow::databaseInfoChanged, &window,
                         &madoguchi::MainWindow::startTeamSync, Qt::SingleShotConnection);
    }

    if (parser.isSet(screenshot)) {
        const QString file = parser.value(screenshot);
        // Wait for the database facts so the picture shows the real state.
        QObject::connect(&window, &madoguchi::MainWindow::databaseInfoChanged, &window, [&window, file] {
            QTimer::singleShot(200, &window, [&window, file] {
                window.grab().save(file);
                QApplication::quit();
            });
        });
    }
    return QApplication::exec();
}
