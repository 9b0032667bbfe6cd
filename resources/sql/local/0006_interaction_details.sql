-- Madoguchi local schema, version 6: what is specific to a channel (the
-- e-mail address used, where a visit took place, the social account, the web
-- page, the chat reference), as a JSON object of text fields.
ALTER TABLE interactions ADD COLUMN details TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(details));
