#include "storage/syncentities.h"

namespace madoguchi {

const QList<SyncedEntity> &syncedEntities()
{
    static const QList<SyncedEntity> entities{
        {QStringLiteral("team"), QStringLiteral("teams"), QStringLiteral("crm.team"), true},
        {QStringLiteral("agent"), QStringLiteral("agents"), QStringLiteral("crm.agent"), true},
        {QStringLiteral("organization"), QStringLiteral("organizations"), QStringLiteral("crm.organization")},
        {QStringLiteral("customer"), QStringLiteral("customers"), QStringLiteral("crm.customer")},
        {QStringLiteral("customer_contact"), QStringLiteral("customer_contacts"),
         QStringLiteral("crm.customer_contact")},
        {QStringLiteral("customer_merge"), QStringLiteral("customer_merges"), QStringLiteral("crm.customer_merge")},
        {QStringLiteral("calendar"), QStringLiteral("calendars"), QStringLiteral("crm.calendar")},
        {QStringLiteral("sla_policy"), QStringLiteral("sla_policies"), QStringLiteral("crm.sla_policy")},
        {QStringLiteral("category"), QStringLiteral("categories"), QStringLiteral("crm.category")},
        {QStringLiteral("canned_response"), QStringLiteral("canned_responses"), QStringLiteral("crm.canned_response")},
        {QStringLiteral("ticket"), QStringLiteral("tickets"), QStringLiteral("crm.ticket")},
        {QStringLiteral("ticket_event"), QStringLiteral("ticket_events"), QStringLiteral("crm.ticket_event")},
        {QStringLiteral("interaction"), QStringLiteral("interactions"), QStringLiteral("crm.interaction")},
        {QStringLiteral("csat_response"), QStringLiteral("csat_responses"), QStringLiteral("crm.csat_response")},
        {QStringLiteral("conflict"), QStringLiteral("sync_conflicts"), QStringLiteral("sync.conflict")},
    };
    return entities;
}

const SyncedEntity *entityForTable(const QString &localTable)
{
    for (const SyncedEntity &e : syncedEntities()) {
        if (e.localTable == localTable)
            return &e;
    }
    return nullptr;
}

const SyncedEntity *entityNamed(const QString &entity)
{
    for (const SyncedEntity &e : syncedEntities()) {
        if (e.entity == entity)
            return &e;
    }
    return nullptr;
}

} // namespace madoguchi
