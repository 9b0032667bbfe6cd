#include "shell/backupsdialog.h"

#include "common/timeformat.h"
#include "storage/backups.h"

#include "ui_backupsdialog.h"

#include <QDir>
#include <QLocale>
#include <QPushButton>

namespace madoguchi {

BackupsDialog::BackupsDialog(const QString &databasePath, QTimeZone timeZone, QWidget *parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::BackupsDialog>())
    , m_database(databasePath)
    , m_timeZone(std::move(timeZone))
{
    m_ui->setupUi(this);
    m_ui->backupList->setAccessibleName(tr("Backups"));
    m_ui->backupList->header()->setStretchLastSection(true);
    connect(m_ui->backupList, &QTreeWidget::itemSelectionChanged, this, &BackupsDialog::showPlan);
    connect(m_ui->backUpButton, &QPushButton::clicked, this, &BackupsDialog::backUpRequested);
    connect(m_ui->restoreButton, &QPushButton::clicked, this, [this] {
        if (!selectedBackup().isEmpty())
            emit restoreRequested(selectedBackup());
    });
    connect(m_ui->buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    reload();
}

BackupsDialog::~BackupsDialog() = default;

void BackupsDialog::reload()
{
    m_ui->backupList->clear();
    const QLocale locale;
    for (const BackupInfo &b : Backups(m_database).list()) {
        auto *item = new QTreeWidgetItem(m_ui->backupList,
                                         {fullDateTime(b.takenAt, m_timeZone), locale.formattedDataSize(b.bytes),
                                          QDir::toNativeSeparators(b.path)});
        item->setData(0, Qt::UserRole, b.path);
    }
    m_ui->backupList->resizeColumnToContents(0);
    m_ui->backupList->resizeColumnToContents(1);
    if (m_ui->backupList->topLevelItemCount() > 0)
        m_ui->backupList->setCurrentItem(m_ui->backupList->topLevelItem(0));
    showPlan();
}

QString BackupsDialog::selectedBackup() const
{
    const QTreeWidgetItem *item = m_ui->backupList->currentItem();
    return item ? item->data(0, Qt::UserRole).toString() : QString();
}

QString BackupsDialog::planText() const
{
    return m_ui->planLabel->text();
}

void BackupsDialog::showPlan()
{
    const QString backup = selectedBackup();
    m_ui->restoreButton->setEnabled(!backup.isEmpty());
    if (backup.isEmpty()) {
        m_ui->planLabel->setText(
            m_ui->backupList->topLevelItemCount() == 0 ? tr("There are no backups of this database yet.") : QString());
        return;
    }
    const auto plan = planRestore(m_database, backup);
    if (!plan) {
        m_ui->planLabel->setText(plan.error().message);
        m_ui->restoreButton->setEnabled(false);
    } else if (plan->unsentAfter > 0) {
        m_ui->planLabel->setText(
            tr("%n change(s) not yet sent to the team server were made after this backup. Restoring carries them over "
               "into the restored database.",
               nullptr, int(plan->unsentAfter)));
    } else if (plan->unsentAfter < 0) {
        m_ui->planLabel->setText(
            tr("The current database cannot be read. Changes made since this backup that were not sent to the team "
               "server stay in the replaced file, which is kept in the backup folder."));
    } else {
        m_ui->planLabel->setText(
            tr("Every change made since this backup has reached the team server or is in the backup."));
    }
}

} // namespace madoguchi
