import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { renderElement } from '../.storybook/element-docs.js';
import { registerLocale } from '../src/core/i18n/catalog.js';
import '../src/elements/peer-check-in/define.js';
import { CheckInHistory } from '../src/elements/peer-check-in/history/check-in-history.js';
import type { PeerCheckIn } from '../src/elements/peer-check-in/peer-check-in.js';

/**
 * Every state of the check-in. The backend is a `fetch` made up here: it answers `GET /config` with campus settings
 * and `POST /check-ins` as each story needs (a result, never, a network error, a server error), so each story is
 * stable and needs no server. Stories that fill in the form do it in their play function, as a student would.
 * Only the history story touches browser storage, and only under a key of its own (see `storyStorage`).
 */
const meta: Meta = {
  title: 'Elements/peer-check-in',
  component: 'peer-check-in',
  parameters: { layout: 'padded' },
  // Stories use the project's default render, so every control changes the element.
  args: {
    country: 'US',
    'counselling-href': 'https://northfield.example/counselling',
    'peer-href': 'https://northfield.example/peer-support',
    'groups-href': 'https://northfield.example/groups',
  },
};
export default meta;
type Story = StoryObj;

const API = 'https://northfield.example/api/v1';

const campus = (checkIn: Record<string, unknown> = {}) => ({
  campusName: 'Northfield University',
  timeZone: 'America/New_York',
  defaultLocale: 'en',
  locales: ['en', 'es'],
  country: 'US',
  features: { checkIn: true, groups: true, peerRequests: true, crisisResources: true },
  peerSupportHours: { timeZone: 'America/New_York', alwaysOpen: false, weekly: [] },
  retentionDays: 90,
  counsellingUrl: 'https://northfield.example/counselling',
  checkIn: {
    topics: ['studies', 'exams', 'money', 'housing', 'friends', 'loneliness', 'sleep', 'future'],
    emotions: ['calm', 'hopeful', 'tired', 'lonely', 'anxious', 'stressed', 'overwhelmed'],
    followUp: false,
    ...checkIn,
  },
});

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': status >= 400 ? 'application/problem+json' : 'application/json' },
  });

/** A result as the contract words it: the backend's next steps for the instrument that was sent. */
const result = (instrument: string, suggestions: unknown[]) =>
  json({ id: 'ci_story', receivedAt: new Date().toISOString(), instrument, suggestions }, 201);

type PostCheckIn = (body: { instrument: string }, signal: AbortSignal | null | undefined) => Promise<Response>;

/** A backend: campus settings, no campus crisis services (the bundled ones show), and `postCheckIn`. */
function backend(postCheckIn: PostCheckIn, config = campus()): typeof fetch {
  return async (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    if (url.pathname.endsWith('/config')) return json(config);
    if (url.pathname.endsWith('/crisis-resources')) return json({ items: [], generatedAt: new Date().toISOString() });
    if (url.pathname.endsWith('/check-ins') && init?.method === 'POST') {
      return postCheckIn(JSON.parse(String(init.body)) as { instrument: string }, init.signal);
    }
    return json({ type: 'about:blank', title: 'Not found', status: 404 }, 404);
  };
}

/** The backend answers with its next steps: a peer, and a group about what the student picked. */
const answering = backend(async ({ instrument }) =>
  result(instrument, [
    { kind: 'peer', reason: 'general', urgent: false },
    { kind: 'group', reason: 'topic-match', urgent: false, topics: ['loneliness', 'stress'] },
  ]),
);
/** The request never comes back (until the element gives up on it). */
const neverAnswering = backend(
  (_, signal) =>
    new Promise<Response>((_resolve, reject) =>
      signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))),
    ),
);
/** The network is down: every request fails before reaching a server. */
const offline = backend(async () => {
  throw new TypeError('Failed to fetch');
});
/**
 * The server is there and refuses the request (a 4xx: it proves the check-in was not taken, so "not sent"). A 5xx or
 * a timeout may come after the server stored it: those say "could not confirm" instead.
 */
const failing = backend(async () => json({ type: 'about:blank', title: 'Bad Request', status: 400 }, 400));
/** Something answered 200 with a page nobody can read (a campus Wi-Fi sign-in page, a proxy): not "sent". */
const captivePortal = backend(
  async () =>
    new Response('<html><body>Sign in to the campus Wi-Fi</body></html>', {
      status: 200,
      headers: { 'Content-Type': 'text/html' },
    }),
);

const withBackend = (fetch: typeof globalThis.fetch) => ({ 'api-base': API, fetch });

// ---------------------------------------------------------------------------------------------------------------
// What the play functions do, as a student would: pick answers, type, send.

async function checkInIn(canvas: HTMLElement): Promise<PeerCheckIn> {
  const el = canvas.querySelector('peer-check-in');
  if (!el) throw new Error('no <peer-check-in> in the story');
  await el.updateComplete;
  return el;
}

const inside = <T extends Element = HTMLElement>(el: PeerCheckIn, selector: string) =>
  el.shadowRoot?.querySelector<T>(selector) ?? null;

/** Waits (a frame at a time) until `ready` holds, or gives up after `ms`. */
async function until(ready: () => boolean, ms = 10_000): Promise<void> {
  const start = performance.now();
  while (!ready() && performance.now() - start < ms) await new Promise(requestAnimationFrame);
}

/** Clicks the answer `value` of the radio group or checkbox list `name`. */
async function pick(el: PeerCheckIn, name: string, value: string): Promise<void> {
  const inputs = el.shadowRoot?.querySelectorAll<HTMLInputElement>(`input[name="${name}"]`) ?? [];
  [...inputs].find((input) => input.value === value)?.click();
  await el.updateComplete;
}

async function typeNote(el: PeerCheckIn, text: string): Promise<void> {
  const note = inside<HTMLTextAreaElement>(el, '#note');
  if (!note) return;
  note.value = text;
  note.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  await el.updateComplete;
}

async function send(el: PeerCheckIn): Promise<void> {
  inside<HTMLButtonElement>(el, '[part="submit"]')?.click();
  await el.updateComplete;
}

/** Answers every item of the WHO-5 or PHQ-4 on screen with `values`, in display order. */
async function answerItems(el: PeerCheckIn, values: number[]): Promise<void> {
  for (const [index, value] of values.entries()) await pick(el, `item-${index}`, String(value));
}

// ---------------------------------------------------------------------------------------------------------------
// The modes.

/** The quick mood check-in: a labelled 5-point scale, optional words and topics, an optional note. */
export const Mood: Story = {
  args: withBackend(answering),
};

/** The WHO-5 Well-Being Index, in its published wording, with its attribution line. */
export const Who5: Story = {
  name: 'WHO-5',
  args: { ...withBackend(answering), instrument: 'who5' },
};

/** The PHQ-4 (anxiety items first, as published), with its attribution line. */
export const Phq4: Story = {
  name: 'PHQ-4',
  args: { ...withBackend(answering), instrument: 'phq4' },
};

/** Without `api-base` nothing is sent: the button says "Finish" and the next steps are worked out on the page. */
export const NoBackend: Story = {
  name: 'No backend (nothing sent)',
};

// ---------------------------------------------------------------------------------------------------------------
// Risk: crisis help at once, without the network.

/** A "yes" to the safety question shows crisis help inline at once, from bundled data, focused and announced. */
export const SafetyYes: Story = {
  name: 'Safety question answered "yes" (crisis help shown)',
  args: withBackend(offline),
  play: async ({ canvasElement }) => {
    const el = await checkInIn(canvasElement);
    await pick(el, 'safety', 'yes');
  },
};

/** A note that reads like a crisis gets a gentle "help is here" line; it blocks nothing and decides nothing. */
export const NoteHelpIsHere: Story = {
  name: 'Note in crisis words ("help is here")',
  args: withBackend(answering),
  play: async ({ canvasElement }) => {
    const el = await checkInIn(canvasElement);
    await pick(el, 'mood', '1');
    await typeNote(el, "Exams, money, all of it. Some nights I feel I can't go on.");
  },
};

// ---------------------------------------------------------------------------------------------------------------
// Sending.

/** Sent without an answer: each question that needs one says so, and focus goes to the first. */
export const ValidationErrors: Story = {
  name: 'Validation errors',
  args: { ...withBackend(answering), instrument: 'phq4' },
  play: async ({ canvasElement }) => {
    const el = await checkInIn(canvasElement);
    await pick(el, 'item-0', '1');
    await send(el);
  },
};

/** While the check-in is on its way: the button waits, the answers stay. */
export const Sending: Story = {
  args: { ...withBackend(neverAnswering), timeout: 120_000 },
  play: async ({ canvasElement }) => {
    const el = await checkInIn(canvasElement);
    await pick(el, 'mood', '3');
    await send(el);
  },
};

/** Offline: the answers stay on screen, the student is told plainly, and next steps that need no network show. */
export const Offline: Story = {
  name: 'Offline (answers kept, next steps shown)',
  args: withBackend(offline),
  play: async ({ canvasElement }) => {
    const el = await checkInIn(canvasElement);
    await pick(el, 'mood', '2');
    await pick(el, 'topics', 'loneliness');
    await typeNote(el, 'A long week.');
    // The browser says it is offline while the check-in is sent (the element then waits for the "online" event).
    const onLine = Object.getOwnPropertyDescriptor(Navigator.prototype, 'onLine')!;
    Object.defineProperty(Navigator.prototype, 'onLine', { configurable: true, get: () => false });
    try {
      await send(el);
    } finally {
      Object.defineProperty(Navigator.prototype, 'onLine', onLine);
    }
  },
};

/** The server refused it: "not sent", the answers stay, with "Send now" (the same check-in, never a second record). */
export const FailedWithRetry: Story = {
  name: 'Failed, with retry',
  args: withBackend(failing),
  play: async ({ canvasElement }) => {
    const el = await checkInIn(canvasElement);
    await pick(el, 'mood', '3');
    await send(el);
  },
};

/** An answer nobody can read: "we could not confirm it arrived", with "Send now" (the same key, never twice). */
export const CouldNotConfirm: Story = {
  name: 'Could not confirm it arrived',
  args: withBackend(captivePortal),
  play: async ({ canvasElement }) => {
    const el = await checkInIn(canvasElement);
    await pick(el, 'mood', '3');
    await send(el);
  },
};

// ---------------------------------------------------------------------------------------------------------------
// Results: a warm message and next steps, never a score or a label.

/** A low mood, sent: a warm message, the backend's next steps, a weekly reminder. */
export const ResultMood: Story = {
  name: 'Result: mood',
  args: withBackend(answering),
  play: async ({ canvasElement }) => {
    const el = await checkInIn(canvasElement);
    await pick(el, 'mood', '2');
    await pick(el, 'emotions', 'lonely');
    await pick(el, 'topics', 'loneliness');
    await send(el);
  },
};

/** WHO-5 with low well-being (every answer "less than half of the time"): suggestions, "not a diagnosis". */
export const ResultWho5Low: Story = {
  name: 'Result: WHO-5, low',
  args: { ...withBackend(answering), instrument: 'who5' },
  play: async ({ canvasElement }) => {
    const el = await checkInIn(canvasElement);
    await answerItems(el, [2, 2, 2, 2, 2]);
    await send(el);
  },
};

/** PHQ-4 with some symptoms: suggestions, "not a diagnosis". */
export const ResultPhq4: Story = {
  name: 'Result: PHQ-4',
  args: { ...withBackend(answering), instrument: 'phq4' },
  play: async ({ canvasElement }) => {
    const el = await checkInIn(canvasElement);
    await answerItems(el, [2, 1, 1, 1]);
    await send(el);
  },
};

// ---------------------------------------------------------------------------------------------------------------
// Options.

/** The campus offers a follow-up: ticking it shows the contact field and the consent statement, and only then. */
export const FollowUpOffered: Story = {
  name: 'Follow-up offered',
  args: withBackend(
    backend(
      async ({ instrument }) => result(instrument, [{ kind: 'peer', reason: 'general', urgent: false }]),
      campus({ followUp: true, followUpWorkingDays: 2 }),
    ),
  ),
  play: async ({ canvasElement }) => {
    const el = await checkInIn(canvasElement);
    await until(() => inside(el, 'input[name="follow-up"]') !== null);
    inside<HTMLInputElement>(el, 'input[name="follow-up"]')?.click();
    await el.updateComplete;
  },
};

/** Where the story keeps the history: the element's own key, prefixed, so a real student's history is never touched. */
const STORY_KEY_PREFIX = 'peer-support-widgets:storybook:';

/**
 * Puts a `localStorage` in front of the element that keeps everything under `STORY_KEY_PREFIX`, empty (a reload
 * skips the clean-up); the returned function deletes what the story kept and gives the page its own storage back.
 */
function storyStorage(): () => void {
  const real = window.localStorage;
  const storyKeys = () =>
    Array.from({ length: real.length }, (_, index) => real.key(index) ?? '').filter((key) =>
      key.startsWith(STORY_KEY_PREFIX),
    );
  const storage: Storage = {
    get length() {
      return storyKeys().length;
    },
    key: (index) => storyKeys()[index]?.slice(STORY_KEY_PREFIX.length) ?? null,
    getItem: (key) => real.getItem(STORY_KEY_PREFIX + key),
    setItem: (key, value) => real.setItem(STORY_KEY_PREFIX + key, value),
    removeItem: (key) => real.removeItem(STORY_KEY_PREFIX + key),
    clear: () => storyKeys().forEach((key) => real.removeItem(key)),
  };
  storage.clear();
  const own = Object.getOwnPropertyDescriptor(window, 'localStorage');
  Object.defineProperty(window, 'localStorage', { configurable: true, get: () => storage });
  return () => {
    storage.clear();
    if (own) Object.defineProperty(window, 'localStorage', own);
    else delete (window as { localStorage?: Storage }).localStorage;
  };
}

const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString();

/** With `remember`, and the student's history turned on: a few weeks of check-ins, the chart and its table. */
export const History: Story = {
  name: 'History on this device',
  args: { ...withBackend(answering), remember: true },
  beforeEach: () => {
    const restore = storyStorage();
    const history = new CheckInHistory();
    history.turnOn();
    for (const [days, level] of [
      [28, 3],
      [21, 2],
      [14, 2],
      [7, 4],
    ] as const) {
      history.add({ at: daysAgo(days), instrument: 'mood', level, topics: ['exams'] });
    }
    history.add({ at: daysAgo(3), instrument: 'who5', band: 'typical' });
    return restore;
  },
};

// ---------------------------------------------------------------------------------------------------------------
// Languages and direction.

/** Spanish, from the page's language. */
export const Spanish: Story = {
  args: withBackend(answering),
  globals: { locale: 'es' },
};

/** The WHO-5 in its published Spanish wording. */
export const SpanishWho5: Story = {
  name: 'Spanish, WHO-5',
  args: { ...withBackend(answering), instrument: 'who5' },
  globals: { locale: 'es' },
};

/**
 * A right-to-left language: a page in Hebrew, where the campus registered the language (`registerLocale`) but has no
 * translations yet, so every word falls back to English while the layout runs right to left; numbers keep their
 * order. With "yes" to the safety question, so the crisis help shows right to left too.
 */
export const RightToLeft: Story = {
  name: 'Right to left',
  args: withBackend(answering),
  beforeEach: () => registerLocale('he', {}),
  render: (args, context) => html`<div lang="he" dir="rtl">${renderElement(args, context)}</div>`,
  play: SafetyYes.play,
};
