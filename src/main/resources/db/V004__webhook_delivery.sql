-- Delivery state for the webhook outbox (V002).
-- A worker claims a due row by pushing next_attempt_at one lease ahead and stamping claim_token in
-- one short statement (FOR UPDATE SKIP LOCKED); the outcome is written only while the token still
-- matches, so an instance whose lease ran out cannot overwrite the claim of the one that retried.
ALTER TABLE webhook_events ADD COLUMN claim_token text;
ALTER TABLE webhook_events ADD COLUMN last_attempt_at timestamptz;
CREATE INDEX webhook_events_webhook_time ON webhook_events (webhook_id, created_at DESC);

-- The delivery log: one row per attempt. Status and a short error only, never a body.
CREATE TABLE webhook_attempts (
  id           bigserial PRIMARY KEY,
  event_id     text NOT NULL REFERENCES webhook_events (id) ON DELETE CASCADE,
  attempt      integer NOT NULL,
  attempted_at timestamptz NOT NULL DEFAULT now(),
  http_status  integer,
  error        text,
  duration_ms  integer NOT NULL,
  outcome      text NOT NULL CHECK (outcome IN ('delivered', 'retry', 'failed'))
);
CREATE INDEX webhook_attempts_event ON webhook_attempts (event_id, attempt);
