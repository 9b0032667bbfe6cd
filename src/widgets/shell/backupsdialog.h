#pragma once

#include <QDialog>

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
    explicit BackupsDialog(const QString &databasePath, QWidget *parent = nullptr);
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
};

} // namespace madoguchi
