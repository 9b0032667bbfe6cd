-- Madoguchi team server, version 3: the push function, its merge rules, the
-- server-owned ticket facts and conflicts as synced rows.
--
-- A client pushes its outbox in order with sync.push_v1(). Each mutation
-- carries a per-client id; the server records every id it applied in
-- sync.mutation in the same transaction as the effects, so a retry after a
-- lost connection applies nothing twice. Updates carry the base values the
-- client saw and merge field by field against the current row
-- (sync.field_policy). Every losing value is kept in sync.conflict, which
-- syncs back to the author.

SET LOCAL ROLE crm_owner;

-- The synced entities a client may push, and where they live.
CREATE TABLE sync.entity (
    name text PRIMARY KEY,
    tbl  regclass NOT NULL
);
ALTER TABLE sync.entity ENABLE ROW LEVEL SECURITY;
ALTER TABLE sync.entity FORCE ROW LEVEL SECURITY;
CREATE POLICY entity_read ON sync.entity FOR SELECT TO crm_agent USING (true);
CREATE POLICY entity_owner ON sync.entity TO crm_owner USING (true) WITH CHECK (true);
GRANT SELECT ON sync.entity TO crm_agent;
INSERT INTO sync.entity (name, tbl) VALUES
    ('team', 'crm.team'), ('agent', 'crm.agent'), ('organization', 'crm.organization'), ('customer', 'crm.customer'),
    ('customer_contact', 'crm.customer_contact'), ('customer_merge', 'crm.customer_merge'), ('calendar', 'crm.calendar'),
    ('sla_policy', 'crm.sla_policy'), ('category', 'crm.category'), ('canned_response', 'crm.canned_response'),
    ('ticket', 'crm.ticket'), ('ticket_event', 'crm.ticket_event'), ('interaction', 'crm.interaction'),
    ('csat_response', 'crm.csat_response'), ('conflict', 'sync.conflict');

-- How a field merges when the server's value moved away from the base the
-- client saw (field '*': the entity's default; no row: later arrival wins).
--   first_writer   keep the server's value, record a conflict for the author
--   later_arrival  take the arriving value, log the value it replaced
--   status         the ticket workflow: validated against the server's state
--   max_rank       the higher priority wins (escalations are never lost)
--   set            a JSON array merged by the additions and removals made
CREATE TABLE sync.field_policy (
    entity text NOT NULL,
    field  text NOT NULL,
    policy text NOT NULL CHECK (policy IN ('first_writer', 'later_arrival', 'status', 'max_rank', 'set')),
    PRIMARY KEY (entity, field)
);
ALTER TABLE sync.field_policy ENABLE ROW LEVEL SECURITY;
ALTER TABLE sync.field_policy FORCE ROW LEVEL SECURITY;
CREATE POLICY field_policy_read ON sync.field_policy FOR SELECT TO crm_agent USING (true);
CREATE POLICY field_policy_owner ON sync.field_policy TO crm_owner USING (true) WITH CHECK (true);
GRANT SELECT ON sync.field_policy TO crm_agent;
INSERT INTO sync.field_policy (entity, field, policy) VALUES
    ('ticket', '*', 'first_writer'),
    ('ticket', 'status', 'status'),
    ('ticket', 'priority', 'max_rank'),
    ('ticket', 'tags', 'set'),
    ('ticket', 'customer_id', 'later_arrival'),   -- customer merges re-parent tickets
    ('ticket', 'deleted_at', 'later_arrival'),
    ('customer', 'name', 'first_writer'),         -- identity: a wrong merge is expensive
    ('customer', 'name_reading', 'first_writer'),
    ('customer', 'tags', 'set'),
    ('organization', 'name', 'first_writer'),
    ('canned_response', 'add_tags', 'set');

-- Why the workflow refuses a status change; NULL when it allows it. The
-- same rules as the client's (domain/ticketworkflow).
-- (Called per mutation: no SET clause, so it can be inlined; it names
-- nothing outside pg_catalog, which is always searched first.)
CREATE FUNCTION sync.status_refusal(from_status text, to_status text) RETURNS text
    LANGUAGE sql IMMUTABLE AS
$$
    SELECT CASE
        WHEN from_status = to_status THEN NULL
        WHEN from_status = 'closed' THEN 'closed_is_final'
        WHEN to_status = 'new' THEN 'no_return_to_new'
        WHEN to_status = 'closed' AND from_status <> 'solved' THEN 'close_after_solve'
        WHEN from_status = 'solved' AND to_status NOT IN ('open', 'closed') THEN 'solved_reopen_or_close'
    END
$$;

-- Tickets may be handed to another team or agent (escalation, routing), so
-- a ticket an agent can see may be written into scopes the agent cannot.
ALTER POLICY add ON crm.ticket WITH CHECK (true);
ALTER POLICY change ON crm.ticket USING (scopes && (SELECT app.my_scopes())) WITH CHECK (true);
-- A customer merge re-parents tickets, interactions and survey responses.
GRANT UPDATE (customer_id) ON crm.ticket, crm.interaction, crm.csat_response TO crm_agent;
ALTER POLICY change ON crm.interaction USING (scopes && (SELECT app.my_scopes())) WITH CHECK (true);

-- The ticket facts the server owns, on the server's clock: when it was
-- solved and closed, how often it was reopened, its first response (an
-- interaction that reached the customer). Clients cannot write them
-- (column grants); they arrive with the next pull.
CREATE FUNCTION app.ticket_facts() RETURNS trigger
    LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS
$$
BEGIN
    IF TG_OP = 'INSERT' THEN
        NEW.solved_at := CASE WHEN NEW.status IN ('solved', 'closed') THEN clock_timestamp() END;
        NEW.closed_at := CASE WHEN NEW.status = 'closed' THEN clock_timestamp() END;
        NEW.reopen_count := 0;
    ELSIF NEW.status IS DISTINCT FROM OLD.status THEN
        IF NEW.status = 'solved' THEN
            NEW.solved_at := clock_timestamp();
        ELSIF NEW.status = 'closed' THEN
            NEW.closed_at := clock_timestamp();
            NEW.solved_at := coalesce(OLD.solved_at, clock_timestamp());
        ELSIF OLD.status = 'solved' THEN
            NEW.solved_at := NULL;
            NEW.reopen_count := OLD.reopen_count + 1;
        END IF;
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER ticket_facts BEFORE INSERT OR UPDATE OF status ON crm.ticket
    FOR EACH ROW EXECUTE FUNCTION app.ticket_facts();

CREATE FUNCTION app.first_response() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS
$$
BEGIN
    IF NEW.ticket_id IS NOT NULL AND (NEW.direction = 'outbound' OR NEW.channel IN ('phone', 'chat', 'visit')) THEN
        UPDATE crm.ticket SET first_responded_at = clock_timestamp()
         WHERE id = NEW.ticket_id AND first_responded_at IS NULL;
    END IF;
    RETURN NULL;
END
$$;
CREATE TRIGGER first_response AFTER INSERT ON crm.interaction
    FOR EACH ROW EXECUTE FUNCTION app.first_response();

-- Row-level security asks for the agent's scopes in every statement, and
-- the stamp trigger for the author in every write: as PL/pgSQL their plans
-- are kept for the session (a SQL function with SET is planned per call).
CREATE OR REPLACE FUNCTION app.my_scopes() RETURNS text[]
    LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS
$$
DECLARE
    a record;
    out text[] := ARRAY['org'];
BEGIN
    SELECT ag.id, ag.role, ag.team_id INTO a FROM crm.agent ag WHERE ag.agent_role = session_user AND ag.deleted_at IS NULL;
    IF NOT FOUND THEN
        RETURN out;
    END IF;
    out := out || ('agent:' || a.id::text);
    IF a.role IN ('supervisor', 'admin') THEN
        out := out || coalesce((SELECT array_agg('team:' || t.id::text) FROM crm.team t), ARRAY[]::text[]);
    ELSIF a.team_id IS NOT NULL THEN
        out := out || ('team:' || a.team_id::text);
    END IF;
    RETURN out;
END
$$;

CREATE OR REPLACE FUNCTION app.agent_id() RETURNS uuid
    LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS
$$
BEGIN
    RETURN (SELECT id FROM crm.agent WHERE agent_role = session_user AND deleted_at IS NULL);
END
$$;

-- The stamp trigger, made cheaper for the rows that are always the
-- organisation's (most of them): no look-up of their scopes. It runs as the
-- writer (not SECURITY DEFINER) and names everything with its schema, so
-- it needs no search_path of its own (which would cost a setting per row).
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
    IF TG_ARGV[0] IN ('ticket', 'ticket_event', 'conflict') THEN
        NEW.scopes := app.scopes_of(TG_ARGV[0], pg_catalog.to_jsonb(NEW));
    ELSE
        NEW.scopes := ARRAY['org'];
    END IF;
    RETURN NEW;
END
$$;

-- Every committed change pokes listening clients to pull (a hint: they
-- also pull on a timer). One notification per transaction.
CREATE OR REPLACE FUNCTION app.log_change() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS
$$
DECLARE
    s text;
    op char(1) := CASE WHEN NEW.deleted_at IS NULL THEN 'U' ELSE 'D' END;
BEGIN
    FOREACH s IN ARRAY NEW.scopes LOOP
        INSERT INTO sync.change (scope, entity, row_id, op, rev) VALUES (s, TG_ARGV[0], NEW.id, op, NEW.rev);
    END LOOP;
    IF TG_OP = 'UPDATE' THEN
        FOREACH s IN ARRAY OLD.scopes LOOP
            IF NOT s = ANY (NEW.scopes) THEN
                INSERT INTO sync.change (scope, entity, row_id, op, rev) VALUES (s, TG_ARGV[0], NEW.id, 'R', NEW.rev);
            END IF;
        END LOOP;
    END IF;
    PERFORM pg_notify('madoguchi_sync', '');
    RETURN NULL;
END
$$;

-- Conflicts become synced rows: their author and the row's scopes read
-- them; the author (or a teammate) marks them resolved.
ALTER TABLE sync.conflict ADD COLUMN deleted_at timestamptz;
ALTER TABLE sync.conflict ADD COLUMN created_by uuid;
ALTER TABLE sync.conflict ADD COLUMN updated_at timestamptz NOT NULL DEFAULT clock_timestamp();
ALTER TABLE sync.conflict ADD COLUMN detail jsonb;
ALTER TABLE sync.conflict ALTER COLUMN rev SET DEFAULT 0;
DROP POLICY conflict_read ON sync.conflict;

CREATE OR REPLACE FUNCTION app.scopes_of(entity text, r jsonb) RETURNS text[]
    LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS
$$
DECLARE
    out text[] := ARRAY[]::text[];
BEGIN
    IF entity = 'ticket' THEN
        IF r->>'team_id' IS NOT NULL THEN out := out || ('team:' || (r->>'team_id')); END IF;
        IF r->>'assignee_id' IS NOT NULL THEN out := out || ('agent:' || (r->>'assignee_id')); END IF;
        IF cardinality(out) = 0 THEN out := ARRAY['unassigned']; END IF;
        RETURN out;
    ELSIF entity = 'ticket_event' THEN
        RETURN coalesce((SELECT t.scopes FROM crm.ticket t WHERE t.id = (r->>'ticket_id')::uuid), ARRAY['unassigned']);
    ELSIF entity = 'conflict' THEN
        RETURN ARRAY(SELECT jsonb_array_elements_text(r->'scopes'));
    END IF;
    RETURN ARRAY['org'];
END
$$;
SELECT app.make_synced('sync.conflict', 'conflict');
CREATE INDEX conflict_client ON sync.conflict (client_id, mutation_id);
GRANT UPDATE (resolution, resolved_at) ON sync.conflict TO crm_agent;

-- Records a losing value. Runs as the owner (agents cannot insert conflicts
-- directly); the author is the session's agent. `share`: also readable in
-- the row's own scopes (its team sees a clash on a shared ticket).
CREATE FUNCTION sync.record_conflict(p_entity text, p_row uuid, p_field text, p_base jsonb, p_theirs jsonb, p_yours jsonb,
                                     p_resolution text, p_detail jsonb, p_client uuid, p_mutation bigint, p_share boolean)
    RETURNS void LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS
$$
DECLARE
    tbl regclass := (SELECT e.tbl FROM sync.entity e WHERE e.name = p_entity);
    row_scopes text[] := ARRAY[]::text[];
    author uuid := app.agent_id();
    v_scopes text[];
BEGIN
    IF p_share AND tbl IS NOT NULL AND p_entity <> 'conflict' THEN
        EXECUTE format('SELECT scopes FROM %s WHERE id = $1', tbl) INTO row_scopes USING p_row;
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
REVOKE ALL ON FUNCTION sync.record_conflict FROM PUBLIC;
GRANT EXECUTE ON FUNCTION sync.record_conflict TO crm_agent;

-- A statement prepared once per session under a name derived from its
-- text, so that applying thousands of mutations plans each shape once.
-- The text is built from catalog names by the functions below, never from
-- values (those are passed as parameters).
CREATE FUNCTION sync.prepared(p_sql text, p_types text) RETURNS text
    LANGUAGE plpgsql AS
$$
DECLARE
    v_name text := 'mdg_' || md5(p_sql);
    known text := coalesce(current_setting('madoguchi.prepared', true), '');
BEGIN
    -- The names prepared in this session, remembered in a session setting
    -- (looking them up in pg_prepared_statements costs more than the plan).
    -- A wrong value there only makes this session's own push fail.
    IF strpos(known, v_name) = 0 THEN
        IF NOT EXISTS (SELECT 1 FROM pg_prepared_statements s WHERE s.name = v_name) THEN
            EXECUTE format('PREPARE %I(%s) AS %s', v_name, p_types, p_sql);
        END IF;
        PERFORM set_config('madoguchi.prepared', known || ' ' || v_name, false);
    END IF;
    RETURN v_name;
END
$$;

-- The columns a mutation of `entity` may write: those the most trusted
-- agent role may write at all. Server-owned fields (revision, scopes, audit
-- times, SLA facts) are nobody's and are dropped; a field the agent's own
-- role may not write fails on the column grant.
CREATE FUNCTION sync.writable_columns(p_entity text, p_op text) RETURNS text[]
    LANGUAGE sql STABLE SET search_path = pg_catalog, pg_temp AS
$$
    SELECT coalesce(array_agg(a.attname::text ORDER BY a.attnum), ARRAY[]::text[])
      FROM sync.entity e JOIN pg_attribute a ON a.attrelid = e.tbl
     WHERE e.name = p_entity AND a.attnum > 0 AND NOT a.attisdropped AND a.attname <> 'id'
       AND has_column_privilege('crm_admin', e.tbl, a.attname::text, CASE WHEN p_op = 'insert' THEN 'INSERT' ELSE 'UPDATE' END)
$$;

-- Inserts a run of new rows of one entity in one statement (the common
-- case of offline work: calls logged, customers and tickets created).
-- Rows that exist already are left alone. Returns the ids inserted.
CREATE FUNCTION sync.insert_many_v1(p_entity text, p_mutations jsonb, p_writable text[]) RETURNS uuid[]
    LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS
$$
DECLARE
    tbl regclass := (SELECT e.tbl FROM sync.entity e WHERE e.name = p_entity);
    cols text[] := ARRAY(SELECT c FROM unnest(p_writable) c WHERE (p_mutations->0->'payload') ? c);
    list text := (SELECT coalesce(string_agg(', ' || quote_ident(c), ''), '') FROM unnest(cols) c);
    inserted uuid[];
BEGIN
    EXECUTE format('WITH rows AS (SELECT (m->>''row'')::uuid AS row_id, r.* FROM jsonb_array_elements($1) m, '
                   'jsonb_populate_record(NULL::%s, m->''payload'') r), '
                   'done AS (INSERT INTO %s (id%s) SELECT row_id%s FROM rows ON CONFLICT (id) DO NOTHING RETURNING id) '
                   'SELECT coalesce(array_agg(id), ARRAY[]::uuid[]) FROM done',
                   tbl, tbl, list, replace(list, ', ', ', rows.'))
        INTO inserted USING p_mutations;
    RETURN inserted;
END
$$;

-- Applies one mutation: {id, entity, op: insert|update|delete, row, payload, base}.
-- Payload and base hold server values (uuid and timestamptz as text, jsonb
-- as JSON); fields that are not the client's to write are ignored. Returns
-- the outcome: applied, merged (the row differs from what the client
-- wrote) or conflict (a value of the client's lost). Business errors raise
-- and are turned into `rejected` by the caller.
-- Called once per mutation, so without a SET clause (a setting saved and
-- restored per call); it runs as the caller, names its own objects with
-- their schema, and agents can create nothing anywhere.
CREATE FUNCTION sync.apply_v1(p_client uuid, p_mutation bigint, m jsonb, p_writable text[], p_check_history boolean,
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
    inserted uuid;
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
        -- A history row records a change the client made just before it
        -- (TicketService writes the ticket, then its events). If that
        -- change lost to another agent's or was refused, the row would
        -- tell a change that did not happen: it is dropped (the losing
        -- value is in the conflict) and the client removes its copy.
        IF v_entity = 'ticket_event' AND p_check_history THEN
            IF EXISTS (SELECT 1 FROM sync.conflict c
                        WHERE c.client_id = p_client AND c.mutation_id BETWEEN p_mutation - 16 AND p_mutation - 1
                          AND c.row_id = (payload->>'ticket_id')::uuid
                          AND ((c.field IS NULL AND c.resolution = 'rejected')
                               OR (c.field = payload->>'field' AND c.resolution = 'kept_theirs'))) THEN
                status := 'merged';
                detail := jsonb_build_object('dropped', 'the change it records did not apply');
                RETURN;
            END IF;
        END IF;
        IF cols IS NULL THEN
            cols := ARRAY[]::text[];
        END IF;
        -- Idempotent by key: a row that exists already is left as it is.
        list := (SELECT coalesce(string_agg(', ' || quote_ident(c), ''), '') FROM unnest(cols) c);
        EXECUTE format('EXECUTE %I(%L, %L)',
                       sync.prepared(format('INSERT INTO %1$s (id%2$s) SELECT $1%2$s FROM jsonb_populate_record(NULL::%1$s, $2) '
                                            'ON CONFLICT (id) DO NOTHING RETURNING id', tbl, list), 'uuid, jsonb'),
                       row_id, payload)
            INTO inserted;
        IF inserted IS NULL THEN
            detail := jsonb_build_object('existing', true);
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

    IF result <> '{}' THEN
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

-- Pushes a batch of mutations of one client, in order. Returns the outcome
-- of each (for ids already applied: the recorded outcome). Errors that a
-- retry may cure (deadlock, serialisation, lost connection, timeouts) are
-- not caught: the whole batch rolls back and the client sends it again.
CREATE FUNCTION sync.push_v1(p_client uuid, p_protocol integer, p_app text, p_mutations jsonb)
    RETURNS TABLE (mutation_id bigint, status text, detail jsonb)
    LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS
$$
DECLARE
    c sync.client;
    m jsonb;
    mid bigint;
    hash bytea;
    known bytea;
    st text;
    det jsonb;
    first_id bigint;
    last_id bigint;
    reason text;
    i integer := 0;
    j integer;
    n integer := jsonb_array_length(p_mutations);
    writable jsonb := '{}';   -- entity|op → columns, looked up once per push
    key text;
    run jsonb;
    keys text[];
    inserted uuid[];
    -- Outcomes, recorded in sync.mutation once at the end (arrays grow in place).
    o_ids bigint[] := ARRAY[]::bigint[];
    o_names text[] := ARRAY[]::text[];
    o_hashes bytea[] := ARRAY[]::bytea[];
    o_statuses text[] := ARRAY[]::text[];
    o_details jsonb[] := ARRAY[]::jsonb[];
    r jsonb;
    lost boolean := false;   -- a value of this client lost or was refused in this batch
BEGIN
    INSERT INTO sync.client (client_id, protocol_version, app_version) VALUES (p_client, p_protocol, p_app)
        ON CONFLICT (client_id) DO NOTHING;
    -- Serialises pushes of one client: a retry on a new connection waits
    -- here until the old one has finished.
    SELECT * INTO c FROM sync.client cl WHERE cl.client_id = p_client FOR UPDATE;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'this client belongs to another agent' USING ERRCODE = 'MD001';
    END IF;
    WHILE i < n LOOP
        m := p_mutations->i;
        mid := (m->>'id')::bigint;
        first_id := coalesce(first_id, mid);
        last_id := mid;
        hash := sha256(convert_to(m::text, 'UTF8'));
        IF mid <= c.last_mutation_id THEN
            -- A retry of a mutation applied before. The same id with other
            -- content means a copied database pushing as this client.
            SELECT mu.payload_hash INTO known FROM sync.mutation mu WHERE mu.client_id = p_client AND mu.mutation_id = mid;
            IF known IS DISTINCT FROM hash THEN
                RAISE EXCEPTION 'client id reused' USING ERRCODE = 'MD002';
            END IF;
            i := i + 1;
            CONTINUE;
        END IF;
        IF mid <> c.last_mutation_id + 1 THEN
            RAISE EXCEPTION 'mutation % follows % (gap)', mid, c.last_mutation_id USING ERRCODE = 'MD003';
        END IF;
        key := coalesce(m->>'entity', '') || '|' || coalesce(m->>'op', '');
        IF NOT writable ? key THEN
            writable := writable || jsonb_build_object(key, to_jsonb(sync.writable_columns(m->>'entity', m->>'op')));
        END IF;

        -- A run of new rows of one entity with the same fields goes in one
        -- statement; if anything in it fails, its rows go one by one below.
        -- (Not history rows: each is checked against the change it records.)
        IF m->>'op' = 'insert' AND m->>'entity' <> 'ticket_event' AND i + 1 < n AND p_mutations->(i + 1)->>'op' = 'insert'
           AND p_mutations->(i + 1)->>'entity' = m->>'entity' THEN
            keys := ARRAY(SELECT k FROM jsonb_object_keys(m->'payload') k ORDER BY k);
            j := i + 1;
            WHILE j < n AND p_mutations->j->>'op' = 'insert' AND p_mutations->j->>'entity' = m->>'entity'
                  AND (p_mutations->j->>'id')::bigint = mid + (j - i)
                  AND ARRAY(SELECT k FROM jsonb_object_keys(p_mutations->j->'payload') k ORDER BY k) = keys LOOP
                j := j + 1;
            END LOOP;
            IF j - i > 1 THEN
                run := (SELECT jsonb_agg(p_mutations->g ORDER BY g) FROM generate_series(i, j - 1) g);
                BEGIN
                    inserted := sync.insert_many_v1(m->>'entity', run,
                                                    ARRAY(SELECT jsonb_array_elements_text(writable->key)));
                    FOR r IN SELECT value FROM jsonb_array_elements(run) LOOP
                        o_ids := o_ids || (r->>'id')::bigint;
                        o_names := o_names || ((r->>'entity') || '.insert.v1');
                        o_hashes := o_hashes || sha256(convert_to(r::text, 'UTF8'));
                        o_statuses := o_statuses || 'applied'::text;
                        o_details := o_details || CASE WHEN (r->>'row')::uuid = ANY (inserted) THEN NULL ELSE '{"existing": true}'::jsonb END;
                    END LOOP;
                    c.last_mutation_id := mid + (j - i) - 1;
                    last_id := c.last_mutation_id;
                    i := j;
                    CONTINUE;
                EXCEPTION
                    WHEN integrity_constraint_violation OR insufficient_privilege OR data_exception OR raise_exception THEN
                        NULL; -- one by one, so that only the faulty row is refused
                END;
            END IF;
        END IF;

        BEGIN
            SELECT a.status, a.detail INTO st, det
              FROM sync.apply_v1(p_client, mid, m, ARRAY(SELECT jsonb_array_elements_text(writable->key)),
                                 -- a loss in this batch, or one in the previous batch that may be near
                                 lost OR mid - first_id < 16) a;
        EXCEPTION
            WHEN SQLSTATE 'MD010' OR SQLSTATE 'MD011' OR SQLSTATE 'MD012' OR SQLSTATE 'MD013'
                 OR integrity_constraint_violation OR insufficient_privilege OR data_exception OR raise_exception THEN
                GET STACKED DIAGNOSTICS reason = PG_EXCEPTION_DETAIL;
                st := 'rejected';
                det := jsonb_build_object('code', SQLSTATE, 'reason', nullif(reason, ''), 'message', SQLERRM);
                -- Nothing the user saved is lost: the refused values are kept.
                PERFORM sync.record_conflict(m->>'entity', (m->>'row')::uuid, NULL, m->'base', NULL, m->'payload',
                                             'rejected', det, p_client, mid, false);
        END;
        lost := lost OR st IN ('conflict', 'rejected');
        o_ids := o_ids || mid;
        o_names := o_names || (coalesce(m->>'entity', '') || '.' || coalesce(m->>'op', '') || '.v1');
        o_hashes := o_hashes || hash;
        o_statuses := o_statuses || st;
        o_details := o_details || det;
        c.last_mutation_id := mid;
        i := i + 1;
    END LOOP;
    -- Recorded in the same transaction as their effects.
    INSERT INTO sync.mutation (client_id, mutation_id, name, payload_hash, status, detail)
    SELECT p_client, u.id, u.name, u.hash, u.status, u.detail
      FROM unnest(o_ids, o_names, o_hashes, o_statuses, o_details) AS u(id, name, hash, status, detail);
    UPDATE sync.client cl SET last_mutation_id = c.last_mutation_id, protocol_version = p_protocol, app_version = p_app
     WHERE cl.client_id = p_client;
    RETURN QUERY SELECT mu.mutation_id, mu.status, mu.detail FROM sync.mutation mu
                  WHERE mu.client_id = p_client AND mu.mutation_id BETWEEN first_id AND last_id ORDER BY mu.mutation_id;
END
$$;
REVOKE ALL ON FUNCTION sync.push_v1, sync.apply_v1, sync.insert_many_v1, sync.writable_columns, sync.prepared FROM PUBLIC;
GRANT EXECUTE ON FUNCTION sync.push_v1, sync.apply_v1, sync.insert_many_v1, sync.writable_columns, sync.prepared TO crm_agent;

-- Row-level security on the last two tables too: the change log (only its
-- owner writes it, through the change-log trigger) and the database's
-- identity (every agent reads it; no agent writes it).
ALTER TABLE sync.change FORCE ROW LEVEL SECURITY;
ALTER TABLE sync.meta ENABLE ROW LEVEL SECURITY;
ALTER TABLE sync.meta FORCE ROW LEVEL SECURITY;
CREATE POLICY meta_read ON sync.meta FOR SELECT TO crm_agent USING (true);
CREATE POLICY meta_owner ON sync.meta TO crm_owner USING (true) WITH CHECK (true);

-- Retention (research/sync.md §3.7). The change log is kept for a period;
-- sync.retain() (run daily by `madoguchi-cli server retain`) notes the
-- current transaction id in sync.horizon, removes the change rows older
-- than the horizon noted `p_keep` ago and moves sync.meta.retained_from
-- there. A client whose cursor is older reloads its copy and keeps its
-- unsent changes. Tombstoned rows stay (they are rows like any other).
CREATE TABLE sync.horizon (
    taken_at timestamptz PRIMARY KEY DEFAULT clock_timestamp(),
    xid      xid8 NOT NULL DEFAULT pg_current_xact_id()
);
ALTER TABLE sync.horizon ENABLE ROW LEVEL SECURITY;
ALTER TABLE sync.horizon FORCE ROW LEVEL SECURITY;
CREATE POLICY horizon_owner ON sync.horizon TO crm_owner USING (true) WITH CHECK (true);

CREATE FUNCTION sync.retain(p_keep interval) RETURNS bigint
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS
$$
DECLARE
    horizon xid8;
    removed bigint;
BEGIN
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
REVOKE ALL ON FUNCTION sync.retain FROM PUBLIC;
GRANT EXECUTE ON FUNCTION sync.retain TO crm_admin;

-- The shipped calendar and SLA policy, under the fixed keys every client
-- starts with (local migration 7), so tickets made offline refer to rows
-- the server has.
INSERT INTO crm.calendar (id, name, time_zone, hours, national_holidays)
VALUES ('01900000-0000-7000-8000-0000000ca1e0', 'Japan business hours', 'Asia/Tokyo',
        '[["09:00","18:00"],["09:00","18:00"],["09:00","18:00"],["09:00","18:00"],["09:00","18:00"],null,null]', 'jp');
INSERT INTO crm.sla_policy (id, name, calendar_id, is_default, first_response_low, first_response_normal, first_response_high,
                            first_response_urgent, resolution_low, resolution_normal, resolution_high, resolution_urgent)
VALUES ('01900000-0000-7000-8000-0000000005aa', 'Standard', '01900000-0000-7000-8000-0000000ca1e0', true,
        480, 240, 60, 30, 2700, 1620, 540, 240);

RESET ROLE;
