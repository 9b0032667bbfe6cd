-- Madoguchi team server, version 6: offline work keeps its true times.
--
-- Each pushed change carries the client's clock when the agent made it and
-- the offset between that clock and the server's, as the client measured it
-- (offset = server − client; research/server-trust.md §3). The server
-- corrects the time and accepts it for a ticket's creation, its status
-- history, solve and close, its first response and a survey answer when
-- the corrected time is plausible: not in the future; not before the
-- ticket was created, nor before its previous status change; and not
-- before the client's previous contact with the server (the start of its
-- offline stretch: sync.hello_v1 notes every contact). Otherwise the change
-- counts from the push, and the reason is kept with the client's raw time
-- (sync.ticket_change). A field agent's visit on Monday then counts on
-- Monday when it syncs on Wednesday; a clock wrong by days changes nothing;
-- and an agent who syncs every minute can place its work nowhere but in the
-- last minute. Claims hold only for a client of the session's own agent.

SET LOCAL ROLE crm_owner;

-- Each client's contacts with the server: the latest, and the one before
-- it (its work since then may have been done offline).
ALTER TABLE sync.client ADD COLUMN contact_at timestamptz,
                        ADD COLUMN previous_contact_at timestamptz;

-- A sync begins here: the client registers (first time) and notes the
-- contact; returns the server's clock (Unix ms) for the client's offset.
CREATE FUNCTION sync.hello_v1(p_client uuid, p_protocol integer, p_app text) RETURNS bigint
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS
$$
BEGIN
    IF app.agent_id() IS NULL THEN
        RAISE EXCEPTION 'not an active agent' USING ERRCODE = '42501';
    END IF;
    INSERT INTO sync.client (client_id, agent_role, protocol_version, app_version) VALUES (p_client, session_user, p_protocol, p_app)
        ON CONFLICT (client_id) DO NOTHING;
    UPDATE sync.client SET previous_contact_at = coalesce(contact_at, created_at), contact_at = clock_timestamp()
     WHERE client_id = p_client AND agent_role = session_user;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'this client belongs to another agent' USING ERRCODE = 'MD001';
    END IF;
    RETURN floor(extract(epoch FROM clock_timestamp()) * 1000)::bigint;
END
$$;

ALTER TABLE sync.ticket_change ADD COLUMN client_at timestamptz, -- what the client's clock said
                               ADD COLUMN offset_ms bigint,       -- the offset the client measured
                               ADD COLUMN time_note text;         -- accepted, or why the push time was used

-- The time the change being applied claims (the client's clock plus its
-- offset) and the earliest it may claim (the client's previous contact),
-- from the settings the push makes for each mutation. NULLs unless the
-- settings name a client of the session's own agent that has said hello.
CREATE FUNCTION app.claim(OUT claimed timestamptz, OUT client_at timestamptz, OUT offset_ms bigint, OUT earliest timestamptz)
    LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS
$$
DECLARE
    client_text text := current_setting('madoguchi.client', true);
    at_text text := current_setting('madoguchi.client_at_ms', true);
    offset_text text := current_setting('madoguchi.offset_ms', true);
BEGIN
    IF client_text !~ '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$' THEN
        RETURN;
    END IF;
    SELECT c.previous_contact_at INTO earliest FROM sync.client c
     WHERE c.client_id = client_text::uuid AND c.agent_role = session_user AND app.agent_id() IS NOT NULL;
    IF earliest IS NULL THEN
        RETURN;
    END IF;
    offset_ms := CASE WHEN offset_text ~ '^-?[0-9]{1,12}$' THEN offset_text::bigint ELSE 0 END;
    IF at_text ~ '^-?[0-9]{1,15}$' THEN
        client_at := timestamptz 'epoch' + at_text::bigint * interval '1 millisecond';
        claimed := client_at + offset_ms * interval '1 millisecond';
    END IF;
END
$$;

-- Where a claimed time stands: accepted, or why now is used instead.
CREATE FUNCTION app.judge_claim(p_claimed timestamptz, p_earliest timestamptz, p_floor timestamptz, OUT at timestamptz, OUT note text)
    LANGUAGE plpgsql STABLE SET search_path = pg_catalog, pg_temp AS
$$
BEGIN
    at := clock_timestamp();
    IF p_claimed IS NULL THEN
        note := 'no_time';
    ELSIF p_claimed > at THEN
        note := 'in_future';
    ELSIF p_claimed < p_earliest THEN
        note := 'before_last_contact';
    ELSIF p_claimed < p_floor THEN
        note := 'before_creation';
    ELSE
        at := p_claimed;
        note := 'accepted';
    END IF;
END
$$;

-- When a change of `p_ticket` (created at `p_created`) counts: the claimed
-- time when plausible, else now, with the reason.
CREATE FUNCTION app.change_time(p_ticket uuid, p_created timestamptz, OUT at timestamptz, OUT note text)
    LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS
$$
DECLARE
    c record := app.claim();
    previous timestamptz;
    j record;
BEGIN
    j := app.judge_claim(c.claimed, c.earliest, p_created);
    at := j.at;
    note := j.note;
    IF note = 'accepted' THEN
        SELECT max(tc.at) INTO previous FROM sync.ticket_change tc WHERE tc.ticket_id = p_ticket AND tc.field IN ('created', 'status');
        IF c.claimed < previous THEN
            at := clock_timestamp();
            note := 'before_previous';
        END IF;
    END IF;
END
$$;

-- A ticket made offline is created when the agent made it (within the
-- client's offline stretch, and 30 days at most).
CREATE FUNCTION app.stamp_time() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS
$$
DECLARE
    c record := app.claim();
BEGIN
    IF (app.judge_claim(c.claimed, c.earliest, NEW.created_at - interval '30 days')).note = 'accepted' THEN
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
    c record := app.claim();
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
-- client's clock corrected by its offset, judged like any claim (else now);
-- the earliest such interaction, whenever it arrives, while the ticket is
-- not solved or closed.
CREATE OR REPLACE FUNCTION app.first_response() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS
$$
DECLARE
    c record := app.claim();
    t crm.ticket;
    j record;
BEGIN
    IF NEW.ticket_id IS NULL OR NOT (NEW.direction = 'outbound' OR NEW.channel IN ('phone', 'chat', 'visit')) THEN
        RETURN NULL;
    END IF;
    SELECT * INTO t FROM crm.ticket WHERE id = NEW.ticket_id;
    IF t.status IN ('solved', 'closed') THEN
        RETURN NULL;
    END IF;
    j := app.judge_claim(CASE WHEN c.earliest IS NOT NULL THEN NEW.started_at + c.offset_ms * interval '1 millisecond' END,
                         c.earliest, t.created_at);
    IF t.first_responded_at IS NULL OR j.at < t.first_responded_at THEN
        UPDATE crm.ticket SET first_responded_at = j.at WHERE id = NEW.ticket_id;
        INSERT INTO sync.ticket_change (ticket_id, field, new_value, at, agent_id, client_at, offset_ms, time_note, event_id)
        VALUES (NEW.ticket_id, 'first_response', to_jsonb(NEW.id), j.at, app.agent_id(), NEW.started_at, c.offset_ms, j.note, NEW.id);
    END IF;
    RETURN NULL;
END
$$;

-- A survey answer an agent records: for a solved or closed ticket it can
-- see (the app's rule), received when the claim says (judged like any), or now.
CREATE FUNCTION app.check_survey() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS
$$
DECLARE
    c record := app.claim();
    t crm.ticket;
BEGIN
    IF app.trusted_session() THEN
        RETURN NEW;
    END IF;
    SELECT * INTO t FROM crm.ticket WHERE id = NEW.ticket_id;
    IF t.id IS NULL OR t.status NOT IN ('solved', 'closed') THEN
        RAISE EXCEPTION 'a survey answer is for a solved ticket' USING ERRCODE = '23514', DETAIL = 'survey_needs_solved_ticket';
    END IF;
    NEW.received_at := (app.judge_claim(c.claimed, c.earliest, t.solved_at)).at;
    RETURN NEW;
END
$$;
CREATE TRIGGER check_survey BEFORE INSERT ON crm.csat_response FOR EACH ROW EXECUTE FUNCTION app.check_survey();

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
    IF p_entity IN ('ticket', 'csat_response') OR offsets > 1 THEN
        RAISE EXCEPTION 'one by one' USING ERRCODE = 'P0001'; -- the push falls back to single mutations
    END IF;
    PERFORM pg_catalog.set_config('madoguchi.offset_ms', coalesce(p_mutations->0->>'offset', ''), true),
            pg_catalog.set_config('madoguchi.client_at_ms', '', true);
    inserted := sync.insert_rows(p_entity, p_mutations, p_writable);
    PERFORM pg_catalog.set_config('madoguchi.offset_ms', '', true);
    RETURN inserted;
END
$$;

-- The whole push names its client for the claims (whose owner app.claim
-- checks) and waits at most 5 s for a lock (the batch fails and is sent
-- again).
ALTER FUNCTION sync.push_v1(uuid, integer, text, jsonb) RENAME TO push_batch;
CREATE FUNCTION sync.push_v1(p_client uuid, p_protocol integer, p_app text, p_mutations jsonb)
    RETURNS TABLE (mutation_id bigint, status text, detail jsonb)
    LANGUAGE plpgsql AS
$$
BEGIN
    PERFORM pg_catalog.set_config('lock_timeout', '5s', true), pg_catalog.set_config('madoguchi.client', p_client::text, true);
    RETURN QUERY SELECT * FROM sync.push_batch(p_client, p_protocol, p_app, p_mutations);
    PERFORM pg_catalog.set_config('madoguchi.client', '', true);
END
$$;

GRANT EXECUTE ON FUNCTION sync.apply_v1(uuid, bigint, jsonb, text[], boolean), sync.insert_many_v1(text, jsonb, text[]),
    sync.hello_v1(uuid, integer, text), sync.push_v1(uuid, integer, text, jsonb) TO crm_agent;

RESET ROLE;
