-- Peer supporters, their shifts and sessions, and students' requests to talk to one (issue 10).

-- Supporter accounts, made and changed only from the command line (cli/supporters.ts). Accounts are disabled,
-- never deleted, so that the audit log always names who did what.
CREATE TABLE supporters (
  id text COLLATE "C" PRIMARY KEY CHECK (id ~ '^sup_[A-Za-z0-9_-]{1,60}$'),
  -- Trimmed, NFC and lower-cased (supporters/supporter-ids.ts), so one person cannot hold two spellings.
  login text COLLATE "C" NOT NULL UNIQUE CHECK (char_length(login) BETWEEN 1 AND 254),
  display_name text NOT NULL CHECK (char_length(display_name) BETWEEN 1 AND 60),
  -- scrypt with its own salt and cost (supporters/passwords.ts); never the password.
  password_hash text NOT NULL CHECK (password_hash LIKE 'scrypt$%'),
  roles text[] NOT NULL
    CHECK (cardinality(roles) >= 1 AND roles <@ ARRAY['supporter', 'supervisor', 'admin']::text[]),
  -- Training counts from completed_on until the day before expires_on, on the campus's calendar.
  training_completed_on date,
  training_expires_on date,
  disabled_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((training_completed_on IS NULL) = (training_expires_on IS NULL)),
  CHECK (training_expires_on > training_completed_on)
);

-- Weekly shifts on the campus's clock (CampusConfig.timeZone), as the contract writes hours: a range whose closes
-- is earlier than its opens runs past midnight, and "24:00" is the end of the day.
CREATE TABLE supporter_shifts (
  supporter_id text COLLATE "C" NOT NULL REFERENCES supporters (id) ON DELETE CASCADE,
  day text NOT NULL CHECK (day IN ('mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun')),
  opens text NOT NULL CHECK (opens ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'),
  closes text NOT NULL CHECK (closes ~ '^(([01][0-9]|2[0-3]):[0-5][0-9]|24:00)$'),
  -- What the supporter can take on this shift.
  channels text[] NOT NULL
    CHECK (cardinality(channels) >= 1 AND channels <@ ARRAY['chat', 'call', 'video', 'in-person']::text[]),
  PRIMARY KEY (supporter_id, day, opens),
  CHECK (opens <> closes)
);

-- Signed-in sessions. Only the SHA-256 of the token is kept: a copy of this table signs nobody in.
CREATE TABLE supporter_sessions (
  token_hash text COLLATE "C" PRIMARY KEY CHECK (token_hash ~ '^[0-9a-f]{64}$'),
  supporter_id text COLLATE "C" NOT NULL REFERENCES supporters (id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  CHECK (expires_at > created_at)
);

CREATE INDEX supporter_sessions_expires_idx ON supporter_sessions (expires_at);
CREATE INDEX supporter_sessions_supporter_idx ON supporter_sessions (supporter_id);

-- Students' requests. The secret is kept only as the SHA-256 of its normalised form. The note and the contact are
-- personal (maybe health) data: never logged, the contact deleted when the request ends, everything deleted
-- retentionDays after it ended (peer-requests/purge-peer-requests.ts). No column can hold an address or a device.
CREATE TABLE peer_requests (
  id text COLLATE "C" PRIMARY KEY CHECK (id ~ '^pr_[A-Za-z0-9_-]{1,61}$'),
  secret_hash text NOT NULL CHECK (secret_hash ~ '^[0-9a-f]{64}$'),
  status text NOT NULL
    CHECK (status IN ('queued', 'claimed', 'in-progress', 'closed', 'cancelled', 'escalated-to-professional')),
  topic text NOT NULL CHECK (char_length(topic) BETWEEN 1 AND 40),
  support_kind text NOT NULL CHECK (support_kind IN ('listen', 'information', 'finding-services')),
  channel text NOT NULL CHECK (channel IN ('chat', 'call', 'video', 'in-person')),
  -- RequestTiming as sent: { mode: asap } or { mode: scheduled, at }.
  timing jsonb NOT NULL CHECK (jsonb_typeof(timing) = 'object'),
  -- When the request wants a supporter: its arrival, or the chosen time. The queue is served in this order, and a
  -- request handed back keeps it, so it keeps its place at the front. Milliseconds, to round-trip JavaScript.
  due_at timestamptz NOT NULL,
  language text NOT NULL CHECK (char_length(language) BETWEEN 2 AND 35),
  preferences jsonb CHECK (preferences IS NULL OR jsonb_typeof(preferences) = 'object'),
  note text CHECK (char_length(note) BETWEEN 1 AND 500),
  contact_method text NOT NULL CHECK (contact_method IN ('anonymous-code', 'email', 'phone')),
  -- PeerContact as sent, for email and phone only; null once the request has ended.
  contact jsonb CHECK (contact IS NULL OR jsonb_typeof(contact) = 'object'),
  consent_version text NOT NULL CHECK (char_length(consent_version) BETWEEN 1 AND 40),
  claimed_by text COLLATE "C" REFERENCES supporters (id),
  claimed_at timestamptz,
  outcome text CHECK (char_length(outcome) BETWEEN 1 AND 40),
  created_at timestamptz NOT NULL DEFAULT date_trunc('milliseconds', now()),
  updated_at timestamptz NOT NULL DEFAULT date_trunc('milliseconds', now()),
  -- When it was closed or cancelled: the retention clock starts here.
  ended_at timestamptz,
  CHECK ((status IN ('closed', 'cancelled')) = (ended_at IS NOT NULL)),
  CHECK ((status = 'closed') = (outcome IS NOT NULL)),
  CHECK (ended_at IS NULL OR contact IS NULL),
  CHECK (contact_method <> 'anonymous-code' OR contact IS NULL),
  CHECK (status NOT IN ('claimed', 'in-progress') OR claimed_by IS NOT NULL)
);

-- The queue (status queued, served by due_at), the open requests supporters list, and theirs.
CREATE INDEX peer_requests_queued_idx ON peer_requests (due_at, id) WHERE status = 'queued';
CREATE INDEX peer_requests_open_idx ON peer_requests (due_at, id) WHERE ended_at IS NULL;
CREATE INDEX peer_requests_claimed_by_idx ON peer_requests (claimed_by, due_at, id) WHERE claimed_by IS NOT NULL;
-- Retention deletes by end, and requests left open by their last change.
CREATE INDEX peer_requests_ended_idx ON peer_requests (ended_at) WHERE ended_at IS NOT NULL;
CREATE INDEX peer_requests_updated_idx ON peer_requests (updated_at) WHERE ended_at IS NULL;

-- The audit log: every change of state, who made it and when. Never a note or a contact. The check is the state
-- machine of the contract's PeerRequestState, so that no code path can record (or make) a change it does not allow.
CREATE TABLE peer_request_events (
  seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  request_id text COLLATE "C" NOT NULL REFERENCES peer_requests (id) ON DELETE CASCADE,
  at timestamptz NOT NULL DEFAULT date_trunc('milliseconds', now()),
  actor text NOT NULL CHECK (actor IN ('student', 'supporter')),
  supporter_id text COLLATE "C" REFERENCES supporters (id),
  from_status text,
  to_status text NOT NULL,
  CHECK ((actor = 'supporter') = (supporter_id IS NOT NULL)),
  CHECK (
    (actor = 'student' AND from_status IS NULL AND to_status = 'queued')
    OR (actor = 'student' AND from_status IN ('queued', 'claimed', 'in-progress') AND to_status = 'cancelled')
    OR (actor = 'supporter' AND (
      (from_status = 'queued' AND to_status = 'claimed')
      OR (from_status = 'claimed' AND to_status = 'in-progress')
      OR (from_status IN ('claimed', 'in-progress') AND to_status IN ('queued', 'closed'))
      OR (from_status IN ('queued', 'claimed', 'in-progress') AND to_status = 'escalated-to-professional')
      OR (from_status = 'escalated-to-professional' AND to_status = 'closed')
    ))
  )
);

CREATE INDEX peer_request_events_request_idx ON peer_request_events (request_id, seq);

-- One escalation per request (an escalated request cannot be escalated again). Its note is kept as a safety note.
CREATE TABLE peer_request_escalations (
  id text COLLATE "C" PRIMARY KEY CHECK (id ~ '^esc_[A-Za-z0-9_-]{1,60}$'),
  request_id text COLLATE "C" NOT NULL UNIQUE REFERENCES peer_requests (id) ON DELETE CASCADE,
  reason text NOT NULL CHECK (char_length(reason) BETWEEN 1 AND 40),
  created_by text COLLATE "C" NOT NULL REFERENCES supporters (id),
  created_at timestamptz NOT NULL DEFAULT date_trunc('milliseconds', now()),
  acknowledged_at timestamptz
);

-- Supporters' notes: read only by the supporter holding the request and by supervisors; never edited, never logged.
CREATE TABLE peer_request_notes (
  id text COLLATE "C" PRIMARY KEY CHECK (id ~ '^note_[A-Za-z0-9_-]{1,59}$'),
  seq bigint GENERATED ALWAYS AS IDENTITY,
  request_id text COLLATE "C" NOT NULL REFERENCES peer_requests (id) ON DELETE CASCADE,
  kind text NOT NULL CHECK (kind IN ('note', 'handoff', 'safety')),
  body text NOT NULL CHECK (char_length(body) BETWEEN 1 AND 2000),
  author_id text COLLATE "C" NOT NULL REFERENCES supporters (id),
  created_at timestamptz NOT NULL DEFAULT date_trunc('milliseconds', now())
);

CREATE INDEX peer_request_notes_request_idx ON peer_request_notes (request_id, seq);
