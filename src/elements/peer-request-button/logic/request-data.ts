import {
  arr,
  bool,
  int,
  lenientArr,
  literal,
  nullable,
  obj,
  opt,
  str,
  union,
  type Check,
  type Infer,
} from '../../../core/api/shape.js';
import { SHARED_EXPERIENCES, SUPPORT_TOPICS } from '../../../core/api/vocabulary.js';

/**
 * Shape checks for the peer-request endpoints (the contract's Availability, PeerRequestCreated and
 * PeerRequestStatus). Strings and lists are bounded as the contract bounds them. `joinUrl` is accepted as any short
 * string and made a link only by `safeHref` when rendered, so a hostile value is dropped, not the whole status.
 */

/** The contract's support topics, one list for every element (core). */
export const TOPICS = SUPPORT_TOPICS;
export const SUPPORT_KINDS = ['listen', 'information', 'finding-services'] as const;
export const CHANNELS = ['chat', 'call', 'video', 'in-person'] as const;
export const STATES = ['queued', 'claimed', 'in-progress', 'closed', 'cancelled', 'escalated-to-professional'] as const;
export const GENDERS = ['no-preference', 'woman', 'man', 'non-binary'] as const;
/** The contract's shared experiences, one list for every element (core). */
export const SHARED = SHARED_EXPERIENCES;

export type Topic = (typeof TOPICS)[number];
export type SupportKind = (typeof SUPPORT_KINDS)[number];
export type Channel = (typeof CHANNELS)[number];
export type RequestState = (typeof STATES)[number];

/** States after which nothing changes for the student: polling stops. */
export const FINAL_STATES: ReadonlySet<RequestState> = new Set(['closed', 'cancelled']);

export const ID = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;
export const SECRET = /^[A-Za-z0-9_-]{16,128}$/;

const instant: Check<string> = (value) => {
  const result = str({ max: 40, pattern: /^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d{1,9})?)?(Z|[+-]\d\d:\d\d)$/i })(value);
  if (!result.ok) return result;
  return Number.isNaN(Date.parse(result.value)) ? { ok: false, path: '', expected: 'a real date-time' } : result;
};

const hoursRange = obj({
  day: literal('mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'),
  opens: str({ min: 5, max: 5 }),
  closes: str({ min: 5, max: 5 }),
});

const weeklyHours = obj({
  timeZone: str({ min: 3, max: 64 }),
  alwaysOpen: bool,
  weekly: arr(hoursRange, { max: 50 }),
});

/** A value that becomes `fallback` when it is wrong: one bad field must not blank the whole answer. */
const orElse =
  <T, F>(check: Check<T>, fallback: F): Check<T | F> =>
  (value) => {
    const result = check(value);
    return result.ok ? result : { ok: true, value: fallback };
  };

/** Minutes of wait that are believable; anything else (negative, absurd) is not said at all. */
const waitMinutes = orElse(nullable(int({ min: 0, max: 24 * 60 })), null);

/** Channels this widget does not know (a newer backend's) are left out; a list that is not a list says none. */
const channels: Check<Channel[]> = (value) => {
  const list = lenientArr(literal(...CHANNELS), { max: 20 })(value);
  return { ok: true, value: list.ok ? list.value.items : [] };
};

export const availabilityCheck = obj({
  open: bool,
  withinHours: bool,
  supportersOnShift: int({ min: 0 }),
  queueLength: orElse(int({ min: 0 }), 0),
  expectedWaitMinutes: waitMinutes,
  channels,
  hours: weeklyHours,
  nextOpenAt: orElse(nullable(instant), null),
  acceptsScheduled: orElse(bool, false),
  asOf: instant,
});
export type Availability = Infer<typeof availabilityCheck>;

const timing = union(obj({ mode: literal('asap') }), obj({ mode: literal('scheduled'), at: instant }));

const state = literal(...STATES);

/**
 * The answer to `POST /peer-requests`. Only what the student needs to follow their request must be right (the id, the
 * secret, the status): the request is in the queue either way, and a bad place, wait or availability must not turn
 * it into "not sent" for ever (every retry replays the same answer). Anything else that is wrong is left out.
 */
export const createdCheck = obj({
  requestId: str({ min: 1, max: 64, pattern: ID }),
  secret: str({ min: 16, max: 128, pattern: SECRET }),
  status: state,
  position: orElse(nullable(int({ min: 1, max: 100_000 })), null),
  expectedWaitMinutes: waitMinutes,
  createdAt: orElse(instant, undefined),
  availability: orElse(availabilityCheck, undefined),
});
export type Created = Infer<typeof createdCheck>;

// Read as leniently as the created answer: a bad place or wait must not freeze the status on screen.
export const statusCheck = obj({
  requestId: str({ min: 1, max: 64, pattern: ID }),
  status: state,
  position: orElse(nullable(int({ min: 1, max: 100_000 })), null),
  expectedWaitMinutes: waitMinutes,
  topic: str({ max: 40 }),
  supportKind: str({ max: 40 }),
  channel: str({ max: 40 }),
  when: timing,
  supporterName: opt(str({ max: 60 })),
  joinUrl: opt(str({ max: 2048 })),
  createdAt: orElse(instant, undefined),
  updatedAt: orElse(instant, undefined),
  availability: orElse(availabilityCheck, undefined),
});
export type Status = Infer<typeof statusCheck>;
