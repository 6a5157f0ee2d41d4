-- Crisis lines and services. `record` holds the public CrisisResource document exactly as the API returns it; the
-- other columns copy the parts of it that queries filter and sort on (written together with `record`, in one place:
-- crisis-resource-repository.ts), plus the staff-only history (status, verification note, retirement).
-- Rows are never deleted: a retired resource stays for history.
CREATE TABLE crisis_resources (
  -- Bytewise collation on id and name, so that PGlite and PostgreSQL sort (and page) the staff list alike.
  id text COLLATE "C" PRIMARY KEY CHECK (id ~ '^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$'),
  record jsonb NOT NULL CHECK (jsonb_typeof(record) = 'object' AND (record->>'id') COLLATE "C" = id),
  name text COLLATE "C" NOT NULL CHECK (char_length(name) BETWEEN 1 AND 120),
  country text NOT NULL CHECK (country ~ '^[A-Z]{2}$'),
  subdivisions text[] NOT NULL DEFAULT '{}',
  scope text NOT NULL CHECK (scope IN ('national', 'regional', 'campus')),
  languages text[] NOT NULL,
  topics text[] NOT NULL,
  status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'retired')),
  priority integer NOT NULL DEFAULT 0 CHECK (priority BETWEEN 0 AND 1000),
  verified_at date NOT NULL,
  verification_note text CHECK (char_length(verification_note) BETWEEN 1 AND 500),
  retired_at timestamptz,
  retired_reason text CHECK (retired_reason IN ('service-ended', 'replaced', 'duplicate', 'inaccurate', 'other')),
  retired_note text CHECK (char_length(retired_note) BETWEEN 1 AND 500),
  replaced_by text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  -- A retired row always says when and why; an active one never carries a retirement.
  CHECK ((status = 'retired') = (retired_at IS NOT NULL)),
  CHECK ((status = 'retired') = (retired_reason IS NOT NULL))
);

-- The public list: active resources of one country, national ones plus those covering a subdivision.
CREATE INDEX crisis_resources_active_country_idx ON crisis_resources (country, scope) WHERE status = 'active';
CREATE INDEX crisis_resources_subdivisions_idx ON crisis_resources USING gin (subdivisions);
-- The staff list pages by name and finds records that are due to be checked again.
CREATE INDEX crisis_resources_name_idx ON crisis_resources (name, id);
CREATE INDEX crisis_resources_verified_at_idx ON crisis_resources (verified_at);
