import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { renderElement } from '../.storybook/element-docs.js';
import { registerLocale } from '../src/core/i18n/catalog.js';
import '../src/elements/peer-group-finder/define.js';
import type { PeerGroupFinder } from '../src/elements/peer-group-finder/peer-group-finder.js';
import { groupsBackend, json, never, STORY_API } from './group-finder-backend.js';

/**
 * Every state of the group finder. The backend is a `fetch` made up in group-finder-backend.ts: six groups of a
 * fictional campus, filtered and paged as the contract says, so each story is stable and needs no server. The
 * student's time zone is fixed to the campus's, so the times read the same wherever the stories are opened. Stories
 * that open a group, fill in the form or join do it in their play function, as a student would. Nothing is kept in
 * the browser, here as on a real page.
 */
const meta: Meta = {
  title: 'Elements/peer-group-finder',
  component: 'peer-group-finder',
  parameters: { layout: 'padded' },
  // Stories use the project's default render, so every control changes the element.
  args: {
    country: 'US',
    'time-zone': 'America/New_York',
    'peer-href': 'https://northfield.example/peer-support',
  },
};
export default meta;
type Story = StoryObj;

const withBackend = (fetch: typeof globalThis.fetch) => ({ 'api-base': STORY_API, fetch });

/** The groups, as a campus lists them. */
const answering = groupsBackend();
/** The list never comes back (until the element's time limit, set long in the story). */
const neverListing = groupsBackend({ list: (_url, signal) => never(signal) });
/** No group matches. */
const listingNone = groupsBackend({ list: async () => json({ items: [], nextCursor: null }) });
/** The server is there but fails every search. */
const failing = groupsBackend({
  list: async () => json({ type: 'about:blank', title: 'Internal Server Error', status: 500 }, 500),
});

// ---------------------------------------------------------------------------------------------------------------
// What the play functions do, as a student would: open a group, type, join.

async function finderIn(canvas: HTMLElement): Promise<PeerGroupFinder> {
  const el = canvas.querySelector('peer-group-finder');
  if (!el) throw new Error('no <peer-group-finder> in the story');
  await el.updateComplete;
  return el;
}

const inside = <T extends Element = HTMLElement>(el: PeerGroupFinder, selector: string) =>
  el.shadowRoot?.querySelector<T>(selector) ?? null;

/** Waits (a frame at a time) until `ready` holds, or gives up after `ms`. */
async function until(ready: () => boolean, ms = 10_000): Promise<void> {
  const start = performance.now();
  while (!ready() && performance.now() - start < ms) await new Promise(requestAnimationFrame);
}

/** Opens a group's details with its "Details and joining" button, once the list has it. */
async function openGroup(el: PeerGroupFinder, groupId: string): Promise<void> {
  const button = () => inside<HTMLButtonElement>(el, `[part="card-details"][aria-describedby="name-${groupId}"]`);
  await until(() => button() !== null);
  button()?.click();
  await until(() => inside(el, '[part~="detail-agreements"]') !== null);
}

/** Types into a field of the join form and lets the element see it, as typing would. */
async function type(el: PeerGroupFinder, selector: string, text: string): Promise<void> {
  const field = inside<HTMLInputElement>(el, selector);
  if (!field) return;
  field.value = text;
  field.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  await el.updateComplete;
}

/** Opens a group, gives a nickname and joins; resolves once the answer is on screen. */
async function join(el: PeerGroupFinder, groupId: string): Promise<void> {
  await openGroup(el, groupId);
  await type(el, '#join-name', 'Robin');
  inside<HTMLButtonElement>(el, '[part="join-submit"]')?.click();
  await until(() => inside(el, '[part="outcome"]') !== null);
}

// ---------------------------------------------------------------------------------------------------------------
// The list.

/** The groups, a page at a time, with every filter closed. */
export const Default: Story = {
  name: 'Default list',
  args: withBackend(answering),
};

/** Filters preset by attributes (as the check-in's "find a group" link does through the URL), the topic filter open. */
export const FiltersApplied: Story = {
  name: 'Filters applied',
  args: { ...withBackend(answering), topic: 'grief stress', 'time-of-day': 'evening' },
  play: async ({ canvasElement }) => {
    const el = await finderIn(canvasElement);
    await until(() => inside(el, '[part="card"]') !== null);
    inside(el, '[part="filter-summary"]')?.click();
  },
};

/** The first search on its way: placeholder cards keep the room the results will take, so nothing jumps. */
export const Loading: Story = {
  name: 'Loading (space reserved)',
  args: { ...withBackend(neverListing), timeout: 120_000 },
};

/** Nothing matches: fewer filters, or a peer supporter (with `peer-href`). */
export const Empty: Story = {
  name: 'No groups match',
  args: { ...withBackend(listingNone), q: 'chess' },
};

/** The server failed: what went wrong in plain words, and "Try again". */
export const ErrorWithRetry: Story = {
  name: 'Error, with retry',
  args: withBackend(failing),
};

// ---------------------------------------------------------------------------------------------------------------
// One group.

/** A group's details in a modal dialog: about, first session, agreements, privacy, schedule, where, accessibility. */
export const Details: Story = {
  name: 'Details dialog',
  args: withBackend(answering),
  play: async ({ canvasElement }) => openGroup(await finderIn(canvasElement), 'grp_story1'),
};

/** The join form with a nickname and an email: consent (who reads what, the one limit) shows only now. */
export const JoinForm: Story = {
  name: 'Join form',
  args: withBackend(answering),
  play: async ({ canvasElement }) => {
    const el = await finderIn(canvasElement);
    await openGroup(el, 'grp_story1');
    await type(el, '#join-name', 'Robin');
    await type(el, '#join-email', 'robin@student.example');
  },
};

/** Joined a sensitive group: its room, shown in neither the list nor the details, is given now, with a cancel code. */
export const Joined: Story = {
  name: 'Joined (location revealed)',
  args: withBackend(answering),
  play: async ({ canvasElement }) => join(await finderIn(canvasElement), 'grp_story2'),
};

/** A full group: the student is on the waitlist and told their place; the room is not given yet. */
export const Waitlisted: Story = {
  args: withBackend(groupsBackend({ waitlistPosition: 3 })),
  play: async ({ canvasElement }) => join(await finderIn(canvasElement), 'grp_story6'),
};

/** "Cancel my place" asks first, with focus on the safe answer. */
export const CancelQuestion: Story = {
  name: 'Cancel: the question',
  args: withBackend(answering),
  play: async ({ canvasElement }) => {
    const el = await finderIn(canvasElement);
    await join(el, 'grp_story1');
    inside<HTMLButtonElement>(el, '[part="cancel"]')?.click();
    await until(() => inside(el, '[part="cancel-confirm"]') !== null);
  },
};

/** Cancelled: the details given are deleted, and the form is offered again. */
export const Cancelled: Story = {
  args: withBackend(answering),
  play: async (context) => {
    await CancelQuestion.play?.(context);
    const el = await finderIn(context.canvasElement);
    inside<HTMLButtonElement>(el, '[part="cancel-yes"]')?.click();
    await until(() => inside(el, '[part="cancelled"]') !== null);
  },
};

/**
 * Joined, perhaps: the server took the join but the answer was lost on the way back (a dropped connection, after the
 * element's own retries). The finder says it could not confirm, never "not joined", and keeps the details, so "Try
 * again" (the same Idempotency-Key) brings back the place already taken, never a second one.
 */
export const JoinUnconfirmed: Story = {
  name: 'Join: could not confirm',
  args: withBackend(groupsBackend({ lose: 'join' })),
  play: async ({ canvasElement }) => {
    const el = await finderIn(canvasElement);
    await openGroup(el, 'grp_story1');
    await type(el, '#join-name', 'Robin');
    inside<HTMLButtonElement>(el, '[part="join-submit"]')?.click();
    await until(() => inside(el, '#join-failure') !== null);
  },
};

/**
 * Cancelled, perhaps: the answer to "Yes, cancel" was lost. "Could not confirm", never "not cancelled": cancelling
 * twice is safe.
 */
export const CancelUnconfirmed: Story = {
  name: 'Cancel: could not confirm',
  args: withBackend(groupsBackend({ lose: 'cancel' })),
  play: async (context) => {
    await CancelQuestion.play?.(context);
    const el = await finderIn(context.canvasElement);
    inside<HTMLButtonElement>(el, '[part="cancel-yes"]')?.click();
    await until(() => inside(el, '[part="cancel-status"]') !== null);
  },
};

// ---------------------------------------------------------------------------------------------------------------
// Languages and direction.

/** Spanish, from the page's language: the words, and Intl's days, times and lists. */
export const Spanish: Story = {
  args: withBackend(answering),
  globals: { locale: 'es' },
};

/**
 * A right-to-left language: a page in Hebrew, where the campus registered the language (`registerLocale`) but has no
 * translations yet, so every word falls back to English while the layout runs right to left; times, places on the
 * waitlist and codes keep their order.
 */
export const RightToLeft: Story = {
  name: 'Right to left',
  args: withBackend(answering),
  beforeEach: () => registerLocale('he', {}),
  render: (args, context) => html`<div lang="he" dir="rtl">${renderElement(args, context)}</div>`,
};
