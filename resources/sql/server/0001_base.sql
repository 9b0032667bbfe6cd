-- Madoguchi team server, version 1: roles, schemas, the sync bookkeeping
-- (meta, clients, mutations, conflicts, the change log) and the directory
-- (teams, agents). Run by `madoguchi-cli server init` as a role that may
-- create roles (a superuser or the database's owner with CREATEROLE), in
-- one transaction with the version bump.

-- Roles are cluster-wide: created when missing, so that several databases
-- of one cluster can each be initialised.
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'crm_owner') THEN
        CREATE ROLE crm_owner NOLOGIN;
    END IF;
    -- What every agent may do; leads, supervisors and admins are agents with more.
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'crm_agent') THEN
        CREATE ROLE crm_agent NOLOGIN;
    END IF;
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'crm_lead') THEN
        CREATE ROLE crm_lead NOLOGIN IN ROLE crm_agent;
    END IF;
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'crm_supervisor') THEN
        CREATE ROLE crm_supervisor NOLOGIN IN ROLE crm_lead;
    END IF;
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'crm_admin') THEN
        CREATE ROLE crm_admin NOLOGIN IN ROLE crm_supervisor;
    END IF;
    -- The initialising role builds the schema as crm_owner.
    IF NOT pg_has_role(current_user, 'crm_owner', 'MEMBER') THEN
        EXECUTE format('GRANT crm_owner TO %I', current_user);
    END IF;
    EXECUTE format('GRANT CREATE, CONNECT ON DATABASE %I TO crm_owner', current_database());
    EXECUTE format('GRANT CONNECT ON DATABASE %I TO crm_agent', current_database());
END
$$;

SET LOCAL ROLE crm_owner;

CREATE SCHEMA app;  -- helper functions
CREATE SCHEMA crm;  -- the team's data
CREATE SCHEMA sync; -- the protocol's bookkeeping
REVOKE ALL ON SCHEMA app, crm, sync FROM PUBLIC;
GRANT USAGE ON SCHEMA app, crm, sync TO crm_agent;

-- This database's identity and horizon. The epoch is regenerated after any
-- restore, so that clients whose cursors belong to the old lineage reset.
CREATE TABLE sync.meta (
    one            boolean PRIMARY KEY DEFAULT true CHECK (one),
    epoch          uuid NOT NULL DEFAULT gen_random_uuid(),
    schema_version integer NOT NULL,
    retained_from  xid8 NOT NULL DEFAULT '0'
);
INSERT INTO sync.meta (schema_version) VALUES (1);
GRANT SELECT ON sync.meta TO crm_agent;

-- The directory. An agent is a login role (agent_role) with a display name.
CREATE TABLE crm.team (
    id          uuid PRIMARY KEY,
    name        text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    rev         bigint NOT NULL DEFAULT 1,
    deleted_at  timestamptz,
    created_at  timestamptz NOT NULL DEFAULT clock_timestamp(),
    updated_at  timestamptz NOT NULL DEFAULT clock_timestamp()
);
CREATE UNIQUE INDEX team_name ON crm.team (lower(name)) WHERE deleted_at IS NULL;

CREATE TABLE crm.agent (
    id          uuid PRIMARY KEY,
    agent_role  name NOT NULL UNIQUE,
    name        text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    role        text NOT NULL CHECK (role IN ('agent', 'lead', 'supervisor', 'admin')),
    team_id     uuid REFERENCES crm.team (id),
    active      boolean NOT NULL DEFAULT true,
    rev         bigint NOT NULL DEFAULT 1,
    deleted_at  timestamptz,
    created_at  timestamptz NOT NULL DEFAULT clock_timestamp(),
    updated_at  timestamptz NOT NULL DEFAULT clock_timestamp()
);

-- The scopes the calling agent reads: the whole organisation's reference
-- data, its team, itself. Keyed on session_user, which an agent cannot
-- change (inside SECURITY DEFINER current_user is the owner).
CREATE FUNCTION app.my_scopes() RETURNS text[]
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS
$$
    SELECT ARRAY['org'] || coalesce((SELECT ARRAY['agent:' || a.id::text] || CASE WHEN a.team_id IS NULL THEN ARRAY[]::text[]
                                                                                ELSE ARRAY['team:' || a.team_id::text] END
                                     FROM crm.agent a WHERE a.agent_role = session_user AND a.deleted_at IS NULL), ARRAY[]::text[])
$$;
REVOKE ALL ON FUNCTION app.my_scopes() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION app.my_scopes() TO crm_agent;

ALTER TABLE crm.team ENABLE ROW LEVEL SECURITY;
ALTER TABLE crm.team FORCE ROW LEVEL SECURITY;
ALTER TABLE crm.agent ENABLE ROW LEVEL SECURITY;
ALTER TABLE crm.agent FORCE ROW LEVEL SECURITY;
-- The directory is the organisation's: every agent reads it, admins edit it.
CREATE POLICY team_read ON crm.team FOR SELECT TO crm_agent USING (true);
CREATE POLICY team_admin ON crm.team FOR ALL TO crm_admin USING (true) WITH CHECK (true);
CREATE POLICY agent_read ON crm.agent FOR SELECT TO crm_agent USING (true);
CREATE POLICY agent_admin ON crm.agent FOR ALL TO crm_admin USING (true) WITH CHECK (true);
-- The owner maintains the tables (change-log triggers, migrations).
CREATE POLICY team_owner ON crm.team TO crm_owner USING (true) WITH CHECK (true);
CREATE POLICY agent_owner ON crm.agent TO crm_owner USING (true) WITH CHECK (true);
GRANT SELECT ON crm.team, crm.agent TO crm_agent;
GRANT INSERT (id, name), UPDATE (name, deleted_at) ON crm.team TO crm_admin;
GRANT INSERT (id, agent_role, name, role, team_id, active), UPDATE (name, role, team_id, active, deleted_at) ON crm.agent TO crm_admin;

-- One row per desktop install, owned by one agent role.
CREATE TABLE sync.client (
    client_id        uuid PRIMARY KEY,
    agent_role       name NOT NULL DEFAULT session_user,
    last_mutation_id bigint NOT NULL DEFAULT 0,
    protocol_version integer NOT NULL,
    app_version      text,
    rev              bigint NOT NULL DEFAULT 1,
    created_at       timestamptz NOT NULL DEFAULT clock_timestamp()
);
ALTER TABLE sync.client ENABLE ROW LEVEL SECURITY;
ALTER TABLE sync.client FORCE ROW LEVEL SECURITY;
CREATE POLICY client_own ON sync.client TO crm_agent USING (agent_role = session_user) WITH CHECK (agent_role = session_user);
CREATE POLICY client_owner ON sync.client TO crm_owner USING (true) WITH CHECK (true);
GRANT SELECT, INSERT (client_id, protocol_version, app_version), UPDATE (last_mutation_id, protocol_version, app_version)
    ON sync.client TO crm_agent;

-- The outcome of every mutation ever applied: also the duplicate detector.
CREATE TABLE sync.mutation (
    client_id    uuid NOT NULL REFERENCES sync.client (client_id),
    mutation_id  bigint NOT NULL CHECK (mutation_id > 0),
    name         text NOT NULL,
    payload_hash bytea NOT NULL,
    xid          xid8 NOT NULL DEFAULT pg_current_xact_id(),
    status       text NOT NULL CHECK (status IN ('applied', 'merged', 'conflict', 'rejected')),
    detail       jsonb,
    agent_role   name NOT NULL DEFAULT session_user,
    PRIMARY KEY (client_id, mutation_id)
);
ALTER TABLE sync.mutation ENABLE ROW LEVEL SECURITY;
ALTER TABLE sync.mutation FORCE ROW LEVEL SECURITY;
CREATE POLICY mutation_own ON sync.mutation TO crm_agent USING (agent_role = session_user) WITH CHECK (agent_role = session_user);
CREATE POLICY mutation_owner ON sync.mutation TO crm_owner USING (true) WITH CHECK (true);
GRANT SELECT, INSERT (client_id, mutation_id, name, payload_hash, status, detail) ON sync.mutation TO crm_agent;

-- Conflicts are data: every losing value is kept and shown to a person.
CREATE TABLE sync.conflict (
    id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    entity      text NOT NULL,
    row_id      uuid NOT NULL,
    field       text,
    base        jsonb,
    theirs      jsonb,
    yours       jsonb,
    resolution  text,
    client_id   uuid,
    mutation_id bigint,
    agent_role  name NOT NULL DEFAULT session_user,
    scopes      text[] NOT NULL,
    rev         bigint NOT NULL DEFAULT 1,
    created_at  timestamptz NOT NULL DEFAULT clock_timestamp(),
    resolved_at timestamptz
);
ALTER TABLE sync.conflict ENABLE ROW LEVEL SECURITY;
ALTER TABLE sync.conflict FORCE ROW LEVEL SECURITY;
CREATE POLICY conflict_read ON sync.conflict FOR SELECT TO crm_agent USING (scopes && (SELECT app.my_scopes()));
CREATE POLICY conflict_owner ON sync.conflict TO crm_owner USING (true) WITH CHECK (true);
GRANT SELECT ON sync.conflict TO crm_agent;

-- The change stream: one row per changed row and scope, stamped with the
-- writing transaction's top-level xid. Pulls read it by snapshot diff;
-- seq only breaks ties inside one transaction and is never a cursor.
CREATE TABLE sync.change (
    scope  text NOT NULL,
    xid    xid8 NOT NULL DEFAULT pg_current_xact_id(),
    seq    bigint GENERATED ALWAYS AS IDENTITY,
    entity text NOT NULL,
    row_id uuid NOT NULL,
    op     char(1) NOT NULL CHECK (op IN ('U', 'D', 'R')),
    rev    bigint NOT NULL,
    PRIMARY KEY (scope, xid, seq)
);
-- Only its owner writes it (through the change-log triggers); agents read
-- their scopes.
ALTER TABLE sync.change ENABLE ROW LEVEL SECURITY;
CREATE POLICY change_read ON sync.change FOR SELECT TO crm_agent USING (scope = ANY ((SELECT app.my_scopes())::text[]));
GRANT SELECT ON sync.change TO crm_agent;

RESET ROLE;
