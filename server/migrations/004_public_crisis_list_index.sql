-- GET /crisis-resources in one indexed query (crisis-resource-repository.ts, listPublicForPlace): the place's rows
-- come from crisis_resources_active_country_idx, partners named in a row's pairedWith by primary key, and rows
-- naming a selected one in their own pairedWith from this index, so other countries' rows are never read.
CREATE INDEX crisis_resources_active_paired_with_idx ON crisis_resources USING gin ((record -> 'pairedWith'))
  WITH (fastupdate = off) WHERE status = 'active';
