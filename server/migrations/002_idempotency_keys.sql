-- Records of POSTs sent with an Idempotency-Key, so that a retry replays the first response instead of creating
-- a second record. Rows live 24 hours (purged periodically); bodies may hold personal data, so keep that short.
CREATE TABLE idempotency_keys (
  key text NOT NULL CHECK (char_length(key) BETWEEN 1 AND 255),
  method text NOT NULL,
  path text NOT NULL,
  -- sha-256 of what makes two requests "the same": method, path, query, body and the credentials sent.
  request_hash text NOT NULL,
  -- Identifies the request that holds the claim, so only it may complete or release the row.
  claim_token text NOT NULL,
  state text NOT NULL CHECK (state IN ('in-flight', 'done')),
  status integer,
  headers jsonb,
  body text,
  created_at timestamptz NOT NULL DEFAULT now(),
  completed_at timestamptz,
  PRIMARY KEY (key, method, path)
);

CREATE INDEX idempotency_keys_created_at_idx ON idempotency_keys (created_at);
