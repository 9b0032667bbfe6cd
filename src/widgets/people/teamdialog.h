#pragma once

#include "common/result.h"
#include "domain/entities.h"

#include <QDialog>

#include <functional>
#include <memory>

namespace Ui {
class TeamDialog;
}

namespace madoguchi {

// A team's name, time zone, lead (one of its active members) and how it
// hands out new tickets.
class TeamDialog : public QDialog
{
    Q_OBJECT

public:
    // `team`: a null id for a new one. `agents`: everyone, for the lead's
    // list. `assignment`: whether the automatic assignment can be set here.
    TeamDialog(const Team &team, const QList<Agent> &agents, bool assignment, QWidget *parent = nullptr);
    ~TeamDialog() override;

    // What Save does; an error keeps the dialog open and is shown in words.
    void setSave(std::function<Result<void>(const Team &)> save) { m_save = std::move(save); }
    Team team() const;
    void accept() override;

private:
    std::unique_ptr<Ui::TeamDialog> m_ui;
    Team m_team;
    std::function<Result<void>(const Team &)> m_save;
};

} // namespace madoguchi
