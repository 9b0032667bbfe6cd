#pragma once

#include "domain/entities.h"

#include <QDialog>

#include <memory>

namespace Ui {
class SatisfactionDialog;
}

namespace madoguchi {

class Database;

// Records the customer's satisfaction with a solved ticket: CSAT 1–5, an
// optional recommendation score (NPS 0–10), a comment, a complaint flag.
class SatisfactionDialog : public QDialog
{
    Q_OBJECT

public:
    SatisfactionDialog(const Database &database, const Ticket &ticket, const QUuid &agent, QWidget *parent = nullptr);
    ~SatisfactionDialog() override;

    void accept() override;
    QString errorText() const;

private:
    std::unique_ptr<Ui::SatisfactionDialog> m_ui;
    const Database &m_database;
    Ticket m_ticket;
    QUuid m_agent;
};

} // namespace madoguchi
