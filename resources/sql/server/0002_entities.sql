-- Madoguchi team server, version 2: the synced entities. Every table has
-- the common columns (id from the client, rev, scopes, tombstone, author,
-- server audit times) and is made synced by app.make_synced(), which
-- attaches the stamp and change-log triggers, forces row-level security and
-- writes the policies: adding a table is one CREATE TABLE, one call and
-- its column grants.

SET LOCAL ROLE crm_owner;

-- The directory gains what the client keeps.
ALTER TABLE crm.team ADD COLUMN time_zone text NOT NULL DEFAULT 'Asia/Tokyo';
ALTER TABLE crm.team ADD COLUMN auto_assign text NOT NULL DEFAULT 'none' CHECK (auto_assign IN ('none', 'round_robin', 'least_open'));
ALTER TABLE crm.agent ADD COLUMN email text NOT NULL DEFAULT '';
GRANT UPDATE (time_zone, auto_assign) ON crm.team TO crm_admin;
GRANT UPDATE (email) ON crm.agent TO crm_admin;

-- The calling agent's directory id (NULL for roles that are not agents).
CREATE FUNCTION app.agent_id() RETURNS uuid
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS
$$ SELECT id FROM crm.agent WHERE agent_role = session_user AND deleted_at IS NULL $$;
REVOKE ALL ON FUNCTION app.agent_id() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION app.agent_id() TO crm_agent;

-- Supervisors and admins read every team; agents and leads their own.
CREATE OR REPLACE FUNCTION app.my_scopes() RETURNS text[]
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS
$$
    SELECT ARRAY['org']
        || coalesce((SELECT ARRAY['agent:' || a.id::text]
                            || CASE WHEN a.role IN ('supervisor', 'admin')
                                    THEN coalesce((SELECT array_agg('team:' || t.id::text) FROM crm.team t), ARRAY[]::text[])
                                    WHEN a.team_id IS NULL THEN ARRAY[]::text[]
                                    ELSE ARRAY['team:' || a.team_id::text] END
                     FROM crm.agent a WHERE a.agent_role = session_user AND a.deleted_at IS NULL), ARRAY[]::text[])
$$;

-- Which scopes a row belongs to. Tickets and their history live in their
-- team and with their assignee; everything else is the organisation's.
CREATE FUNCTION app.scopes_of(entity text, r jsonb) RETURNS text[]
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
    END IF;
    RETURN ARRAY['org'];
END
$$;

-- Stamps a row as the server sees it: the revision, the scopes, the author
-- (who cannot be forged: session_user) and the server's clock.
CREATE FUNCTION app.stamp_row() RETURNS trigger
    LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS
$$
BEGIN
    NEW.rev := coalesce(OLD.rev, 0) + 1;
    NEW.updated_at := clock_timestamp();
    IF TG_OP = 'INSERT' THEN
        NEW.created_at := clock_timestamp();
        NEW.created_by := coalesce(app.agent_id(), NEW.created_by);
    ELSE
        NEW.created_at := OLD.created_at;
        NEW.created_by := OLD.created_by;
    END IF;
    NEW.scopes := app.scopes_of(TG_ARGV[0], to_jsonb(NEW));
    RETURN NEW;
END
$$;

-- One change row per scope the row is in ('U', or 'D' for a tombstone) and
-- per scope it left ('R'). Runs as the owner: agents cannot write the log.
CREATE FUNCTION app.log_change() RETURNS trigger
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
    RETURN NULL;
END
$$;
CREATE POLICY change_owner ON sync.change TO crm_owner USING (true) WITH CHECK (true);

-- Makes a table synced: triggers, forced row-level security, policies.
-- Agents read and write rows of their scopes; rows are never deleted
-- (tombstones), so there is no DELETE grant or policy.
CREATE FUNCTION app.make_synced(tbl regclass, entity text) RETURNS void
    LANGUAGE plpgsql AS
$$
BEGIN
    EXECUTE format('CREATE TRIGGER stamp BEFORE INSERT OR UPDATE ON %s FOR EACH ROW EXECUTE FUNCTION app.stamp_row(%L)', tbl, entity);
    EXECUTE format('CREATE TRIGGER log_change AFTER INSERT OR UPDATE ON %s FOR EACH ROW EXECUTE FUNCTION app.log_change(%L)', tbl, entity);
    EXECUTE format('ALTER TABLE %s ENABLE ROW LEVEL SECURITY', tbl);
    EXECUTE format('ALTER TABLE %s FORCE ROW LEVEL SECURITY', tbl);
    EXECUTE format('CREATE POLICY read ON %s FOR SELECT TO crm_agent USING (scopes && (SELECT app.my_scopes()))', tbl);
    EXECUTE format('CREATE POLICY add ON %s FOR INSERT TO crm_agent WITH CHECK (scopes && (SELECT app.my_scopes()))', tbl);
    EXECUTE format('CREATE POLICY change ON %s FOR UPDATE TO crm_agent USING (scopes && (SELECT app.my_scopes())) '
                   'WITH CHECK (scopes && (SELECT app.my_scopes()))', tbl);
    EXECUTE format('CREATE POLICY owner ON %s TO crm_owner USING (true) WITH CHECK (true)', tbl);
    EXECUTE format('CREATE INDEX ON %s USING gin (scopes)', tbl);
    EXECUTE format('GRANT SELECT ON %s TO crm_agent', tbl);
END
$$;

CREATE TABLE crm.organization (
    id           uuid PRIMARY KEY,
    name         text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    name_reading text NOT NULL DEFAULT '',
    email_domain text NOT NULL DEFAULT '',
    notes        text NOT NULL DEFAULT '',
    rev bigint NOT NULL DEFAULT 0, scopes text[] NOT NULL DEFAULT '{}', deleted_at timestamptz,
    created_by uuid, created_at timestamptz NOT NULL DEFAULT clock_timestamp(), updated_at timestamptz NOT NULL DEFAULT clock_timestamp()
);
SELECT app.make_synced('crm.organization', 'organization');
GRANT INSERT (id, name, name_reading, email_domain, notes), UPDATE (name, name_reading, email_domain, notes, deleted_at)
    ON crm.organization TO crm_agent;

CREATE TABLE crm.customer (
    id              uuid PRIMARY KEY,
    name            text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    name_reading    text NOT NULL DEFAULT '',
    organization_id uuid REFERENCES crm.organization (id),
    address         text NOT NULL DEFAULT '',
    tier            text NOT NULL DEFAULT 'standard' CHECK (tier IN ('standard', 'premium', 'vip')),
    tags            jsonb NOT NULL DEFAULT '[]',
    notes           text NOT NULL DEFAULT '',
    owner_id        uuid REFERENCES crm.agent (id),
    rev bigint NOT NULL DEFAULT 0, scopes text[] NOT NULL DEFAULT '{}', deleted_at timestamptz,
    created_by uuid, created_at timestamptz NOT NULL DEFAULT clock_timestamp(), updated_at timestamptz NOT NULL DEFAULT clock_timestamp()
);
SELECT app.make_synced('crm.customer', 'customer');
GRANT INSERT (id, name, name_reading, organization_id, address, tier, tags, notes, owner_id),
      UPDATE (name, name_reading, organization_id, address, tier, tags, notes, owner_id, deleted_at) ON crm.customer TO crm_agent;

CREATE TABLE crm.customer_contact (
    id          uuid PRIMARY KEY,
    customer_id uuid NOT NULL REFERENCES crm.customer (id),
    kind        text NOT NULL CHECK (kind IN ('phone', 'email')),
    value       text NOT NULL CHECK (length(value) BETWEEN 1 AND 254),
    label       text NOT NULL DEFAULT '',
    is_primary  boolean NOT NULL DEFAULT false,
    rev bigint NOT NULL DEFAULT 0, scopes text[] NOT NULL DEFAULT '{}', deleted_at timestamptz,
    created_by uuid, created_at timestamptz NOT NULL DEFAULT clock_timestamp(), updated_at timestamptz NOT NULL DEFAULT clock_timestamp()
);
SELECT app.make_synced('crm.customer_contact', 'customer_contact');
GRANT INSERT (id, customer_id, kind, value, label, is_primary), UPDATE (kind, value, label, is_primary, deleted_at)
    ON crm.customer_contact TO crm_agent;

CREATE TABLE crm.customer_merge (
    id          uuid PRIMARY KEY,
    survivor_id uuid NOT NULL REFERENCES crm.customer (id),
    merged_id   uuid NOT NULL REFERENCES crm.customer (id),
    merged_name text NOT NULL,
    moved_rows  integer NOT NULL DEFAULT 0,
    at          timestamptz NOT NULL,
    rev bigint NOT NULL DEFAULT 0, scopes text[] NOT NULL DEFAULT '{}', deleted_at timestamptz,
    created_by uuid, created_at timestamptz NOT NULL DEFAULT clock_timestamp(), updated_at timestamptz NOT NULL DEFAULT clock_timestamp()
);
SELECT app.make_synced('crm.customer_merge', 'customer_merge');
GRANT INSERT (id, survivor_id, merged_id, merged_name, moved_rows, at) ON crm.customer_merge TO crm_agent;

CREATE TABLE crm.calendar (
    id                uuid PRIMARY KEY,
    name              text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    time_zone         text NOT NULL DEFAULT 'Asia/Tokyo',
    hours             jsonb NOT NULL CHECK (jsonb_array_length(hours) = 7),
    national_holidays text NOT NULL DEFAULT 'jp' CHECK (national_holidays IN ('jp', 'none')),
    extra_holidays    jsonb NOT NULL DEFAULT '[]',
    rev bigint NOT NULL DEFAULT 0, scopes text[] NOT NULL DEFAULT '{}', deleted_at timestamptz,
    created_by uuid, created_at timestamptz NOT NULL DEFAULT clock_timestamp(), updated_at timestamptz NOT NULL DEFAULT clock_timestamp()
);
SELECT app.make_synced('crm.calendar', 'calendar');
-- Service levels are the leads' to set.
GRANT INSERT (id, name, time_zone, hours, national_holidays, extra_holidays),
      UPDATE (name, time_zone, hours, national_holidays, extra_holidays, deleted_at) ON crm.calendar TO crm_lead;

CREATE TABLE crm.sla_policy (
    id uuid PRIMARY KEY,
    name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    calendar_id uuid NOT NULL REFERENCES crm.calendar (id),
    is_default boolean NOT NULL DEFAULT false,
    first_response_low integer CHECK (first_response_low > 0), first_response_normal integer CHECK (first_response_normal > 0),
    first_response_high integer CHECK (first_response_high > 0), first_response_urgent integer CHECK (first_response_urgent > 0),
    resolution_low integer CHECK (resolution_low > 0), resolution_normal integer CHECK (resolution_normal > 0),
    resolution_high integer CHECK (resolution_high > 0), resolution_urgent integer CHECK (resolution_urgent > 0),
    rev bigint NOT NULL DEFAULT 0, scopes text[] NOT NULL DEFAULT '{}', deleted_at timestamptz,
    created_by uuid, created_at timestamptz NOT NULL DEFAULT clock_timestamp(), updated_at timestamptz NOT NULL DEFAULT clock_timestamp()
);
SELECT app.make_synced('crm.sla_policy', 'sla_policy');
GRANT INSERT (id, name, calendar_id, is_default, first_response_low, first_response_normal, first_response_high, first_response_urgent,
              resolution_low, resolution_normal, resolution_high, resolution_urgent),
      UPDATE (name, calendar_id, is_default, first_response_low, first_response_normal, first_response_high, first_response_urgent,
              resolution_low, resolution_normal, resolution_high, resolution_urgent, deleted_at) ON crm.sla_policy TO crm_lead;

CREATE TABLE crm.category (
    id     uuid PRIMARY KEY,
    key    text NOT NULL CHECK (length(key) BETWEEN 1 AND 60),
    name   text NOT NULL DEFAULT '' CHECK (length(name) <= 100),
    active boolean NOT NULL DEFAULT true,
    rev bigint NOT NULL DEFAULT 0, scopes text[] NOT NULL DEFAULT '{}', deleted_at timestamptz,
    created_by uuid, created_at timestamptz NOT NULL DEFAULT clock_timestamp(), updated_at timestamptz NOT NULL DEFAULT clock_timestamp()
);
CREATE UNIQUE INDEX category_key ON crm.category (key) WHERE deleted_at IS NULL;
SELECT app.make_synced('crm.category', 'category');
GRANT INSERT (id, key, name, active), UPDATE (name, active, deleted_at) ON crm.category TO crm_lead;

CREATE TABLE crm.canned_response (
    id           uuid PRIMARY KEY,
    team_id      uuid REFERENCES crm.team (id),
    name         text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    body         text NOT NULL DEFAULT '',
    set_status   text CHECK (set_status IN ('open', 'pending', 'on_hold', 'solved')),
    set_priority text CHECK (set_priority IN ('low', 'normal', 'high', 'urgent')),
    add_tags     jsonb NOT NULL DEFAULT '[]',
    rev bigint NOT NULL DEFAULT 0, scopes text[] NOT NULL DEFAULT '{}', deleted_at timestamptz,
    created_by uuid, created_at timestamptz NOT NULL DEFAULT clock_timestamp(), updated_at timestamptz NOT NULL DEFAULT clock_timestamp()
);
SELECT app.make_synced('crm.canned_response', 'canned_response');
GRANT INSERT (id, team_id, name, body, set_status, set_priority, add_tags),
      UPDATE (team_id, name, body, set_status, set_priority, add_tags, deleted_at) ON crm.canned_response TO crm_agent;

-- Tickets: the SLA due times, first response, solve/close times and
-- counters are the server's (column grants leave them out); it derives them
-- from the history on its own clock.
CREATE TABLE crm.ticket (
    id                 uuid PRIMARY KEY,
    number             text NOT NULL UNIQUE,
    customer_id        uuid NOT NULL REFERENCES crm.customer (id),
    subject            text NOT NULL CHECK (length(subject) BETWEEN 1 AND 300),
    description        text NOT NULL DEFAULT '',
    status             text NOT NULL DEFAULT 'new' CHECK (status IN ('new', 'open', 'pending', 'on_hold', 'solved', 'closed')),
    priority           text NOT NULL DEFAULT 'normal' CHECK (priority IN ('low', 'normal', 'high', 'urgent')),
    category           text NOT NULL DEFAULT '',
    tags               jsonb NOT NULL DEFAULT '[]',
    channel            text NOT NULL DEFAULT 'phone' CHECK (channel IN ('phone', 'email', 'chat', 'social', 'visit', 'web')),
    assignee_id        uuid REFERENCES crm.agent (id),
    team_id            uuid REFERENCES crm.team (id),
    escalation_level   integer NOT NULL DEFAULT 0 CHECK (escalation_level BETWEEN 0 AND 3),
    escalation_reason  text NOT NULL DEFAULT '',
    sla_policy_id      uuid REFERENCES crm.sla_policy (id),
    first_response_due timestamptz,
    resolution_due     timestamptz,
    first_responded_at timestamptz,
    solved_at          timestamptz,
    closed_at          timestamptz,
    reopen_count       integer NOT NULL DEFAULT 0 CHECK (reopen_count >= 0),
    rev bigint NOT NULL DEFAULT 0, scopes text[] NOT NULL DEFAULT '{}', deleted_at timestamptz,
    created_by uuid, created_at timestamptz NOT NULL DEFAULT clock_timestamp(), updated_at timestamptz NOT NULL DEFAULT clock_timestamp()
);
SELECT app.make_synced('crm.ticket', 'ticket');
GRANT INSERT (id, number, customer_id, subject, description, status, priority, category, tags, channel, assignee_id, team_id,
              escalation_level, escalation_reason, sla_policy_id),
      UPDATE (subject, description, status, priority, category, tags, channel, assignee_id, team_id, escalation_level,
              escalation_reason, sla_policy_id, deleted_at) ON crm.ticket TO crm_agent;

CREATE TABLE crm.ticket_event (
    id        uuid PRIMARY KEY,
    ticket_id uuid NOT NULL REFERENCES crm.ticket (id),
    agent_id  uuid REFERENCES crm.agent (id),
    at        timestamptz NOT NULL,
    field     text NOT NULL,
    old_value text,
    new_value text,
    rev bigint NOT NULL DEFAULT 0, scopes text[] NOT NULL DEFAULT '{}', deleted_at timestamptz,
    created_by uuid, created_at timestamptz NOT NULL DEFAULT clock_timestamp(), updated_at timestamptz NOT NULL DEFAULT clock_timestamp()
);
CREATE INDEX ticket_event_ticket ON crm.ticket_event (ticket_id, at);
SELECT app.make_synced('crm.ticket_event', 'ticket_event');
-- Append-only: written once, never changed.
GRANT INSERT (id, ticket_id, agent_id, at, field, old_value, new_value) ON crm.ticket_event TO crm_agent;

-- A ticket's history moves with it: when the ticket's scopes change, its
-- events are restamped (new revision, U rows for the new scopes, R for the
-- ones left). Runs as the owner: agents cannot update events.
CREATE FUNCTION app.move_ticket_events() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS
$$
BEGIN
    UPDATE crm.ticket_event SET scopes = NEW.scopes WHERE ticket_id = NEW.id;
    RETURN NULL;
END
$$;
CREATE TRIGGER move_events AFTER UPDATE OF team_id, assignee_id ON crm.ticket
    FOR EACH ROW WHEN (OLD.scopes IS DISTINCT FROM NEW.scopes) EXECUTE FUNCTION app.move_ticket_events();

-- Interactions are append-only too (corrections are amendment rows).
CREATE TABLE crm.interaction (
    id          uuid PRIMARY KEY,
    customer_id uuid NOT NULL REFERENCES crm.customer (id),
    ticket_id   uuid REFERENCES crm.ticket (id),
    agent_id    uuid REFERENCES crm.agent (id),
    channel     text NOT NULL CHECK (channel IN ('phone', 'email', 'chat', 'social', 'visit', 'web')),
    direction   text NOT NULL CHECK (direction IN ('inbound', 'outbound')),
    started_at  timestamptz NOT NULL,
    duration_s  integer NOT NULL DEFAULT 0 CHECK (duration_s >= 0),
    wrap_up_s   integer NOT NULL DEFAULT 0 CHECK (wrap_up_s >= 0),
    outcome     text CHECK (outcome IN ('resolved', 'follow_up', 'escalated', 'no_answer', 'voicemail', 'callback_scheduled')),
    callback_at timestamptz,
    category    text NOT NULL DEFAULT '',
    subject     text NOT NULL DEFAULT '',
    notes       text NOT NULL DEFAULT '',
    details     jsonb NOT NULL DEFAULT '{}',
    amends_id   uuid REFERENCES crm.interaction (id),
    rev bigint NOT NULL DEFAULT 0, scopes text[] NOT NULL DEFAULT '{}', deleted_at timestamptz,
    created_by uuid, created_at timestamptz NOT NULL DEFAULT clock_timestamp(), updated_at timestamptz NOT NULL DEFAULT clock_timestamp()
);
CREATE INDEX interaction_customer ON crm.interaction (customer_id, started_at);
SELECT app.make_synced('crm.interaction', 'interaction');
GRANT INSERT (id, customer_id, ticket_id, agent_id, channel, direction, started_at, duration_s, wrap_up_s, outcome, callback_at,
              category, subject, notes, details, amends_id) ON crm.interaction TO crm_agent;

-- Survey responses arrive through the server (pull-only for clients).
CREATE TABLE crm.csat_response (
    id          uuid PRIMARY KEY,
    ticket_id   uuid REFERENCES crm.ticket (id),
    customer_id uuid REFERENCES crm.customer (id),
    received_at timestamptz NOT NULL,
    csat        integer CHECK (csat BETWEEN 1 AND 5),
    nps         integer CHECK (nps BETWEEN 0 AND 10),
    ces         integer CHECK (ces BETWEEN 1 AND 7),
    comment     text NOT NULL DEFAULT '',
    complaint   boolean NOT NULL DEFAULT false,
    rev bigint NOT NULL DEFAULT 0, scopes text[] NOT NULL DEFAULT '{}', deleted_at timestamptz,
    created_by uuid, created_at timestamptz NOT NULL DEFAULT clock_timestamp(), updated_at timestamptz NOT NULL DEFAULT clock_timestamp()
);
SELECT app.make_synced('crm.csat_response', 'csat_response');
GRANT INSERT (id, ticket_id, customer_id, received_at, csat, nps, ces, comment, complaint) ON crm.csat_response TO crm_agent;

RESET ROLE;
