-- Madoguchi team server, version 8: the team's own administrators run its
-- directory with their own logins (madoguchi-cli server add-agent and its
-- siblings, the app's People page).
--
-- A login is a role, and only a role that may create roles can make or
-- change one. That right belongs to crm_directory, a role nobody logs in
-- as; it owns the few functions below, each of which checks its caller (an
-- admin, or the server's owner setting it up), touches only the login roles
-- of the directory's agents (never a superuser's, an owner's or a group's),
-- and gives them nothing but their group's rights. Passwords arrive as SCRAM
-- verifiers made by the client: the plain text is never on the server.
--
-- The directory also gains what a team that started without a server
-- keeps: an agent's name reading, a team's lead, and agents without a login
-- yet (brought by an admin's copy that worked locally; given one later).

DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'crm_directory') THEN
        CREATE ROLE crm_directory NOLOGIN CREATEROLE;
    END IF;
    -- The initialising role makes crm_directory the functions' owner below.
    IF NOT pg_has_role(current_user, 'crm_directory', 'MEMBER') THEN
        EXECUTE format('GRANT crm_directory TO %I', current_user);
    END IF;
END
$$;

SET LOCAL ROLE crm_owner;

ALTER TABLE crm.agent ADD COLUMN name_reading text NOT NULL DEFAULT '' CHECK (length(name_reading) <= 200);
ALTER TABLE crm.agent ALTER COLUMN agent_role DROP NOT NULL;
ALTER TABLE crm.team ADD COLUMN lead_id uuid REFERENCES crm.agent (id);

-- What an admin writes directly: the directory's descriptive columns. A
-- login (agent_role), a role and being active change the login role too,
-- and go through the functions below.
REVOKE INSERT (agent_role) ON crm.agent FROM crm_admin;
REVOKE UPDATE (role, active) ON crm.agent FROM crm_admin;
GRANT INSERT (name_reading, email), UPDATE (name_reading) ON crm.agent TO crm_admin;
GRANT INSERT (time_zone, auto_assign, lead_id), UPDATE (lead_id) ON crm.team TO crm_admin;

-- Every change of the directory counts as a new revision (copies take a
-- row only when its revision went up), whoever makes it.
CREATE FUNCTION app.bump_revision() RETURNS trigger
    LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS
$$
BEGIN
    NEW.rev := OLD.rev + 1;
    NEW.updated_at := clock_timestamp();
    RETURN NEW;
END
$$;
REVOKE ALL ON FUNCTION app.bump_revision() FROM PUBLIC;
CREATE TRIGGER bump_revision BEFORE UPDATE ON crm.agent FOR EACH ROW EXECUTE FUNCTION app.bump_revision();
CREATE TRIGGER bump_revision BEFORE UPDATE ON crm.team FOR EACH ROW EXECUTE FUNCTION app.bump_revision();

-- Whether the session is an active admin of this database's directory (a
-- removed or deactivated admin's login, even one still connected, is not).
CREATE FUNCTION app.is_active_admin() RETURNS boolean
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS
$$
    SELECT EXISTS (SELECT 1 FROM crm.agent a WHERE a.agent_role = session_user AND a.role = 'admin' AND a.active
                      AND a.deleted_at IS NULL)
       AND pg_has_role(session_user, 'crm_admin', 'MEMBER')
$$;
REVOKE ALL ON FUNCTION app.is_active_admin() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION app.is_active_admin() TO crm_admin;
ALTER POLICY team_admin ON crm.team USING ((SELECT app.is_active_admin())) WITH CHECK ((SELECT app.is_active_admin()));
ALTER POLICY agent_admin ON crm.agent USING ((SELECT app.is_active_admin())) WITH CHECK ((SELECT app.is_active_admin()));

-- crm_directory reads the directory and writes the agents' rows.
GRANT USAGE ON SCHEMA app, crm TO crm_directory;
GRANT SELECT ON crm.team TO crm_directory;
GRANT SELECT, INSERT (id, agent_role, name, name_reading, email, role, team_id, active),
      UPDATE (agent_role, role, active, updated_at, rev) ON crm.agent TO crm_directory;
CREATE POLICY team_directory ON crm.team FOR SELECT TO crm_directory USING (true);
CREATE POLICY agent_directory ON crm.agent TO crm_directory USING (true) WITH CHECK (true);

-- The functions are made as crm_directory, which may create in app only
-- while they are made.
GRANT CREATE ON SCHEMA app TO crm_directory;
SET LOCAL ROLE crm_directory;

-- Refuses a caller who is neither an admin nor the server's owner.
CREATE FUNCTION app.check_directory_caller() RETURNS void
    LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS
$$
BEGIN
    IF NOT (pg_has_role(session_user, 'crm_admin', 'MEMBER') OR pg_has_role(session_user, 'crm_owner', 'MEMBER')) THEN
        RAISE EXCEPTION 'only an administrator may change the team''s logins' USING ERRCODE = '42501';
    END IF;
    -- An admin's own login while deactivated is an admin no more.
    IF NOT pg_has_role(session_user, 'crm_owner', 'MEMBER')
       AND NOT EXISTS (SELECT 1 FROM crm.agent a WHERE a.agent_role = session_user AND a.role = 'admin' AND a.active
                          AND a.deleted_at IS NULL) THEN
        RAISE EXCEPTION 'only an active administrator may change the team''s logins' USING ERRCODE = '42501';
    END IF;
END
$$;

-- The login role of a live directory agent, checked to be an agent's
-- login and nothing more; raises otherwise.
CREATE FUNCTION app.agent_login(p_agent uuid) RETURNS name
    LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS
$$
DECLARE
    login name;
BEGIN
    SELECT a.agent_role INTO login FROM crm.agent a WHERE a.id = p_agent AND a.deleted_at IS NULL;
    IF login IS NULL THEN
        RAISE EXCEPTION 'no agent with a login has the id %', p_agent USING ERRCODE = 'P0002';
    END IF;
    IF NOT EXISTS (SELECT 1 FROM pg_roles r
                    WHERE r.rolname = login AND r.rolname NOT LIKE 'crm\_%' AND r.rolname NOT LIKE 'pg\_%'
                      AND NOT r.rolsuper AND NOT r.rolcreaterole AND NOT r.rolcreatedb AND NOT r.rolreplication
                      AND NOT r.rolbypassrls AND pg_has_role(r.oid, 'crm_agent', 'MEMBER')
                      AND NOT pg_has_role(r.oid, 'crm_owner', 'MEMBER')
                      AND NOT pg_has_role(r.oid, 'crm_directory', 'MEMBER')
                      -- nor a member of any role but the four groups (e.g. pg_read_all_data)
                      AND NOT EXISTS (SELECT 1 FROM pg_auth_members m JOIN pg_roles g ON g.oid = m.roleid
                                       WHERE m.member = r.oid
                                         AND g.rolname NOT IN ('crm_agent', 'crm_lead', 'crm_supervisor', 'crm_admin'))) THEN
        RAISE EXCEPTION 'the login of agent % is not an agent''s login', p_agent USING ERRCODE = '42501';
    END IF;
    RETURN login;
END
$$;

-- Refuses a change that would leave the team without an active admin.
CREATE FUNCTION app.keep_an_admin(p_agent uuid) RETURNS void
    LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS
$$
BEGIN
    IF EXISTS (SELECT 1 FROM crm.agent a WHERE a.id = p_agent AND a.role = 'admin' AND a.active AND a.deleted_at IS NULL)
       AND NOT EXISTS (SELECT 1 FROM crm.agent a WHERE a.id <> p_agent AND a.role = 'admin' AND a.active
                          AND a.deleted_at IS NULL AND a.agent_role IS NOT NULL) THEN
        RAISE EXCEPTION 'the last active administrator stays one' USING ERRCODE = '23514';
    END IF;
END
$$;

-- A new agent with a login, or a login for an agent already in the
-- directory without one (p_id names them). The login is a member of its
-- role's group only, with the agents' timeouts.
CREATE FUNCTION app.add_agent(p_id uuid, p_login text, p_name text, p_reading text, p_email text, p_role text,
                              p_team uuid, p_verifier text) RETURNS uuid
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS
$$
DECLARE
    existing crm.agent;
BEGIN
    PERFORM app.check_directory_caller();
    -- One directory change at a time: "the last admin" is counted once.
    PERFORM pg_advisory_xact_lock(hashtext('madoguchi directory'));
    IF p_id IS NULL OR p_login IS NULL OR p_role IS NULL OR p_verifier IS NULL THEN
        RAISE EXCEPTION 'an agent needs an id, a login, a role and a password' USING ERRCODE = '22023';
    END IF;
    IF p_login !~ '^[a-z][a-z0-9_]{1,62}$' OR p_login LIKE 'crm\_%' OR p_login LIKE 'pg\_%'
       OR p_login IN ('public', 'none', 'current_user', 'session_user', 'current_role') THEN
        RAISE EXCEPTION 'invalid login name' USING ERRCODE = '22023';
    END IF;
    IF p_role NOT IN ('agent', 'lead', 'supervisor', 'admin') THEN
        RAISE EXCEPTION 'invalid role' USING ERRCODE = '22023';
    END IF;
    IF p_verifier !~ '^SCRAM-SHA-256\$[0-9]+:[A-Za-z0-9+/]+=*\$[A-Za-z0-9+/]+=*:[A-Za-z0-9+/]+=*$' THEN
        RAISE EXCEPTION 'a password arrives as a SCRAM verifier' USING ERRCODE = '22023';
    END IF;
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = p_login) THEN
        RAISE EXCEPTION 'role "%" already exists', p_login USING ERRCODE = '42710';
    END IF;
    SELECT * INTO existing FROM crm.agent a WHERE a.id = p_id FOR UPDATE;
    IF FOUND AND (existing.agent_role IS NOT NULL OR existing.deleted_at IS NOT NULL) THEN
        RAISE EXCEPTION 'agent % already has a login', p_id USING ERRCODE = '42710';
    END IF;
    EXECUTE format('CREATE ROLE %I LOGIN PASSWORD %L IN ROLE %I NOSUPERUSER NOBYPASSRLS NOREPLICATION NOCREATEDB '
                   'NOCREATEROLE', p_login, p_verifier, 'crm_' || p_role);
    EXECUTE format('ALTER ROLE %I SET statement_timeout = %L', p_login, '30s');
    EXECUTE format('ALTER ROLE %I SET lock_timeout = %L', p_login, '5s');
    EXECUTE format('ALTER ROLE %I SET idle_in_transaction_session_timeout = %L', p_login, '15s');
    IF FOUND THEN
        UPDATE crm.agent SET agent_role = p_login, role = p_role, active = true WHERE id = p_id AND agent_role IS NULL;
    ELSE
        INSERT INTO crm.agent (id, agent_role, name, name_reading, email, role, team_id, active)
        VALUES (p_id, p_login, coalesce(nullif(btrim(p_name), ''), p_login), coalesce(p_reading, ''),
                coalesce(p_email, ''), p_role, p_team, true);
    END IF;
    RETURN p_id;
END
$$;

-- A new role: the login moves to the new role's group.
CREATE FUNCTION app.set_agent_role(p_agent uuid, p_role text) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS
$$
DECLARE
    login name;
    old text;
    g text;
BEGIN
    PERFORM app.check_directory_caller();
    -- One directory change at a time: "the last admin" is counted once.
    PERFORM pg_advisory_xact_lock(hashtext('madoguchi directory'));
    IF p_role IS NULL OR p_role NOT IN ('agent', 'lead', 'supervisor', 'admin') THEN
        RAISE EXCEPTION 'invalid role' USING ERRCODE = '22023';
    END IF;
    login := app.agent_login(p_agent);
    SELECT a.role INTO old FROM crm.agent a WHERE a.id = p_agent FOR UPDATE;
    IF old = 'admin' THEN
        PERFORM app.keep_an_admin(p_agent);
    END IF;
    -- In the new role's group only, whatever it was in before.
    FOREACH g IN ARRAY ARRAY['crm_agent', 'crm_lead', 'crm_supervisor', 'crm_admin'] LOOP
        IF g <> 'crm_' || p_role
           AND EXISTS (SELECT 1 FROM pg_auth_members m WHERE m.member = login::regrole AND m.roleid = g::regrole) THEN
            EXECUTE format('REVOKE %I FROM %I', g, login);
        END IF;
    END LOOP;
    EXECUTE format('GRANT %I TO %I', 'crm_' || p_role, login);
    UPDATE crm.agent SET role = p_role WHERE id = p_agent;
END
$$;

-- Deactivated: the login can no longer sign in; the name stays. Active
-- again: it can.
CREATE FUNCTION app.set_agent_active(p_agent uuid, p_active boolean) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS
$$
DECLARE
    login name;
BEGIN
    PERFORM app.check_directory_caller();
    -- One directory change at a time: "the last admin" is counted once.
    PERFORM pg_advisory_xact_lock(hashtext('madoguchi directory'));
    IF p_active IS NULL THEN
        RAISE EXCEPTION 'say whether the agent is active' USING ERRCODE = '22023';
    END IF;
    login := app.agent_login(p_agent);
    IF NOT p_active THEN
        PERFORM app.keep_an_admin(p_agent);
    END IF;
    EXECUTE format('ALTER ROLE %I %s', login, CASE WHEN p_active THEN 'LOGIN' ELSE 'NOLOGIN' END);
    UPDATE crm.agent SET active = p_active WHERE id = p_agent;
    -- A deactivated agent no longer leads a team.
    IF NOT p_active THEN
        PERFORM app.drop_lead(p_agent);
    END IF;
END
$$;

-- A new password, as a SCRAM verifier.
CREATE FUNCTION app.set_agent_password(p_agent uuid, p_verifier text) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS
$$
DECLARE
    login name;
BEGIN
    PERFORM app.check_directory_caller();
    -- One directory change at a time: "the last admin" is counted once.
    PERFORM pg_advisory_xact_lock(hashtext('madoguchi directory'));
    IF p_verifier IS NULL OR p_verifier !~ '^SCRAM-SHA-256\$[0-9]+:[A-Za-z0-9+/]+=*\$[A-Za-z0-9+/]+=*:[A-Za-z0-9+/]+=*$' THEN
        RAISE EXCEPTION 'a password arrives as a SCRAM verifier' USING ERRCODE = '22023';
    END IF;
    login := app.agent_login(p_agent);
    EXECUTE format('ALTER ROLE %I PASSWORD %L', login, p_verifier);
END
$$;

-- Nobody's until granted by name: the four an admin (or the owner) calls.
REVOKE ALL ON FUNCTION app.check_directory_caller(), app.agent_login(uuid), app.keep_an_admin(uuid),
                       app.add_agent(uuid, text, text, text, text, text, uuid, text), app.set_agent_role(uuid, text),
                       app.set_agent_active(uuid, boolean), app.set_agent_password(uuid, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION app.add_agent(uuid, text, text, text, text, text, uuid, text), app.set_agent_role(uuid, text),
                          app.set_agent_active(uuid, boolean), app.set_agent_password(uuid, text) TO crm_admin, crm_owner;

RESET ROLE;
SET LOCAL ROLE crm_owner;
REVOKE CREATE ON SCHEMA app FROM crm_directory;

-- Clears the lead of the teams `p_agent` leads (run as the owner: the
-- directory's functions write no team otherwise).
CREATE FUNCTION app.drop_lead(p_agent uuid) RETURNS void
    LANGUAGE sql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS
$$ UPDATE crm.team SET lead_id = NULL WHERE lead_id = p_agent $$;
REVOKE ALL ON FUNCTION app.drop_lead(uuid) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION app.drop_lead(uuid) TO crm_directory;

RESET ROLE;

-- Logins as their rows say: each in its role's group only, and no login
-- for anyone deactivated or removed (before this version a row could be
-- changed without its login).
DO $$
DECLARE
    a record;
    g text;
BEGIN
    FOR a IN SELECT ag.agent_role, ag.role, ag.active AND ag.deleted_at IS NULL AS live
               FROM crm.agent ag JOIN pg_roles r ON r.rolname = ag.agent_role
              WHERE NOT r.rolsuper AND ag.agent_role NOT LIKE 'crm\_%' AND ag.agent_role NOT LIKE 'pg\_%' LOOP
        FOREACH g IN ARRAY ARRAY['crm_agent', 'crm_lead', 'crm_supervisor', 'crm_admin'] LOOP
            IF g <> 'crm_' || a.role AND pg_has_role(a.agent_role, g, 'MEMBER')
               AND EXISTS (SELECT 1 FROM pg_auth_members m WHERE m.member = a.agent_role::regrole AND m.roleid = g::regrole) THEN
                EXECUTE format('REVOKE %I FROM %I', g, a.agent_role);
            END IF;
        END LOOP;
        IF NOT pg_has_role(a.agent_role, 'crm_' || a.role, 'MEMBER') THEN
            EXECUTE format('GRANT %I TO %I', 'crm_' || a.role, a.agent_role);
        END IF;
        IF NOT a.live THEN
            EXECUTE format('ALTER ROLE %I NOLOGIN', a.agent_role);
        END IF;
    END LOOP;
END
$$;

SET LOCAL ROLE crm_owner;
