-- Madoguchi local schema, version 9: per-ticket facts the KPIs read in bulk,
-- kept where they change, so that a period's tickets are read from compact
-- covering indexes instead of computed ticket by ticket.
--   first_response_business_min, resolution_business_min: the durations in
--     business minutes of the ticket's SLA calendar (SlaEngine keeps them
--     with the due times; NULL until known).
--   interaction_count: interactions on the ticket (triggers keep it).
ALTER TABLE tickets ADD COLUMN first_response_business_min REAL;
ALTER TABLE tickets ADD COLUMN resolution_business_min REAL;
ALTER TABLE tickets ADD COLUMN interaction_count INTEGER NOT NULL DEFAULT 0;
UPDATE tickets SET interaction_count =
    (SELECT count(*) FROM interactions i WHERE i.ticket_id = tickets.id AND i.deleted_at IS NULL);

CREATE TRIGGER interactions_count_insert AFTER INSERT ON interactions
    WHEN new.ticket_id IS NOT NULL AND new.deleted_at IS NULL
BEGIN
    UPDATE tickets SET interaction_count = interaction_count + 1 WHERE id = new.ticket_id;
END;
CREATE TRIGGER interactions_count_update AFTER UPDATE OF ticket_id, deleted_at ON interactions
BEGIN
    UPDATE tickets SET interaction_count = interaction_count - 1 WHERE id = old.ticket_id AND old.deleted_at IS NULL;
    UPDATE tickets SET interaction_count = interaction_count + 1 WHERE id = new.ticket_id AND new.deleted_at IS NULL;
END;
CREATE TRIGGER interactions_count_delete AFTER DELETE ON interactions
    WHEN old.ticket_id IS NOT NULL AND old.deleted_at IS NULL
BEGIN
    UPDATE tickets SET interaction_count = interaction_count - 1 WHERE id = old.ticket_id;
END;

CREATE INDEX tickets_kpi_created ON tickets(created_at, first_responded_at, first_response_business_min, sla_policy_id,
                                            channel, assignee_id, team_id, priority, category)
    WHERE deleted_at IS NULL;
CREATE INDEX tickets_kpi_solved ON tickets(solved_at, created_at, resolution_business_min, sla_policy_id, reopen_count,
                                           interaction_count, assignee_id, team_id, channel, priority, category)
    WHERE deleted_at IS NULL AND solved_at IS NOT NULL;
