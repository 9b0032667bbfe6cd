-- Rebuilds the customer list and search data (customer_stats, customer_fts,
-- customer_terms) from the rows, in bulk. Used by migration 3 and after bulk
-- loads that run with the maintenance triggers dropped (demo data).
DELETE FROM customer_stats;
DELETE FROM customer_fts;
DELETE FROM customer_terms;
-- One bulk insert: merge the index segments once at the end, not on the way.
INSERT INTO customer_fts (customer_fts, rank) VALUES ('automerge', 0);
INSERT INTO customer_stats (customer_id, last_contact_at, open_tickets)
SELECT c.id,
       coalesce((SELECT max(started_at) FROM interactions i WHERE i.customer_id = c.id AND i.deleted_at IS NULL), 0),
       (SELECT count(*) FROM tickets t WHERE t.customer_id = c.id AND t.status NOT IN ('solved', 'closed')
        AND t.deleted_at IS NULL)
FROM customers c WHERE c.deleted_at IS NULL;
INSERT INTO customer_fts (rowid, name, reading, organization, emails, phones)
SELECT c.rowid, c.name, c.sort_key, coalesce(o.name, ''),
       coalesce((SELECT group_concat(value, ' ') FROM customer_contacts
                 WHERE customer_id = c.id AND kind = 'email' AND deleted_at IS NULL), ''),
       coalesce((SELECT group_concat(substr(value, 2), ' ') FROM customer_contacts
                 WHERE customer_id = c.id AND kind = 'phone' AND deleted_at IS NULL), '')
FROM customers c LEFT JOIN organizations o ON o.id = c.organization_id WHERE c.deleted_at IS NULL;
INSERT INTO customer_fts (customer_fts, rank) VALUES ('automerge', 4);
INSERT OR IGNORE INTO customer_terms (term, customer_rowid)
SELECT t, r FROM (
    SELECT lower(name) AS t, rowid AS r, deleted_at AS d FROM customers
    UNION ALL SELECT lower(ltrim(substr(name, instr(name, ' ')))), rowid, deleted_at FROM customers
    UNION ALL SELECT sort_key, rowid, deleted_at FROM customers
    UNION ALL SELECT ltrim(substr(sort_key, instr(sort_key, ' '))), rowid, deleted_at FROM customers
    UNION ALL SELECT lower(o.name), c.rowid, c.deleted_at FROM customers c JOIN organizations o ON o.id = c.organization_id
    UNION ALL SELECT o.sort_key, c.rowid, c.deleted_at FROM customers c JOIN organizations o ON o.id = c.organization_id)
WHERE t <> '' AND d IS NULL;
