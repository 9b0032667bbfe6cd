-- Madoguchi team server, version 6: offline work keeps its true times.
--
-- Each pushed change carries the client's clock when the agent made it and
-- the offset between that clock and the server's, as the client measured it
-- (offset = server − client; research/server-trust.md §3). The server
-- corrects the time by the offset and accepts it for a ticket's creation,
-- its status history, solve and close, and its first response when the
-- corrected time is plausible: not in the future, not before the ticket was
-- created (a creation: not more than 30 days back), not before the ticket's
-- previous status change. Otherwise the change counts from the push, and
-- the reason is kept with the client's raw time (sync.ticket_change). A
-- field agent's visit on Monday then counts on Monday when it syncs on
-- Wednesday, and a client clock wrong by days changes nothing.

SET LOCAL ROLE crm_owner;

ALTER TABLE sync.ticket_change ADD COLUMN client_at timestamptz, -- what the client's clock said
                               ADD COLUMN offset_ms bigint,       -- the offset the client measured
                               ADD COLUMN time_note text;         -- accepted, or why the push time was used

-- The time the change being applied claims: the client's clock plus its
-- offset, from the settings the push makes for each mutation. NULLs when
-- none was given (an older client, or SQL typed by hand).
CREATE FUNCTION app.claimed_time(OUT claimed timestamptz, OUT client_at timestamptz, OUT offset_ms bigint)
    LANGUAGE plpgsql STABLE SET search_path = pg_catalog, pg_temp AS
$$
DECLARE
    at_text text := current_setting('madoguchi.client_at_ms', true);
    offset_text text := current_setting('madoguchi.offset_ms', true);
BEGIN
    IF at_text !~ '^-?[0-9]{1,15}$' THEN
        RETURN;
    END IF;
    client_at := timestamptz 'epoch' + at_text::bigint * interval '1 millisecond';
    offset_ms := CASE WHEN offset_text ~ '^-?[0-9]{1,15}$' THEN offset_text::bigint ELSE 0 END;
    claimed := client_at + offset_ms * interval '1 millisecond';
END
$$;

-- When a change of `p_ticket` (created at `p_created`) counts: the claimed
-- time when plausible, else now, with the reason.
CREATE FUNCTION app.change_time(p_ticket uuid, p_created timestamptz, OUT at timestamptz, OUT note text)
    LANGUAGE plpgsql STABLE SET search_path = pg_catalog, pg_temp AS
$$
DECLARE
    c record := app.claimed_time();
    previous timestamptz;
BEGIN
    at := clock_timestamp();
    IF c.claimed IS NULL THEN
        note := 'no_time';
    ELSIF c.claimed > at THEN
        note := 'in_future';
    ELSIF c.claimed < p_created THEN
        note := 'before_creation';
    ELSE
        SELECT max(tc.at) INTO previous FROM sync.ticket_change tc WHERE tc.ticket_id = p_ticket AND tc.field IN ('created', 'status');
        IF c.claimed < previous THEN
            note := 'before_previous';
        ELSE
            at := c.claimed;
            note := 'accepted';
        END IF;
    END IF;
END
$$;

-- A ticket made offline is created when the agent made it (within 30 days).
CREATE FUNCTION app.stamp_time() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS
$$
DECLARE
    c record := app.claimed_time();
BEGIN
    IF c.claimed IS NOT NULL AND c.claimed <= NEW.created_at AND c.claimed >= NEW.created_at - interval '30 days' THEN
        NEW.created_at := c.claimed;
    END IF;
    RETURN NEW;
END
$$;
-- (After `stamp`, which sets the server's clock; before `ticket_facts` and `ticket_sla`.)
CREATE TRIGGER stamp_time BEFORE INSERT ON crm.ticket FOR EACH ROW EXECUTE FUNCTION app.stamp_time();

-- Solve and close when they happened (see above).
CREATE OR REPLACE FUNCTION app.ticket_facts() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS
$$
DECLARE
    t timestamptz;
BEGIN
    IF TG_OP = 'INSERT' THEN
        NEW.solved_at := CASE WHEN NEW.status IN ('solved', 'closed') THEN NEW.created_at END;
        NEW.closed_at := CASE WHEN NEW.status = 'closed' THEN NEW.created_at END;
        NEW.reopen_count := 0;
    ELSIF NEW.status IS DISTINCT FROM OLD.status THEN
        t := (app.change_time(NEW.id, OLD.created_at)).at;
        IF NEW.status = 'solved' THEN
            NEW.solved_at := t;
        ELSIF NEW.status = 'closed' THEN
            NEW.closed_at := t;
            NEW.solved_at := coalesce(OLD.solved_at, t);
        ELSIF OLD.status = 'solved' THEN
            NEW.solved_at := NULL;
            NEW.reopen_count := OLD.reopen_count + 1;
        END IF;
    END IF;
    RETURN NEW;
END
$$;
ALTER FUNCTION app.ticket_facts() SECURITY DEFINER SET search_path = pg_catalog, pg_temp;

-- The record of each change, with the time it counts from and the client's own.
CREATE OR REPLACE FUNCTION app.record_ticket_change() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS
$$
DECLARE
    o jsonb;
    n jsonb;
    f text;
    me uuid := app.agent_id();
    c record := app.claimed_time();
    w record;
BEGIN
    IF TG_OP = 'INSERT' THEN
        INSERT INTO sync.ticket_change (ticket_id, field, new_value, at, agent_id, client_at, offset_ms, time_note)
        VALUES (NEW.id, 'created', to_jsonb(NEW.status), NEW.created_at, me, c.client_at, c.offset_ms,
                CASE WHEN c.claimed IS NULL THEN 'no_time' WHEN NEW.created_at = c.claimed THEN 'accepted' ELSE 'out_of_range' END);
        RETURN NULL;
    END IF;
    o := to_jsonb(OLD);
    n := to_jsonb(NEW);
    -- Changes other than the status count from the same time as it would.
    w := app.change_time(NEW.id, NEW.created_at);
    IF NEW.status IS DISTINCT FROM OLD.status AND NEW.status IN ('solved', 'closed') THEN
        w.at := CASE WHEN NEW.status = 'solved' THEN NEW.solved_at ELSE NEW.closed_at END;
    END IF;
    FOREACH f IN ARRAY ARRAY['status', 'priority', 'assignee_id', 'team_id', 'escalation_level', 'escalation_reason', 'subject',
                             'description', 'category', 'tags', 'channel', 'sla_policy_id', 'customer_id', 'deleted_at',
                             'reopen_count'] LOOP
        IF o->f IS DISTINCT FROM n->f THEN
            INSERT INTO sync.ticket_change (ticket_id, field, old_value, new_value, at, agent_id, client_at, offset_ms, time_note)
            VALUES (NEW.id, f, o->f, n->f, w.at, me, c.client_at, c.offset_ms, w.note);
        END IF;
    END LOOP;
    RETURN NULL;
END
$$;

-- The first response when it happened: the interaction's start by the
-- client's clock corrected by its offset, between the ticket's creation and
-- now (else now); the earliest such interaction, whenever it arrives.
CREATE OR REPLACE FUNCTION app.first_response() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS
$$
DECLARE
    c record := app.claimed_time();
    t crm.ticket;
    at timestamptz := clock_timestamp();
    candidate timestamptz;
    note text := 'accepted';
BEGIN
    IF NEW.ticket_id IS NULL OR NOT (NEW.direction = 'outbound' OR NEW.channel IN ('phone', 'chat', 'visit')) THEN
        RETURN NULL;
    END IF;
    SELECT * INTO t FROM crm.ticket WHERE id = NEW.ticket_id;
    candidate := NEW.started_at + coalesce(c.offset_ms, 0) * interval '1 millisecond';
    IF candidate > at THEN
        note := 'in_future';
    ELSIF candidate < t.created_at THEN
        note := 'before_creation';
    ELSE
        at := candidate;
    END IF;
    IF t.first_responded_at IS NULL OR at < t.first_responded_at THEN
        UPDATE crm.ticket SET first_responded_at = at WHERE id = NEW.ticket_id;
        INSERT INTO sync.ticket_change (ticket_id, field, new_value, at, agent_id, client_at, offset_ms, time_note, event_id)
        VALUES (NEW.ticket_id, 'first_response', to_jsonb(NEW.id), at, app.agent_id(), NEW.started_at, c.offset_ms, note, NEW.id);
    END IF;
    RETURN NULL;
END
$$;

-- The push sets each mutation's claimed time for the triggers above.
ALTER FUNCTION sync.apply_v1(uuid, bigint, jsonb, text[], boolean) RENAME TO apply_mutation;
CREATE FUNCTION sync.apply_v1(p_client uuid, p_mutation bigint, m jsonb, p_writable text[], p_check_history boolean,
                              OUT status text, OUT detail jsonb)
    LANGUAGE plpgsql AS
$$
DECLARE
    r record;
BEGIN
    PERFORM pg_catalog.set_config('madoguchi.client_at_ms', coalesce(m->>'at', ''), true),
            pg_catalog.set_config('madoguchi.offset_ms', coalesce(m->>'offset', ''), true);
    r := sync.apply_mutation(p_client, p_mutation, m, p_writable, p_check_history);
    PERFORM pg_catalog.set_config('madoguchi.client_at_ms', '', true), pg_catalog.set_config('madoguchi.offset_ms', '', true);
    status := r.status;
    detail := r.detail;
END
$$;

-- Runs of new rows share one setting: tickets (each created at its own
-- time) go one by one; interactions in a run of one offset (their start
-- times are their own).
ALTER FUNCTION sync.insert_many_v1(text, jsonb, text[]) RENAME TO insert_rows;
CREATE FUNCTION sync.insert_many_v1(p_entity text, p_mutations jsonb, p_writable text[]) RETURNS uuid[]
    LANGUAGE plpgsql AS
$$
DECLARE
    offsets bigint;
    inserted uuid[];
BEGIN
    SELECT count(DISTINCT coalesce(x->>'offset', '')) INTO offsets FROM pg_catalog.jsonb_array_elements(p_mutations) x;
    IF p_entity = 'ticket' OR offsets > 1 THEN
        RAISE EXCEPTION 'one by one' USING ERRCODE = 'P0001'; -- the push falls back to single mutations
    END IF;
    PERFORM pg_catalog.set_config('madoguchi.offset_ms', coalesce(p_mutations->0->>'offset', ''), true),
            pg_catalog.set_config('madoguchi.client_at_ms', '', true);
    inserted := sync.insert_rows(p_entity, p_mutations, p_writable);
    PERFORM pg_catalog.set_config('madoguchi.offset_ms', '', true);
    RETURN inserted;
END
$$;

GRANT EXECUTE ON FUNCTION sync.apply_v1(uuid, bigint, jsonb, text[], boolean), sync.insert_many_v1(text, jsonb, text[]) TO crm_agent;

RESET ROLE;
