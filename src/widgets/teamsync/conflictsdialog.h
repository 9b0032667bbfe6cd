#pragma once

#include <QDialog>
#include <QUuid>

#include <memory>

namespace Ui {
class ConflictsDialog;
}

namespace madoguchi {

class Database;
class ConflictListModel;

// The conflicts view: every value of the agent's a sync did not keep, with
// the value it started from, the server's and its own, and what to do.
class ConflictsDialog : public QDialog
{
    Q_OBJECT

public:
    ConflictsDialog(const Database &database, QUuid agent, QWidget *parent = nullptr);
    ~ConflictsDialog() override;

    ConflictListModel *model() const { return m_model; }
    void refresh();

signals:
    // A conflict was handled: the outbox has a change to send.
    void resolved();

private:
    void showSelected();
    void act(bool reapply);

    std::unique_ptr<Ui::ConflictsDialog> m_ui;
    const Database &m_database;
    QUuid m_agent;
    ConflictListModel *m_model;
};

} // namespace madoguchi
