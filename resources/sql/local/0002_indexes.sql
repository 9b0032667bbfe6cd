-- Madoguchi local schema, version 2: indexes for lists, look-ups and reports.

CREATE INDEX agents_team ON agents(team_id);
CREATE INDEX customers_sort ON customers(sort_key, id);
CREATE INDEX customers_organization ON customers(organization_id);
CREATE INDEX organizations_sort ON organizations(sort_key, id);
CREATE INDEX customer_contacts_value ON customer_contacts(value);
CREATE INDEX customer_contacts_customer ON customer_contacts(customer_id);
CREATE INDEX tickets_customer ON tickets(customer_id);
CREATE INDEX tickets_created ON tickets(created_at);
CREATE INDEX tickets_status_assignee ON tickets(status, assignee_id);
CREATE INDEX tickets_solved ON tickets(solved_at) WHERE solved_at IS NOT NULL;
CREATE INDEX interactions_customer ON interactions(customer_id, started_at) WHERE deleted_at IS NULL;
CREATE INDEX interactions_ticket ON interactions(ticket_id) WHERE ticket_id IS NOT NULL;
CREATE INDEX interactions_started ON interactions(started_at);
CREATE INDEX ticket_events_ticket ON ticket_events(ticket_id, at);
CREATE INDEX csat_received ON csat_responses(received_at);
CREATE INDEX csat_ticket ON csat_responses(ticket_id);
