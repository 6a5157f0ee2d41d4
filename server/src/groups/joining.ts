import type { Queryable } from '../db/database.ts';
import { HttpProblem } from '../http/problem.ts';
import { findGroup, upcomingSessions, type Recipient } from './group-repository.ts';
import { newCancelToken, newRegistrationId, tokenMatches } from './group-ids.ts';
import type { GroupRegistration, GroupRegistrationRequest } from './group-types.ts';
import { registrationStatus, type GroupState, type UpcomingSession } from './group-views.ts';
import {
  cancelRegistration,
  findRegistration,
  insertRegistration,
  promoteFromWaitlist,
  type PlaceStatus,
} from './registration-repository.ts';

/**
 * Joining and leaving a group, each in the caller's transaction. Emails are not sent here: each step returns what
 * to tell whom (notices), and the caller sends them once the transaction has committed, so that a step rolled
 * back tells nobody anything.
 */

/** Something to tell a student who gave an email. */
export interface Notice {
  kind: 'registered' | 'waitlisted' | 'promoted';
  recipient: Recipient;
  group: GroupState;
  /** The group's next sessions, for the email's dates. */
  upcoming: UpcomingSession[];
  /** The place on the waitlist (waitlisted only). */
  position?: number;
}

/** How many sessions an email lists. */
const SESSIONS_IN_EMAIL = 3;

const NOT_FOUND = 'No group has this id.';

async function lockedGroup(tx: Queryable, groupId: string): Promise<GroupState> {
  const group = await findGroup(tx, groupId, { forUpdate: true });
  if (!group) throw new HttpProblem(404, { detail: NOT_FOUND });
  return group;
}

async function nextSessions(tx: Queryable, groupId: string, now: Date): Promise<UpcomingSession[]> {
  return (await upcomingSessions(tx, [groupId], now, SESSIONS_IN_EMAIL + 5)).get(groupId) ?? [];
}

/**
 * Registers for a group: a place while there is one, else the waitlist (when the group has one). Refused with 409
 * when registration is closed, the group has no session left, or it is full without a waitlist. The cancel token
 * is in the answer only: what is stored is its hash.
 */
export async function register(
  tx: Queryable,
  groupId: string,
  request: GroupRegistrationRequest,
  options: { locale: string; now: Date },
): Promise<{ registration: GroupRegistration; notices: Notice[] }> {
  const group = await lockedGroup(tx, groupId);
  const upcoming = await nextSessions(tx, groupId, options.now);
  const status = registrationStatus(group, upcoming);
  if (status === 'closed') {
    const full = group.record.capacity !== null && group.registeredCount >= group.record.capacity;
    throw new HttpProblem(409, {
      title: full ? 'This group is full' : 'This group is not taking registrations now',
      detail: full
        ? 'Every place is taken and this group keeps no waitlist.'
        : 'Registration is closed for this group, or it has no sessions left.',
    });
  }
  const place: PlaceStatus = status === 'open' ? 'registered' : 'waitlisted';
  const created = await insertRegistration(
    tx,
    group,
    place,
    { id: newRegistrationId(), token: newCancelToken() },
    { request, locale: options.locale },
  );
  const registration: GroupRegistration = {
    registrationId: created.id,
    groupId,
    status: created.status,
    waitlistPosition: created.waitlistPosition,
    cancelToken: created.token,
    createdAt: created.createdAt.toISOString(),
  };
  // The joining details are for someone with a place, never for someone still waiting.
  if (created.status === 'registered') registration.location = group.record.location;
  const notices: Notice[] =
    request.email === undefined
      ? []
      : [
          {
            kind: created.status,
            recipient: { email: request.email, locale: options.locale, discreet_email: request.discreetEmail ?? true },
            group,
            upcoming,
            ...(created.waitlistPosition !== null ? { position: created.waitlistPosition } : {}),
          },
        ];
  return { registration, notices };
}

/**
 * Cancels a registration with its token and gives the freed place to the first on the waitlist, in the same
 * transaction. An unknown registration and a wrong token are both 404, so that nobody learns whether one exists;
 * a registration already cancelled (with the right token) is done already.
 */
export async function cancel(
  tx: Queryable,
  groupId: string,
  registrationId: string,
  token: string,
  now: Date,
): Promise<{ notices: Notice[] }> {
  const notFound = () => new HttpProblem(404, { detail: 'No registration matches this id and token.' });
  const seen = await findRegistration(tx, groupId, registrationId);
  if (!seen || !tokenMatches(token, seen.token_hash)) throw notFound();
  // The group's lock first, then the registration again: another cancellation or a promotion may have changed it.
  const group = await findGroup(tx, groupId, { forUpdate: true });
  if (!group) throw notFound();
  const current = await findRegistration(tx, groupId, registrationId, { forUpdate: true });
  if (!current) throw notFound();
  if (current.status === 'cancelled') return { notices: [] };
  await cancelRegistration(tx, groupId, registrationId, current.status);
  return { notices: await fillFreedPlaces(tx, group, now) };
}

/**
 * Gives free places to the waitlist (after a cancellation, or when staff raise the capacity), with a notice for each
 * promoted student who gave an email. The caller holds the group's lock.
 */
export async function fillFreedPlaces(tx: Queryable, group: GroupState, now: Date): Promise<Notice[]> {
  const promoted = await promoteFromWaitlist(tx, group.id, group.record.capacity);
  const recipients = promoted.flatMap((promotion) => (promotion.recipient ? [promotion.recipient] : []));
  if (recipients.length === 0) return [];
  const upcoming = await nextSessions(tx, group.id, now);
  return recipients.map((recipient) => ({ kind: 'promoted', recipient, group, upcoming }));
}
