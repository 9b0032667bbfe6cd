-- Madoguchi local schema, version 10: the KPI indexes of versions 8 and 9 hold
-- every column their queries read (deleted_at and the ticket's id included),
-- so that SQLite answers each KPI range from an index alone instead of
-- visiting a table row per ticket.
DROP INDEX tickets_kpi_created;
CREATE INDEX tickets_kpi_created ON tickets(created_at, first_responded_at, first_response_business_min, sla_policy_id,
                                            channel, assignee_id, team_id, priority, category, deleted_at, id)
    WHERE deleted_at IS NULL;
DROP INDEX tickets_kpi_solved;
CREATE INDEX tickets_kpi_solved ON tickets(solved_at, created_at, resolution_business_min, resolution_due, sla_policy_id,
                                           reopen_count, interaction_count, assignee_id, team_id, channel, priority, category,
                                           deleted_at)
    WHERE deleted_at IS NULL AND solved_at IS NOT NULL;
DROP INDEX tickets_first_responded;
CREATE INDEX tickets_first_responded ON tickets(first_responded_at, first_response_due, assignee_id, team_id, channel,
                                                priority, category, deleted_at)
    WHERE deleted_at IS NULL AND first_responded_at IS NOT NULL;
DROP INDEX tickets_first_response_due;
CREATE INDEX tickets_first_response_due ON tickets(first_response_due, first_responded_at, assignee_id, team_id, channel,
                                                   priority, category, deleted_at)
    WHERE deleted_at IS NULL AND first_response_due IS NOT NULL;
DROP INDEX tickets_resolution_due;
CREATE INDEX tickets_resolution_due ON tickets(resolution_due, solved_at, assignee_id, team_id, channel, priority, category,
                                               deleted_at)
    WHERE deleted_at IS NULL AND resolution_due IS NOT NULL;
DROP INDEX ticket_events_escalations;
CREATE INDEX ticket_events_escalations ON ticket_events(ticket_id, new_value, old_value)
    WHERE field = 'escalation_level';
DROP INDEX interactions_handling;
CREATE INDEX interactions_handling ON interactions(started_at, channel, agent_id, duration_s, wrap_up_s, deleted_at)
    WHERE deleted_at IS NULL;
