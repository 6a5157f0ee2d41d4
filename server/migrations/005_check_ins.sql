-- Anonymous check-ins (POST /check-ins). No column can hold an IP address, a user agent or any other identifier of
-- the student; the answers are kept as sent. Rows are deleted after the campus's retentionDays
-- (retention/purge-check-ins.ts). Times are kept to the millisecond, so that they round-trip through JavaScript and
-- the follow-up list's page cursors stay exact.
CREATE TABLE check_ins (
  id text COLLATE "C" PRIMARY KEY CHECK (id ~ '^ci_[A-Za-z0-9_-]{1,61}$'),
  instrument text NOT NULL CHECK (instrument IN ('mood', 'who5', 'phq4')),
  -- mood: { level, emotions?, topics?, note? }; who5 and phq4: the array of answers in the contract's order.
  answers jsonb NOT NULL,
  safety_concern boolean NOT NULL,
  locale text NOT NULL CHECK (char_length(locale) BETWEEN 2 AND 35),
  -- The CheckInBand of a WHO-5 or PHQ-4 check-in, and the level of a quick mood one: what the staff summary counts.
  band text CHECK (band IN ('typical', 'low', 'very-low', 'none', 'mild', 'moderate', 'severe')),
  mood_level smallint CHECK (mood_level BETWEEN 1 AND 5),
  received_at timestamptz NOT NULL DEFAULT date_trunc('milliseconds', now()),
  CHECK ((instrument = 'mood') = (mood_level IS NOT NULL)),
  CHECK ((instrument = 'mood') = (band IS NULL))
);

-- Retention deletes by age; the staff summary counts a range of weeks.
CREATE INDEX check_ins_received_at_idx ON check_ins (received_at);

-- A student's request that someone gets in touch, kept apart from the answers. Deleted with its check-in; the
-- contact itself is deleted as soon as staff mark the request done.
CREATE TABLE check_in_follow_ups (
  id text COLLATE "C" PRIMARY KEY CHECK (id ~ '^fu_[A-Za-z0-9_-]{1,61}$'),
  check_in_id text COLLATE "C" NOT NULL UNIQUE REFERENCES check_ins (id) ON DELETE CASCADE,
  channel text NOT NULL CHECK (channel IN ('email', 'phone')),
  contact text CHECK (char_length(contact) BETWEEN 3 AND 254),
  consent_version text NOT NULL CHECK (char_length(consent_version) BETWEEN 1 AND 64),
  -- The check-in's received_at, copied so that the open list pages on one index.
  received_at timestamptz NOT NULL,
  done_at timestamptz,
  CHECK ((done_at IS NULL) = (contact IS NOT NULL))
);

CREATE INDEX check_in_follow_ups_open_idx ON check_in_follow_ups (received_at, id) WHERE done_at IS NULL;

-- Rate limits shared by every instance on this database. A client is known only by a keyed hash of its address,
-- made with the day's secret; once a day's secret is deleted, nobody can link its keys to addresses any more.
CREATE TABLE rate_limit_secrets (
  day date PRIMARY KEY,
  secret text NOT NULL CHECK (secret ~ '^[0-9a-f]{64}$')
);

CREATE TABLE rate_limit_windows (
  scope text NOT NULL,
  client_key text NOT NULL,
  window_end timestamptz NOT NULL,
  hits integer NOT NULL CHECK (hits >= 1),
  PRIMARY KEY (scope, client_key, window_end)
);

CREATE INDEX rate_limit_windows_end_idx ON rate_limit_windows (window_end);

-- CampusConfig.checkIn (topics, emotion words, follow-up), absent until an operator or the demo seed sets it.
ALTER TABLE campus_config
  ADD COLUMN check_in_settings jsonb CHECK (check_in_settings IS NULL OR jsonb_typeof(check_in_settings) = 'object');
