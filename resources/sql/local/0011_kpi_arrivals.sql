-- The dashboard's arrivals heatmap and the staffing calculator count inbound
-- interactions by hour: the handling index gains the direction so that the
-- KPI pass over a period's interactions still reads the index alone.
DROP INDEX interactions_handling;
CREATE INDEX interactions_handling ON interactions(started_at, channel, direction, agent_id, duration_s, wrap_up_s, deleted_at);
