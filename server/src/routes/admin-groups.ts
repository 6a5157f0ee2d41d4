import type { JsonBodyOf, QueryOf } from '../contract/api-types.ts';
import { decodeCursor, encodeCursor } from '../crisis-resources/admin-cursor.ts';
import type { Queryable } from '../db/database.ts';
import {
  registeredRecipients,
  sendGroupEnded,
  sendSessionChange,
  type GroupEnded,
  type SessionChange,
} from '../groups/admin-notices.ts';
import { sendNotices } from '../groups/group-emails.ts';
import { newGroupId } from '../groups/group-ids.ts';
import { applyGroupPatch, cancelledSessionsToCome, groupErrors, storedFromInput } from '../groups/group-record.ts';
import {
  archiveGroup,
  findGroup,
  insertGroup,
  listAdminPage,
  updateGroup,
  upcomingSessions,
} from '../groups/group-repository.ts';
import type { AdminGroup, AdminGroupList, StoredGroup } from '../groups/group-types.ts';
import { adminGroup, SHOWN_OCCURRENCES, type GroupState } from '../groups/group-views.ts';
import { fillFreedPlaces } from '../groups/joining.ts';
import { instantOf, isSessionStart } from '../groups/schedule.ts';
import { HttpProblem } from '../http/problem.ts';
import { validationProblem } from '../http/validation-problem.ts';
import type { HandlerMap } from './handler-types.ts';

/** Generated ids carry 64 random bits; a clash is near impossible, but one retry costs nothing. */
const GENERATED_ID_ATTEMPTS = 3;
/** Cancelled sessions still to come that one group may hold; more is a schedule change, not a cancellation. */
const MAX_CANCELLED_SESSIONS = 100;

async function adminView(db: Queryable, group: GroupState, now: Date): Promise<AdminGroup> {
  const upcoming = await upcomingSessions(db, [group.id], now, SHOWN_OCCURRENCES);
  return adminGroup(group, upcoming.get(group.id) ?? [], cancelledSessionsToCome(group.record, now));
}

async function lockedGroup(tx: Queryable, id: string): Promise<GroupState> {
  const group = await findGroup(tx, id, { forUpdate: true });
  if (!group) throw new HttpProblem(404, { detail: 'No group has this id.' });
  return group;
}

export const adminGroupHandlers: HandlerMap = {
  'GET /admin/groups': async (c, input) => {
    const { db } = c.var.deps;
    const query = input.query as QueryOf<'adminListGroups'>;
    const limit = query.limit!;
    const page = await listAdminPage(db, {
      words: typeof query.q === 'string' ? query.q.split(/\s+/).filter((word) => word !== '') : [],
      after: typeof query.cursor === 'string' ? decodeCursor(query.cursor) : undefined,
      limit,
    });
    const now = new Date();
    const upcoming = await upcomingSessions(
      db,
      page.items.map((group) => group.id),
      now,
      SHOWN_OCCURRENCES,
    );
    const last = page.items.at(-1);
    const list: AdminGroupList = {
      items: page.items.map((group) =>
        adminGroup(group, upcoming.get(group.id) ?? [], cancelledSessionsToCome(group.record, now)),
      ),
      nextCursor: page.hasMore && last ? encodeCursor(last.id) : null,
    };
    return c.json(list, 200);
  },

  /** Listed publicly at once; its sessions are written out in the same transaction. */
  'POST /admin/groups': async (c, input) => {
    const { db, contract } = c.var.deps;
    const record = storedFromInput(input.body as JsonBodyOf<'adminCreateGroup'>);
    const errors = groupErrors(contract, record);
    if (errors.length > 0) throw validationProblem(errors);
    const now = new Date();
    const created = await db.transaction(async (tx) => {
      let saved: GroupState | undefined;
      for (let attempt = 0; !saved && attempt < GENERATED_ID_ATTEMPTS; attempt += 1) {
        saved = await insertGroup(tx, newGroupId(), record, now);
      }
      if (!saved) throw new Error('no free group id after several attempts');
      return adminView(tx, saved, now);
    });
    return c.json(created, 201, {
      Location: `${contract.basePath}/groups/${encodeURIComponent(created.id)}`,
    });
  },

  /**
   * Changes the fields sent. When the change makes room (a higher capacity, no limit), the waitlist is promoted in
   * the same transaction, and the students promoted are told once it has committed.
   */
  'PATCH /admin/groups/{groupId}': async (c, input) => {
    const { db, contract, mailer, logger } = c.var.deps;
    const id = input.path.groupId as string;
    const now = new Date();
    const { view, notices } = await db.transaction(async (tx) => {
      const existing = await lockedGroup(tx, id);
      const record = applyGroupPatch(existing.record, input.body as JsonBodyOf<'adminUpdateGroup'>);
      const errors = groupErrors(contract, record);
      if (errors.length > 0) throw validationProblem(errors);
      const saved = await updateGroup(tx, id, record, now);
      const promoted = await fillFreedPlaces(tx, saved, now);
      const fresh = promoted.length > 0 ? await lockedGroup(tx, id) : saved;
      return { view: await adminView(tx, fresh, now), notices: promoted };
    });
    sendNotices(mailer, logger, notices);
    return c.json(view, 200);
  },

  /**
   * Archives the group: gone from every list and answer at once, with its registrations and their contact details.
   * Everyone who had a place or was waiting and gave an email is told the group has ended, once the archive has
   * committed: their addresses are read as the registrations are deleted, and kept only in memory until then.
   */
  'DELETE /admin/groups/{groupId}': async (c, input) => {
    const { db, mailer, logger } = c.var.deps;
    const id = input.path.groupId as string;
    const ended: GroupEnded = await db.transaction(async (tx) => {
      const group = await lockedGroup(tx, id);
      return { group, recipients: await archiveGroup(tx, id) };
    });
    void sendGroupEnded({ db, mailer, logger }, ended);
    return c.body(null, 204);
  },

  /**
   * Cancels one session (or takes the cancellation back); repeating it changes nothing more. When it does change,
   * those with a place who gave an email are told, once it has committed: the session is cancelled, or back on.
   */
  'POST /admin/groups/{groupId}/cancel-session': async (c, input) => {
    const { db, mailer, logger } = c.var.deps;
    const id = input.path.groupId as string;
    const change = input.body as JsonBodyOf<'adminCancelGroupSession'>;
    const now = new Date();
    const { view, told } = await db.transaction(async (tx) => {
      const existing = await lockedGroup(tx, id);
      const { record } = existing;
      if (!isSessionStart(record.schedule, change.startLocal)) {
        throw validationProblem([
          { field: '/body/startLocal', message: 'is not the start of one of this group’s sessions' },
        ]);
      }
      if (instantOf(change.startLocal, record.schedule.timeZone) <= now) {
        throw validationProblem([{ field: '/body/startLocal', message: 'is a session that has already started' }]);
      }
      const before = cancelledSessionsToCome(record, now);
      const toCome = before.filter((start) => start !== change.startLocal);
      const cancelling = change.cancelled !== false;
      const cancelledSessions = cancelling ? [...toCome, change.startLocal].sort() : toCome;
      if (cancelledSessions.length > MAX_CANCELLED_SESSIONS) {
        throw validationProblem([
          {
            field: '/body/startLocal',
            message: `would cancel more than ${MAX_CANCELLED_SESSIONS} sessions: change the schedule instead`,
          },
        ]);
      }
      const next: StoredGroup = { ...record, cancelledSessions };
      const saved = await updateGroup(tx, id, next, now);
      // Only a real change is news: the same call again (or taking back what was never cancelled) tells nobody.
      const changed = before.includes(change.startLocal) !== cancelling;
      const told: SessionChange | undefined = changed
        ? {
            kind: cancelling ? 'cancelled' : 'back-on',
            group: saved,
            startLocal: change.startLocal,
            recipients: await registeredRecipients(tx, id),
          }
        : undefined;
      return { view: await adminView(tx, saved, now), told };
    });
    if (told) void sendSessionChange(mailer, logger, told);
    return c.json(view, 200);
  },
};
