-- Peer support groups (GET /groups, registrations, /admin/groups). `record` holds what staff entered (GroupInput with
-- its defaults, plus the sessions they cancelled); the other columns are derived from it, or counted, for the
-- queries that filter, sort and lock on them (groups/group-repository.ts writes both together).
CREATE TABLE groups (
  -- Bytewise collation, so that PGlite and PostgreSQL order (and page) alike.
  id text COLLATE "C" PRIMARY KEY CHECK (id ~ '^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$'),
  record jsonb NOT NULL CHECK (jsonb_typeof(record) = 'object'),
  name text COLLATE "C" NOT NULL CHECK (char_length(name) BETWEEN 1 AND 120),
  -- What GET /groups filters on, as the lexemes of one tsvector under one GIN index, so that every filter and the
  -- free text are matched together inside the index: the words of the name and summary, lower-cased and without
  -- accents (groups/search-words.ts), and one tag per filter value, '#topic:grief', '#day:tue', '#lang:es-mx'…
  -- (groups/facets.ts). A tag starts with '#', which no word does, so no word prefix ever matches a tag.
  search tsvector NOT NULL,
  sensitive boolean NOT NULL,
  capacity integer CHECK (capacity BETWEEN 1 AND 1000),
  waitlist_enabled boolean NOT NULL,
  registration_open boolean NOT NULL,
  -- Kept by the registration and cancellation transactions, which lock this row first.
  registered_count integer NOT NULL DEFAULT 0 CHECK (registered_count >= 0),
  waitlisted_count integer NOT NULL DEFAULT 0 CHECK (waitlisted_count >= 0),
  -- Sessions are written out (group_sessions) up to this instant; housekeeping moves it forward.
  sessions_until timestamptz NOT NULL,
  -- When the last session ends; null for a schedule that goes on.
  ends_at timestamptz,
  -- Archived groups (DELETE /admin/groups/{id}) are gone for everyone; the row stays without registrations.
  archived_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- fastupdate off: groups are written rarely and read on every search, and a GIN pending list (which PGlite, never
-- vacuuming, would only ever grow) made each search scan it row by row: 10 ms of 14 on 10,000 groups.
CREATE INDEX groups_search_idx ON groups USING gin (search) WITH (fastupdate = off) WHERE archived_at IS NULL;
-- The staff list pages by name.
CREATE INDEX groups_name_idx ON groups (name, id) WHERE archived_at IS NULL;

-- Each group's sessions from shortly before now to its sessions_until, as instants (the schedule expanded in the
-- group's own time zone). The finder sorts by a group's next session that is not cancelled, found through the
-- primary key. A cancelled session stays, flagged, so that nobody turns up in vain.
CREATE TABLE group_sessions (
  group_id text COLLATE "C" NOT NULL REFERENCES groups (id) ON DELETE CASCADE,
  starts_at timestamptz NOT NULL,
  ends_at timestamptz NOT NULL CHECK (ends_at > starts_at),
  -- The local start in the group's zone, as the contract writes it: what staff name to cancel a session.
  start_local text NOT NULL CHECK (start_local ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}$'),
  cancelled boolean NOT NULL DEFAULT false,
  PRIMARY KEY (group_id, starts_at)
);

-- Registrations without an account. The cancel token is kept only as its SHA-256. Name, email and accessibility
-- needs are personal data (needs may be health data): never logged, deleted on cancel, and deleted once the group
-- has ended and the campus's retentionDays have passed (groups/purge-registrations.ts).
CREATE TABLE group_registrations (
  id text COLLATE "C" PRIMARY KEY CHECK (id ~ '^reg_[A-Za-z0-9_-]{1,60}$'),
  group_id text COLLATE "C" NOT NULL REFERENCES groups (id) ON DELETE CASCADE,
  -- Order of arrival: the waitlist is served in this order.
  seq bigint GENERATED ALWAYS AS IDENTITY,
  status text NOT NULL CHECK (status IN ('registered', 'waitlisted', 'cancelled')),
  token_hash text NOT NULL CHECK (token_hash ~ '^[0-9a-f]{64}$'),
  name text CHECK (char_length(name) BETWEEN 1 AND 80),
  email text CHECK (char_length(email) BETWEEN 3 AND 254),
  accessibility_needs text CHECK (char_length(accessibility_needs) BETWEEN 1 AND 500),
  consent_version text CHECK (char_length(consent_version) BETWEEN 1 AND 40),
  discreet_email boolean NOT NULL,
  locale text NOT NULL CHECK (char_length(locale) BETWEEN 2 AND 35),
  created_at timestamptz NOT NULL DEFAULT now(),
  promoted_at timestamptz,
  cancelled_at timestamptz,
  CHECK ((status = 'cancelled') = (cancelled_at IS NOT NULL)),
  CHECK (status <> 'cancelled' OR (name IS NULL AND email IS NULL AND accessibility_needs IS NULL)),
  CHECK ((email IS NULL AND accessibility_needs IS NULL) OR consent_version IS NOT NULL)
);

-- The first on a group's waitlist, and a place in it.
CREATE INDEX group_registrations_waitlist_idx ON group_registrations (group_id, seq) WHERE status = 'waitlisted';
CREATE INDEX group_registrations_group_idx ON group_registrations (group_id);

-- The key that signs GET /groups page cursors, shared by every instance on this database (the first to need it
-- makes it), so that a cursor from one instance works on another and a changed cursor is refused.
CREATE TABLE group_cursor_keys (
  id smallint PRIMARY KEY CHECK (id = 1),
  secret text NOT NULL CHECK (secret ~ '^[0-9a-f]{64}$'),
  created_at timestamptz NOT NULL DEFAULT now()
);
