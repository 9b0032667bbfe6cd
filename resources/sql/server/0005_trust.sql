-- Madoguchi team server, version 5: a server that cannot be tricked by the
-- agents it serves.
--
-- 1. A row that refers to a ticket (an interaction, a survey response, a
--    history row) lives in that ticket's scopes, and its author may refer
--    only to a ticket it can see (a history row: one it changed).
-- 2. The server records every change it applies to a ticket
--    (sync.ticket_change, written by its own trigger, unreadable to
--    agents). The SLA clocks follow that record, never the history rows a
--    client writes; a history row is accepted only as the account of a
--    change its author really made, and takes its time and author from it.
-- 3. The handling agent of an interaction is the session's agent; a lead
--    may log for a member of the team, a supervisor or admin for anyone
--    (created_by then names who logged it).
-- 4. No function is executable by PUBLIC; agents get by name what the
--    client and the row-level security policies call.
-- 5. Sessions are trusted by role, never by the absence of an agent row: a
--    removed or deactivated agent's login reads and writes nothing.
-- 6. A deleted customer's personal data is scrubbed from the row every copy
--    receives, and a deletion is final for agents.
-- 7. A ticket always has a team or a live agent; it may be handed only to a
--    live team (and one of its active agents), also by the push, whose
--    other bookkeeping agents cannot squat or forge for another client.

-- Agents create nothing, temporary objects included (run as the
-- initialising role, which may grant on the database).
DO $$
BEGIN
    EXECUTE format('REVOKE TEMPORARY ON DATABASE %I FROM PUBLIC', current_database());
END
$$;

SET LOCAL ROLE crm_owner;

-- Functions made from here on are nobody's to run until granted by name.
ALTER DEFAULT PRIVILEGES FOR ROLE crm_owner REVOKE EXECUTE ON FUNCTIONS FROM PUBLIC;

-- Sessions that are not an agent's: the owner's maintenance, `server init`,
-- a superuser. Decided by role membership, never by a missing agent row.
-- (PL/pgSQL here and below: its plans are kept for the session, where a
-- SQL function with a SET clause is planned at every call.)
CREATE FUNCTION app.trusted_session() RETURNS boolean
    LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS
$$
BEGIN
    RETURN coalesce((SELECT r.rolsuper OR NOT pg_has_role(session_user, 'crm_agent', 'MEMBER') FROM pg_roles r WHERE r.rolname = session_user),
                    false);
END
$$;

-- The calling agent: only a live, active one. A removed or deactivated
-- agent's login has no id and no scopes, so it reads and writes nothing.
CREATE OR REPLACE FUNCTION app.agent_id() RETURNS uuid
    LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS
$$
BEGIN
    RETURN (SELECT id FROM crm.agent WHERE agent_role = session_user AND deleted_at IS NULL AND active);
END
$$;

CREATE OR REPLACE FUNCTION app.my_scopes() RETURNS text[]
    LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS
$$
DECLARE
    a record;
    out text[] := ARRAY['org'];
BEGIN
    SELECT ag.id, ag.role, ag.team_id INTO a FROM crm.agent ag WHERE ag.agent_role = session_user AND ag.deleted_at IS NULL AND ag.active;
    IF NOT FOUND THEN
        RETURN ARRAY[]::text[];
    END IF;
    out := out || ('agent:' || a.id::text);
    IF a.role IN ('supervisor', 'admin') THEN
        out := out || coalesce((SELECT array_agg('team:' || t.id::text) FROM crm.team t WHERE t.deleted_at IS NULL), ARRAY[]::text[]);
    ELSIF a.team_id IS NOT NULL THEN
        out := out || ('team:' || a.team_id::text);
    END IF;
    RETURN out;
END
$$;

-- What the server applied to each ticket: its creation and every change of
-- a field, with the agent who made it and when. `at` is the time the
-- change counts from. `event_id`: the history row that tells it, once one
-- has (each change is told once).
CREATE TABLE sync.ticket_change (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    ticket_id  uuid NOT NULL REFERENCES crm.ticket (id),
    field      text NOT NULL,
    old_value  jsonb,
    new_value  jsonb,
    at         timestamptz NOT NULL DEFAULT clock_timestamp(),
    server_at  timestamptz NOT NULL DEFAULT clock_timestamp(),
    agent_role name NOT NULL DEFAULT session_user,
    agent_id   uuid,
    event_id   uuid
);
CREATE INDEX ticket_change_ticket ON sync.ticket_change (ticket_id, field);
ALTER TABLE sync.ticket_change ENABLE ROW LEVEL SECURITY;
ALTER TABLE sync.ticket_change FORCE ROW LEVEL SECURITY;
CREATE POLICY ticket_change_owner ON sync.ticket_change TO crm_owner USING (true) WITH CHECK (true);

-- The fields whose changes are recorded: every one a client may change,
-- and the reopen count the server keeps.
CREATE FUNCTION app.record_ticket_change() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS
$$
DECLARE
    o jsonb;
    n jsonb;
    f text;
    me uuid := app.agent_id();
BEGIN
    IF TG_OP = 'INSERT' THEN
        INSERT INTO sync.ticket_change (ticket_id, field, new_value, at, agent_id)
        VALUES (NEW.id, 'created', to_jsonb(NEW.status), NEW.created_at, me);
        RETURN NULL;
    END IF;
    o := to_jsonb(OLD);
    n := to_jsonb(NEW);
    FOREACH f IN ARRAY ARRAY['status', 'priority', 'assignee_id', 'team_id', 'escalation_level', 'escalation_reason', 'subject',
                             'description', 'category', 'tags', 'channel', 'sla_policy_id', 'customer_id', 'deleted_at',
                             'reopen_count'] LOOP
        IF o->f IS DISTINCT FROM n->f THEN
            INSERT INTO sync.ticket_change (ticket_id, field, old_value, new_value, agent_id) VALUES (NEW.id, f, o->f, n->f, me);
        END IF;
    END LOOP;
    RETURN NULL;
END
$$;
-- (Named to run before the change log and the move of the ticket's rows:
-- a hand-off is on record when the rows that follow the ticket are stamped.)
CREATE TRIGGER history AFTER INSERT OR UPDATE OF status, priority, assignee_id, team_id, escalation_level, escalation_reason, subject,
    description, category, tags, channel, sla_policy_id, customer_id, deleted_at, reopen_count ON crm.ticket
    FOR EACH ROW EXECUTE FUNCTION app.record_ticket_change();

-- The oldest change of `field` on the ticket, made by the session's
-- (live) agent and not yet told by a history row, whose value is the one
-- the row tells. Values that decide a figure (status, priority,
-- escalation, reopens, channel, creation) and references must match
-- exactly; free text and tag lists are told in the client's own words.
CREATE FUNCTION sync.history_claim(p_ticket uuid, p_field text, p_value text) RETURNS bigint
    LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS
$$
BEGIN
    RETURN (SELECT c.id FROM sync.ticket_change c
     WHERE c.ticket_id = p_ticket AND c.field = p_field AND c.agent_role = session_user AND c.event_id IS NULL
       AND app.agent_id() IS NOT NULL
       AND CASE WHEN p_field IN ('created', 'status', 'priority', 'escalation_level', 'reopen_count', 'channel')
                THEN c.new_value #>> '{}' IS NOT DISTINCT FROM p_value
                WHEN p_field IN ('assignee_id', 'team_id', 'sla_policy_id', 'customer_id')
                THEN lower(coalesce(c.new_value #>> '{}', '')) = lower(coalesce(p_value, ''))
                ELSE true END
     ORDER BY c.id LIMIT 1);
END
$$;
-- Whether such a change exists (the push asks before it inserts a history row).
CREATE FUNCTION sync.matching_change(p_ticket uuid, p_field text, p_value text) RETURNS boolean
    LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS
$$
BEGIN
    RETURN sync.history_claim(p_ticket, p_field, p_value) IS NOT NULL;
END
$$;

-- A history row is the account of a change: agents may insert one only
-- for a change they made that has none yet, and the row takes the change's
-- time, author and (for the values that decide figures) its values. It
-- lives in the ticket's scopes. Sessions that are not agents (the owner's
-- maintenance) write rows as they are.
CREATE FUNCTION app.verify_history() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS
$$
DECLARE
    c sync.ticket_change;
BEGIN
    NEW.scopes := coalesce((SELECT t.scopes FROM crm.ticket t WHERE t.id = NEW.ticket_id), ARRAY['unassigned']);
    IF app.trusted_session() THEN
        RETURN NEW;
    END IF;
    SELECT * INTO c FROM sync.ticket_change WHERE id = sync.history_claim(NEW.ticket_id, NEW.field, NEW.new_value);
    IF c.id IS NULL THEN
        RAISE EXCEPTION 'a history row must tell a change you made' USING ERRCODE = 'MD014', DETAIL = 'history_without_change';
    END IF;
    UPDATE sync.ticket_change SET event_id = NEW.id WHERE id = c.id;
    NEW.at := c.at;
    NEW.agent_id := c.agent_id;
    IF NEW.field IN ('created', 'status', 'priority', 'escalation_level', 'reopen_count', 'channel') THEN
        NEW.old_value := c.old_value #>> '{}';
        NEW.new_value := c.new_value #>> '{}';
    END IF;
    RETURN NEW;
END
$$;
-- (After `stamp`, whose scopes it replaces.)
CREATE TRIGGER verify_history BEFORE INSERT ON crm.ticket_event FOR EACH ROW EXECUTE FUNCTION app.verify_history();
-- The trigger is the check: it admits only the author's own changes,
-- including one that handed the ticket to a team the author cannot see.
ALTER POLICY add ON crm.ticket_event WITH CHECK (app.agent_id() IS NOT NULL);

-- The scopes of a ticket another row refers to, for its author: the
-- ticket's when the author can see it; refused otherwise (a ticket that does
-- not exist alike), so that nobody can touch or learn about a ticket out of
-- reach.
CREATE FUNCTION app.ticket_scopes(p_ticket uuid) RETURNS text[]
    LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS
$$
DECLARE
    s text[];
BEGIN
    SELECT t.scopes INTO s FROM crm.ticket t WHERE t.id = p_ticket;
    IF s IS NOT NULL AND (s && app.my_scopes() OR app.trusted_session()) THEN
        RETURN s;
    END IF;
    RAISE EXCEPTION 'the ticket is not visible to you' USING ERRCODE = '42501', DETAIL = 'ticket_not_visible';
END
$$;

-- Which scopes a row belongs to, from the row alone: a ticket's team and
-- assignee, a conflict's own list, the organisation for the rest. (Rows
-- that refer to a ticket take its scopes in the stamp trigger.) Pure: it
-- reads no table, so it tells nobody anything.
CREATE OR REPLACE FUNCTION app.scopes_of(entity text, r jsonb) RETURNS text[]
    LANGUAGE plpgsql IMMUTABLE SET search_path = pg_catalog, pg_temp AS
$$
DECLARE
    out text[] := ARRAY[]::text[];
BEGIN
    IF entity = 'ticket' THEN
        IF r->>'team_id' IS NOT NULL THEN out := out || ('team:' || (r->>'team_id')); END IF;
        IF r->>'assignee_id' IS NOT NULL THEN out := out || ('agent:' || (r->>'assignee_id')); END IF;
        IF cardinality(out) = 0 THEN out := ARRAY['unassigned']; END IF;
        RETURN out;
    ELSIF entity = 'conflict' THEN
        RETURN ARRAY(SELECT jsonb_array_elements_text(r->'scopes'));
    END IF;
    RETURN ARRAY['org'];
END
$$;
ALTER FUNCTION app.scopes_of(text, jsonb) SECURITY INVOKER;

-- The stamp: rows that refer to a ticket live in its scopes (history rows
-- get theirs from app.verify_history; the owner's restamping after a
-- hand-off reads the ticket directly).
CREATE OR REPLACE FUNCTION app.stamp_row() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    NEW.rev := coalesce(OLD.rev, 0) + 1;
    NEW.updated_at := pg_catalog.clock_timestamp();
    IF TG_OP = 'INSERT' THEN
        NEW.created_at := pg_catalog.clock_timestamp();
        NEW.created_by := coalesce(app.agent_id(), NEW.created_by);
    ELSE
        NEW.created_at := OLD.created_at;
        NEW.created_by := OLD.created_by;
    END IF;
    IF TG_ARGV[0] IN ('ticket', 'conflict') THEN
        NEW.scopes := app.scopes_of(TG_ARGV[0], pg_catalog.to_jsonb(NEW));
    ELSIF TG_ARGV[0] = 'ticket_event' THEN
        NULL; -- set by app.verify_history on insert; only the owner's move updates them
    ELSIF TG_ARGV[0] IN ('interaction', 'csat_response') THEN
        IF NEW.ticket_id IS NULL THEN
            NEW.scopes := ARRAY['org'];
        ELSIF current_user OPERATOR(pg_catalog.=) 'crm_owner'::name THEN
            NEW.scopes := (SELECT t.scopes FROM crm.ticket t WHERE t.id = NEW.ticket_id);
        ELSE
            NEW.scopes := app.ticket_scopes(NEW.ticket_id);
        END IF;
    ELSE
        NEW.scopes := ARRAY['org'];
    END IF;
    RETURN NEW;
END
$$;

-- Interactions and survey responses on a ticket live in its scopes: a
-- team's confidential notes stay with the team (and supervisors), and no
-- copy holds an interaction whose ticket it lacks.
ALTER POLICY add ON crm.interaction WITH CHECK (ticket_id IS NULL OR scopes = app.ticket_scopes(ticket_id));
ALTER POLICY add ON crm.csat_response WITH CHECK (ticket_id IS NULL OR scopes = app.ticket_scopes(ticket_id));
CREATE INDEX interaction_ticket ON crm.interaction (ticket_id) WHERE ticket_id IS NOT NULL;
CREATE INDEX csat_response_ticket ON crm.csat_response (ticket_id) WHERE ticket_id IS NOT NULL;
UPDATE crm.interaction i SET scopes = t.scopes FROM crm.ticket t WHERE t.id = i.ticket_id;
UPDATE crm.csat_response r SET scopes = t.scopes FROM crm.ticket t WHERE t.id = r.ticket_id;

-- A ticket's rows move with it: history, interactions, survey responses.
CREATE OR REPLACE FUNCTION app.move_ticket_events() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS
$$
BEGIN
    UPDATE crm.ticket_event SET scopes = NEW.scopes WHERE ticket_id = NEW.id;
    UPDATE crm.interaction SET scopes = NEW.scopes WHERE ticket_id = NEW.id;
    UPDATE crm.csat_response SET scopes = NEW.scopes WHERE ticket_id = NEW.id;
    RETURN NULL;
END
$$;

-- Where a ticket may go that its author will not read any more (a routing
-- at creation, an escalation to another team): a live team, and if an
-- agent, a live active one of that team. Never nowhere: a ticket with
-- neither team nor agent, or one given to a removed agent, would be lost to
-- everyone.
CREATE FUNCTION app.valid_handoff(p_team uuid, p_assignee uuid) RETURNS boolean
    LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS
$$
BEGIN
    RETURN p_team IS NOT NULL AND EXISTS (SELECT 1 FROM crm.team t WHERE t.id = p_team AND t.deleted_at IS NULL)
       AND (p_assignee IS NULL OR EXISTS (SELECT 1 FROM crm.agent a WHERE a.id = p_assignee AND a.team_id = p_team
                                                                       AND a.deleted_at IS NULL AND a.active));
END
$$;
ALTER POLICY add ON crm.ticket WITH CHECK (scopes && (SELECT app.my_scopes()) OR app.valid_handoff(team_id, assignee_id));
ALTER POLICY change ON crm.ticket USING (scopes && (SELECT app.my_scopes()))
    WITH CHECK (scopes && (SELECT app.my_scopes()) OR app.valid_handoff(team_id, assignee_id));

-- A ticket as an agent writes it. A new one starts new or open (a ticket
-- born solved would count as a resolution nobody worked) and goes, without
-- a team or an assignee, to the agent's team (or, without one, to the
-- agent), as the app does. Status changes follow the workflow whichever way
-- they come; the team and the assignee are live ones, and never both empty.
CREATE FUNCTION app.check_ticket() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS
$$
DECLARE
    me crm.agent;
    refusal text;
BEGIN
    IF app.trusted_session() THEN
        RETURN NEW;
    END IF;
    SELECT * INTO me FROM crm.agent a WHERE a.id = app.agent_id();
    IF me.id IS NULL THEN
        RAISE EXCEPTION 'not an active agent' USING ERRCODE = '42501', DETAIL = 'not_an_agent';
    END IF;
    IF TG_OP = 'UPDATE' THEN
        refusal := sync.status_refusal(OLD.status, NEW.status);
        IF refusal IS NOT NULL THEN
            RAISE EXCEPTION 'status change refused' USING ERRCODE = 'MD013', DETAIL = refusal;
        END IF;
    ELSE
        IF NEW.status NOT IN ('new', 'open') THEN
            RAISE EXCEPTION 'a new ticket is new or open' USING ERRCODE = '23514', DETAIL = 'ticket_starts_open';
        END IF;
        IF NEW.team_id IS NULL AND NEW.assignee_id IS NULL THEN
            IF me.team_id IS NOT NULL THEN
                NEW.team_id := me.team_id;
            ELSE
                NEW.assignee_id := me.id;
            END IF;
        END IF;
    END IF;
    IF NEW.team_id IS NULL AND NEW.assignee_id IS NULL THEN
        RAISE EXCEPTION 'a ticket needs a team or an agent' USING ERRCODE = '23514', DETAIL = 'ticket_without_team';
    END IF;
    IF (TG_OP = 'INSERT' OR NEW.team_id IS DISTINCT FROM OLD.team_id) AND NEW.team_id IS NOT NULL
       AND NOT EXISTS (SELECT 1 FROM crm.team t WHERE t.id = NEW.team_id AND t.deleted_at IS NULL) THEN
        RAISE EXCEPTION 'no such team' USING ERRCODE = '23514', DETAIL = 'no_such_team';
    END IF;
    IF (TG_OP = 'INSERT' OR NEW.assignee_id IS DISTINCT FROM OLD.assignee_id) AND NEW.assignee_id IS NOT NULL
       AND NOT EXISTS (SELECT 1 FROM crm.agent a WHERE a.id = NEW.assignee_id AND a.deleted_at IS NULL AND a.active) THEN
        RAISE EXCEPTION 'no such agent' USING ERRCODE = '23514', DETAIL = 'no_such_agent';
    END IF;
    RETURN NEW;
END
$$;
-- (Before `stamp`, which derives the scopes from the team and assignee.)
CREATE TRIGGER check_ticket BEFORE INSERT OR UPDATE OF status, team_id, assignee_id ON crm.ticket
    FOR EACH ROW EXECUTE FUNCTION app.check_ticket();

-- A hand-off by the push: PostgreSQL checks a row updated by key against
-- the read policy too, so moving a ticket the author can see to a team it
-- cannot is done here, as the owner, after the same checks the policies
-- make: the author sees the ticket now, writes only columns it may write,
-- and the ticket goes where it may (app.valid_handoff).
CREATE FUNCTION sync.hand_off(p_ticket uuid, p_values jsonb) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS
$$
DECLARE
    t crm.ticket;
    k text;
    cols text;
BEGIN
    SELECT * INTO t FROM crm.ticket WHERE id = p_ticket;
    IF t.id IS NULL OR NOT (t.scopes && app.my_scopes()) THEN
        RAISE EXCEPTION 'row not visible' USING ERRCODE = 'MD012', DETAIL = 'not_visible';
    END IF;
    FOR k IN SELECT jsonb_object_keys(p_values) LOOP
        IF NOT EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = 'crm.ticket'::regclass AND a.attname = k AND a.attnum > 0
                                                       AND NOT a.attisdropped)
           OR NOT has_column_privilege(session_user, 'crm.ticket'::regclass, k, 'UPDATE') THEN
            RAISE EXCEPTION 'permission denied for column %', k USING ERRCODE = '42501';
        END IF;
    END LOOP;
    t := jsonb_populate_record(t, p_values);
    IF NOT (app.scopes_of('ticket', to_jsonb(t)) && app.my_scopes() OR app.valid_handoff(t.team_id, t.assignee_id)) THEN
        RAISE EXCEPTION 'not a place a ticket can go' USING ERRCODE = '42501', DETAIL = 'invalid_handoff';
    END IF;
    cols := (SELECT string_agg(quote_ident(key), ', ' ORDER BY key) FROM jsonb_object_keys(p_values) key);
    -- Column names checked against the catalog above.
    EXECUTE format('UPDATE crm.ticket SET (%1$s) = (SELECT %1$s FROM jsonb_populate_record(NULL::crm.ticket, $2)) WHERE id = $1', cols)
        USING p_ticket, p_values;
END
$$;

-- The handling agent is the session's; a lead may log for a member of the
-- team, a supervisor or an admin for anyone (created_by names who logged it).
CREATE FUNCTION app.handling_agent() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS
$$
DECLARE
    me crm.agent;
BEGIN
    IF app.trusted_session() THEN
        RETURN NEW;
    END IF;
    SELECT * INTO me FROM crm.agent a WHERE a.id = app.agent_id();
    IF me.id IS NULL THEN
        RAISE EXCEPTION 'not an active agent' USING ERRCODE = '42501', DETAIL = 'not_an_agent';
    END IF;
    IF NEW.agent_id IS NOT NULL AND NEW.agent_id <> me.id
       AND (me.role IN ('supervisor', 'admin')
            OR (me.role = 'lead' AND EXISTS (SELECT 1 FROM crm.agent a WHERE a.id = NEW.agent_id AND a.team_id = me.team_id
                                                                           AND a.deleted_at IS NULL AND a.active))) THEN
        RETURN NEW;
    END IF;
    NEW.agent_id := me.id;
    RETURN NEW;
END
$$;
CREATE TRIGGER handling_agent BEFORE INSERT ON crm.interaction FOR EACH ROW EXECUTE FUNCTION app.handling_agent();

-- Conflicts are recorded for the session's own client, in its own scope
-- and, shared, in the scopes of a row the session can see: nobody plants a
-- conflict in another team's scope or learns where a hidden row lives.
CREATE OR REPLACE FUNCTION sync.record_conflict(p_entity text, p_row uuid, p_field text, p_base jsonb, p_theirs jsonb, p_yours jsonb,
                                                p_resolution text, p_detail jsonb, p_client uuid, p_mutation bigint, p_share boolean)
    RETURNS void LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS
$$
DECLARE
    tbl regclass := (SELECT e.tbl FROM sync.entity e WHERE e.name = p_entity);
    row_scopes text[] := ARRAY[]::text[];
    author uuid := app.agent_id();
    mine text[] := app.my_scopes();
    v_scopes text[];
BEGIN
    -- Only for a change of the session's own client that is being applied
    -- now (above what the client has applied so far).
    IF NOT app.trusted_session()
       AND (author IS NULL
            OR NOT EXISTS (SELECT 1 FROM sync.client c WHERE c.client_id = p_client AND c.agent_role = session_user
                                                         AND p_mutation > c.last_mutation_id)) THEN
        RAISE EXCEPTION 'not a change of yours being applied' USING ERRCODE = '42501';
    END IF;
    IF p_share AND tbl IS NOT NULL AND p_entity <> 'conflict' THEN
        EXECUTE format('SELECT scopes FROM %s WHERE id = $1 AND ($2 IS NULL OR scopes && $3)', tbl) INTO row_scopes USING p_row, author, mine;
    END IF;
    v_scopes := CASE WHEN author IS NULL THEN ARRAY[]::text[] ELSE ARRAY['agent:' || author::text] END
              || coalesce(row_scopes, ARRAY[]::text[]);
    IF cardinality(v_scopes) = 0 THEN
        v_scopes := ARRAY['org'];
    END IF;
    INSERT INTO sync.conflict (id, entity, row_id, field, base, theirs, yours, resolution, detail, client_id, mutation_id,
                               agent_role, scopes)
    VALUES (gen_random_uuid(), p_entity, p_row, p_field, p_base, p_theirs, p_yours, p_resolution, p_detail, p_client,
            p_mutation, session_user, ARRAY(SELECT DISTINCT unnest(v_scopes)));
END
$$;

-- A deleted customer's personal data leaves every copy: the tombstone that
-- every copy receives is scrubbed (so are the customer's contacts, deleted
-- with it). For agents a deletion is final.
CREATE FUNCTION app.scrub_deleted() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS
$$
BEGIN
    IF OLD.deleted_at IS NOT NULL THEN
        IF NOT app.trusted_session() THEN
            RAISE EXCEPTION 'a deleted record stays deleted' USING ERRCODE = '23514', DETAIL = 'deleted_is_final';
        END IF;
        RETURN NEW;
    END IF;
    IF NEW.deleted_at IS NULL THEN
        RETURN NEW;
    END IF;
    IF TG_TABLE_NAME = 'customer' THEN
        NEW.name := '-';
        NEW.name_reading := '';
        NEW.address := '';
        NEW.tags := '[]';
        NEW.notes := '';
    ELSE
        NEW.value := '-';
        NEW.label := '';
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER scrub_deleted BEFORE UPDATE ON crm.customer FOR EACH ROW EXECUTE FUNCTION app.scrub_deleted();
CREATE TRIGGER scrub_deleted BEFORE UPDATE ON crm.customer_contact FOR EACH ROW EXECUTE FUNCTION app.scrub_deleted();

CREATE FUNCTION app.delete_contacts() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS
$$
BEGIN
    UPDATE crm.customer_contact SET deleted_at = NEW.deleted_at WHERE customer_id = NEW.id AND deleted_at IS NULL;
    RETURN NULL;
END
$$;
CREATE TRIGGER delete_contacts AFTER UPDATE OF deleted_at ON crm.customer FOR EACH ROW
    WHEN (OLD.deleted_at IS NULL AND NEW.deleted_at IS NOT NULL) EXECUTE FUNCTION app.delete_contacts();
-- Rows deleted before this version are scrubbed now.
UPDATE crm.customer_contact SET value = '-', label = '' WHERE deleted_at IS NOT NULL
    OR customer_id IN (SELECT id FROM crm.customer WHERE deleted_at IS NOT NULL);
UPDATE crm.customer SET name = '-', name_reading = '', address = '', tags = '[]', notes = '' WHERE deleted_at IS NOT NULL;

-- A conflict is its author's to resolve.
ALTER POLICY change ON sync.conflict USING (scopes && (SELECT app.my_scopes()) AND created_by = app.agent_id())
    WITH CHECK (scopes && (SELECT app.my_scopes()) AND created_by = app.agent_id());
-- The push's bookkeeping: an agent records outcomes for its own clients only.
ALTER POLICY mutation_own ON sync.mutation USING (agent_role = session_user)
    WITH CHECK (agent_role = session_user AND client_id IN (SELECT c.client_id FROM sync.client c WHERE c.agent_role = session_user));

-- Retention keeps at least a day of changes.
CREATE OR REPLACE FUNCTION sync.retain(p_keep interval) RETURNS bigint
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS
$$
DECLARE
    horizon xid8;
    removed bigint;
BEGIN
    IF p_keep IS NULL OR p_keep < interval '1 day' THEN
        RAISE EXCEPTION 'changes are kept for at least a day' USING ERRCODE = '22023';
    END IF;
    INSERT INTO sync.horizon DEFAULT VALUES;
    SELECT h.xid INTO horizon FROM sync.horizon h WHERE h.taken_at <= clock_timestamp() - p_keep ORDER BY h.taken_at DESC LIMIT 1;
    IF horizon IS NULL THEN
        RETURN 0;
    END IF;
    DELETE FROM sync.change c WHERE c.xid < horizon;
    GET DIAGNOSTICS removed = ROW_COUNT;
    UPDATE sync.meta SET retained_from = greatest(retained_from, horizon);
    DELETE FROM sync.horizon h WHERE h.xid < horizon;
    RETURN removed;
END
$$;

-- The SLA clocks follow the server's record of the status, not history rows.
DROP TRIGGER sla_touch ON crm.ticket_event;
CREATE OR REPLACE FUNCTION sync.refresh_sla(p_ticket uuid) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS
$$
DECLARE
    t crm.ticket;
    h_at bigint[];
    h_status text[];
    f record;
BEGIN
    -- Locked first, then its record read: a concurrent change of the
    -- ticket is either waited for or not begun, never half seen.
    SELECT * INTO t FROM crm.ticket WHERE id = p_ticket FOR NO KEY UPDATE;
    IF NOT FOUND THEN
        RETURN;
    END IF;
    SELECT array_agg(sync.ms(c.at) ORDER BY c.at, c.id), array_agg(c.new_value #>> '{}' ORDER BY c.at, c.id)
      INTO h_at, h_status
      FROM sync.ticket_change c
     WHERE c.ticket_id = p_ticket AND c.field IN ('created', 'status');
    f := sync.ticket_sla(t, h_at, h_status);
    IF NOT f.known THEN
        RETURN;
    END IF;
    UPDATE crm.ticket
       SET first_response_due = sync.instant(f.fr_due), resolution_due = sync.instant(f.res_due),
           first_response_business_min = f.fr_business, resolution_business_min = f.res_business
     WHERE id = p_ticket
       AND (sync.ms(first_response_due), sync.ms(resolution_due), first_response_business_min, resolution_business_min)
           IS DISTINCT FROM (f.fr_due, f.res_due, f.fr_business, f.res_business);
END
$$;

-- The record of the tickets served so far: their history rows as the
-- server stamped them (version 4 counted them so).
INSERT INTO sync.ticket_change (ticket_id, field, old_value, new_value, at, server_at, agent_role, agent_id, event_id)
SELECT e.ticket_id, e.field, to_jsonb(e.old_value), to_jsonb(e.new_value), e.created_at, e.created_at,
       coalesce(a.agent_role, 'crm_owner'), e.agent_id, e.id
  FROM crm.ticket_event e LEFT JOIN crm.agent a ON a.id = e.created_by
 ORDER BY e.created_at, e.at;

CREATE OR REPLACE FUNCTION sync.apply_v1(p_client uuid, p_mutation bigint, m jsonb, p_writable text[], p_check_history boolean,
                              OUT status text, OUT detail jsonb)
    LANGUAGE plpgsql AS
$$
DECLARE
    v_entity text := m->>'entity';
    op text := m->>'op';
    row_id uuid := (m->>'row')::uuid;
    tbl regclass := (SELECT e.tbl FROM sync.entity e WHERE e.name = m->>'entity');
    payload jsonb := coalesce(m->'payload', '{}');
    cols text[];
    cur jsonb;
    newv jsonb;
    basev jsonb;
    v_field text;
    cur_value jsonb;
    new_value jsonb;
    base_value jsonb;
    policy text;
    result jsonb := '{}';
    notes jsonb := '[]';
    refusal text;
    ranks constant text[] := ARRAY['low', 'normal', 'high', 'urgent'];
    policies jsonb := (SELECT jsonb_object_agg(p.field, p.policy) FROM sync.field_policy p WHERE p.entity = m->>'entity');
    list text;
    existed boolean;
BEGIN
    status := 'applied';
    IF tbl IS NULL THEN
        RAISE EXCEPTION 'unknown entity' USING ERRCODE = 'MD010', DETAIL = 'unknown_entity';
    END IF;
    -- The columns this mutation may write (see sync.writable_columns).
    cols := ARRAY(SELECT c FROM unnest(p_writable) c WHERE payload ? c);
    IF cardinality(cols) = 0 THEN
        cols := NULL;
    END IF;

    IF op = 'insert' THEN
        -- A history row must record a change the server applied for this
        -- agent (sync.ticket_change). One that lost to another agent's or
        -- was refused would tell what did not happen: it is dropped (the
        -- losing value is in the conflict) and the client removes its copy.
        -- The row's own trigger (app.verify_history) enforces the same for
        -- any other way in.
        IF v_entity = 'ticket_event' AND NOT sync.matching_change((payload->>'ticket_id')::uuid, payload->>'field', payload->>'new_value') THEN
            status := 'merged';
            detail := jsonb_build_object('dropped', 'the change it records did not apply');
            RETURN;
        END IF;
        IF cols IS NULL THEN
            cols := ARRAY[]::text[];
        END IF;
        -- Idempotent by key: a row that exists already is left as it is.
        -- (No RETURNING: it would require the new row to be readable, and a
        -- ticket may be routed to a team its author does not read.)
        EXECUTE format('EXECUTE %I(%L)', sync.prepared(format('SELECT EXISTS (SELECT 1 FROM %s WHERE id = $1)', tbl), 'uuid'), row_id)
            INTO existed;
        IF existed THEN
            detail := jsonb_build_object('existing', true);
            RETURN;
        END IF;
        -- (No ON CONFLICT either, which checks the new row like RETURNING;
        -- a row that exists out of the author's reach fails on its key.)
        list := (SELECT coalesce(string_agg(', ' || quote_ident(c), ''), '') FROM unnest(cols) c);
        EXECUTE format('EXECUTE %I(%L, %L)',
                       sync.prepared(format('INSERT INTO %1$s (id%2$s) SELECT $1%2$s FROM jsonb_populate_record(NULL::%1$s, $2)', tbl, list),
                                     'uuid, jsonb'),
                       row_id, payload);
        IF v_entity = 'ticket' AND NOT EXISTS (SELECT 1 FROM crm.ticket t WHERE t.id = row_id) THEN
            -- Routed out of the author's reach: its copy leaves with the next pull.
            status := 'merged';
            detail := jsonb_build_object('handed_on', true);
        ELSIF v_entity = 'ticket_event' AND NOT EXISTS (SELECT 1 FROM crm.ticket t WHERE t.id = (payload->>'ticket_id')::uuid) THEN
            -- The history of a ticket handed on: it leaves with the ticket.
            status := 'merged';
            detail := jsonb_build_object('handed_on', true);
        ELSIF v_entity = 'ticket' AND payload->>'team_id' IS NULL AND payload->>'assignee_id' IS NULL THEN
            -- Given the author's team (app.check_ticket): its copy takes it with the next pull.
            status := 'merged';
            detail := jsonb_build_object('team_given', true);
        END IF;
        RETURN;
    END IF;
    IF op NOT IN ('update', 'delete') THEN
        RAISE EXCEPTION 'unknown operation' USING ERRCODE = 'MD011', DETAIL = 'unknown_operation';
    END IF;

    EXECUTE format('EXECUTE %I(%L)', sync.prepared(format('SELECT to_jsonb(t) FROM %s t WHERE id = $1 FOR UPDATE', tbl), 'uuid'), row_id)
        INTO cur;
    IF cur IS NULL THEN
        RAISE EXCEPTION 'row not visible' USING ERRCODE = 'MD012', DETAIL = 'not_visible';
    END IF;
    IF cols IS NULL THEN
        status := 'applied';
        detail := jsonb_build_object('ignored', true);
        RETURN;
    END IF;
    -- Values in the column's own type, so that '2026-11-22T01:00:00.000Z'
    -- and '2026-11-22T01:00:00+00:00' compare equal.
    EXECUTE format('EXECUTE %I(%L, %L)',
                   sync.prepared(format('SELECT to_jsonb(jsonb_populate_record(NULL::%1$s, $1)), to_jsonb(jsonb_populate_record(NULL::%1$s, $2))',
                                        tbl), 'jsonb, jsonb'),
                   payload, coalesce(m->'base', '{}'))
        INTO newv, basev;

    FOREACH v_field IN ARRAY cols LOOP
        cur_value := cur->v_field;
        new_value := newv->v_field;
        base_value := basev->v_field;
        IF cur_value IS NOT DISTINCT FROM new_value THEN
            CONTINUE;                       -- already so (a retry, or both made the same change)
        END IF;
        policy := coalesce(policies->>v_field, policies->>'*', 'later_arrival');
        IF policy = 'status' THEN
            IF cur_value IS NOT DISTINCT FROM base_value THEN
                refusal := sync.status_refusal(cur->>v_field, newv->>v_field);
                IF refusal IS NOT NULL THEN
                    RAISE EXCEPTION 'status change refused' USING ERRCODE = 'MD013', DETAIL = refusal;
                END IF;
                result := result || jsonb_build_object(v_field, new_value);
            ELSE
                -- Someone else moved the status first: theirs stands.
                PERFORM sync.record_conflict(v_entity, row_id, v_field, base_value, cur_value, new_value, 'kept_theirs', NULL,
                                             p_client, p_mutation, true);
                status := 'conflict';
            END IF;
        ELSIF cur_value IS NOT DISTINCT FROM base_value THEN
            result := result || jsonb_build_object(v_field, new_value);
        ELSIF policy = 'later_arrival' THEN
            result := result || jsonb_build_object(v_field, new_value);
            PERFORM sync.record_conflict(v_entity, row_id, v_field, base_value, cur_value, new_value, 'replaced_theirs', NULL,
                                         p_client, p_mutation, true);
            notes := notes || jsonb_build_object('field', v_field, 'replaced', cur_value);
        ELSIF policy = 'max_rank' THEN
            IF array_position(ranks, new_value #>> '{}') > array_position(ranks, cur_value #>> '{}') THEN
                result := result || jsonb_build_object(v_field, new_value);
            ELSIF status = 'applied' THEN
                status := 'merged';
            END IF;
            notes := notes || jsonb_build_object('field', v_field, 'kept_higher', true);
        ELSIF policy = 'set' THEN
            -- (server ∪ added) − removed, keeping the server's order.
            result := result || jsonb_build_object(v_field, (
                SELECT coalesce(jsonb_agg(v ORDER BY o), '[]') FROM (
                    SELECT v, min(o) AS o FROM (
                        SELECT v, o FROM jsonb_array_elements(cur_value) WITH ORDINALITY AS s(v, o)
                        UNION ALL
                        SELECT v, 1000000 + o FROM jsonb_array_elements(new_value) WITH ORDINALITY AS s(v, o)
                         WHERE NOT coalesce(base_value, '[]') @> jsonb_build_array(v)
                    ) u
                    WHERE NOT (coalesce(base_value, '[]') @> jsonb_build_array(v) AND NOT new_value @> jsonb_build_array(v))
                    GROUP BY v
                ) merged));
            IF status = 'applied' THEN
                status := 'merged';
            END IF;
        ELSE
            -- first_writer: the server's value stands; the client's is kept.
            PERFORM sync.record_conflict(v_entity, row_id, v_field, base_value, cur_value, new_value, 'kept_theirs', NULL,
                                         p_client, p_mutation, true);
            status := 'conflict';
        END IF;
    END LOOP;

    IF result <> '{}' AND v_entity = 'ticket' AND (result ? 'team_id' OR result ? 'assignee_id') THEN
        -- A hand-off may leave the author's reach (see sync.hand_off).
        PERFORM sync.hand_off(row_id, result);
    ELSIF result <> '{}' THEN
        list := (SELECT string_agg(quote_ident(k), ', ' ORDER BY k) FROM jsonb_object_keys(result) k);
        EXECUTE format('EXECUTE %I(%L, %L)',
                       sync.prepared(format('UPDATE %1$s SET (%2$s) = (SELECT %2$s FROM jsonb_populate_record(NULL::%1$s, $2)) WHERE id = $1',
                                            tbl, list), 'uuid, jsonb'),
                       row_id, result);
    END IF;
    IF notes <> '[]' THEN
        detail := jsonb_build_object('notes', notes);
    END IF;
END
$$;
-- No function of the server's schemas is PUBLIC's to run. Agents get, by
-- name, what the client calls (the push, the pull's head query) and what
-- runs as the agent inside those calls, the stamp trigger and the
-- row-level security policies; admins get retention. Trigger functions
-- need no grant to fire. tests/tst_serversecurity.cpp holds the catalog to
-- docs/server-allowlist.txt.
DO $$
DECLARE
    f regprocedure;
BEGIN
    FOR f IN SELECT p.oid::regprocedure FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
              WHERE n.nspname IN ('app', 'crm', 'sync') LOOP
        EXECUTE format('REVOKE ALL ON FUNCTION %s FROM PUBLIC', f);
        EXECUTE format('REVOKE ALL ON FUNCTION %s FROM crm_agent, crm_lead, crm_supervisor, crm_admin', f);
    END LOOP;
END
$$;
GRANT EXECUTE ON FUNCTION app.my_scopes(), app.agent_id(), app.scopes_of(text, jsonb), app.ticket_scopes(uuid),
    app.valid_handoff(uuid, uuid),
    sync.push_v1(uuid, integer, text, jsonb), sync.apply_v1(uuid, bigint, jsonb, text[], boolean),
    sync.insert_many_v1(text, jsonb, text[]), sync.writable_columns(text, text), sync.prepared(text, text),
    sync.record_conflict(text, uuid, text, jsonb, jsonb, jsonb, text, jsonb, uuid, bigint, boolean),
    sync.matching_change(uuid, text, text), sync.hand_off(uuid, jsonb), sync.status_refusal(text, text) TO crm_agent;
GRANT EXECUTE ON FUNCTION sync.retain(interval) TO crm_admin;

RESET ROLE;
