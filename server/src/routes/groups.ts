import type { Context } from 'hono';
import type { AppEnv } from '../app-env.ts';
import type { JsonBodyOf } from '../contract/api-types.ts';
import { cursorKeyFor } from '../groups/cursor-key.ts';
import { conditionsQuery, facetConditions } from '../groups/facets.ts';
import { sendNotices } from '../groups/group-emails.ts';
import { findGroup, upcomingSessions } from '../groups/group-repository.ts';
import { listPublicPage } from '../groups/group-search.ts';
import type { GroupList, GroupListQuery } from '../groups/group-types.ts';
import { groupDetails, groupSummary, SHOWN_OCCURRENCES } from '../groups/group-views.ts';
import { cancel, register } from '../groups/joining.ts';
import { decodeListCursor, encodeListCursor, filtersKey } from '../groups/list-cursor.ts';
import { prefixQuery } from '../groups/search-words.ts';
import { HttpProblem } from '../http/problem.ts';
import type { StoredResponse } from '../idempotency/idempotency-store.ts';
import type { HandlerMap } from './handler-types.ts';

/** The contract's answer while the campus does not offer groups through this service (GET /config features). */
async function requireGroupsFeature(c: Context<AppEnv>): Promise<void> {
  const campus = await c.var.deps.campusConfig.get();
  if (!campus.features.groups) {
    throw new HttpProblem(501, { detail: 'This campus does not list peer support groups through this service.' });
  }
}

/** A question's filters in one canonical form: a cursor made for one question is refused by any other. */
function canonicalFilters(query: GroupListQuery, words: readonly string[]): unknown {
  const sorted = (values: readonly string[] | undefined) => [...(values ?? [])].sort();
  return [
    sorted(query.topic),
    sorted(query.audience),
    sorted(query.format),
    sorted(query.day),
    sorted(query.timeOfDay),
    query.dropIn ?? null,
    sorted(query.facilitator),
    sorted(query.accessibility),
    query.language?.toLowerCase() ?? null,
    words,
  ];
}

export const groupHandlers: HandlerMap = {
  /**
   * One page of matching groups, soonest next session first, in one statement (filters, order, keyset and the
   * page's next sessions in SQL, see group-search.ts).
   */
  'GET /groups': async (c, input) => {
    await requireGroupsFeature(c);
    const { db } = c.var.deps;
    const query = input.query as GroupListQuery;
    const now = new Date();
    const words = typeof query.q === 'string' ? prefixQuery(query.q) : [];
    const filters = filtersKey(canonicalFilters(query, words));
    const key = await cursorKeyFor(db);
    const position = typeof query.cursor === 'string' ? decodeListCursor(query.cursor, filters, key, now) : undefined;
    const asOf = position?.asOf ?? now;
    const search = [...conditionsQuery(facetConditions(query)), ...words];
    const page = await listPublicPage(
      db,
      {
        search: search.length > 0 ? search.join(' & ') : undefined,
        asOf,
        after: position,
        // The contract gives limit a default, which the request validator fills in.
        limit: query.limit!,
      },
      now,
    );
    const last = page.items.at(-1);
    const list: GroupList = {
      items: page.items.map((item) => groupSummary(item.group, item.upcoming)),
      nextCursor:
        page.hasMore && last ? encodeListCursor({ asOf, nextAt: last.nextAt, id: last.group.id }, filters, key) : null,
    };
    return c.json(list, 200);
  },

  'GET /groups/{groupId}': async (c, input) => {
    await requireGroupsFeature(c);
    const { db } = c.var.deps;
    const id = input.path.groupId as string;
    const group = await findGroup(db, id);
    if (!group) throw new HttpProblem(404, { detail: 'No group has this id.' });
    const upcoming = await upcomingSessions(db, [id], new Date(), SHOWN_OCCURRENCES);
    return c.json(groupDetails(group, upcoming.get(id) ?? []), 200);
  },

  /**
   * The place is decided inside the transaction that stores the registration (and the answer to replay for its
   * Idempotency-Key), under the group's lock. Emails go out only after it has committed. Nothing from the body is
   * ever logged.
   */
  'POST /groups/{groupId}/registrations': async (c, input) => {
    await requireGroupsFeature(c);
    const { db, campusConfig, mailer, logger } = c.var.deps;
    const groupId = input.path.groupId as string;
    const request = input.body as JsonBodyOf<'registerForGroup'>;
    const locale = request.locale ?? (await campusConfig.get()).defaultLocale;
    const { response, notices } = await db.transaction(async (tx) => {
      const joined = await register(tx, groupId, request, { locale, now: new Date() });
      const stored: StoredResponse = {
        status: 201,
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(joined.registration),
      };
      await c.var.idempotencyClaim?.completeWithin(tx, stored);
      return { response: stored, notices: joined.notices };
    });
    sendNotices(mailer, logger, notices);
    return new Response(response.body, { status: response.status, headers: response.headers });
  },

  /** Frees the place and promotes the first on the waitlist in one transaction; emails after it commits. */
  'DELETE /groups/{groupId}/registrations/{registrationId}': async (c, input) => {
    await requireGroupsFeature(c);
    const { db, mailer, logger } = c.var.deps;
    const token = input.headers['registration-token'] as string;
    const { notices } = await db.transaction((tx) =>
      cancel(tx, input.path.groupId as string, input.path.registrationId as string, token, new Date()),
    );
    sendNotices(mailer, logger, notices);
    return c.body(null, 204);
  },
};
