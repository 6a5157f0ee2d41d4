import type {
  AdminCrisisResource,
  CrisisResource,
  CrisisResourceStatus,
  ResourceScope,
  Retirement,
  RetirementReason,
} from '../contract/api-types.ts';
import type { Queryable } from '../db/database.ts';

interface CrisisResourceRow {
  [column: string]: unknown;
  record: CrisisResource;
  status: CrisisResourceStatus;
  verification_note: string | null;
  retired_at: Date | null;
  retired_reason: RetirementReason | null;
  retired_note: string | null;
  replaced_by: string | null;
  created_at: Date;
  updated_at: Date;
}

const COLUMNS = `record, status, verification_note, retired_at, retired_reason, retired_note, replaced_by,
  created_at, updated_at`;

export function toAdminCrisisResource(row: CrisisResourceRow): AdminCrisisResource {
  const resource: AdminCrisisResource = {
    ...row.record,
    status: row.status,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
  // Absent rather than null: the contract types these as plain optional fields.
  if (row.retired_at) resource.retiredAt = row.retired_at.toISOString();
  if (row.retired_reason) {
    const retirement: Retirement = { reason: row.retired_reason };
    if (row.retired_note) retirement.note = row.retired_note;
    if (row.replaced_by) retirement.replacedBy = row.replaced_by;
    resource.retirement = retirement;
  }
  if (row.verification_note) resource.verificationNote = row.verification_note;
  return resource;
}

/** The columns copied out of the record, in the order of the $2.. parameters below. */
function derivedValues(record: CrisisResource): unknown[] {
  return [
    JSON.stringify(record),
    record.name,
    record.country,
    record.subdivisions,
    record.scope,
    record.languages,
    record.topics,
    record.priority,
    record.verifiedAt,
  ];
}

const DERIVED_ASSIGNMENTS = `record = $2::jsonb, name = $3, country = $4, subdivisions = $5, scope = $6,
  languages = $7, topics = $8, priority = $9, verified_at = $10`;

export async function findCrisisResource(
  db: Queryable,
  id: string,
  options: { forUpdate?: boolean } = {},
): Promise<AdminCrisisResource | undefined> {
  const [row] = await db.query<CrisisResourceRow>(
    `SELECT ${COLUMNS} FROM crisis_resources WHERE id = $1${options.forUpdate ? ' FOR UPDATE' : ''}`,
    [id],
  );
  return row && toAdminCrisisResource(row);
}

/** Inserts a new active record; undefined when the id is taken. */
export async function insertCrisisResource(
  db: Queryable,
  record: CrisisResource,
  verificationNote?: string,
): Promise<AdminCrisisResource | undefined> {
  const [row] = await db.query<CrisisResourceRow>(
    `INSERT INTO crisis_resources
       (id, record, name, country, subdivisions, scope, languages, topics, priority, verified_at, verification_note)
     VALUES ($1, $2::jsonb, $3, $4, $5, $6, $7, $8, $9, $10, $11)
     ON CONFLICT (id) DO NOTHING
     RETURNING ${COLUMNS}`,
    [record.id, ...derivedValues(record), verificationNote ?? null],
  );
  return row && toAdminCrisisResource(row);
}

/** Replaces an active record's content (edits, pairing changes, verification). */
export async function updateCrisisResource(
  db: Queryable,
  record: CrisisResource,
  changes: { verificationNote?: string | null } = {},
): Promise<AdminCrisisResource> {
  const setNote = 'verificationNote' in changes;
  const [row] = await db.query<CrisisResourceRow>(
    `UPDATE crisis_resources
        SET ${DERIVED_ASSIGNMENTS}${setNote ? ', verification_note = $11' : ''}, updated_at = now()
      WHERE id = $1
      RETURNING ${COLUMNS}`,
    [record.id, ...derivedValues(record), ...(setNote ? [changes.verificationNote ?? null] : [])],
  );
  if (!row) throw new Error(`crisis resource ${record.id} vanished during an update`);
  return toAdminCrisisResource(row);
}

export async function retireCrisisResource(
  db: Queryable,
  record: CrisisResource,
  retirement: Retirement,
): Promise<AdminCrisisResource> {
  const [row] = await db.query<CrisisResourceRow>(
    `UPDATE crisis_resources
        SET ${DERIVED_ASSIGNMENTS}, status = 'retired', retired_at = now(), retired_reason = $11,
            retired_note = $12, replaced_by = $13, updated_at = now()
      WHERE id = $1
      RETURNING ${COLUMNS}`,
    [record.id, ...derivedValues(record), retirement.reason, retirement.note ?? null, retirement.replacedBy ?? null],
  );
  if (!row) throw new Error(`crisis resource ${record.id} vanished while being retired`);
  return toAdminCrisisResource(row);
}

export interface PlaceFilter {
  country: string;
  region: string | undefined;
  scope: ResourceScope | undefined;
}

/**
 * What GET /crisis-resources lists, before ordering, in one query: the active resources of a country (every
 * national one, plus regional and campus ones covering `region`, optionally of one `scope`), and every active
 * resource linked to them by pairing, in either direction and in turn. Both directions, so that a one-sided pairing
 * (say, left by a demo reseed) still keeps a pair together; partners may be of another country or scope.
 *
 * Every step is an index lookup (migrations 003 and 004): the place by (country, scope), partners a row names by
 * primary key, rows naming a selected one through the GIN index on record->'pairedWith'. So its cost depends on
 * the size of the answer, not on how many rows other countries have. UNION (not UNION ALL) drops rows already
 * found, which ends the walk on a pairing loop.
 *
 * Partners are filtered with `status <> 'retired'` (the same rows: status is active or retired), not
 * `status = 'active'`: without statistics (PGlite never analyzes on its own) the planner would otherwise combine
 * the partial index on active rows with the lookup, reading every active row of every country on each step.
 */
export async function listPublicForPlace(db: Queryable, filter: PlaceFilter): Promise<CrisisResource[]> {
  const rows = await db.query<{ record: CrisisResource }>(
    `WITH RECURSIVE linked (id, record) AS (
       SELECT id, record FROM crisis_resources
        WHERE status = 'active' AND country = $1
          AND (scope = 'national' OR ($2::text IS NOT NULL AND $2::text = ANY (subdivisions)))
          AND ($3::text IS NULL OR scope = $3::text)
       UNION
       SELECT partner.id, partner.record
         FROM linked
         CROSS JOIN LATERAL (
           SELECT id, record FROM crisis_resources
            WHERE id = ANY (ARRAY(SELECT jsonb_array_elements_text(linked.record -> 'pairedWith'))) AND status <> 'retired'
           UNION ALL
           SELECT id, record FROM crisis_resources
            WHERE (record -> 'pairedWith') ? linked.id AND status <> 'retired'
         ) AS partner
     )
     SELECT record FROM linked`,
    [filter.country, filter.region ?? null, filter.scope ?? null],
  );
  return rows.map((row) => row.record);
}

export interface AdminListFilter {
  status: CrisisResourceStatus | undefined;
  country: string | undefined;
  verifiedBefore: string | undefined;
  /** Every word must occur in the name (case-insensitive). */
  words: string[];
  /** The id of the last item of the previous page. */
  after: string | undefined;
  limit: number;
}

function likePattern(word: string): string {
  return `%${word.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
}

/** One page in name order (ties by id); asks for one extra row to know whether another page follows. */
export async function listAdminPage(
  db: Queryable,
  filter: AdminListFilter,
): Promise<{ items: AdminCrisisResource[]; hasMore: boolean }> {
  const params: unknown[] = [];
  const where: string[] = [];
  const param = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  if (filter.status) where.push(`status = ${param(filter.status)}`);
  if (filter.country) where.push(`country = ${param(filter.country)}`);
  if (filter.verifiedBefore) where.push(`verified_at < ${param(filter.verifiedBefore)}::date`);
  for (const word of filter.words) where.push(`name ILIKE ${param(likePattern(word))}`);
  if (filter.after) {
    const after = param(filter.after);
    where.push(`(name, id) > (SELECT name, id FROM crisis_resources WHERE id = ${after})`);
  }
  const rows = await db.query<CrisisResourceRow>(
    `SELECT ${COLUMNS} FROM crisis_resources
      ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''}
      ORDER BY name, id
      LIMIT ${param(filter.limit + 1)}`,
    params,
  );
  return {
    items: rows.slice(0, filter.limit).map(toAdminCrisisResource),
    hasMore: rows.length > filter.limit,
  };
}

/**
 * For seeds: inserts the record, or replaces an active one's content when it differs. Retired records are left
 * alone (a person decided the service should not be shown) and unchanged ones keep their updated_at.
 */
export async function upsertSeedCrisisResource(db: Queryable, record: CrisisResource): Promise<void> {
  await db.query(
    `INSERT INTO crisis_resources (id, record, name, country, subdivisions, scope, languages, topics, priority,
       verified_at)
     VALUES ($1, $2::jsonb, $3, $4, $5, $6, $7, $8, $9, $10)
     ON CONFLICT (id) DO UPDATE
       SET record = EXCLUDED.record, name = EXCLUDED.name, country = EXCLUDED.country,
           subdivisions = EXCLUDED.subdivisions, scope = EXCLUDED.scope, languages = EXCLUDED.languages,
           topics = EXCLUDED.topics, priority = EXCLUDED.priority, verified_at = EXCLUDED.verified_at,
           updated_at = now()
       WHERE crisis_resources.status = 'active' AND crisis_resources.record IS DISTINCT FROM EXCLUDED.record`,
    [record.id, ...derivedValues(record)],
  );
}
