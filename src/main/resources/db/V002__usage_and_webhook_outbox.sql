-- One row per answered API call. Metadata only: message content is kept only when the operator
-- sets privacy.store_content (column content), never by default.
CREATE TABLE usage_records (
  id               bigserial PRIMARY KEY,
  request_id       text NOT NULL,
  key_id           text REFERENCES api_keys (id),   -- null on the keyless /v1/try routes
  endpoint         text NOT NULL,
  status           integer NOT NULL,
  overall_severity text,
  speaker_severity text,
  verdict          text,
  latency_ms       integer NOT NULL,
  cost_mills       bigint NOT NULL DEFAULT 0,
  conversation_id  text,
  end_user_id      text,
  user_id          text,
  session_id       text,
  agent_id         text,
  content          jsonb,
  created_at       timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX usage_records_key_time ON usage_records (key_id, created_at);
CREATE INDEX usage_records_time ON usage_records (created_at);

-- Webhook subscriptions, owned by an API key. The secret signs deliveries, so it is kept usable.
CREATE TABLE webhooks (
  id                   text PRIMARY KEY,
  key_id               text NOT NULL REFERENCES api_keys (id),
  url                  text NOT NULL,
  min_risk_level       text NOT NULL CHECK (min_risk_level IN ('low', 'moderate', 'high', 'critical')),
  include_conversation boolean NOT NULL DEFAULT false,
  secret               text NOT NULL,
  active               boolean NOT NULL DEFAULT true,
  created_at           timestamptz NOT NULL DEFAULT now(),
  updated_at           timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX webhooks_key ON webhooks (key_id) WHERE active;

-- The outbox: an event is written in the same transaction as the usage record of the call that
-- raised it, so an answered call never loses its event. Delivery reads and updates these rows.
CREATE TABLE webhook_events (
  id              text PRIMARY KEY,
  webhook_id      text NOT NULL REFERENCES webhooks (id) ON DELETE CASCADE,
  usage_id        bigint REFERENCES usage_records (id) ON DELETE SET NULL,
  event           text NOT NULL,
  payload         jsonb NOT NULL,
  created_at      timestamptz NOT NULL DEFAULT now(),
  attempts        integer NOT NULL DEFAULT 0,
  next_attempt_at timestamptz NOT NULL DEFAULT now(),
  delivered_at    timestamptz,
  failed_at       timestamptz,
  last_status     integer,
  last_error      text
);
CREATE INDEX webhook_events_due ON webhook_events (next_attempt_at) WHERE delivered_at IS NULL AND failed_at IS NULL;
