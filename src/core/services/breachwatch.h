#pragma once

#include "common/result.h"
#include "domain/slapolicy.h"
#include "services/slaengine.h"

#include <QCoreApplication>
#include <QSet>
#include <QSqlDatabase>

namespace madoguchi {

struct SlaAlert
{
    QUuid ticketId;
    QString number;
    QString subject;
    SlaStatus status;
    bool mine = false; // assigned to the agent (not only to their team)
};

// Watches the SLA clocks of the tickets assigned to an agent or their team
// and reports each one once when it reaches the warning share of its
// target, and once more if it breaches.
class BreachWatch
{
    Q_DECLARE_TR_FUNCTIONS(BreachWatch)

public:
    explicit BreachWatch(QSqlDatabase db);

    Result<QList<SlaAlert>> check(const QUuid &agent, const QUuid &team, const QDateTime &now);
    // Forget what was reported (another agent signed in).
    void reset() { m_reported.clear(); }
    // Policies or calendars changed: the next check reads their rules again.
    void forgetRules() { m_engine.forgetRules(); }

private:
    QSqlDatabase m_db;
    SlaEngine m_engine;
    QSet<QString> m_reported;
};

} // namespace madoguchi
