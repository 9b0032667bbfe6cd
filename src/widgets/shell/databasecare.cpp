#include "shell/databasecare.h"

#include "common/timeformat.h"
#include "config/displaytimezone.h"
#include "storage/backgroundwork.h"
#include "storage/clientstate.h"
#include "storage/database.h"
#include "storage/databasehealth.h"

#include <QDir>
#include <QHBoxLayout>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QStyle>
#include <QTimer>

namespace madoguchi {

DatabaseCare::DatabaseCare(QWidget *parent)
    : QObject(parent)
{
    m_banner = new QWidget(parent);
    m_banner->setObjectName(QStringLiteral("damageBanner"));
    m_banner->setAccessibleName(tr("Database damaged"));
    m_banner->setAutoFillBackground(true);
    // A warning strip in the palette's terms, readable light and dark.
    m_banner->setStyleSheet(
        QStringLiteral("#damageBanner { background: #b3261e; } #damageBanner QLabel { color: white; }"));
    auto *layout = new QHBoxLayout(m_banner);
    layout->setContentsMargins(12, 8, 12, 8);
    auto *icon = new QLabel(m_banner);
    icon->setPixmap(m_banner->style()->standardIcon(QStyle::SP_MessageBoxWarning).pixmap(20, 20));
    m_bannerText = new QLabel(m_banner);
    m_bannerText->setWordWrap(true);
    auto *restore = new QPushButton(tr("&Restore a Backup…"), m_banner);
    connect(restore, &QPushButton::clicked, this, &DatabaseCare::backupsRequested);
    layout->addWidget(icon);
    layout->addWidget(m_bannerText, 1);
    layout->addWidget(restore);
    m_banner->hide();

    m_work = new BackgroundWork(this);
    m_daily = new QTimer(this);
    m_daily->setInterval(3600 * 1000);
    connect(m_daily, &QTimer::timeout, this, &DatabaseCare::runDailyBackup);
}

DatabaseCare::~DatabaseCare() = default; // m_work waits for its threads

void DatabaseCare::waitForWork()
{
    m_work->wait();
}

bool DatabaseCare::isDamaged() const
{
    return m_database && m_database->health().isDamaged();
}

void DatabaseCare::setDatabase(const Database *database)
{
    waitForWork();
    m_database = database;
    m_checking = false;
    m_banner->hide();
    m_daily->stop();
    if (!database)
        return;
    if (database->health().isDamaged()) {
        showDamage(database->health().damage());
        emit checked(false);
        return;
    }
    // Demo data is generated again in a minute: no backups of it.
    if (ClientState(database->connection()).value(QStringLiteral("demo")) != u"1") {
        m_daily->start();
        QTimer::singleShot(60'000, this, &DatabaseCare::runDailyBackup);
    }
    if (!database->needsCheck())
        return;
    // Left open by a crash, a kill or a power cut: every page is read once,
    // on a worker thread with its own connection.
    m_checking = true;
    m_work->read(
        database, [database](QSqlDatabase db) { return database->health().check(db); },
        [this, database](auto problems) {
            if (database != m_database)
                return;
            m_checking = false;
            if (!problems) {
                // Not finished (the file could not be read now): the next
                // start checks again; until then no backup of it is taken.
                emit backupFailed(problems.error().message);
                emit checked(false);
            } else if (!problems->isEmpty()) {
                showDamage(problems->constFirst());
                emit checked(false);
            } else {
                emit checked(true);
            }
        });
}

Result<std::unique_ptr<Database>> DatabaseCare::openAtStart(const QString &path, const Database::Options &options,
                                                            QWidget *parent)
{
    auto opened = Database::open(path, options);
    if (opened || (opened.error().code != Error::Code::Damaged && opened.error().code != Error::Code::NotADatabase))
        return opened;
    // Only a file of ours has backups: another program's database is never offered one.
    const auto newest = Backups(path).newest();
    if (!newest)
        return opened;
    QMessageBox box(QMessageBox::Critical, tr("The database cannot be opened"),
                    tr("<b>%1 cannot be opened:</b> %2")
                        .arg(QDir::toNativeSeparators(path).toHtmlEscaped(), opened.error().message.toHtmlEscaped()),
                    QMessageBox::NoButton, parent);
    box.setInformativeText(
        tr("The newest backup is from %1. Restoring it keeps the damaged file in the backup folder; the changes not yet "
           "sent that can still be read from it are carried over.")
            .arg(fullDateTime(newest->takenAt, displayTimeZoneOfFile(path))));
    QPushButton *restore = box.addButton(tr("Restore the Newest Backup"), QMessageBox::AcceptRole);
    box.addButton(tr("Quit"), QMessageBox::RejectRole);
    box.setDefaultButton(restore);
    box.exec();
    if (box.clickedButton() != restore)
        return opened;
    if (const auto restored = restoreBackup(path, newest->path); !restored)
        return restored.error();
    return Database::open(path, options);
}

void DatabaseCare::showDamage(const QString &found)
{
    const auto newest = Backups(m_database->path()).newest();
    const QString backup = newest ? tr("The newest backup is from %1.")
                                        .arg(fullDateTime(newest->takenAt, displayTimeZoneOfFile(m_database->path())))
                                  : tr("There is no backup of it.");
    m_bannerText->setText(tr("<b>The database file is damaged</b>, so nothing can be saved to it. %1").arg(backup));
    m_bannerText->setToolTip(found);
    m_banner->show();
}

void DatabaseCare::runDailyBackup()
{
    if (m_database && !isDamaged() && Backups(m_database->path()).dailyDue())
        backUpNow();
}

void DatabaseCare::backUpNow()
{
    // Never a copy of damage: a backup of a damaged (or not yet checked)
    // file could push a good one out of the week.
    if (!m_database || m_backingUp || isDamaged() || m_checking || m_database->needsCheck())
        return;
    m_backingUp = true;
    const Database *database = m_database;
    m_work->read(
        database, [database](QSqlDatabase db) { return Backups(database->path()).create(db); },
        [this](auto made) {
            m_backingUp = false;
            if (made)
                emit backedUp(made.value());
            else
                emit backupFailed(made.error().message);
        });
}

} // namespace madoguchi
