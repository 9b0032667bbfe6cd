#pragma once

#include "common/result.h"
#include "domain/entities.h"

#include <QDialog>

#include <functional>
#include <memory>

namespace Ui {
class HandOverDialog;
}

namespace madoguchi {

// The open tickets of an agent just deactivated, handed on to one active
// colleague or left unassigned in their team's queue.
class HandOverDialog : public QDialog
{
    Q_OBJECT

public:
    // `candidates`: who may take them (the active agents but `leaving`).
    HandOverDialog(const Agent &leaving, const QList<Ticket> &tickets, const QList<Agent> &candidates,
                   QWidget *parent = nullptr);
    ~HandOverDialog() override;

    // What OK does with the chosen assignee (null: unassigned); an error
    // keeps the dialog open and is shown in words.
    void setSave(std::function<Result<void>(const QUuid &assignee)> save) { m_save = std::move(save); }
    QUuid assignee() const;
    void accept() override;

private:
    std::unique_ptr<Ui::HandOverDialog> m_ui;
    std::function<Result<void>(const QUuid &)> m_save;
};

} // namespace madoguchi
