-- Madoguchi local schema, version 7: SLA policies on business-hours calendars,
-- and what the ticket queues sort and filter by.

-- hours: seven entries, Monday first, each ["HH:MM", "HH:MM"] or null (closed).
-- national_holidays: which country's public holidays close the calendar.
CREATE TABLE calendars (
    id                BLOB PRIMARY KEY NOT NULL CHECK (length(id) = 16),
    name              TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    time_zone         TEXT NOT NULL DEFAULT 'Asia/Tokyo',
    hours             TEXT NOT NULL CHECK (json_valid(hours) AND json_array_length(hours) = 7),
    national_holidays TEXT NOT NULL DEFAULT 'jp' CHECK (national_holidays IN ('jp', 'none')),
    extra_holidays    TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(extra_holidays)),
    rev               INTEGER NOT NULL DEFAULT 0,
    created_at        INTEGER NOT NULL,
    updated_at        INTEGER NOT NULL,
    deleted_at        INTEGER,
    created_by        BLOB
);

-- Targets in business minutes per priority; NULL: no target.
CREATE TABLE sla_policies (
    id                    BLOB PRIMARY KEY NOT NULL CHECK (length(id) = 16),
    name                  TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    calendar_id           BLOB NOT NULL REFERENCES calendars(id),
    is_default            INTEGER NOT NULL DEFAULT 0 CHECK (is_default IN (0, 1)),
    first_response_low    INTEGER CHECK (first_response_low > 0),
    first_response_normal INTEGER CHECK (first_response_normal > 0),
    first_response_high   INTEGER CHECK (first_response_high > 0),
    first_response_urgent INTEGER CHECK (first_response_urgent > 0),
    resolution_low        INTEGER CHECK (resolution_low > 0),
    resolution_normal     INTEGER CHECK (resolution_normal > 0),
    resolution_high       INTEGER CHECK (resolution_high > 0),
    resolution_urgent     INTEGER CHECK (resolution_urgent > 0),
    rev                   INTEGER NOT NULL DEFAULT 0,
    created_at            INTEGER NOT NULL,
    updated_at            INTEGER NOT NULL,
    deleted_at            INTEGER,
    created_by            BLOB
);
CREATE INDEX sla_policies_calendar ON sla_policies(calendar_id);

-- The shipped defaults have fixed keys, so that every client and the server
-- start from the same rows.
INSERT INTO calendars (id, name, time_zone, hours, national_holidays, created_at, updated_at)
VALUES (X'019000000000700080000000000CA1E0', 'Japan business hours', 'Asia/Tokyo',
        '[["09:00","18:00"],["09:00","18:00"],["09:00","18:00"],["09:00","18:00"],["09:00","18:00"],null,null]',
        'jp', 0, 0);
INSERT INTO sla_policies (id, name, calendar_id, is_default,
                          first_response_low, first_response_normal, first_response_high, first_response_urgent,
                          resolution_low, resolution_normal, resolution_high, resolution_urgent, created_at, updated_at)
VALUES (X'019000000000700080000000000005AA', 'Standard', X'019000000000700080000000000CA1E0', 1,
        480, 240, 60, 30, 2700, 1620, 540, 240, 0, 0);

UPDATE tickets SET sla_policy_id = X'019000000000700080000000000005AA' WHERE sla_policy_id IS NULL;

-- Derived, local: the next SLA due time of a running ticket (the first
-- response until it is given, then the resolution), 2^53 when none runs, so
-- that a queue sorted by it is one index walk. Urgent sorts first.
ALTER TABLE tickets ADD COLUMN sla_sort INTEGER GENERATED ALWAYS AS (
    CASE WHEN status IN ('new', 'open') THEN
        coalesce(CASE WHEN first_responded_at IS NULL
                      THEN min(coalesce(first_response_due, resolution_due), coalesce(resolution_due, first_response_due))
                      ELSE resolution_due END,
                 9007199254740992)
    ELSE 9007199254740992 END) VIRTUAL;
ALTER TABLE tickets ADD COLUMN priority_order INTEGER GENERATED ALWAYS AS (
    CASE priority WHEN 'urgent' THEN 0 WHEN 'high' THEN 1 WHEN 'normal' THEN 2 ELSE 3 END) VIRTUAL;

-- Queues: the work in progress is small and read often; "All" needs its sort
-- orders indexed over every ticket.
CREATE INDEX tickets_active_due ON tickets(sla_sort, id)
    WHERE deleted_at IS NULL AND status NOT IN ('solved', 'closed');
CREATE INDEX tickets_active_assignee ON tickets(assignee_id, sla_sort)
    WHERE deleted_at IS NULL AND status NOT IN ('solved', 'closed');
CREATE INDEX tickets_active_team ON tickets(team_id, sla_sort)
    WHERE deleted_at IS NULL AND status NOT IN ('solved', 'closed');
CREATE INDEX tickets_all_due ON tickets(sla_sort, id) WHERE deleted_at IS NULL;
CREATE INDEX tickets_all_priority ON tickets(priority_order, sla_sort, id) WHERE deleted_at IS NULL;
CREATE INDEX tickets_all_updated ON tickets(updated_at, id) WHERE deleted_at IS NULL;
-- Recently solved and waiting tickets: the filter and every sort key in the
-- index, so counting and sorting them never reads a table row.
DROP INDEX tickets_solved;
CREATE INDEX tickets_solved ON tickets(solved_at, sla_sort, priority_order, updated_at, id)
    WHERE deleted_at IS NULL AND solved_at IS NOT NULL;
CREATE INDEX tickets_waiting ON tickets(status, sla_sort, priority_order, updated_at, id)
    WHERE deleted_at IS NULL AND status IN ('pending', 'on_hold');

-- Saved queue filters: local to this client, per agent.
CREATE TABLE saved_filters (
    id         INTEGER PRIMARY KEY,
    name       TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
    definition TEXT NOT NULL CHECK (json_valid(definition)),
    created_at INTEGER NOT NULL
);

-- The count of live tickets, kept by triggers (see derived/ticket_totals.sql).
CREATE TABLE ticket_totals (
    id   INTEGER PRIMARY KEY CHECK (id = 1),
    live INTEGER NOT NULL
);
-- @include derived/ticket_totals.sql
CREATE TRIGGER ticket_totals_insert AFTER INSERT ON tickets WHEN new.deleted_at IS NULL
BEGIN
    UPDATE ticket_totals SET live = live + 1;
END;
CREATE TRIGGER ticket_totals_update AFTER UPDATE OF deleted_at ON tickets
    WHEN (old.deleted_at IS NULL) != (new.deleted_at IS NULL)
BEGIN
    UPDATE ticket_totals SET live = live + CASE WHEN new.deleted_at IS NULL THEN 1 ELSE -1 END;
END;
CREATE TRIGGER ticket_totals_delete AFTER DELETE ON tickets WHEN old.deleted_at IS NULL
BEGIN
    UPDATE ticket_totals SET live = live - 1;
END;

-- How a team hands out new tickets: by hand, in turn, or to whoever has the
-- fewest open tickets.
ALTER TABLE teams ADD COLUMN auto_assign TEXT NOT NULL DEFAULT 'none'
    CHECK (auto_assign IN ('none', 'round_robin', 'least_open'));

-- Canned responses (macros): shared with a team, or with everyone when
-- team_id is NULL. Applying one inserts its text into the note being written
-- and sets the linked ticket's fields.
CREATE TABLE canned_responses (
    id           BLOB PRIMARY KEY NOT NULL CHECK (length(id) = 16),
    team_id      BLOB REFERENCES teams(id),
    name         TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    body         TEXT NOT NULL DEFAULT '',
    set_status   TEXT CHECK (set_status IN ('open', 'pending', 'on_hold', 'solved')),
    set_priority TEXT CHECK (set_priority IN ('low', 'normal', 'high', 'urgent')),
    add_tags     TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(add_tags)),
    rev          INTEGER NOT NULL DEFAULT 0,
    created_at   INTEGER NOT NULL,
    updated_at   INTEGER NOT NULL,
    deleted_at   INTEGER,
    created_by   BLOB
);
CREATE INDEX canned_responses_team ON canned_responses(team_id, name);

-- The team's categories beyond the built-in ones, and built-in ones renamed
-- or hidden (a row with a built-in key). key is what tickets and
-- interactions store.
CREATE TABLE categories (
    id         BLOB PRIMARY KEY NOT NULL CHECK (length(id) = 16),
    key        TEXT NOT NULL UNIQUE CHECK (length(key) BETWEEN 1 AND 60),
    name       TEXT NOT NULL DEFAULT '' CHECK (length(name) <= 100),
    active     INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    rev        INTEGER NOT NULL DEFAULT 0,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    deleted_at INTEGER,
    created_by BLOB
);
