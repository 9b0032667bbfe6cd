#pragma once

#include "domain/entities.h"

#include <QDialog>

#include <memory>

namespace Ui {
class EscalateDialog;
}

namespace madoguchi {

class Database;

// Escalates (or de-escalates) a ticket to a level, with the reason and,
// optionally, the team and agent it goes to. Saved when accepted; a refusal
// is shown and nothing changes.
class EscalateDialog : public QDialog
{
    Q_OBJECT

public:
    EscalateDialog(const Database &database, const Ticket &ticket, const QUuid &agent, QWidget *parent = nullptr);
    ~EscalateDialog() override;

    void accept() override;
    QString errorText() const;

private:
    void fillAgents();

    std::unique_ptr<Ui::EscalateDialog> m_ui;
    const Database &m_database;
    Ticket m_ticket;
    QUuid m_agent;
};

} // namespace madoguchi
