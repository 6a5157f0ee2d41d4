import { zonedWallTimeToInstant } from '../src/core/hours/zoned-time.js';

/**
 * A made-up backend for the group finder's stories: six groups of the fictional Northfield University, served as
 * the contract's `GET /groups` (filtered and paged as a real backend would), `GET /groups/{id}`, `POST …/registrations`
 * and `DELETE …/registrations/{id}`. Sessions are worked out from the day the story runs, so there is always a next
 * one. Links are on the reserved .example domain; every place is made up.
 */

export const STORY_API = 'https://northfield.example/api/v1';
const ZONE = 'America/New_York';
const DAY_CODES = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;
type DayCode = (typeof DAY_CODES)[number];

/** The next `count` sessions on `days` at `start` ("HH:MM", New York time), each `minutes` long. */
function nextSessions(days: DayCode[], start: string, minutes: number, count = 5) {
  const [hour = 0, minute = 0] = start.split(':').map(Number);
  const sessions: Array<{ startsAt: string; endsAt: string }> = [];
  const today = new Date();
  for (let offset = 0; sessions.length < count && offset < 70; offset++) {
    const day = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate() + offset));
    if (!days.includes(DAY_CODES[(day.getUTCDay() + 6) % 7]!)) continue;
    const at = zonedWallTimeToInstant(
      ZONE,
      day.getUTCFullYear(),
      day.getUTCMonth() + 1,
      day.getUTCDate(),
      hour,
      minute,
    );
    if (+at < Date.now()) continue;
    sessions.push({ startsAt: at.toISOString(), endsAt: new Date(+at + minutes * 60_000).toISOString() });
  }
  return sessions;
}

const weekly = (days: DayCode[], start: string, minutes: number) => ({
  timeZone: ZONE,
  startLocal: `2026-01-05T${start}`,
  durationMinutes: minutes,
  rrule: `FREQ=WEEKLY;BYDAY=${days.join(',')}`,
});

const AGREEMENTS = [
  'What is said in the group stays in the group.',
  'Listen first; advice only when someone asks for it.',
  'Nobody has to speak: you can pass at any time.',
];
const WELLBEING = {
  name: 'Wellbeing Centre',
  address: {
    line1: '12 College Walk',
    locality: 'Northfield',
    region: 'MA',
    postalCode: '01360',
    country: 'US',
    directionsUrl: 'https://northfield.example/wellbeing/find-us',
  },
};

interface StoryGroup {
  days: DayCode[];
  start: string;
  minutes: number;
  summary: Record<string, unknown>;
  details: Record<string, unknown>;
  /** Where a sensitive group meets: given only in a registration's answer. */
  revealed?: Record<string, unknown>;
}

function storyGroup(
  id: string,
  days: DayCode[],
  start: string,
  minutes: number,
  fields: Record<string, unknown>,
  details: Record<string, unknown> = {},
  revealed?: Record<string, unknown>,
): StoryGroup {
  return {
    days,
    start,
    minutes,
    summary: {
      id,
      topics: ['general'],
      audiences: ['students'],
      format: 'in-person',
      languages: ['en'],
      facilitator: { type: 'trained-peer', description: 'Two trained student facilitators.' },
      dropIn: false,
      accessibility: ['step-free', 'accessible-toilet'],
      schedule: weekly(days, start, minutes),
      capacity: 12,
      spotsLeft: 5,
      waitlistEnabled: true,
      registrationStatus: 'open',
      locationHidden: false,
      location: { venue: { ...WELLBEING, room: 'Room 2.14' } },
      ...fields,
    },
    details: {
      description: 'Each week we check in, talk about what is on our minds and share what has helped.',
      agreements: AGREEMENTS,
      firstSessionInfo: 'A facilitator says hello and explains how the hour works. You can just listen.',
      attendanceRecorded: false,
      organiserEmail: 'peer-groups@northfield.example',
      ...details,
    },
    ...(revealed ? { revealed } : {}),
  };
}

/** The groups, in the order the backend lists them. */
export const STORY_GROUPS: StoryGroup[] = [
  storyGroup('grp_story1', ['TU'], '18:00', 75, {
    name: 'Deadlines and exams circle',
    discreetName: 'Tuesday circle',
    summary: 'An hour to talk about deadlines, exams and keeping up, with students who know the feeling.',
    topics: ['stress', 'studies'],
    accessibility: ['step-free', 'accessible-toilet', 'quiet-room', 'breaks'],
    spotsLeft: 4,
  }),
  storyGroup(
    'grp_story2',
    ['WE'],
    '17:30',
    90,
    {
      name: 'After a loss',
      discreetName: 'Wednesday group',
      summary: 'For students grieving someone: a parent, a friend, anyone. Come as you are.',
      topics: ['grief'],
      facilitator: { type: 'lived-experience', description: 'Students who have lost someone themselves.' },
      capacity: 8,
      spotsLeft: 2,
      locationHidden: true,
      areaHint: 'Near the main quad',
      location: undefined,
    },
    {
      firstSessionInfo: 'We begin by saying the name of the person we miss, if we want to. Tissues and tea are there.',
      accessibilityNote: 'A quiet room is next door if you need a moment.',
    },
    {
      venue: {
        name: 'Multifaith Chaplaincy',
        room: 'The Garden Room',
        address: { line1: '7 Chapel Row', locality: 'Northfield' },
      },
    },
  ),
  storyGroup('grp_story3', ['MO', 'WE', 'FR'], '12:30', 45, {
    name: 'Lunchtime drop-in',
    summary: 'Bring your lunch and talk about anything, or nothing. No need to sign up.',
    dropIn: true,
    capacity: null,
    spotsLeft: null,
    location: {
      venue: { name: 'Student Union', room: 'Lounge 1', address: { line1: '3 Commons Road', locality: 'Northfield' } },
    },
  }),
  storyGroup('grp_story4', ['TH'], '20:00', 60, {
    name: 'Far from home, online',
    summary: 'International students meet online to talk about settling in, homesickness and everything in between.',
    topics: ['loneliness', 'general'],
    audiences: ['international-students'],
    format: 'online',
    languages: ['en', 'es'],
    accessibility: ['captions', 'camera-optional', 'screen-reader-friendly'],
    location: {
      online: {
        platform: 'Zoom',
        joinUrl: 'https://northfield.example/meet/far-from-home',
        instructions: 'Your camera can stay off, and you can change your display name.',
      },
    },
  }),
  storyGroup('grp_story5', ['MO'], '19:00', 90, {
    name: 'Grupo de apoyo en español',
    summary: 'Un espacio para hablar en español sobre los estudios, la familia y la vida en el campus.',
    topics: ['general', 'family'],
    format: 'hybrid',
    languages: ['es'],
    location: {
      venue: { ...WELLBEING, room: 'Room 1.05' },
      online: { platform: 'Microsoft Teams', joinUrl: 'https://northfield.example/teams/grupo' },
    },
  }),
  storyGroup('grp_story6', ['TH'], '16:00', 60, {
    name: 'Anxiety skills group',
    summary: 'Six weeks of practical ways to manage worry and panic, led by a counselor with peer co-facilitators.',
    topics: ['anxiety'],
    facilitator: { type: 'clinician', description: 'A counselor from the Counseling Center and two trained peers.' },
    capacity: 10,
    spotsLeft: 0,
    registrationStatus: 'waitlist',
  }),
];

/** A group as the list gives it, with its next sessions from today. */
export function summaryOf(group: StoryGroup): Record<string, unknown> {
  return { ...group.summary, nextOccurrences: nextSessions(group.days, group.start, group.minutes) };
}

const hourOf = (group: StoryGroup) => Number(group.start.slice(0, 2));
const TIMES: Record<string, (hour: number) => boolean> = {
  morning: (hour) => hour < 12,
  afternoon: (hour) => hour >= 12 && hour < 17,
  evening: (hour) => hour >= 17,
};

/** Whether a group matches the contract's filters: values within a list are alternatives; lists must all match. */
function matches(group: StoryGroup, params: URLSearchParams): boolean {
  const s = group.summary as {
    name: string;
    summary: string;
    topics: string[];
    audiences: string[];
    format: string;
    languages: string[];
    facilitator: { type: string };
    dropIn: boolean;
    accessibility: string[];
  };
  const any = (name: string, has: (value: string) => boolean) => {
    const values = params.getAll(name);
    return values.length === 0 || values.some(has);
  };
  const q = params.get('q')?.toLowerCase();
  return (
    (!q || `${s.name} ${s.summary} ${s.topics.join(' ')}`.toLowerCase().includes(q)) &&
    any('topic', (value) => s.topics.includes(value)) &&
    any('audience', (value) => s.audiences.includes(value)) &&
    any('format', (value) => s.format === value) &&
    any('facilitator', (value) => s.facilitator.type === value) &&
    any('day', (value) => group.days.includes(value.slice(0, 2).toUpperCase() as DayCode)) &&
    any('timeOfDay', (value) => TIMES[value]?.(hourOf(group)) ?? false) &&
    params.getAll('accessibility').every((value) => s.accessibility.includes(value)) &&
    (!params.has('dropIn') || String(s.dropIn) === params.get('dropIn')) &&
    (!params.has('language') || s.languages.some((tag) => tag.split('-')[0] === params.get('language')?.split('-')[0]))
  );
}

export const json = (body: unknown, status = 200) =>
  new Response(status === 204 ? null : JSON.stringify(body), {
    status,
    headers: { 'content-type': status >= 400 ? 'application/problem+json' : 'application/json' },
  });

const notFound = () => json({ type: 'about:blank', title: 'Not found', status: 404 }, 404);

/** Waits until the request is aborted (the element's timeout or a newer search): a request that never comes back. */
export const never = (signal: AbortSignal | null | undefined) =>
  new Promise<Response>((_resolve, reject) =>
    signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))),
  );

export interface BackendOptions {
  /** Answers `GET /groups` instead of the made-up groups (loading, empty, failing). */
  list?: (url: URL, signal: AbortSignal | null | undefined) => Promise<Response>;
  /** The place a student gets on a full group's waitlist. */
  waitlistPosition?: number;
  /**
   * Every answer to a join (`'join'`) or a cancel (`'cancel'`) is lost on the way back, as when a connection drops
   * after the server acted: the element cannot know whether it landed.
   */
  lose?: 'join' | 'cancel';
}

/** What `fetch` does when the connection drops before the answer arrives. */
const lostAnswer = () => {
  throw new TypeError('Failed to fetch');
};

/** A `fetch` for the stories: no campus crisis services (the bundled ones show), and the groups. */
export function groupsBackend(options: BackendOptions = {}): typeof fetch {
  return async (input, init) => {
    const request = new Request(input, init);
    const url = new URL(request.url);
    const path = url.pathname.replace(/^\/api\/v1/, '');
    if (path === '/crisis-resources') return json({ items: [], generatedAt: new Date().toISOString() });
    if (path === '/groups' && request.method === 'GET') {
      if (options.list) return options.list(url, init?.signal);
      const found = STORY_GROUPS.filter((group) => matches(group, url.searchParams));
      const from = Number(url.searchParams.get('cursor') ?? 0);
      const limit = Number(url.searchParams.get('limit') ?? 20);
      const next = from + limit < found.length ? String(from + limit) : null;
      return json({ items: found.slice(from, from + limit).map(summaryOf), nextCursor: next });
    }
    let match = /^\/groups\/([\w-]+)$/.exec(path);
    const group = STORY_GROUPS.find(
      (item) => item.summary['id'] === (match?.[1] ?? /^\/groups\/([\w-]+)\//.exec(path)?.[1]),
    );
    if (match && group) return json({ ...summaryOf(group), ...group.details });
    if ((match = /^\/groups\/([\w-]+)\/registrations$/.exec(path)) && group && request.method === 'POST') {
      if (options.lose === 'join') return lostAnswer();
      const full = group.summary['registrationStatus'] === 'waitlist';
      return json(
        {
          registrationId: 'reg_story',
          groupId: match[1],
          status: full ? 'waitlisted' : 'registered',
          waitlistPosition: full ? (options.waitlistPosition ?? 3) : null,
          cancelToken: 'Nf7Kq2vX0pLm4Rt8Yw1Bc6Dg',
          ...(group.revealed && !full ? { location: group.revealed } : {}),
          createdAt: new Date().toISOString(),
        },
        201,
      );
    }
    if (/^\/groups\/[\w-]+\/registrations\/[\w-]+$/.test(path) && request.method === 'DELETE') {
      return options.lose === 'cancel' ? lostAnswer() : json(null, 204);
    }
    return notFound();
  };
}
