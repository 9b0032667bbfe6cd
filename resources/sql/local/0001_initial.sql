-- Madoguchi local schema, version 1: the synced entities and the outbox.
-- Keys are client-generated UUIDv7 stored as 16-byte BLOBs. Times are INTEGER
-- Unix milliseconds, UTC. Enumerations are stored as their lower-case keys.
-- Every synced table carries rev (server revision, 0 = never synced),
-- created_at, updated_at, deleted_at (tombstone) and created_by.

CREATE TABLE client_state (
    key   TEXT PRIMARY KEY NOT NULL,
    value TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE teams (
    id         BLOB PRIMARY KEY NOT NULL CHECK (length(id) = 16),
    name       TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    time_zone  TEXT NOT NULL DEFAULT 'Asia/Tokyo',
    rev        INTEGER NOT NULL DEFAULT 0,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    deleted_at INTEGER,
    created_by BLOB
);

CREATE TABLE agents (
    id         BLOB PRIMARY KEY NOT NULL CHECK (length(id) = 16),
    name       TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    email      TEXT NOT NULL DEFAULT '',
    role       TEXT NOT NULL DEFAULT 'agent' CHECK (role IN ('agent', 'lead', 'supervisor', 'admin')),
    team_id    BLOB REFERENCES teams(id),
    active     INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    rev        INTEGER NOT NULL DEFAULT 0,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    deleted_at INTEGER,
    created_by BLOB
);

CREATE TABLE organizations (
    id           BLOB PRIMARY KEY NOT NULL CHECK (length(id) = 16),
    name         TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    name_reading TEXT NOT NULL DEFAULT '',
    sort_key     TEXT NOT NULL DEFAULT '',   -- searchKey(reading or name): kana order with BINARY
    email_domain TEXT NOT NULL DEFAULT '',
    notes        TEXT NOT NULL DEFAULT '',
    rev          INTEGER NOT NULL DEFAULT 0,
    created_at   INTEGER NOT NULL,
    updated_at   INTEGER NOT NULL,
    deleted_at   INTEGER,
    created_by   BLOB
);

CREATE TABLE customers (
    id              BLOB PRIMARY KEY NOT NULL CHECK (length(id) = 16),
    name            TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    name_reading    TEXT NOT NULL DEFAULT '',
    sort_key        TEXT NOT NULL DEFAULT '',
    organization_id BLOB REFERENCES organizations(id),
    address         TEXT NOT NULL DEFAULT '',
    tier            TEXT NOT NULL DEFAULT 'standard' CHECK (tier IN ('standard', 'premium', 'vip')),
    tags            TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(tags)),
    notes           TEXT NOT NULL DEFAULT '',
    owner_id        BLOB REFERENCES agents(id),
    rev             INTEGER NOT NULL DEFAULT 0,
    created_at      INTEGER NOT NULL,
    updated_at      INTEGER NOT NULL,
    deleted_at      INTEGER,
    created_by      BLOB
);

-- A customer's phone numbers (E.164) and e-mail addresses, one row each, so
-- that any of them finds the customer through an index.
CREATE TABLE customer_contacts (
    id          BLOB PRIMARY KEY NOT NULL CHECK (length(id) = 16),
    customer_id BLOB NOT NULL REFERENCES customers(id),
    kind        TEXT NOT NULL CHECK (kind IN ('phone', 'email')),
    value       TEXT NOT NULL CHECK (length(value) BETWEEN 1 AND 254),
    label       TEXT NOT NULL DEFAULT '',
    is_primary  INTEGER NOT NULL DEFAULT 0 CHECK (is_primary IN (0, 1)),
    rev         INTEGER NOT NULL DEFAULT 0,
    created_at  INTEGER NOT NULL,
    updated_at  INTEGER NOT NULL,
    deleted_at  INTEGER,
    created_by  BLOB
);

CREATE TABLE tickets (
    id                 BLOB PRIMARY KEY NOT NULL CHECK (length(id) = 16),
    number             TEXT NOT NULL UNIQUE,
    customer_id        BLOB NOT NULL REFERENCES customers(id),
    subject            TEXT NOT NULL CHECK (length(subject) BETWEEN 1 AND 300),
    description        TEXT NOT NULL DEFAULT '',
    status             TEXT NOT NULL DEFAULT 'new'
                       CHECK (status IN ('new', 'open', 'pending', 'on_hold', 'solved', 'closed')),
    priority           TEXT NOT NULL DEFAULT 'normal' CHECK (priority IN ('low', 'normal', 'high', 'urgent')),
    category           TEXT NOT NULL DEFAULT '',
    tags               TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(tags)),
    channel            TEXT NOT NULL DEFAULT 'phone'
                       CHECK (channel IN ('phone', 'email', 'chat', 'social', 'visit', 'web')),
    assignee_id        BLOB REFERENCES agents(id),
    team_id            BLOB REFERENCES teams(id),
    escalation_level   INTEGER NOT NULL DEFAULT 0 CHECK (escalation_level BETWEEN 0 AND 3),
    escalation_reason  TEXT NOT NULL DEFAULT '',
    sla_policy_id      BLOB,
    first_response_due INTEGER,
    resolution_due     INTEGER,
    first_responded_at INTEGER,
    solved_at          INTEGER,
    closed_at          INTEGER,
    reopen_count       INTEGER NOT NULL DEFAULT 0 CHECK (reopen_count >= 0),
    rev                INTEGER NOT NULL DEFAULT 0,
    created_at         INTEGER NOT NULL,
    updated_at         INTEGER NOT NULL,
    deleted_at         INTEGER,
    created_by         BLOB
);

CREATE TABLE interactions (
    id          BLOB PRIMARY KEY NOT NULL CHECK (length(id) = 16),
    customer_id BLOB NOT NULL REFERENCES customers(id),
    ticket_id   BLOB REFERENCES tickets(id),
    agent_id    BLOB REFERENCES agents(id),
    channel     TEXT NOT NULL CHECK (channel IN ('phone', 'email', 'chat', 'social', 'visit', 'web')),
    direction   TEXT NOT NULL CHECK (direction IN ('inbound', 'outbound')),
    started_at  INTEGER NOT NULL,
    duration_s  INTEGER NOT NULL DEFAULT 0 CHECK (duration_s >= 0),
    wrap_up_s   INTEGER NOT NULL DEFAULT 0 CHECK (wrap_up_s >= 0),
    outcome     TEXT CHECK (outcome IN ('resolved', 'follow_up', 'escalated', 'no_answer', 'voicemail',
                                        'callback_scheduled')),
    callback_at INTEGER,
    category    TEXT NOT NULL DEFAULT '',
    subject     TEXT NOT NULL DEFAULT '',
    notes       TEXT NOT NULL DEFAULT '',
    amends_id   BLOB REFERENCES interactions(id),
    rev         INTEGER NOT NULL DEFAULT 0,
    created_at  INTEGER NOT NULL,
    updated_at  INTEGER NOT NULL,
    deleted_at  INTEGER,
    created_by  BLOB
);

-- Append-only history of every ticket change.
CREATE TABLE ticket_events (
    id         BLOB PRIMARY KEY NOT NULL CHECK (length(id) = 16),
    ticket_id  BLOB NOT NULL REFERENCES tickets(id),
    agent_id   BLOB REFERENCES agents(id),
    at         INTEGER NOT NULL,
    field      TEXT NOT NULL,
    old_value  TEXT,
    new_value  TEXT,
    rev        INTEGER NOT NULL DEFAULT 0,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    deleted_at INTEGER,
    created_by BLOB
);

CREATE TABLE csat_responses (
    id          BLOB PRIMARY KEY NOT NULL CHECK (length(id) = 16),
    ticket_id   BLOB REFERENCES tickets(id),
    customer_id BLOB REFERENCES customers(id),
    received_at INTEGER NOT NULL,
    csat        INTEGER CHECK (csat BETWEEN 1 AND 5),
    nps         INTEGER CHECK (nps BETWEEN 0 AND 10),
    ces         INTEGER CHECK (ces BETWEEN 1 AND 7),
    comment     TEXT NOT NULL DEFAULT '',
    complaint   INTEGER NOT NULL DEFAULT 0 CHECK (complaint IN (0, 1)),
    rev         INTEGER NOT NULL DEFAULT 0,
    created_at  INTEGER NOT NULL,
    updated_at  INTEGER NOT NULL,
    deleted_at  INTEGER,
    created_by  BLOB
);

-- Local only. Every local change, written in the same transaction as the
-- change. AUTOINCREMENT never reuses an id and a rolled-back transaction
-- rolls back the counter too, so mutation ids are contiguous per client.
CREATE TABLE sync_outbox (
    mutation_id INTEGER PRIMARY KEY AUTOINCREMENT,
    entity      TEXT NOT NULL,
    row_id      BLOB NOT NULL CHECK (length(row_id) = 16),
    op          TEXT NOT NULL CHECK (op IN ('insert', 'update', 'delete')),
    payload     TEXT NOT NULL CHECK (json_valid(payload)),   -- new values of the changed fields
    base        TEXT CHECK (base IS NULL OR json_valid(base)), -- their values before the change
    created_at  INTEGER NOT NULL                             -- client clock: informational only
);
