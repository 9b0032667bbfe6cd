#pragma once

#include "common/result.h"
#include "domain/entities.h"
#include "domain/slapolicy.h"

#include <QCoreApplication>
#include <QSqlDatabase>

#include <optional>

namespace madoguchi {

// A team's first day without a server: who works on this copy, their team
// and its business hours, and a few teammates. The first-run wizard and
// `madoguchi-cli init` both set a workspace up through here.
struct WorkspacePlan
{
    Agent you;                     // name, reading, e-mail, role
    QString teamName;              // empty: no team yet
    std::optional<Calendar> hours; // the team's business hours; none: the shipped Japanese calendar as it is
    QList<Agent> teammates;        // name, reading, e-mail, role; they join the team
};

struct Workspace
{
    QUuid you;
    QUuid team; // null without a team
    QList<QUuid> teammates;
};

class WorkspaceSetup
{
    Q_DECLARE_TR_FUNCTIONS(WorkspaceSetup)

public:
    explicit WorkspaceSetup(QSqlDatabase db);

    // Whether this copy still waits for its first person (no agent yet,
    // not demo data, not skipped).
    bool needsSetUp() const;
    // Remembers that the user chose to set up later (Settings ▸ People).
    Result<void> skip();

    // All or nothing: the team (in the calendar's time zone) with the
    // default SLA policy's calendar set to `hours`, you, your teammates,
    // the team's lead (the first of you with the role of lead), and you
    // as the one signed in on this copy.
    Result<Workspace> setUp(const WorkspacePlan &plan);

private:
    QSqlDatabase m_db;
};

} // namespace madoguchi
