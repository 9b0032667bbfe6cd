-- Madoguchi local schema, version 13: what synchronisation with the team
-- server keeps locally.

-- Conflicts the server recorded for this agent (or its team): the losing
-- value of a merge, a refused change. Synced from sync.conflict; resolving
-- one is a change like any other.
CREATE TABLE sync_conflicts (
    id          BLOB PRIMARY KEY NOT NULL CHECK (length(id) = 16),
    entity      TEXT NOT NULL,
    row_id      BLOB NOT NULL,
    field       TEXT,
    base        TEXT,     -- JSON: the value the author started from
    theirs      TEXT,     -- JSON: the server's value the change met
    yours       TEXT,     -- JSON: the author's value
    resolution  TEXT,     -- kept_theirs, replaced_theirs, rejected; then keep or reapplied
    detail      TEXT,     -- JSON: why (rejections)
    client_id   BLOB,
    mutation_id INTEGER,
    agent_role  TEXT NOT NULL DEFAULT '',
    resolved_at INTEGER,
    rev         INTEGER NOT NULL DEFAULT 0,
    created_at  INTEGER NOT NULL,
    updated_at  INTEGER NOT NULL,
    deleted_at  INTEGER,
    created_by  BLOB
);
CREATE INDEX sync_conflicts_open ON sync_conflicts(created_at) WHERE resolved_at IS NULL;

-- Rows to read again at the next pull: those a push did not write as the
-- client wrote them (merged, conflict, rejected), whose server state may not
-- come with the change log.
CREATE TABLE sync_refetch (
    entity TEXT NOT NULL,
    row_id BLOB NOT NULL CHECK (length(row_id) = 16),
    PRIMARY KEY (entity, row_id)
) WITHOUT ROWID;

-- Synchronisation removes rows (a ticket handed to another team, a reload
-- after a reset): the customer list and search follow deletions too.
CREATE TRIGGER customers_search_delete AFTER DELETE ON customers
BEGIN
    DELETE FROM customer_fts WHERE rowid = old.rowid;
    DELETE FROM customer_terms WHERE customer_rowid = old.rowid;
    DELETE FROM customer_stats WHERE customer_id = old.id;
END;

CREATE TRIGGER customer_contacts_search_delete AFTER DELETE ON customer_contacts
BEGIN
    UPDATE customer_fts SET
        emails = coalesce((SELECT group_concat(value, ' ') FROM customer_contacts
                           WHERE customer_id = old.customer_id AND kind = 'email' AND deleted_at IS NULL), ''),
        phones = coalesce((SELECT group_concat(substr(value, 2), ' ') FROM customer_contacts
                           WHERE customer_id = old.customer_id AND kind = 'phone' AND deleted_at IS NULL), '')
    WHERE rowid = (SELECT rowid FROM customers WHERE id = old.customer_id);
END;

CREATE TRIGGER tickets_stats_delete AFTER DELETE ON tickets
    WHEN old.deleted_at IS NULL AND old.status NOT IN ('solved', 'closed')
BEGIN
    UPDATE customer_stats SET open_tickets = max(open_tickets - 1, 0) WHERE customer_id = old.customer_id;
END;

CREATE TRIGGER interactions_stats_delete AFTER DELETE ON interactions
BEGIN
    UPDATE customer_stats SET last_contact_at = coalesce(
        (SELECT max(started_at) FROM interactions WHERE customer_id = old.customer_id AND deleted_at IS NULL), 0)
    WHERE customer_id = old.customer_id;
END;
