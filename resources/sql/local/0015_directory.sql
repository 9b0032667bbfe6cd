-- Madoguchi local schema, version 15: the people of a team that starts
-- without a server. An agent's name has a reading (kana), so that Japanese
-- names sort and are found as they are said; a team has a lead.
ALTER TABLE agents ADD COLUMN name_reading TEXT NOT NULL DEFAULT '';
ALTER TABLE teams ADD COLUMN lead_id BLOB REFERENCES agents(id);
