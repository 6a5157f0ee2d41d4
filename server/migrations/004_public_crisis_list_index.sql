-- GET /crisis-resources in one indexed query (crisis-resource-repository.ts, listPublicForPlace): the place's rows
-- come from crisis_resources_active_country_idx, partners a row names in its pairedWith by primary key, and rows
-- naming a selected one in their own pairedWith from this index, so other countries' rows are never read.
-- Not partial, and without a pending list (fastupdate off: writes are rare, and PGlite never vacuums, so pending
-- entries would be scanned by every lookup).
CREATE INDEX crisis_resources_paired_with_idx ON crisis_resources USING gin ((record -> 'pairedWith'))
  WITH (fastupdate = off);
