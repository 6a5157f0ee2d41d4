import { readCampusConfig } from '../campus-config/campus-config-repository.ts';
import type {
  AdminCrisisResource,
  AdminCrisisResourceList,
  CrisisResource,
  JsonBodyOf,
  QueryOf,
} from '../contract/api-types.ts';
import type { CompiledContract } from '../contract/compiled-contract.ts';
import { toFieldErrors } from '../contract/field-errors.ts';
import { componentSchemaValidator } from '../contract/schema-validator.ts';
import { decodeCursor, encodeCursor } from '../crisis-resources/admin-cursor.ts';
import { applyPatch } from '../crisis-resources/apply-patch.ts';
import {
  findCrisisResource,
  insertCrisisResource,
  listAdminPage,
  retireCrisisResource,
  updateCrisisResource,
} from '../crisis-resources/crisis-resource-repository.ts';
import { crisisResourceRuleErrors, verifiedAtErrors } from '../crisis-resources/crisis-resource-rules.ts';
import { mirrorPairing, pairingErrors } from '../crisis-resources/pairing.ts';
import { publicRecord } from '../crisis-resources/public-record.ts';
import { generateResourceId } from '../crisis-resources/resource-id.ts';
import type { Queryable } from '../db/database.ts';
import { todayIn } from '../hours/time-zones.ts';
import { HttpProblem, type FieldError } from '../http/problem.ts';
import { validationProblem } from '../http/validation-problem.ts';
import type { HandlerMap, OperationHandler } from './handler-types.ts';

/** Generated ids carry 32 random bits; a clash is near impossible, but one retry costs nothing. */
const GENERATED_ID_ATTEMPTS = 3;

async function campusToday(tx: Queryable): Promise<string> {
  return todayIn((await readCampusConfig(tx)).timeZone);
}

/**
 * Everything a record must satisfy before it is saved: the contract schema (again, on the whole record after
 * defaults or a merge), the rules beyond the schema, and, inside the transaction, the pairing. Throws a 400 naming
 * every bad field, so that nothing is stored.
 */
async function assertSavable(
  tx: Queryable,
  contract: CompiledContract,
  record: CrisisResource,
  previousPairs: readonly string[],
): Promise<void> {
  const validate = componentSchemaValidator(contract, 'CrisisResource');
  if (!validate(record)) throw validationProblem(toFieldErrors('body', validate.errors));
  const errors: FieldError[] = [
    ...crisisResourceRuleErrors(record),
    ...(await pairingErrors(tx, record, previousPairs)),
  ];
  if (errors.length > 0) throw validationProblem(errors);
}

async function findForChange(tx: Queryable, id: string): Promise<AdminCrisisResource> {
  const existing = await findCrisisResource(tx, id, { forUpdate: true });
  if (!existing) throw new HttpProblem(404, { detail: 'No crisis resource has this id.' });
  return existing;
}

function assertActive(resource: AdminCrisisResource, action: string): void {
  if (resource.status === 'retired') {
    throw new HttpProblem(409, { detail: `This resource is retired, so it cannot be ${action}.` });
  }
}

/**
 * An admin write, followed by dropping every kept public answer (GET /crisis-resources), so that the change shows
 * at once. It runs after the handler's transaction has committed, or rolled back (then it costs only a refetch).
 */
function changesPublicList(handler: OperationHandler): OperationHandler {
  return async (c, input) => {
    try {
      return await handler(c, input);
    } finally {
      c.var.deps.crisisListCache.clear();
    }
  };
}

export const adminCrisisResourceHandlers: HandlerMap = {
  'GET /admin/crisis-resources': async (c, input) => {
    const query = input.query as QueryOf<'adminListCrisisResources'>;
    // The contract gives limit a default, which the request validator fills in.
    const limit = query.limit!;
    const page = await listAdminPage(c.var.deps.db, {
      status: query.status,
      country: query.country,
      verifiedBefore: query.verifiedBefore,
      words: typeof query.q === 'string' ? query.q.split(/\s+/).filter((word) => word !== '') : [],
      after: typeof query.cursor === 'string' ? decodeCursor(query.cursor) : undefined,
      limit,
    });
    const last = page.items.at(-1);
    const list: AdminCrisisResourceList = {
      items: page.items,
      nextCursor: page.hasMore && last ? encodeCursor(last.id) : null,
    };
    return c.json(list, 200);
  },

  'POST /admin/crisis-resources': changesPublicList(async (c, input) => {
    const { db, contract } = c.var.deps;
    const body = input.body as JsonBodyOf<'adminCreateCrisisResource'>;
    const created = await db.transaction(async (tx) => {
      const record: CrisisResource = {
        ...body,
        id: body.id ?? generateResourceId(body.name),
        priority: body.priority ?? 0,
        pairedWith: body.pairedWith ?? [],
      };
      const dateErrors = verifiedAtErrors(record.verifiedAt, await campusToday(tx));
      if (dateErrors.length > 0) throw validationProblem(dateErrors);
      await assertSavable(tx, contract, record, []);

      let saved = await insertCrisisResource(tx, record);
      for (let attempt = 1; !saved && body.id === undefined && attempt < GENERATED_ID_ATTEMPTS; attempt += 1) {
        record.id = generateResourceId(body.name);
        saved = await insertCrisisResource(tx, record);
      }
      if (!saved) throw new HttpProblem(409, { detail: 'A crisis resource with this id already exists.' });
      await mirrorPairing(tx, record.id, [], record.pairedWith);
      return saved;
    });
    return c.json(created, 201, {
      Location: `${contract.basePath}/admin/crisis-resources/${encodeURIComponent(created.id)}`,
    });
  }),

  'PATCH /admin/crisis-resources/{resourceId}': changesPublicList(async (c, input) => {
    const { db, contract } = c.var.deps;
    const id = input.path.resourceId as string;
    const updated = await db.transaction(async (tx) => {
      const existing = await findForChange(tx, id);
      assertActive(existing, 'edited');
      const before = publicRecord(existing);
      const record = applyPatch(before, input.body as JsonBodyOf<'adminUpdateCrisisResource'>);
      await assertSavable(tx, contract, record, before.pairedWith);
      const saved = await updateCrisisResource(tx, record);
      await mirrorPairing(tx, id, before.pairedWith, record.pairedWith);
      return saved;
    });
    return c.json(updated, 200);
  }),

  'POST /admin/crisis-resources/{resourceId}/retire': changesPublicList(async (c, input) => {
    const id = input.path.resourceId as string;
    const retirement = input.body as JsonBodyOf<'adminRetireCrisisResource'>;
    const retired = await c.var.deps.db.transaction(async (tx) => {
      const existing = await findForChange(tx, id);
      // Retiring twice changes nothing, so a repeated request is harmless (the contract needs no key here).
      if (existing.status === 'retired') return existing;
      if (retirement.replacedBy !== undefined) {
        const replacement =
          retirement.replacedBy === id ? undefined : await findCrisisResource(tx, retirement.replacedBy);
        if (replacement?.status !== 'active') {
          throw validationProblem([
            { field: '/body/replacedBy', message: 'must be the id of another, active crisis resource' },
          ]);
        }
      }
      // Its partners are unpaired (on both sides), so the pair rule never drags a retired line back into a list.
      const record = { ...publicRecord(existing), pairedWith: [] };
      const saved = await retireCrisisResource(tx, record, retirement);
      await mirrorPairing(tx, id, existing.pairedWith, []);
      return saved;
    });
    return c.json(retired, 200);
  }),

  'POST /admin/crisis-resources/{resourceId}/verify': changesPublicList(async (c, input) => {
    const id = input.path.resourceId as string;
    const verification = input.body as JsonBodyOf<'adminVerifyCrisisResource'>;
    const verified = await c.var.deps.db.transaction(async (tx) => {
      const existing = await findForChange(tx, id);
      assertActive(existing, 'verified');
      const today = await campusToday(tx);
      const verifiedAt = verification.verifiedAt ?? today;
      const record: CrisisResource = {
        ...publicRecord(existing),
        verifiedAt,
        source: verification.source ?? existing.source,
      };
      const errors = [
        ...verifiedAtErrors(verifiedAt, today),
        ...crisisResourceRuleErrors(record).filter((error) => error.field.startsWith('/body/source/')),
      ];
      if (errors.length > 0) throw validationProblem(errors);
      // The note belongs to this verification: one made without a note clears the previous one.
      return updateCrisisResource(tx, record, { verificationNote: verification.note ?? null });
    });
    return c.json(verified, 200);
  }),
};
