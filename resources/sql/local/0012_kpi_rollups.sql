-- Madoguchi local schema, version 12: derived, local-only data that lets the
-- KPI dashboard read a period without visiting every interaction and survey
-- response. Triggers keep it current whoever writes the rows (repositories,
-- sync, imports); bulk loads that drop triggers rebuild it
-- (derived/kpi_rollups.sql). Sync must apply rows with INSERT … ON CONFLICT
-- DO UPDATE or UPDATE, never INSERT OR REPLACE: its implicit delete fires no
-- delete trigger, and the roll-ups would count a row twice.

-- ---------------------------------------------------------------------------
-- Interactions per UTC hour, agent, channel and direction (live rows only).
-- hour = started_at / 3600000. agent_id X'' stands for no agent.
-- handle_s = sum(duration_s + wrap_up_s) over all channels (the engine keeps
-- phone and chat for AHT).
-- ---------------------------------------------------------------------------
CREATE TABLE kpi_interaction_hours (
    hour      INTEGER NOT NULL,
    agent_id  BLOB NOT NULL,
    channel   TEXT NOT NULL,
    direction TEXT NOT NULL,
    n         INTEGER NOT NULL,
    handle_s  INTEGER NOT NULL,
    PRIMARY KEY (hour, agent_id, channel, direction)
) WITHOUT ROWID;

INSERT INTO kpi_interaction_hours (hour, agent_id, channel, direction, n, handle_s)
SELECT started_at / 3600000, coalesce(agent_id, X''), channel, direction, count(*), sum(duration_s + wrap_up_s)
FROM interactions WHERE deleted_at IS NULL
GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4;

CREATE TRIGGER kpi_interaction_hours_insert AFTER INSERT ON interactions WHEN new.deleted_at IS NULL
BEGIN
    INSERT INTO kpi_interaction_hours (hour, agent_id, channel, direction, n, handle_s)
    VALUES (new.started_at / 3600000, coalesce(new.agent_id, X''), new.channel, new.direction, 1, new.duration_s + new.wrap_up_s)
    ON CONFLICT (hour, agent_id, channel, direction) DO UPDATE SET n = n + 1, handle_s = handle_s + excluded.handle_s;
END;

CREATE TRIGGER kpi_interaction_hours_update
    AFTER UPDATE OF started_at, agent_id, channel, direction, duration_s, wrap_up_s, deleted_at ON interactions
BEGIN
    UPDATE kpi_interaction_hours SET n = n - 1, handle_s = handle_s - (old.duration_s + old.wrap_up_s)
    WHERE old.deleted_at IS NULL AND hour = old.started_at / 3600000 AND agent_id = coalesce(old.agent_id, X'')
      AND channel = old.channel AND direction = old.direction;
    INSERT INTO kpi_interaction_hours (hour, agent_id, channel, direction, n, handle_s)
    SELECT new.started_at / 3600000, coalesce(new.agent_id, X''), new.channel, new.direction, 1, new.duration_s + new.wrap_up_s
    WHERE new.deleted_at IS NULL
    ON CONFLICT (hour, agent_id, channel, direction) DO UPDATE SET n = n + 1, handle_s = handle_s + excluded.handle_s;
    DELETE FROM kpi_interaction_hours WHERE n = 0 AND hour = old.started_at / 3600000
      AND agent_id = coalesce(old.agent_id, X'') AND channel = old.channel AND direction = old.direction;
END;

CREATE TRIGGER kpi_interaction_hours_delete AFTER DELETE ON interactions WHEN old.deleted_at IS NULL
BEGIN
    UPDATE kpi_interaction_hours SET n = n - 1, handle_s = handle_s - (old.duration_s + old.wrap_up_s)
    WHERE hour = old.started_at / 3600000 AND agent_id = coalesce(old.agent_id, X'')
      AND channel = old.channel AND direction = old.direction;
    DELETE FROM kpi_interaction_hours WHERE n = 0 AND hour = old.started_at / 3600000
      AND agent_id = coalesce(old.agent_id, X'') AND channel = old.channel AND direction = old.direction;
END;

-- ---------------------------------------------------------------------------
-- Live survey responses by time, with their ticket's assignee now: the
-- per-agent CSAT without a ticket look-up per response.
-- ---------------------------------------------------------------------------
CREATE TABLE kpi_csat (
    received_at INTEGER NOT NULL,
    response_id BLOB NOT NULL,
    ticket_id   BLOB,
    assignee_id BLOB,
    csat        INTEGER,
    nps         INTEGER,
    PRIMARY KEY (received_at, response_id)
) WITHOUT ROWID;
CREATE INDEX kpi_csat_ticket ON kpi_csat(ticket_id) WHERE ticket_id IS NOT NULL;

INSERT INTO kpi_csat (received_at, response_id, ticket_id, assignee_id, csat, nps)
SELECT r.received_at, r.id, r.ticket_id, t.assignee_id, r.csat, r.nps
FROM csat_responses r LEFT JOIN tickets t ON t.id = r.ticket_id
WHERE r.deleted_at IS NULL ORDER BY r.received_at, r.id;

CREATE TRIGGER kpi_csat_insert AFTER INSERT ON csat_responses WHEN new.deleted_at IS NULL
BEGIN
    INSERT INTO kpi_csat (received_at, response_id, ticket_id, assignee_id, csat, nps)
    VALUES (new.received_at, new.id, new.ticket_id, (SELECT assignee_id FROM tickets WHERE id = new.ticket_id), new.csat, new.nps);
END;
CREATE TRIGGER kpi_csat_update AFTER UPDATE OF id, received_at, ticket_id, csat, nps, deleted_at ON csat_responses
BEGIN
    DELETE FROM kpi_csat WHERE received_at = old.received_at AND response_id = old.id;
    INSERT INTO kpi_csat (received_at, response_id, ticket_id, assignee_id, csat, nps)
    SELECT new.received_at, new.id, new.ticket_id, (SELECT assignee_id FROM tickets WHERE id = new.ticket_id), new.csat, new.nps
    WHERE new.deleted_at IS NULL;
END;
CREATE TRIGGER kpi_csat_delete AFTER DELETE ON csat_responses
BEGIN
    DELETE FROM kpi_csat WHERE received_at = old.received_at AND response_id = old.id;
END;
-- The ticket side: a reassignment, a ticket that arrives after its responses
-- (sync order), a ticket removed for good.
CREATE TRIGGER kpi_csat_ticket_assignee AFTER UPDATE OF assignee_id ON tickets
    WHEN old.assignee_id IS NOT new.assignee_id
BEGIN
    UPDATE kpi_csat SET assignee_id = new.assignee_id WHERE ticket_id = new.id;
END;
CREATE TRIGGER kpi_csat_ticket_insert AFTER INSERT ON tickets
BEGIN
    UPDATE kpi_csat SET assignee_id = new.assignee_id WHERE ticket_id = new.id;
END;
CREATE TRIGGER kpi_csat_ticket_delete AFTER DELETE ON tickets
BEGIN
    UPDATE kpi_csat SET assignee_id = NULL WHERE ticket_id = old.id;
END;

-- ---------------------------------------------------------------------------
-- Escalated: the escalation level was raised at least once (from
-- ticket_events, exactly the condition the engine tested per ticket).
-- ---------------------------------------------------------------------------
-- (No CHECK: with one, ALTER TABLE would scan every ticket.)
ALTER TABLE tickets ADD COLUMN escalated INTEGER NOT NULL DEFAULT 0;
UPDATE tickets SET escalated = 1 WHERE id IN (
    SELECT ticket_id FROM ticket_events WHERE field = 'escalation_level'
    AND CAST(new_value AS INTEGER) > CAST(coalesce(old_value, '0') AS INTEGER));
CREATE INDEX tickets_escalated ON tickets(created_at, assignee_id, team_id, channel, priority, category)
    WHERE deleted_at IS NULL AND escalated = 1;

CREATE TRIGGER ticket_events_escalated_insert AFTER INSERT ON ticket_events
    WHEN new.field = 'escalation_level' AND CAST(new.new_value AS INTEGER) > CAST(coalesce(new.old_value, '0') AS INTEGER)
BEGIN
    UPDATE tickets SET escalated = 1 WHERE id = new.ticket_id AND escalated = 0;
END;
CREATE TRIGGER ticket_events_escalated_update AFTER UPDATE OF ticket_id, field, old_value, new_value ON ticket_events
    WHEN old.field = 'escalation_level' OR new.field = 'escalation_level'
BEGIN
    UPDATE tickets SET escalated = EXISTS (
        SELECT 1 FROM ticket_events e WHERE e.ticket_id = tickets.id AND e.field = 'escalation_level'
        AND CAST(e.new_value AS INTEGER) > CAST(coalesce(e.old_value, '0') AS INTEGER))
    WHERE id IN (old.ticket_id, new.ticket_id);
END;
CREATE TRIGGER ticket_events_escalated_delete AFTER DELETE ON ticket_events WHEN old.field = 'escalation_level'
BEGIN
    UPDATE tickets SET escalated = EXISTS (
        SELECT 1 FROM ticket_events e WHERE e.ticket_id = tickets.id AND e.field = 'escalation_level'
        AND CAST(e.new_value AS INTEGER) > CAST(coalesce(e.old_value, '0') AS INTEGER))
    WHERE id = old.ticket_id;
END;
-- Events that arrived before their ticket.
CREATE TRIGGER tickets_escalated_insert AFTER INSERT ON tickets
    WHEN EXISTS (SELECT 1 FROM ticket_events e WHERE e.ticket_id = new.id AND e.field = 'escalation_level'
                 AND CAST(e.new_value AS INTEGER) > CAST(coalesce(e.old_value, '0') AS INTEGER))
BEGIN
    UPDATE tickets SET escalated = 1 WHERE id = new.id;
END;

-- ---------------------------------------------------------------------------
-- Backlog: both sets read from an index alone.
-- ---------------------------------------------------------------------------
DROP INDEX tickets_reopened;
CREATE INDEX tickets_reopened ON tickets(created_at, status, solved_at, id) WHERE deleted_at IS NULL AND reopen_count > 0;
CREATE INDEX tickets_open_fresh ON tickets(created_at)
    WHERE deleted_at IS NULL AND status NOT IN ('solved', 'closed') AND reopen_count = 0;

-- The status history of reopened tickets, read from an index alone: the
-- backlog at the end of a period (their status then) and over time (their
-- changes into and out of solved/closed).
CREATE INDEX ticket_events_status ON ticket_events(ticket_id, at, old_value, new_value) WHERE field IN ('created', 'status');

-- ---------------------------------------------------------------------------
-- SLA compliance: each count reads a partial index of exactly its tickets
-- (replacing the version 10 range indexes, which made SQLite test the
-- met/breached condition entry by entry), priority first: the compliance
-- chart counts each priority's range (grouping one range by priority would
-- sort it). Resolution met is counted in the solved pass (resolution_due is
-- in tickets_kpi_solved).
DROP INDEX tickets_first_responded;
CREATE INDEX tickets_first_response_met ON tickets(priority, first_responded_at, assignee_id, team_id, channel, category)
    WHERE deleted_at IS NULL AND first_responded_at IS NOT NULL AND first_response_due IS NOT NULL
      AND first_responded_at <= first_response_due;
DROP INDEX tickets_first_response_due;
CREATE INDEX tickets_first_response_breached ON tickets(priority, first_response_due, assignee_id, team_id, channel, category)
    WHERE deleted_at IS NULL AND first_response_due IS NOT NULL
      AND (first_responded_at IS NULL OR first_responded_at > first_response_due);
DROP INDEX tickets_resolution_due;
CREATE INDEX tickets_resolution_breached ON tickets(priority, resolution_due, assignee_id, team_id, channel, category)
    WHERE deleted_at IS NULL AND resolution_due IS NOT NULL AND (solved_at IS NULL OR solved_at > resolution_due);
