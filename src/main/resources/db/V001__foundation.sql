-- API keys: only the SHA-256 of a key is stored; the key itself is shown once at creation.
CREATE TABLE api_keys (
  id            text PRIMARY KEY,
  key_hash      bytea NOT NULL UNIQUE,
  key_prefix    text NOT NULL,
  name          text NOT NULL,
  plan          text NOT NULL CHECK (plan IN ('free', 'pro', 'enterprise')),
  test          boolean NOT NULL,
  created_at    timestamptz NOT NULL DEFAULT now(),
  last_used_at  timestamptz,
  revoked_at    timestamptz
);

-- The crisis-resource directory, imported from the bundled data set at start-up.
CREATE TABLE crisis_resources (
  id                text PRIMARY KEY,
  country           text NOT NULL,
  type              text NOT NULL,
  name              text NOT NULL,
  priority_tier     text NOT NULL,
  tier_rank         integer NOT NULL,
  verified          boolean NOT NULL,
  is_24_7           boolean NOT NULL,
  service_scope     text[] NOT NULL,
  population_served text[] NOT NULL,
  languages         text[] NOT NULL,
  region            text,
  data              jsonb NOT NULL
);
CREATE INDEX crisis_resources_country ON crisis_resources (country, tier_rank, verified DESC);
CREATE INDEX crisis_resources_scope ON crisis_resources USING gin (service_scope);

CREATE TABLE emergency_numbers (
  country  text PRIMARY KEY,
  name     text NOT NULL,
  verified boolean NOT NULL,
  data     jsonb NOT NULL
);

-- Which bundled data-set version is loaded, so a restart re-imports only when the data changed.
CREATE TABLE directory_import (
  singleton   boolean PRIMARY KEY DEFAULT true CHECK (singleton),
  data_sha256 text NOT NULL,
  imported_at timestamptz NOT NULL DEFAULT now(),
  resources   integer NOT NULL,
  countries   integer NOT NULL
);
