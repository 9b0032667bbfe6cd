-- Madoguchi local schema, version 4: drafts. Local only, never synced.
-- The state of a form being filled in (a call note typed during a call),
-- saved as the agent types so that a crash or power cut loses nothing; the
-- draft is deleted in the same transaction that saves the real record.
CREATE TABLE drafts (
    key      TEXT PRIMARY KEY NOT NULL,
    payload  TEXT NOT NULL CHECK (json_valid(payload)),
    saved_at INTEGER NOT NULL
) WITHOUT ROWID;
