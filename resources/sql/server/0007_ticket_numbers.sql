-- Madoguchi team server, version 7: a ticket number's tag is its issuer's.
--
-- Every copy of the app numbers its tickets "TAG-N" with a random tag of
-- its own (src/core/storage/ticketnumbers.h), so that a ticket made offline
-- keeps its number for ever. An agent who has read another copy's numbers
-- could take that copy's next ones first ("K7QM2X-1043"): the other copy's
-- ticket would then fail on the number when it syncs. A tag belongs to the
-- agent whose ticket used it first; no other agent's ticket may use it.

SET LOCAL ROLE crm_owner;

CREATE TABLE sync.ticket_tag (
    tag        text PRIMARY KEY,
    agent_role name NOT NULL,
    claimed_at timestamptz NOT NULL DEFAULT clock_timestamp()
);
ALTER TABLE sync.ticket_tag ENABLE ROW LEVEL SECURITY;
ALTER TABLE sync.ticket_tag FORCE ROW LEVEL SECURITY;
CREATE POLICY ticket_tag_owner ON sync.ticket_tag TO crm_owner USING (true) WITH CHECK (true);

-- The tags in use, each its first ticket's author's.
INSERT INTO sync.ticket_tag (tag, agent_role)
SELECT DISTINCT ON (split_part(t.number, '-', 1)) split_part(t.number, '-', 1), a.agent_role
  FROM crm.ticket t JOIN crm.agent a ON a.id = t.created_by
 ORDER BY split_part(t.number, '-', 1), t.created_at, t.id;

CREATE FUNCTION app.check_ticket_number() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS
$$
DECLARE
    v_tag text := split_part(NEW.number, '-', 1);
    holder name;
BEGIN
    IF app.trusted_session() THEN
        RETURN NEW;
    END IF;
    INSERT INTO sync.ticket_tag (tag, agent_role) VALUES (v_tag, session_user) ON CONFLICT (tag) DO NOTHING;
    SELECT tt.agent_role INTO holder FROM sync.ticket_tag tt WHERE tt.tag = v_tag;
    IF holder IS DISTINCT FROM session_user THEN
        RAISE EXCEPTION 'this ticket number belongs to another copy of the app' USING ERRCODE = '23505', DETAIL = 'ticket_number_taken';
    END IF;
    RETURN NEW;
END
$$;
REVOKE ALL ON FUNCTION app.check_ticket_number() FROM PUBLIC;
CREATE TRIGGER check_number BEFORE INSERT OR UPDATE OF number ON crm.ticket FOR EACH ROW EXECUTE FUNCTION app.check_ticket_number();

RESET ROLE;
