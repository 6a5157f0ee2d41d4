-- The campus this deployment serves: exactly one row. The defaults are deliberately neutral (no country, no
-- opening hours, only crisis resources switched on) until an operator or the demo seed fills them in.
CREATE TABLE campus_config (
  id smallint PRIMARY KEY DEFAULT 1 CHECK (id = 1),
  campus_name text NOT NULL CHECK (char_length(campus_name) BETWEEN 1 AND 120),
  time_zone text NOT NULL,
  default_locale text NOT NULL,
  locales text[] NOT NULL CHECK (cardinality(locales) BETWEEN 1 AND 20),
  -- 'ZZ' is the conventional "unknown region" code: better than pretending to be in some country.
  country text NOT NULL CHECK (country ~ '^[A-Z]{2}$'),
  region text CHECK (region ~ '^[A-Z]{2}-[A-Z0-9]{1,3}$'),
  feature_check_in boolean NOT NULL,
  feature_groups boolean NOT NULL,
  feature_peer_requests boolean NOT NULL,
  feature_crisis_resources boolean NOT NULL,
  peer_support_hours jsonb NOT NULL,
  privacy_notice_url text CHECK (privacy_notice_url LIKE 'https://%'),
  counselling_url text CHECK (counselling_url LIKE 'https://%'),
  retention_days integer NOT NULL CHECK (retention_days BETWEEN 1 AND 3650),
  updated_at timestamptz NOT NULL DEFAULT now()
);

INSERT INTO campus_config (
  id, campus_name, time_zone, default_locale, locales, country, region,
  feature_check_in, feature_groups, feature_peer_requests, feature_crisis_resources,
  peer_support_hours, privacy_notice_url, counselling_url, retention_days
) VALUES (
  1, 'Campus', 'UTC', 'en', ARRAY['en'], 'ZZ', NULL,
  false, false, false, true,
  '{"timeZone":"UTC","alwaysOpen":false,"weekly":[]}'::jsonb, NULL, NULL, 30
);
