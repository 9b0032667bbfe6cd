#pragma once

#include "storage/backups.h"
#include "storage/database.h"

#include <QObject>
#include <QPointer>

class QLabel;
class QTimer;
class QWidget;

namespace madoguchi {

// Looks after the database file for the main window: checks its pages off
// the UI thread after an unclean shutdown, says so in a banner when it is
// damaged (nothing can be saved to it then) and offers the backups, and
// takes the daily backup (not of demo data) in the background.
class DatabaseCare : public QObject
{
    Q_OBJECT

public:
    explicit DatabaseCare(QWidget *parent);
    ~DatabaseCare() override;

    // Opens the database at start. A file too damaged to open (unreadable,
    // or damaged with an upgrade due) that has backups: the newest is
    // offered, and restored (carrying over what can be read of the unsent
    // work) when the user agrees; then opened again.
    static Result<std::unique_ptr<Database>> openAtStart(const QString &path, const Database::Options &options,
                                                         QWidget *parent = nullptr);

    // The banner to place above the pages; hidden while the file is sound.
    QWidget *banner() const { return m_banner; }
    // Starts caring for `database` (after the previous one's work is done).
    void setDatabase(const Database *database);
    bool isDamaged() const;

    void backUpNow();
    // The daily backup, when the newest is a day old (checked hourly).
    void runDailyBackup();
    // Waits for the work under way (before the database goes).
    void waitForWork();

signals:
    void checked(bool healthy);
    void backedUp(const madoguchi::BackupInfo &backup);
    void backupFailed(const QString &message);
    void backupsRequested(); // the banner's button

private:
    void showDamage(const QString &found);

    const Database *m_database = nullptr;
    QWidget *m_banner = nullptr;
    QLabel *m_bannerText = nullptr;
    QTimer *m_daily = nullptr;
    class BackgroundWork *m_work = nullptr;
    bool m_backingUp = false;
    bool m_checking = false; // the page check after an unclean shutdown runs
};

} // namespace madoguchi
