import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { renderElement } from '../.storybook/element-docs.js';
import { registerLocale } from '../src/core/i18n/catalog.js';
import '../src/elements/peer-supporter-inbox/define.js';
import { supporterInboxEn } from '../src/elements/peer-supporter-inbox/i18n/en.js';
import type { PeerSupporterInbox } from '../src/elements/peer-supporter-inbox/peer-supporter-inbox.js';
import { inboxBackend, json, never, STORY_INBOX_API } from './inbox-backend.js';

/**
 * Every state of the supporter inbox, against the made-up backend in inbox-backend.ts (any password; the sign-in
 * name picks the account). Stories past the sign-in form sign in in their play function, as a supporter would.
 */
const meta: Meta = {
  title: 'Elements/peer-supporter-inbox',
  component: 'peer-supporter-inbox',
  parameters: { layout: 'padded' },
};
export default meta;
type Story = StoryObj;

/** Args for the project's default render (so every control reaches the element): the made-up backend. */
const inbox = (fetch: typeof globalThis.fetch) => ({ 'api-base': STORY_INBOX_API, fetch });

async function inboxIn(canvas: HTMLElement): Promise<PeerSupporterInbox> {
  const el = canvas.querySelector<PeerSupporterInbox>('peer-supporter-inbox');
  if (!el) throw new Error('no <peer-supporter-inbox> in the story');
  await el.updateComplete;
  return el;
}

async function until(ready: () => boolean, ms = 10_000): Promise<void> {
  const start = performance.now();
  while (!ready() && performance.now() - start < ms) await new Promise(requestAnimationFrame);
}

const inside = <T extends Element = HTMLElement>(el: PeerSupporterInbox, selector: string) =>
  el.shadowRoot?.querySelector<T>(selector) ?? null;

async function signIn(canvas: HTMLElement, login: string): Promise<PeerSupporterInbox> {
  const el = await inboxIn(canvas);
  await until(() => inside(el, '#login') !== null);
  inside<HTMLInputElement>(el, '#login')!.value = login;
  inside<HTMLInputElement>(el, '#password')!.value = 'any password';
  inside<HTMLButtonElement>(el, '[part="sign-in-submit"]')!.click();
  await until(() => inside(el, '[part="queue"]')?.getAttribute('aria-busy') === 'false');
  return el;
}

async function open(el: PeerSupporterInbox, id: string): Promise<HTMLElement> {
  const item = inside(el, `[data-request="${id}"]`)!;
  item.querySelector<HTMLButtonElement>('[part~="toggle"]')!.click();
  await until(() => item.querySelector('[part="work"]') !== null);
  return item;
}

/** The sign-in form. */
export const SignIn: Story = { args: inbox(inboxBackend()) };

/** Wrong details: the same words whichever part was wrong. */
export const WrongDetails: Story = {
  args: inbox(inboxBackend()),
  play: async ({ canvasElement }) => {
    const el = await inboxIn(canvasElement);
    inside<HTMLInputElement>(el, '#login')!.value = 'wrong';
    inside<HTMLInputElement>(el, '#password')!.value = 'not it';
    inside<HTMLButtonElement>(el, '[part="sign-in-submit"]')!.click();
    await until(() => inside(el, '[part="notice"]') !== null);
  },
};

/** Signed in: the queue, by when each request is due. */
export const Queue: Story = {
  args: inbox(inboxBackend()),
  play: async ({ canvasElement }) => void (await signIn(canvasElement, 'sam')),
};

/** Loading: the queue never answers. */
export const Loading: Story = {
  args: { ...inbox(inboxBackend({ queue: (signal) => never(signal) })), timeout: 120_000 },
  play: async ({ canvasElement }) => {
    const el = await inboxIn(canvasElement);
    inside<HTMLInputElement>(el, '#login')!.value = 'sam';
    inside<HTMLInputElement>(el, '#password')!.value = 'any password';
    inside<HTMLButtonElement>(el, '[part="sign-in-submit"]')!.click();
  },
};

/** Nothing waiting. */
export const Empty: Story = {
  args: inbox(inboxBackend({ requests: [] })),
  play: async ({ canvasElement }) => void (await signIn(canvasElement, 'sam')),
};

/** The queue failed to load, with Try again. */
export const LoadFailed: Story = {
  args: inbox(
    inboxBackend({
      queue: async () => json({ type: 'about:blank', title: 'Internal Server Error', status: 500 }, 500),
    }),
  ),
  play: async ({ canvasElement }) => {
    const el = await signIn(canvasElement, 'sam');
    await until(() => inside(el, '[part="problem"]') !== null);
  },
};

/** A request open beside the "when to refer" guide, before claiming: no note, no contact. */
export const OpenRequest: Story = {
  args: inbox(inboxBackend()),
  play: async ({ canvasElement }) => void (await open(await signIn(canvasElement, 'sam'), 'pr_NF1002')),
};

/** Claimed: the student's note and contact, the notes and the forms. */
export const Claimed: Story = {
  args: inbox(inboxBackend()),
  play: async ({ canvasElement }) => {
    const el = await signIn(canvasElement, 'sam');
    const item = await open(el, 'pr_NF1002');
    item.querySelector<HTMLButtonElement>('[part~="claim"]')!.click();
    await until(() => item.querySelector('[part="notes-section"]') !== null);
  },
};

/**
 * A claim whose answer was lost: the server saved it, but the connection dropped before the answer came back (after
 * the element's own retries). The inbox says it may already have been saved and reads the list again, so the
 * supporter checks before acting twice; here the list shows the request claimed by Sam.
 */
export const ClaimUnconfirmed: Story = {
  name: 'Claim: may already be saved',
  args: inbox(inboxBackend({ lose: ['POST /claim'] })),
  play: async ({ canvasElement }) => {
    const el = await signIn(canvasElement, 'sam');
    const item = await open(el, 'pr_NF1002');
    item.querySelector<HTMLButtonElement>('[part~="claim"]')!.click();
    // The list is read again after the message, so the item is looked up afresh.
    await until(() => inside(el, '[data-request="pr_NF1002"] [part="message"]') !== null);
  },
};

/** The form to hand a request to the on-call professional. */
export const Escalating: Story = {
  args: inbox(inboxBackend()),
  play: async ({ canvasElement }) => {
    const item = await open(await signIn(canvasElement, 'sam'), 'pr_NF1002');
    item.querySelector<HTMLButtonElement>('[part~="escalate"]')!.click();
  },
};

/** Training not recorded: words, and no Claim. */
export const TrainingMissing: Story = {
  args: inbox(inboxBackend()),
  play: async ({ canvasElement }) => void (await open(await signIn(canvasElement, 'riley'), 'pr_NF1002')),
};

/** Training expired. */
export const TrainingExpired: Story = {
  args: inbox(inboxBackend()),
  play: async ({ canvasElement }) => void (await signIn(canvasElement, 'morgan')),
};

/** A supervisor: requests with the on-call professional first, and every note. */
export const Supervisor: Story = {
  args: inbox(inboxBackend()),
  play: async ({ canvasElement }) => void (await open(await signIn(canvasElement, 'jordan'), 'pr_NF1001')),
};

/** In Spanish. */
export const Spanish: Story = {
  args: inbox(inboxBackend()),
  globals: { locale: 'es' },
  play: async ({ canvasElement }) => void (await signIn(canvasElement, 'sam')),
};

/** Right to left (a made-up table: every string marked, to show the layout). */
export const RightToLeft: Story = {
  args: inbox(inboxBackend()),
  beforeEach: () => {
    const hebrew: Record<string, string> = {};
    for (const key of Object.keys(supporterInboxEn)) hebrew[key] = `עברית ${key}`;
    registerLocale('he', hebrew as never);
  },
  render: (args, context) => html`<div lang="he" dir="rtl">${renderElement(args, context)}</div>`,
  play: async ({ canvasElement }) => void (await signIn(canvasElement, 'sam')),
};
