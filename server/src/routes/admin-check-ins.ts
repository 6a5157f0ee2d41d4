import { readCampusConfig } from '../campus-config/campus-config-repository.ts';
import { checkInSummary, summaryRangeErrors } from '../check-ins/check-in-summary.ts';
import { decodeFollowUpCursor, encodeFollowUpCursor } from '../check-ins/follow-up-cursor.ts';
import { listOpenFollowUps, markFollowUpDone } from '../check-ins/follow-up-repository.ts';
import type { CheckInFollowUpDone, CheckInFollowUpList, QueryOf } from '../contract/api-types.ts';
import { HttpProblem } from '../http/problem.ts';
import { validationProblem } from '../http/validation-problem.ts';
import type { HandlerMap } from './handler-types.ts';

/**
 * For campus staff (adminAuth). They work whether or not the campus takes check-ins at the moment: switching the
 * feature off must not strand the follow-up requests that came in before.
 */
export const adminCheckInHandlers: HandlerMap = {
  'GET /admin/check-ins/summary': async (c, input) => {
    const { db, checkIns } = c.var.deps;
    const { from, to } = input.query as QueryOf<'adminCheckInSummary'>;
    const errors = summaryRangeErrors(from, to);
    if (errors.length > 0) throw validationProblem(errors);
    const campus = await readCampusConfig(db);
    const summary = await checkInSummary(db, {
      from,
      to,
      timeZone: campus.timeZone,
      retentionDays: campus.retentionDays,
      threshold: checkIns.minCount,
    });
    return c.json(summary, 200);
  },

  'GET /admin/check-ins/follow-ups': async (c, input) => {
    const query = input.query as QueryOf<'adminListCheckInFollowUps'>;
    const page = await listOpenFollowUps(c.var.deps.db, {
      // The contract gives limit a default, which the request validator fills in.
      limit: query.limit!,
      after: typeof query.cursor === 'string' ? decodeFollowUpCursor(query.cursor) : undefined,
    });
    const list: CheckInFollowUpList = {
      items: page.items,
      nextCursor: page.next ? encodeFollowUpCursor(page.next) : null,
    };
    return c.json(list, 200);
  },

  'POST /admin/check-ins/follow-ups/{followUpId}/done': async (c, input) => {
    const done = await markFollowUpDone(c.var.deps.db, input.path.followUpId as string);
    if (!done) throw new HttpProblem(404, { detail: 'No follow-up request has this id.' });
    const body: CheckInFollowUpDone = { id: done.id, doneAt: done.doneAt.toISOString() };
    return c.json(body, 200);
  },
};
