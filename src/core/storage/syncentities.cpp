#include "storage/syncentities.h"

namespace madoguchi {

namespace {

// Rows written once and never changed or removed by a client (calls, history,
// survey answers, merges, conflicts): their deletion mark is the server's too.
const QString kDeletedAt = QStringLiteral("deleted_at");

} // namespace

const QList<SyncedEntity> &syncedEntities()
{
    static const QList<SyncedEntity> entities{
        {QStringLiteral("team"), QStringLiteral("teams"), QStringLiteral("crm.team"), true},
        // The login is given on the server (app.add_agent); a copy has none.
        {QStringLiteral("agent"),
         QStringLiteral("agents"),
         QStringLiteral("crm.agent"),
         true,
         {QStringLiteral("agent_role")}},
        {QStringLiteral("organization"), QStringLiteral("organizations"), QStringLiteral("crm.organization")},
        {QStringLiteral("customer"), QStringLiteral("customers"), QStringLiteral("crm.customer")},
        {QStringLiteral("customer_contact"), QStringLiteral("customer_contacts"),
         QStringLiteral("crm.customer_contact")},
        {QStringLiteral("customer_merge"),
         QStringLiteral("customer_merges"),
         QStringLiteral("crm.customer_merge"),
         false,
         {kDeletedAt}},
        {QStringLiteral("calendar"), QStringLiteral("calendars"), QStringLiteral("crm.calendar")},
        {QStringLiteral("sla_policy"), QStringLiteral("sla_policies"), QStringLiteral("crm.sla_policy")},
        {QStringLiteral("category"), QStringLiteral("categories"), QStringLiteral("crm.category")},
        {QStringLiteral("canned_response"), QStringLiteral("canned_responses"), QStringLiteral("crm.canned_response")},
        // The SLA facts: the server's clock, calendars and history decide them.
        {QStringLiteral("ticket"),
         QStringLiteral("tickets"),
         QStringLiteral("crm.ticket"),
         false,
         {QStringLiteral("first_response_due"), QStringLiteral("resolution_due"), QStringLiteral("first_responded_at"),
          QStringLiteral("solved_at"), QStringLiteral("closed_at"), QStringLiteral("reopen_count"),
          QStringLiteral("first_response_business_min"), QStringLiteral("resolution_business_min")}},
        {QStringLiteral("ticket_event"),
         QStringLiteral("ticket_events"),
         QStringLiteral("crm.ticket_event"),
         false,
         {kDeletedAt}},
        {QStringLiteral("interaction"),
         QStringLiteral("interactions"),
         QStringLiteral("crm.interaction"),
         false,
         {kDeletedAt}},
        {QStringLiteral("csat_response"),
         QStringLiteral("csat_responses"),
         QStringLiteral("crm.csat_response"),
         false,
         {kDeletedAt}},
        // Recorded by the server; the agent writes only how it was resolved.
        {QStringLiteral("conflict"),
         QStringLiteral("sync_conflicts"),
         QStringLiteral("sync.conflict"),
         false,
         {QStringLiteral("entity"), QStringLiteral("row_id"), QStringLiteral("field"), QStringLiteral("base"),
          QStringLiteral("theirs"), QStringLiteral("yours"), QStringLiteral("client_id"), QStringLiteral("mutation_id"),
          QStringLiteral("agent_role"), QStringLiteral("detail"), kDeletedAt}},
    };
    return entities;
}

bool isServerColumn(const SyncedEntity &entity, const QString &column)
{
    static const QStringList everyTable{QStringLiteral("rev"), QStringLiteral("scopes"), QStringLiteral("created_at"),
                                        QStringLiteral("updated_at"), QStringLiteral("created_by")};
    return everyTable.contains(column) || entity.serverColumns.contains(column);
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
