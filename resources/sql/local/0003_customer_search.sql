-- Madoguchi local schema, version 3: derived, local-only data for the customer
-- list and customer search. Triggers keep it current whoever writes the rows
-- (repositories, sync, imports); storage/customerindex.cpp rebuilds it in bulk.

-- Per-customer figures the list sorts and shows: last contact, open tickets.
-- One row per live customer (a tombstoned customer's row is removed).
CREATE TABLE customer_stats (
    customer_id     BLOB PRIMARY KEY NOT NULL REFERENCES customers(id),
    last_contact_at INTEGER NOT NULL DEFAULT 0,   -- 0: never contacted
    open_tickets    INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX customer_stats_last_contact ON customer_stats(last_contact_at, customer_id);

-- Substring search (three characters or more) over name, reading (hiragana
-- key), organization, e-mail addresses and phone digits (E.164 without '+').
-- rowid = customers.rowid.
CREATE VIRTUAL TABLE customer_fts USING fts5(name, reading, organization, emails, phones, tokenize = 'trigram');

-- Prefix search for one or two characters (山田, やま), which trigrams cannot
-- serve: each word of the name and reading, the whole name, the organization.
-- Terms are lower-cased; readings are the hiragana search key.
CREATE TABLE customer_terms (
    term          TEXT NOT NULL,
    customer_rowid INTEGER NOT NULL,
    PRIMARY KEY (term, customer_rowid)
) WITHOUT ROWID;
CREATE INDEX customer_terms_customer ON customer_terms(customer_rowid);

-- The list in reading order skips tombstones without touching the table.
CREATE INDEX customers_live_sort ON customers(sort_key, id) WHERE deleted_at IS NULL;

-- Replaced by customers_live_sort.
DROP INDEX customers_sort;

-- Contact look-ups ignore case (Taro@Example.jp = taro@example.jp); phone
-- numbers in E.164 have no case, so one index serves both.
DROP INDEX customer_contacts_value;
CREATE INDEX customer_contacts_value_nocase ON customer_contacts(value COLLATE NOCASE);

-- Counting a customer's open tickets reads only this small index.
CREATE INDEX tickets_open_customer ON tickets(customer_id)
    WHERE status NOT IN ('solved', 'closed') AND deleted_at IS NULL;

-- ---------------------------------------------------------------------------
-- customers
-- ---------------------------------------------------------------------------
CREATE TRIGGER customers_search_insert AFTER INSERT ON customers WHEN new.deleted_at IS NULL
BEGIN
    INSERT OR IGNORE INTO customer_stats (customer_id) VALUES (new.id);
    INSERT INTO customer_fts (rowid, name, reading, organization, emails, phones)
    VALUES (new.rowid, new.name, new.sort_key,
            coalesce((SELECT name FROM organizations WHERE id = new.organization_id), ''), '', '');
    INSERT OR IGNORE INTO customer_terms (term, customer_rowid)
    SELECT t, new.rowid FROM (
        SELECT lower(new.name) AS t
        UNION SELECT lower(ltrim(substr(new.name, instr(new.name, ' '))))
        UNION SELECT new.sort_key
        UNION SELECT ltrim(substr(new.sort_key, instr(new.sort_key, ' ')))
        UNION SELECT lower(name) FROM organizations WHERE id = new.organization_id
        UNION SELECT sort_key FROM organizations WHERE id = new.organization_id)
    WHERE t <> '';
END;

CREATE TRIGGER customers_search_update AFTER UPDATE OF name, sort_key, organization_id, deleted_at ON customers
BEGIN
    DELETE FROM customer_fts WHERE rowid = old.rowid;
    DELETE FROM customer_terms WHERE customer_rowid = old.rowid;
    INSERT INTO customer_fts (rowid, name, reading, organization, emails, phones)
    SELECT new.rowid, new.name, new.sort_key,
           coalesce((SELECT name FROM organizations WHERE id = new.organization_id), ''),
           coalesce((SELECT group_concat(value, ' ') FROM customer_contacts
                     WHERE customer_id = new.id AND kind = 'email' AND deleted_at IS NULL), ''),
           coalesce((SELECT group_concat(substr(value, 2), ' ') FROM customer_contacts
                     WHERE customer_id = new.id AND kind = 'phone' AND deleted_at IS NULL), '')
    WHERE new.deleted_at IS NULL;
    INSERT OR IGNORE INTO customer_terms (term, customer_rowid)
    SELECT t, new.rowid FROM (
        SELECT lower(new.name) AS t
        UNION SELECT lower(ltrim(substr(new.name, instr(new.name, ' '))))
        UNION SELECT new.sort_key
        UNION SELECT ltrim(substr(new.sort_key, instr(new.sort_key, ' ')))
        UNION SELECT lower(name) FROM organizations WHERE id = new.organization_id
        UNION SELECT sort_key FROM organizations WHERE id = new.organization_id)
    WHERE t <> '' AND new.deleted_at IS NULL;
    DELETE FROM customer_stats WHERE customer_id = new.id AND new.deleted_at IS NOT NULL;
    INSERT OR IGNORE INTO customer_stats (customer_id, last_contact_at, open_tickets)
    SELECT new.id,
           coalesce((SELECT max(started_at) FROM interactions WHERE customer_id = new.id AND deleted_at IS NULL), 0),
           (SELECT count(*) FROM tickets WHERE customer_id = new.id AND status NOT IN ('solved', 'closed')
            AND deleted_at IS NULL)
    WHERE new.deleted_at IS NULL;
END;

-- ---------------------------------------------------------------------------
-- contact points: the e-mail and phone columns of the search row
-- ---------------------------------------------------------------------------
CREATE TRIGGER customer_contacts_search_insert AFTER INSERT ON customer_contacts
BEGIN
    UPDATE customer_fts SET
        emails = coalesce((SELECT group_concat(value, ' ') FROM customer_contacts
                           WHERE customer_id = new.customer_id AND kind = 'email' AND deleted_at IS NULL), ''),
        phones = coalesce((SELECT group_concat(substr(value, 2), ' ') FROM customer_contacts
                           WHERE customer_id = new.customer_id AND kind = 'phone' AND deleted_at IS NULL), '')
    WHERE rowid = (SELECT rowid FROM customers WHERE id = new.customer_id);
END;

CREATE TRIGGER customer_contacts_search_update AFTER UPDATE ON customer_contacts
BEGIN
    UPDATE customer_fts SET
        emails = coalesce((SELECT group_concat(value, ' ') FROM customer_contacts
                           WHERE customer_id = c.id AND kind = 'email' AND deleted_at IS NULL), ''),
        phones = coalesce((SELECT group_concat(substr(value, 2), ' ') FROM customer_contacts
                           WHERE customer_id = c.id AND kind = 'phone' AND deleted_at IS NULL), '')
    FROM (SELECT id, rowid AS r FROM customers WHERE id IN (old.customer_id, new.customer_id)) AS c
    WHERE customer_fts.rowid = c.r;
END;

-- ---------------------------------------------------------------------------
-- organizations: a renamed company is found under its new name
-- ---------------------------------------------------------------------------
CREATE TRIGGER organizations_search_update AFTER UPDATE OF name, sort_key ON organizations
BEGIN
    UPDATE customer_fts SET organization = new.name
    WHERE rowid IN (SELECT rowid FROM customers WHERE organization_id = new.id);
    DELETE FROM customer_terms
    WHERE term IN (lower(old.name), old.sort_key)
      AND customer_rowid IN (SELECT rowid FROM customers WHERE organization_id = new.id);
    INSERT OR IGNORE INTO customer_terms (term, customer_rowid)
    SELECT t, c.rowid FROM customers c, (SELECT lower(new.name) AS t UNION SELECT new.sort_key) AS terms
    WHERE c.organization_id = new.id AND c.deleted_at IS NULL AND t <> '';
END;

-- ---------------------------------------------------------------------------
-- last contact and open tickets
-- ---------------------------------------------------------------------------
CREATE TRIGGER interactions_stats_insert AFTER INSERT ON interactions WHEN new.deleted_at IS NULL
BEGIN
    UPDATE customer_stats SET last_contact_at = max(last_contact_at, new.started_at)
    WHERE customer_id = new.customer_id;
END;

CREATE TRIGGER interactions_stats_update AFTER UPDATE OF customer_id, started_at, deleted_at ON interactions
BEGIN
    UPDATE customer_stats SET last_contact_at = coalesce(
        (SELECT max(started_at) FROM interactions WHERE customer_id = customer_stats.customer_id AND deleted_at IS NULL), 0)
    WHERE customer_id IN (old.customer_id, new.customer_id);
END;

CREATE TRIGGER tickets_stats_insert AFTER INSERT ON tickets
    WHEN new.deleted_at IS NULL AND new.status NOT IN ('solved', 'closed')
BEGIN
    UPDATE customer_stats SET open_tickets = open_tickets + 1 WHERE customer_id = new.customer_id;
END;

CREATE TRIGGER tickets_stats_update AFTER UPDATE OF customer_id, status, deleted_at ON tickets
BEGIN
    UPDATE customer_stats SET open_tickets =
        (SELECT count(*) FROM tickets WHERE customer_id = customer_stats.customer_id
         AND status NOT IN ('solved', 'closed') AND deleted_at IS NULL)
    WHERE customer_id IN (old.customer_id, new.customer_id);
END;

-- Existing rows (databases created before version 3).
-- @include derived/customer_index.sql
