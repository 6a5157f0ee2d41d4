import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { styleMap } from 'lit/directives/style-map.js';
import '../src/elements/peer-crisis-resources/define.js';
import '../src/elements/peer-help-link/define.js';

/**
 * Every state of crisis help. The backend is replaced by a `fetch` that answers with campus data, fails, or never
 * answers, so each story is stable and needs no server.
 */
const meta: Meta = {
  title: 'Elements/peer-crisis-resources',
  component: 'peer-crisis-resources',
  parameters: { layout: 'padded' },
  // Stories without their own render use the project's default one, so every control changes the element.
  args: { country: 'US' },
};
export default meta;
type Story = StoryObj;

const weekdays = ['mon', 'tue', 'wed', 'thu', 'fri'];
const campus = {
  items: [
    {
      id: 'story-counselling',
      name: 'Counseling Center',
      description: 'Free, confidential counselling for students. Walk in or call during opening hours.',
      country: 'US',
      subdivisions: ['US-MA'],
      scope: 'campus',
      topics: ['general'],
      audiences: ['students'],
      languages: ['en', 'es'],
      humanSupport: 'professional',
      free: true,
      anonymous: false,
      isEmergency: false,
      priority: 500,
      pairedWith: [],
      verifiedAt: '2026-11-20',
      source: { name: 'Northfield University', url: 'https://northfield.example/counseling' },
      contactMethods: [
        {
          type: 'phone',
          value: '+15555550140',
          displayValue: '555-555-0140',
          hours: {
            timeZone: 'America/New_York',
            alwaysOpen: false,
            weekly: weekdays.map((day) => ({ day, opens: '09:00', closes: '17:00' })),
          },
        },
        {
          type: 'walk-in',
          value: 'Wellness Hall, room 210',
          address: { line1: 'Wellness Hall, room 210', locality: 'Northfield', region: 'MA', country: 'US' },
          hours: {
            timeZone: 'America/New_York',
            alwaysOpen: false,
            weekly: weekdays.map((day) => ({ day, opens: '09:00', closes: '17:00' })),
          },
        },
      ],
    },
  ],
  generatedAt: '2026-11-24T00:00:00Z',
};

const answer =
  (body: unknown, status = 200): typeof fetch =>
  async () =>
    new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
const never: typeof fetch = () => new Promise(() => {});
/** A Tuesday morning in New York, so the campus service shows as open in every story. */
const tuesdayMorning = () => new Date(Date.UTC(2026, 10, 24, 15, 0));
/** A Saturday, so the campus service shows as closed, listed after the open lines. */
const saturday = () => new Date(Date.UTC(2026, 10, 28, 15, 0));

const fallback = html`<p>Campus Safety, 24 hours: <a href="tel:+15555550100">555-555-0100</a></p>`;

export const Bundled: Story = {
  name: 'Bundled data only (no backend)',
};

export const WithFallback: Story = {
  name: 'With pasted fallback (no backend)',
  render: () => html`<peer-crisis-resources country="US">${fallback}</peer-crisis-resources>`,
};

export const MergedWithCampus: Story = {
  name: 'Merged with campus services',
  render: () =>
    html`<peer-crisis-resources
      api-base="https://northfield.example/api/v1"
      country="US"
      region="US-MA"
      .fetch=${answer(campus)}
      .clock=${tuesdayMorning}
      >${fallback}</peer-crisis-resources
    >`,
};

export const CampusClosed: Story = {
  name: 'Campus service closed (listed after open lines)',
  render: () =>
    html`<peer-crisis-resources
      api-base="https://northfield.example/api/v1"
      country="US"
      .fetch=${answer(campus)}
      .clock=${saturday}
    ></peer-crisis-resources>`,
};

export const Loading: Story = {
  name: 'Backend slow (numbers shown meanwhile)',
  render: () =>
    html`<peer-crisis-resources api-base="https://northfield.example/api/v1" country="US" .fetch=${never}
      >${fallback}</peer-crisis-resources
    >`,
};

/** Answers after `ms` milliseconds, as a backend far away would. */
const late =
  (ms: number, body: unknown): typeof fetch =>
  async () => {
    await new Promise((resolve) => setTimeout(resolve, ms));
    return answer(body)('');
  };

export const CampusArrivingLate: Story = {
  name: 'Campus services arriving late, room set aside (nothing below moves)',
  render: () =>
    html`<peer-crisis-resources
        api-base="https://northfield.example/api/v1"
        country="US"
        region="US-MA"
        style=${styleMap({ '--peer-campus-room': '15rem' })}
        .fetch=${late(1500, campus)}
        .clock=${tuesdayMorning}
        ><p>Counseling Center: <a href="tel:+15555550140">555-555-0140</a></p></peer-crisis-resources
      >
      <p>The page goes on here; it stays where it is when the campus services arrive.</p>`,
};

export const BackendFailing: Story = {
  name: 'Backend failing',
  render: () =>
    html`<peer-crisis-resources
      api-base="https://northfield.example/api/v1"
      country="US"
      .fetch=${answer({ title: 'Unavailable' }, 503)}
      >${fallback}</peer-crisis-resources
    >`,
};

/** A backend that refuses with 429 and names its wait: the note says it beside "Try again". */
const busy: typeof fetch = async () =>
  new Response(JSON.stringify({ type: 'about:blank', title: 'Too many requests', status: 429 }), {
    status: 429,
    headers: { 'content-type': 'application/problem+json', 'Retry-After': '30' },
  });

export const BackendBusy: Story = {
  name: 'Backend busy (429: the note names the wait)',
  render: () =>
    html`<peer-crisis-resources api-base="https://northfield.example/api/v1" country="US" .fetch=${busy}
      >${fallback}</peer-crisis-resources
    >`,
};

export const NoCountry: Story = {
  name: 'Country unknown (picker)',
  render: () => html`<peer-crisis-resources lang="und"></peer-crisis-resources>`,
};

export const OtherCountries: Story = {
  name: 'Other countries',
  render: () =>
    html`<div class="stack">
      <peer-crisis-resources country="GB"></peer-crisis-resources>
      <peer-crisis-resources country="JP"></peer-crisis-resources>
    </div>`,
};

export const Banner: Story = {
  name: 'Banner variant',
  args: { variant: 'banner' },
};

export const QuickExit: Story = {
  name: 'With quick exit',
  args: { 'exit-url': 'https://www.bbc.co.uk/weather' },
};

export const HelpLink: Story = {
  name: 'Help link (opens the panel)',
  render: () =>
    html`<p>Any widget shows this link in the same place: <peer-help-link country="US"></peer-help-link></p>`,
};

export const Spanish: Story = {
  name: 'Spanish',
  render: () => html`<peer-crisis-resources lang="es" country="MX"></peer-crisis-resources>`,
};

export const SpanishUnitedStates: Story = {
  name: 'Spanish, United States (translated lines; untranslated text kept whole in English)',
  render: () =>
    html`<peer-crisis-resources
      lang="es"
      country="US"
      api-base="https://northfield.example/api/v1"
      .fetch=${answer(campus)}
      .clock=${tuesdayMorning}
    ></peer-crisis-resources>`,
};

export const RightToLeft: Story = {
  name: 'Right to left (numbers keep their order)',
  render: () => html`<div dir="rtl"><peer-crisis-resources country="AU"></peer-crisis-resources></div>`,
};

const weekendLine = {
  ...campus.items[0],
  id: 'story-after-hours',
  name: 'After-hours line',
  description: 'Trained peers answer from Friday evening to Monday morning.',
  contactMethods: [
    {
      type: 'phone',
      value: '+15555550170',
      displayValue: '555-555-0170',
      hours: {
        timeZone: 'America/New_York',
        alwaysOpen: false,
        weekly: [
          { day: 'fri', opens: '17:00', closes: '24:00' },
          { day: 'sat', opens: '00:00', closes: '24:00' },
          { day: 'sun', opens: '00:00', closes: '24:00' },
          { day: 'mon', opens: '00:00', closes: '09:00' },
        ],
      },
    },
  ],
};

export const OpenForDays: Story = {
  name: 'Open for days (the closing time names its day)',
  render: () =>
    html`<peer-crisis-resources
      api-base="https://northfield.example/api/v1"
      country="US"
      .fetch=${answer({ ...campus, items: [weekendLine, ...campus.items] })}
      .clock=${saturday}
      .timeZone=${'America/New_York'}
    ></peer-crisis-resources>`,
};

export const EverythingClosed: Story = {
  name: 'Every listed service closed (the intro promises no one now)',
  render: () =>
    html`<peer-crisis-resources
      api-base="https://northfield.example/api/v1"
      country="IS"
      .fetch=${answer({ ...campus, items: [{ ...campus.items[0], country: 'IS', subdivisions: [] }] })}
      .clock=${saturday}
    ></peer-crisis-resources>`,
};

export const Dark: Story = {
  name: 'Dark colour scheme',
  globals: { scheme: 'dark' },
};

/**
 * Where the page cannot use the clipboard (an insecure origin, a refused permission), the copy button selects the
 * number and says to copy it by hand; no `peer-crisis-contact` event fires.
 */
export const CopyByHand: Story = {
  name: 'Copy by hand (no clipboard)',
  play: async ({ canvasElement }) => {
    const el = canvasElement.querySelector('peer-crisis-resources');
    await el?.updateComplete;
    const copy = el?.shadowRoot?.querySelector<HTMLButtonElement>('[data-id="us-trevor-lifeline"] [part~="copy"]');
    // The element reads the clipboard as the click is handled; the page's own clipboard is back right after.
    Object.defineProperty(navigator, 'clipboard', { value: undefined, configurable: true });
    try {
      copy?.click();
    } finally {
      delete (navigator as { clipboard?: unknown }).clipboard;
    }
  },
};
