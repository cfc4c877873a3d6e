-- Limits the admin gave a key of its own (enterprise keys); null means its plan's limits from config.
ALTER TABLE api_keys
  ADD COLUMN rate_limit_per_minute integer CHECK (rate_limit_per_minute > 0),
  ADD COLUMN rate_limit_per_day    integer CHECK (rate_limit_per_day > 0);

-- A key's per-request state: its minute and day counters and its prepaid balance, in one row so a
-- single UPDATE admits a call (both limits) and charges it, atomically across every instance.
-- Windows are numbered by the database clock (minutes / UTC days since the epoch), so instances with
-- skewed clocks still agree. A window rolls over in place: there are no old windows to clean up.
-- billing = false: the key is unmetered (no prepaid billing), its balance is not used.
CREATE TABLE key_meters (
  key_id        text PRIMARY KEY REFERENCES api_keys (id),
  minute_window bigint NOT NULL DEFAULT 0,
  minute_count  integer NOT NULL DEFAULT 0,
  day_window    bigint NOT NULL DEFAULT 0,
  day_count     integer NOT NULL DEFAULT 0,
  billing       boolean NOT NULL DEFAULT false,
  balance_mills bigint NOT NULL DEFAULT 0 CHECK (balance_mills >= 0)
) WITH (fillfactor = 50);   -- room on the page for HOT updates: one new row version per request

INSERT INTO key_meters (key_id) SELECT id FROM api_keys;

-- Every change of a balance made by an operator (top-ups, corrections), for reconciliation.
-- Per-call charges are in usage_records.cost_mills.
CREATE TABLE balance_changes (
  id            bigserial PRIMARY KEY,
  key_id        text NOT NULL REFERENCES api_keys (id),
  delta_mills   bigint NOT NULL,
  balance_mills bigint NOT NULL,
  note          text,
  created_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX balance_changes_key ON balance_changes (key_id, created_at);

-- Purging usage records sets webhook_events.usage_id to null: without this index every deleted
-- record would scan the outbox.
CREATE INDEX webhook_events_usage ON webhook_events (usage_id);
