-- Madoguchi local schema, version 14: changes go to the team server without
-- the columns that are the server's own (revision, audit times and author,
-- SLA facts; see isServerColumn), which it drops anyway.

-- The form each change waiting in the outbox is sent in. The server
-- fingerprints every change it receives, and a change sent again after a cut
-- must be the same. Changes written before this version may have been sent
-- already with every column, so they keep that form (1); changes from now on
-- go without the server's columns (2).
ALTER TABLE sync_outbox ADD COLUMN wire INTEGER NOT NULL DEFAULT 2;
UPDATE sync_outbox SET wire = 1;
