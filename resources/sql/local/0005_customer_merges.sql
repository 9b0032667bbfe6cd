-- Madoguchi local schema, version 5: merged duplicate customers. Synced like
-- any other row, so every client knows which customer absorbed which; the
-- merged customer remains as a tombstone.
CREATE TABLE customer_merges (
    id          BLOB PRIMARY KEY NOT NULL CHECK (length(id) = 16),
    survivor_id BLOB NOT NULL REFERENCES customers(id),
    merged_id   BLOB NOT NULL REFERENCES customers(id),
    merged_name TEXT NOT NULL,
    moved_rows  INTEGER NOT NULL DEFAULT 0,
    at          INTEGER NOT NULL,
    rev         INTEGER NOT NULL DEFAULT 0,
    created_at  INTEGER NOT NULL,
    updated_at  INTEGER NOT NULL,
    deleted_at  INTEGER,
    created_by  BLOB
);
CREATE INDEX customer_merges_survivor ON customer_merges(survivor_id, at);
