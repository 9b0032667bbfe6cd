#pragma once

#include <QDialog>
#include <QTimeZone>

#include <memory>

namespace Ui {
class BackupsDialog;
}

namespace madoguchi {

// The database's backups, newest first: back up now, or choose one to
// restore, with what restoring it means for changes not yet sent to the
// team server. The main window does the restoring (restoreRequested).
class BackupsDialog : public QDialog
{
    Q_OBJECT

public:
    // Times are shown in `timeZone` (displayTimeZone).
    BackupsDialog(const QString &databasePath, QTimeZone timeZone, QWidget *parent = nullptr);
    ~BackupsDialog() override;

    void reload();
    QString selectedBackup() const;
    QString planText() const;

signals:
    void backUpRequested();
    void restoreRequested(const QString &backupPath);

private:
    void showPlan();

    std::unique_ptr<Ui::BackupsDialog> m_ui;
    QString m_database;
    QTimeZone m_timeZone;
};

} // namespace madoguchi
