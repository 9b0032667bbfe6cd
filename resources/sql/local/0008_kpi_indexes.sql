-- Madoguchi local schema, version 8: what the KPIs read by time. Each KPI
-- query walks one of these ranges instead of every ticket.
CREATE INDEX tickets_first_responded ON tickets(first_responded_at)
    WHERE deleted_at IS NULL AND first_responded_at IS NOT NULL;
CREATE INDEX tickets_first_response_due ON tickets(first_response_due)
    WHERE deleted_at IS NULL AND first_response_due IS NOT NULL;
CREATE INDEX tickets_resolution_due ON tickets(resolution_due)
    WHERE deleted_at IS NULL AND resolution_due IS NOT NULL;
-- Reopened tickets: the backlog looks their status up in their history.
CREATE INDEX tickets_reopened ON tickets(created_at)
    WHERE deleted_at IS NULL AND reopen_count > 0;
-- Escalations, to count escalated tickets without visiting every ticket's events.
CREATE INDEX ticket_events_escalations ON ticket_events(ticket_id)
    WHERE field = 'escalation_level';
-- Handle time and channel mix read only this index.
CREATE INDEX interactions_handling ON interactions(started_at, channel, agent_id, duration_s, wrap_up_s)
    WHERE deleted_at IS NULL;
