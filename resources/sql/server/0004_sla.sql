-- Madoguchi team server, version 4: the SLA due times are the server's.
--
-- A ticket's first-response and resolution due times, and the business
-- minutes it took to meet them (kept for the KPIs), are computed here from
-- its status history as the server stamped it, its SLA policy and the
-- policy's business-hours calendar. The arithmetic is the client's
-- (BusinessCalendar and SlaClock in src/core/domain) step for step, on
-- Unix milliseconds, so every copy shows the same due times and a reload
-- takes them as they come. Clients cannot write these columns (grants).
--
-- When: a new ticket gets its due times as it is inserted; a change that
-- can move them (status, priority, policy, first response, solve; a status
-- row of the history; a calendar or policy edit) notes the ticket, and the
-- due times of the noted tickets are settled once each, when the
-- transaction commits, with every row of it in place.

SET LOCAL ROLE crm_owner;

-- The Japanese national holidays, from the table the app ships
-- (resources/data/holidays-jp.csv); `madoguchi-cli server init` fills it.
CREATE TABLE sync.holiday (day date PRIMARY KEY);
ALTER TABLE sync.holiday ENABLE ROW LEVEL SECURITY;
ALTER TABLE sync.holiday FORCE ROW LEVEL SECURITY;
CREATE POLICY holiday_read ON sync.holiday FOR SELECT TO crm_agent USING (true);
CREATE POLICY holiday_owner ON sync.holiday TO crm_owner USING (true) WITH CHECK (true);
GRANT SELECT ON sync.holiday TO crm_agent;

ALTER TABLE crm.ticket ADD COLUMN first_response_business_min double precision,
                       ADD COLUMN resolution_business_min double precision;

-- A calendar's zone must be a name of the tz database (as the app
-- requires: a fixed offset such as "UTC+09:00" reads reversed here), and
-- each day's hours null or [open, close] with close after open. Every due
-- time under the calendar is computed here; 22023 refuses the change.
CREATE FUNCTION app.check_calendar() RETURNS trigger
    LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS
$$
DECLARE
    h jsonb;
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_timezone_names WHERE name = NEW.time_zone) THEN
        RAISE EXCEPTION 'unknown time zone "%"', NEW.time_zone USING ERRCODE = '22023';
    END IF;
    FOR h IN SELECT value FROM jsonb_array_elements(NEW.hours) LOOP
        CONTINUE WHEN jsonb_typeof(h) = 'null';
        IF jsonb_typeof(h) <> 'array' OR jsonb_array_length(h) <> 2 OR (h->>0) !~ '^[0-2][0-9]:[0-5][0-9]$'
           OR (h->>1) !~ '^[0-2][0-9]:[0-5][0-9]$' OR (h->>1)::time <= (h->>0)::time THEN
            RAISE EXCEPTION 'business hours % are not [open, close]', h USING ERRCODE = '22023';
        END IF;
    END LOOP;
    RETURN NEW;
END
$$;
-- Rows of version 3 were not checked: a zone the server does not know
-- counts as Tokyo, as the app already counts it.
UPDATE crm.calendar SET time_zone = 'Asia/Tokyo' WHERE time_zone NOT IN (SELECT name FROM pg_timezone_names);
CREATE TRIGGER check_calendar BEFORE INSERT OR UPDATE OF time_zone, hours ON crm.calendar
    FOR EACH ROW EXECUTE FUNCTION app.check_calendar();

-- Instants as the clients hold them: Unix milliseconds (floored).
CREATE FUNCTION sync.ms(t timestamptz) RETURNS bigint
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS
$$ SELECT pg_catalog.floor(EXTRACT(epoch FROM t) * 1000)::bigint $$;
CREATE FUNCTION sync.instant(ms bigint) RETURNS timestamptz
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS
$$ SELECT timestamptz 'epoch' + ms * interval '1 millisecond' $$;

-- The business window of one local day, in Unix ms; NULLs when the day is
-- closed (no hours that weekday, a national holiday, one of the calendar's
-- own closures). Hours are [open, close] per weekday, Monday first.
CREATE FUNCTION sync.day_window(c crm.calendar, d date, OUT open_ms bigint, OUT close_ms bigint)
    LANGUAGE plpgsql STABLE AS
$$
DECLARE
    h jsonb := c.hours -> (pg_catalog.date_part('isodow', d)::integer - 1);
BEGIN
    IF pg_catalog.jsonb_typeof(h) IS DISTINCT FROM 'array'
       OR c.extra_holidays OPERATOR(pg_catalog.?) pg_catalog.to_char(d, 'YYYY-MM-DD')
       OR (c.national_holidays = 'jp' AND EXISTS (SELECT 1 FROM sync.holiday WHERE day = d)) THEN
        RETURN;
    END IF;
    open_ms := sync.ms(pg_catalog.timezone(c.time_zone, d + (h->>0)::time));
    close_ms := sync.ms(pg_catalog.timezone(c.time_zone, d + (h->>1)::time));
END
$$;

CREATE FUNCTION sync.local_day(c crm.calendar, ms bigint) RETURNS date
    LANGUAGE sql STABLE AS
$$ SELECT pg_catalog.timezone(c.time_zone, sync.instant(ms))::date $$;

-- The same arithmetic day by day, as the app does it: the reference, and
-- what answers outside the years of sync.calendar_day (below).
CREATE FUNCTION sync.add_business_ms_daily(c crm.calendar, p_start bigint, p_ms bigint) RETURNS bigint
    LANGUAGE plpgsql STABLE AS
$$
DECLARE
    remaining bigint := greatest(0, p_ms);
    d date := sync.local_day(c, p_start);
    w record;
    f bigint;
BEGIN
    FOR i IN 1..3660 LOOP
        w := sync.day_window(c, d);
        IF w.open_ms IS NOT NULL THEN
            f := greatest(w.open_ms, p_start);
            IF f < w.close_ms THEN
                IF remaining <= w.close_ms - f THEN
                    RETURN f + remaining;
                END IF;
                remaining := remaining - (w.close_ms - f);
            END IF;
        END IF;
        d := d + 1;
    END LOOP;
    RETURN NULL; -- no business time within ten years
END
$$;

CREATE FUNCTION sync.business_ms_daily(c crm.calendar, p_from bigint, p_to bigint) RETURNS bigint
    LANGUAGE plpgsql STABLE AS
$$
DECLARE
    last_day date;
    d date;
    w record;
    total bigint := 0;
BEGIN
    IF p_to IS NULL OR p_from IS NULL OR p_to <= p_from THEN
        RETURN 0;
    END IF;
    last_day := sync.local_day(c, p_to);
    d := sync.local_day(c, p_from);
    FOR i IN 1..3660 LOOP
        EXIT WHEN d > last_day;
        w := sync.day_window(c, d);
        IF w.open_ms IS NOT NULL AND least(w.close_ms, p_to) > greatest(w.open_ms, p_from) THEN
            total := total + least(w.close_ms, p_to) - greatest(w.open_ms, p_from);
        END IF;
        d := d + 1;
    END LOOP;
    RETURN total;
END
$$;

-- Each calendar's days of the years the app tabulates too (2015–2040),
-- with the business time before and up to the end of each: adding
-- business time or measuring it is then two index look-ups, not a walk
-- over the days. Rebuilt when the calendar or the holidays change.
CREATE TABLE sync.calendar_day (
    calendar_id uuid NOT NULL REFERENCES crm.calendar (id),
    day_start   bigint NOT NULL, -- local midnight, Unix ms
    day_end     bigint NOT NULL, -- the next local midnight
    day         date NOT NULL,
    open_ms     bigint,          -- NULL: closed all day
    close_ms    bigint,
    before_ms   bigint NOT NULL, -- business ms of the table's days before this one
    after_ms    bigint NOT NULL, -- … up to the end of this one
    PRIMARY KEY (calendar_id, day_start)
);
CREATE INDEX calendar_day_open ON sync.calendar_day (calendar_id, after_ms) WHERE open_ms IS NOT NULL;
ALTER TABLE sync.calendar_day ENABLE ROW LEVEL SECURITY;
ALTER TABLE sync.calendar_day FORCE ROW LEVEL SECURITY;
CREATE POLICY calendar_day_owner ON sync.calendar_day TO crm_owner USING (true) WITH CHECK (true);

CREATE FUNCTION sync.build_calendar_days(p_calendar uuid) RETURNS void
    LANGUAGE sql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS
$$
    DELETE FROM sync.calendar_day WHERE calendar_id = p_calendar;
    INSERT INTO sync.calendar_day (calendar_id, day_start, day_end, day, open_ms, close_ms, before_ms, after_ms)
    SELECT c.id, sync.ms(timezone(c.time_zone, g.t)), sync.ms(timezone(c.time_zone, g.t + interval '1 day')), g.t::date,
           w.open_ms, w.close_ms,
           sum(coalesce(w.close_ms - w.open_ms, 0)) OVER days - coalesce(w.close_ms - w.open_ms, 0),
           sum(coalesce(w.close_ms - w.open_ms, 0)) OVER days
      FROM crm.calendar c
     CROSS JOIN generate_series(timestamp '2015-01-01', timestamp '2040-12-31', interval '1 day') AS g(t)
     CROSS JOIN LATERAL sync.day_window(c, g.t::date) AS w
     WHERE c.id = p_calendar
    WINDOW days AS (ORDER BY g.t);
$$;

CREATE FUNCTION app.calendar_days() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS
$$
BEGIN
    IF TG_TABLE_NAME = 'calendar' THEN
        PERFORM sync.build_calendar_days(NEW.id);
        RETURN NULL;
    END IF;
    IF TG_OP = 'INSERT' THEN
        -- (A statement of its own: `added` exists for inserts only.)
        IF NOT EXISTS (SELECT 1 FROM added) THEN
            RETURN NULL;
        END IF;
    END IF;
    PERFORM sync.build_calendar_days(c.id) FROM crm.calendar c WHERE c.national_holidays = 'jp';
    RETURN NULL;
END
$$;
CREATE TRIGGER calendar_days AFTER INSERT OR UPDATE OF time_zone, hours, national_holidays, extra_holidays ON crm.calendar
    FOR EACH ROW EXECUTE FUNCTION app.calendar_days();
CREATE TRIGGER calendar_days AFTER UPDATE OR DELETE ON sync.holiday
    FOR EACH STATEMENT EXECUTE FUNCTION app.calendar_days();
-- `server init` inserts the shipped holidays every time: a rebuild only
-- when some were new.
CREATE TRIGGER calendar_days_added AFTER INSERT ON sync.holiday REFERENCING NEW TABLE AS added
    FOR EACH STATEMENT EXECUTE FUNCTION app.calendar_days();
SELECT sync.build_calendar_days(id) FROM crm.calendar;

-- Where an instant stands on a calendar's line of business time: the
-- business ms of the table's days up to it, and its local day; NULLs
-- outside the table.
CREATE FUNCTION sync.business_position(p_calendar uuid, t bigint, OUT pos bigint, OUT day date)
    LANGUAGE plpgsql STABLE AS
$$
DECLARE
    r sync.calendar_day;
BEGIN
    SELECT * INTO r FROM sync.calendar_day WHERE calendar_id = p_calendar AND day_start <= t ORDER BY day_start DESC LIMIT 1;
    IF r.day_end > t THEN
        pos := r.before_ms + CASE WHEN r.open_ms IS NULL THEN 0 ELSE least(greatest(t - r.open_ms, 0), r.close_ms - r.open_ms) END;
        day := r.day;
    END IF;
END
$$;

-- The instant `p_ms` business milliseconds after `p_start` (counting from
-- the next opening when it is closed then); NULL beyond ten years.
CREATE FUNCTION sync.add_business_ms(c crm.calendar, p_start bigint, p_ms bigint) RETURNS bigint
    LANGUAGE plpgsql STABLE AS
$$
DECLARE
    p record := sync.business_position(c.id, p_start);
    goal bigint := p.pos + greatest(0, p_ms);
    d sync.calendar_day;
BEGIN
    IF p.pos IS NOT NULL THEN
        -- The open day in which the goal falls. Not one that ended at the
        -- start: with nothing to add, the answer is the next opening.
        SELECT * INTO d FROM sync.calendar_day
         WHERE calendar_id = c.id AND open_ms IS NOT NULL AND after_ms >= greatest(goal, p.pos + 1)
         ORDER BY after_ms LIMIT 1;
        IF d.day IS NOT NULL THEN
            RETURN CASE WHEN d.day - p.day < 3660 THEN d.open_ms + (goal - d.before_ms) END;
        END IF;
    END IF;
    RETURN sync.add_business_ms_daily(c, p_start, p_ms);
END
$$;

-- Business milliseconds in [p_from, p_to); 0 when p_to <= p_from.
CREATE FUNCTION sync.business_ms(c crm.calendar, p_from bigint, p_to bigint) RETURNS bigint
    LANGUAGE plpgsql STABLE AS
$$
DECLARE
    a record;
    b record;
BEGIN
    IF p_to IS NULL OR p_from IS NULL OR p_to <= p_from THEN
        RETURN 0;
    END IF;
    a := sync.business_position(c.id, p_from);
    b := sync.business_position(c.id, p_to);
    IF a.pos IS NOT NULL AND b.pos IS NOT NULL AND b.day - a.day < 3660 THEN
        RETURN b.pos - a.pos;
    END IF;
    RETURN sync.business_ms_daily(c, p_from, p_to);
END
$$;

-- When a target of `p_minutes` business minutes from `p_start` falls due,
-- given the pauses (in order; an open one has a NULL end): each pause that
-- begins before the running due time pushes it back by the business
-- minutes it covered. NULL while paused now.
CREATE FUNCTION sync.due_at(c crm.calendar, p_start bigint, p_minutes integer, p_from bigint[], p_to bigint[]) RETURNS bigint
    LANGUAGE plpgsql STABLE AS
$$
DECLARE
    due bigint := sync.add_business_ms(c, p_start, p_minutes::bigint * 60000);
BEGIN
    FOR k IN 1..coalesce(array_length(p_from, 1), 0) LOOP
        EXIT WHEN due IS NULL OR p_from[k] >= due;
        IF p_to[k] IS NULL THEN
            RETURN NULL;
        END IF;
        due := sync.add_business_ms(c, due, (sync.business_ms(c, greatest(p_from[k], p_start), p_to[k]) / 60000) * 60000);
    END LOOP;
    RETURN due;
END
$$;

-- A ticket's due times and business durations, from its status history
-- (instants in Unix ms and statuses, in order). A target met at some time
-- keeps the due time it had then (only pauses before it count).
CREATE FUNCTION sync.ticket_sla(t crm.ticket, h_at bigint[], h_status text[],
                                OUT fr_due bigint, OUT res_due bigint, OUT fr_business double precision,
                                OUT res_business double precision, OUT known boolean)
    LANGUAGE plpgsql STABLE AS
$$
DECLARE
    p crm.sla_policy;
    c crm.calendar;
    created bigint := sync.ms(t.created_at);
    responded bigint := sync.ms(t.first_responded_at);
    solved bigint := sync.ms(t.solved_at);
    pf bigint[] := '{}';
    pt bigint[] := '{}';
    cf bigint[];
    ct bigint[];
    stopped boolean := false;
    stops boolean;
    met bigint;
    minutes integer;
BEGIN
    known := false;
    IF t.sla_policy_id IS NOT NULL THEN
        SELECT * INTO p FROM crm.sla_policy WHERE id = t.sla_policy_id;
    ELSE
        SELECT * INTO p FROM crm.sla_policy WHERE deleted_at IS NULL ORDER BY is_default DESC, created_at LIMIT 1;
    END IF;
    IF p.id IS NULL THEN
        RETURN; -- no policy: the due times stay as they are
    END IF;
    SELECT * INTO c FROM crm.calendar WHERE id = p.calendar_id;
    IF c.id IS NULL THEN
        RETURN;
    END IF;
    known := true;
    FOR k IN 1..coalesce(array_length(h_at, 1), 0) LOOP
        stops := h_status[k] IN ('pending', 'on_hold', 'solved', 'closed');
        IF stops AND NOT stopped THEN
            pf := pf || h_at[k];
            pt := pt || NULL::bigint;
        ELSIF stopped AND NOT stops THEN
            pt[array_length(pt, 1)] := h_at[k];
        END IF;
        stopped := stops;
    END LOOP;
    FOR target IN 1..2 LOOP
        met := CASE target WHEN 1 THEN responded ELSE solved END;
        minutes := CASE WHEN target = 1 THEN
                       CASE t.priority WHEN 'low' THEN p.first_response_low WHEN 'normal' THEN p.first_response_normal
                                       WHEN 'high' THEN p.first_response_high ELSE p.first_response_urgent END
                   ELSE
                       CASE t.priority WHEN 'low' THEN p.resolution_low WHEN 'normal' THEN p.resolution_normal
                                       WHEN 'high' THEN p.resolution_high ELSE p.resolution_urgent END
                   END;
        CONTINUE WHEN minutes IS NULL;
        cf := pf;
        ct := pt;
        IF met IS NOT NULL THEN
            SELECT coalesce(array_agg(f ORDER BY o), '{}'), coalesce(array_agg(CASE WHEN e IS NULL THEN met ELSE least(e, met) END ORDER BY o), '{}')
              INTO cf, ct
              FROM unnest(pf, pt) WITH ORDINALITY AS u(f, e, o) WHERE f < met;
        END IF;
        IF target = 1 THEN
            fr_due := sync.due_at(c, created, minutes, cf, ct);
        ELSE
            res_due := sync.due_at(c, created, minutes, cf, ct);
        END IF;
    END LOOP;
    IF responded IS NOT NULL THEN
        fr_business := sync.business_ms(c, created, responded) / 60000.0::double precision;
    END IF;
    IF solved IS NOT NULL THEN
        res_business := sync.business_ms(c, created, solved) / 60000.0::double precision;
    END IF;
END
$$;

-- Settles one ticket's due times from its history as stored; writes (a new
-- revision for the clients) only when something moved.
CREATE FUNCTION sync.refresh_sla(p_ticket uuid) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS
$$
DECLARE
    t crm.ticket;
    h_at bigint[];
    h_status text[];
    f record;
BEGIN
    -- Locked first, then its history read: a concurrent change of the
    -- ticket is either waited for or not begun, never half seen.
    SELECT * INTO t FROM crm.ticket WHERE id = p_ticket FOR NO KEY UPDATE;
    IF NOT FOUND THEN
        RETURN;
    END IF;
    -- The order the clients read it in: server time, then the time the
    -- agent's own copy recorded (orders one batch's changes).
    SELECT array_agg(sync.ms(e.created_at) ORDER BY sync.ms(e.created_at), e.at, e.created_at),
           array_agg(e.new_value ORDER BY sync.ms(e.created_at), e.at, e.created_at)
      INTO h_at, h_status
      FROM crm.ticket_event e
     WHERE e.ticket_id = p_ticket AND e.field IN ('created', 'status') AND e.deleted_at IS NULL
       AND e.new_value IN ('new', 'open', 'pending', 'on_hold', 'solved', 'closed');
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

-- A new ticket's due times, from its creation (its history so far).
CREATE FUNCTION app.ticket_sla() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS
$$
DECLARE
    f record;
BEGIN
    f := sync.ticket_sla(NEW, ARRAY[sync.ms(NEW.created_at)], ARRAY[NEW.status]);
    IF f.known THEN
        NEW.first_response_due := sync.instant(f.fr_due);
        NEW.resolution_due := sync.instant(f.res_due);
        NEW.first_response_business_min := f.fr_business;
        NEW.resolution_business_min := f.res_business;
    END IF;
    RETURN NEW;
END
$$;
-- Named to run after `stamp` (created_at) and `ticket_facts` (solved_at).
CREATE TRIGGER ticket_sla BEFORE INSERT ON crm.ticket FOR EACH ROW EXECUTE FUNCTION app.ticket_sla();

-- The tickets whose due times are to be settled when the transaction
-- commits: one row per ticket however often it is touched. Rows live only
-- inside a transaction (hence unlogged).
-- Keyed by the transaction too: transactions never wait on each other here.
CREATE UNLOGGED TABLE sync.sla_pending (
    xid       xid8 NOT NULL DEFAULT pg_current_xact_id(),
    ticket_id uuid NOT NULL,
    PRIMARY KEY (xid, ticket_id)
);
ALTER TABLE sync.sla_pending ENABLE ROW LEVEL SECURITY;
ALTER TABLE sync.sla_pending FORCE ROW LEVEL SECURITY;
CREATE POLICY sla_pending_owner ON sync.sla_pending TO crm_owner USING (true) WITH CHECK (true);

CREATE FUNCTION app.sla_touch() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS
$$
BEGIN
    IF TG_TABLE_NAME = 'ticket' THEN
        INSERT INTO sync.sla_pending (ticket_id) VALUES (NEW.id) ON CONFLICT DO NOTHING;
    ELSIF TG_TABLE_NAME = 'ticket_event' THEN
        INSERT INTO sync.sla_pending (ticket_id) VALUES (NEW.ticket_id) ON CONFLICT DO NOTHING;
    ELSE
        -- A calendar or policy edit moves the clocks of the tickets still
        -- running under it (finished ones keep the outcome they were judged by).
        INSERT INTO sync.sla_pending (ticket_id)
        SELECT t.id FROM crm.ticket t
         WHERE t.status NOT IN ('solved', 'closed') AND t.deleted_at IS NULL
           AND (t.sla_policy_id IS NULL
                OR t.sla_policy_id IN (SELECT p.id FROM crm.sla_policy p
                                        WHERE CASE WHEN TG_TABLE_NAME = 'calendar' THEN p.calendar_id ELSE p.id END = NEW.id))
         ORDER BY t.id -- settled in key order: two such edits lock tickets alike
        ON CONFLICT DO NOTHING;
    END IF;
    RETURN NULL;
END
$$;
-- Only what can move a clock: on the ticket, a change from or to a status
-- that stops it (between two running ones, nothing moves); every status row
-- of the history (it may arrive in a later batch than the ticket's change);
-- a ticket created already stopped, which pauses from its "created" row on.
CREATE TRIGGER sla_touch AFTER UPDATE ON crm.ticket FOR EACH ROW
    WHEN ((OLD.status IS DISTINCT FROM NEW.status
           AND (OLD.status IN ('pending', 'on_hold', 'solved', 'closed') OR NEW.status IN ('pending', 'on_hold', 'solved', 'closed')))
          OR OLD.priority IS DISTINCT FROM NEW.priority
          OR OLD.sla_policy_id IS DISTINCT FROM NEW.sla_policy_id OR OLD.first_responded_at IS DISTINCT FROM NEW.first_responded_at
          OR OLD.solved_at IS DISTINCT FROM NEW.solved_at)
    EXECUTE FUNCTION app.sla_touch();
CREATE TRIGGER sla_touch AFTER INSERT ON crm.ticket_event FOR EACH ROW
    WHEN (NEW.field = 'status' OR (NEW.field = 'created' AND NEW.new_value IN ('pending', 'on_hold', 'solved', 'closed')))
    EXECUTE FUNCTION app.sla_touch();
CREATE TRIGGER sla_touch AFTER UPDATE ON crm.calendar FOR EACH ROW
    WHEN (OLD.time_zone IS DISTINCT FROM NEW.time_zone OR OLD.hours IS DISTINCT FROM NEW.hours
          OR OLD.national_holidays IS DISTINCT FROM NEW.national_holidays OR OLD.extra_holidays IS DISTINCT FROM NEW.extra_holidays)
    EXECUTE FUNCTION app.sla_touch();
CREATE TRIGGER sla_touch AFTER INSERT OR UPDATE ON crm.sla_policy FOR EACH ROW EXECUTE FUNCTION app.sla_touch();

CREATE FUNCTION app.sla_settle() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS
$$
BEGIN
    PERFORM sync.refresh_sla(NEW.ticket_id);
    DELETE FROM sync.sla_pending WHERE xid = NEW.xid AND ticket_id = NEW.ticket_id;
    RETURN NULL;
END
$$;
CREATE CONSTRAINT TRIGGER settle AFTER INSERT ON sync.sla_pending DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW EXECUTE FUNCTION app.sla_settle();

-- Every ticket's figures, e.g. after this upgrade or when newly shipped
-- holidays arrive (`server init` calls it; the owner's only).
CREATE FUNCTION sync.refresh_sla_all(p_running_only boolean) RETURNS bigint
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS
$$
DECLARE
    n bigint := 0;
    id uuid;
BEGIN
    FOR id IN SELECT t.id FROM crm.ticket t WHERE NOT p_running_only OR t.status NOT IN ('solved', 'closed') LOOP
        PERFORM sync.refresh_sla(id);
        n := n + 1;
    END LOOP;
    RETURN n;
END
$$;

-- Only the owner (through the triggers) and `server init` use these.
REVOKE ALL ON FUNCTION sync.refresh_sla, sync.refresh_sla_all, sync.build_calendar_days, sync.ticket_sla, sync.due_at,
    sync.add_business_ms, sync.add_business_ms_daily, sync.business_ms, sync.business_ms_daily, sync.business_position,
    sync.day_window, sync.local_day FROM PUBLIC;

RESET ROLE;
