import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { renderElement } from '../.storybook/element-docs.js';
import { registerLocale } from '../src/core/i18n/catalog.js';
import '../src/elements/peer-request-button/define.js';
import type { PeerRequestButton } from '../src/elements/peer-request-button/peer-request-button.js';
import { requestBackend, STORY_API, type RequestBackendOptions } from './request-backend.js';

/**
 * Every state of the peer request button. The backend is a `fetch` made up in request-backend.ts (how busy the
 * service is, and how a request moves along), so each story is stable and needs no server. Stories that open the
 * dialog, answer the steps or send a request do it in their play function, as a student would.
 */
const meta: Meta = {
  title: 'Elements/peer-request-button',
  component: 'peer-request-button',
  parameters: { layout: 'padded' },
  args: { country: 'US', 'groups-href': 'https://northfield.example/groups' },
};
export default meta;
type Story = StoryObj;

const withBackend = (options: RequestBackendOptions = {}) => ({
  'api-base': STORY_API,
  fetch: requestBackend(options),
});
const STORY_CODE = 'pr_story1.Story-Code-4kQ9TzM28wXa';

// ---------------------------------------------------------------------------------------------------------------
// What the play functions do, as a student would.

async function buttonIn(canvas: HTMLElement): Promise<PeerRequestButton> {
  const el = canvas.querySelector('peer-request-button');
  if (!el) throw new Error('no <peer-request-button> in the story');
  await el.updateComplete;
  return el;
}

const inside = <T extends Element = HTMLElement>(el: PeerRequestButton, selector: string) =>
  el.shadowRoot?.querySelector<T>(selector) ?? null;

async function until(ready: () => boolean, ms = 10_000): Promise<void> {
  const start = performance.now();
  while (!ready() && performance.now() - start < ms) await new Promise(requestAnimationFrame);
}

async function click(el: PeerRequestButton, selector: string): Promise<void> {
  inside<HTMLElement>(el, selector)?.click();
  await el.updateComplete;
  await new Promise((resolve) => setTimeout(resolve));
  await el.updateComplete;
}

async function field(el: PeerRequestButton, selector: string, value: string, event = 'input'): Promise<void> {
  const control = inside<HTMLInputElement>(el, selector);
  if (!control) return;
  control.value = value;
  control.dispatchEvent(new Event(event, { bubbles: true, composed: true }));
  await el.updateComplete;
}

async function open(el: PeerRequestButton): Promise<void> {
  await until(() => (inside(el, '[part="availability"]')?.textContent ?? '').trim() !== '');
  await click(el, '#open');
}

/** Answers every step up to consent: not in danger, loneliness with a short note, the defaults after. */
async function toConsent(el: PeerRequestButton): Promise<void> {
  await open(el);
  await click(el, 'input[name="safety"][value="no"]');
  await click(el, '[part="next"]');
  await field(el, '#topic', 'loneliness', 'change');
  await field(el, '#note', 'I have not really talked to anyone since I moved here.');
  for (let step = 0; step < 6; step++) await click(el, '[part="next"]');
}

async function send(el: PeerRequestButton): Promise<void> {
  await toConsent(el);
  await click(el, '#consent');
  await click(el, '[part="send"]');
  await until(() => inside(el, '[part="status"]') !== null || inside(el, '[part="send-status"]') !== null);
}

async function checkCode(el: PeerRequestButton): Promise<void> {
  await click(el, '[part="have-code"]');
  await field(el, '#code-input', STORY_CODE);
  await click(el, '[part="check"]');
  await until(() => inside(el, '[part="status"]') !== null);
}

// ---------------------------------------------------------------------------------------------------------------
// The button.

/** Supporters on shift: the label says so, with the wait the backend gives. */
export const Default: Story = { name: 'On shift', args: withBackend() };

/** Inside the hours, but no one is on shift: said plainly on the button. */
export const NobodyOnShift: Story = { name: 'No one on shift', args: withBackend({ busyness: 'nobody' }) };

/** Outside the hours: when it opens, naming the day. */
export const Closed: Story = { name: 'Closed (opens tomorrow)', args: withBackend({ busyness: 'closed' }) };

/** Availability on its way: the button works at once, its second line comes when the answer does. */
export const Loading: Story = { args: { ...withBackend({ hangAvailability: true }), timeout: 120_000 } };

// ---------------------------------------------------------------------------------------------------------------
// The dialog.

/** The dialog, first step: the danger question, before anything else. */
export const DialogOpen: Story = {
  name: 'Dialog: danger first',
  args: withBackend(),
  play: async ({ canvasElement }) => open(await buttonIn(canvasElement)),
};

/** "Yes" to danger: crisis help in the dialog, and no way into the queue. */
export const Danger: Story = {
  name: 'Dialog: in danger',
  args: withBackend(),
  play: async ({ canvasElement }) => {
    const el = await buttonIn(canvasElement);
    await open(el);
    await click(el, 'input[name="safety"][value="yes"]');
  },
};

/** No one on shift: said before the student writes anything, with helplines and groups. */
export const NobodyDialog: Story = {
  name: 'Dialog: no one on shift',
  args: withBackend({ busyness: 'nobody' }),
  play: async ({ canvasElement }) => open(await buttonIn(canvasElement)),
};

/** A wait past `wait-limit`: said, with helplines and groups beside the queue. */
export const LongWait: Story = {
  name: 'Dialog: long wait',
  args: { ...withBackend({ busyness: 'long-wait' }), 'wait-limit': 45 },
  play: async ({ canvasElement }) => open(await buttonIn(canvasElement)),
};

/** The last step: who reads the request, the limits of confidentiality, and consent. */
export const Consent: Story = {
  name: 'Dialog: consent',
  args: withBackend(),
  play: async ({ canvasElement }) => toConsent(await buttonIn(canvasElement)),
};

/** Consent not given: the message, and focus on the box. */
export const ConsentMissing: Story = {
  name: 'Dialog: consent missing',
  args: withBackend(),
  play: async ({ canvasElement }) => {
    const el = await buttonIn(canvasElement);
    await toConsent(el);
    await click(el, '[part="send"]');
  },
};

/**
 * No answer to the send (the connection dropped): the request may be in the queue, so "we could not confirm", with
 * helplines, and the answers kept for another try with the same key (never a second request).
 */
export const SendUnconfirmed: Story = {
  name: 'Dialog: could not confirm',
  args: { ...withBackend({ failPost: true }), timeout: 1000 },
  play: async ({ canvasElement }) => send(await buttonIn(canvasElement)),
};

/** The server refused the request itself (400): it was not sent, in plain words, and the answers kept. */
export const SendFailed: Story = {
  name: 'Dialog: not sent',
  args: withBackend({ refusePost: 400 }),
  play: async ({ canvasElement }) => send(await buttonIn(canvasElement)),
};

// ---------------------------------------------------------------------------------------------------------------
// After sending.

/** Sent: waiting, with the place, the wait and the code shown once. */
export const Waiting: Story = {
  name: 'Sent: waiting',
  args: withBackend(),
  play: async ({ canvasElement }) => send(await buttonIn(canvasElement)),
};

/** Sent while no one is on shift: said, with helplines and groups. */
export const WaitingNobody: Story = {
  name: 'Sent: no one on shift',
  args: withBackend({ busyness: 'nobody' }),
  play: async ({ canvasElement }) => send(await buttonIn(canvasElement)),
};

/** "I have a code": a supporter has picked the request up, with a link to join the conversation. */
export const PickedUp: Story = {
  name: 'I have a code: picked up',
  args: withBackend({
    then: { status: 'claimed', supporterName: 'Sam', joinUrl: 'https://northfield.example/chat/1' },
  }),
  play: async ({ canvasElement }) => checkCode(await buttonIn(canvasElement)),
};

/** A professional is taking the request over: said, with crisis help. */
export const Escalated: Story = {
  name: 'I have a code: escalated',
  args: withBackend({ then: { status: 'escalated-to-professional' } }),
  play: async ({ canvasElement }) => checkCode(await buttonIn(canvasElement)),
};

/** "Cancel my request" asks first, with focus on the safe answer. */
export const CancelQuestion: Story = {
  name: 'Cancel: the question',
  args: withBackend(),
  play: async ({ canvasElement }) => {
    const el = await buttonIn(canvasElement);
    await send(el);
    await click(el, '[part="cancel"]');
  },
};

/** Cancelled, with a way to make a new request. */
export const Cancelled: Story = {
  args: withBackend(),
  play: async (context) => {
    await CancelQuestion.play?.(context);
    const el = await buttonIn(context.canvasElement);
    await click(el, '[part="cancel-yes"]');
    await until(() => inside(el, '[part="again"]') !== null);
  },
};

// ---------------------------------------------------------------------------------------------------------------
// Languages and direction.

/** Spanish, from the page's language. */
export const Spanish: Story = { args: withBackend(), globals: { locale: 'es' } };

/** A right-to-left page (Hebrew registered without translations yet): the layout runs right to left. */
export const RightToLeft: Story = {
  name: 'Right to left',
  args: withBackend(),
  beforeEach: () => registerLocale('he', {}),
  render: (args, context) => html`<div lang="he" dir="rtl">${renderElement(args, context)}</div>`,
};
