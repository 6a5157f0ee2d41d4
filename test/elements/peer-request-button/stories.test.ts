// Every <peer-request-button> story, rendered and played here as Storybook would (the static Storybook's own test
// needs the published manifest): each shows its state in words, never a string key, and passes axe.
import { expect, fixture, html } from '@open-wc/testing';
import type { StoryContext } from '@storybook/web-components-vite';
import * as stories from '../../../stories/peer-request-button.stories.js';
import { $, text, until } from './helpers.js';

type AnyStory = {
  name?: string;
  args?: Record<string, unknown>;
  globals?: Record<string, string>;
  beforeEach?: () => void;
  play?: (context: { canvasElement: HTMLElement }) => Promise<void>;
};

/** What each story shows once played: a part, and words in it. */
const expected: Record<string, [string, string]> = {
  Default: ['availability', 'Supporters are on shift now. The wait is about 10 min.'],
  NobodyOnShift: ['availability', 'No one is on shift right now.'],
  Closed: ['availability', 'Opens tomorrow at'],
  Loading: ['label', 'Talk to a peer supporter'],
  DialogOpen: ['legend', 'Are you in danger right now'],
  Danger: ['safety-help', 'Please reach someone now'],
  NobodyDialog: ['fallback', 'You can still send a request'],
  LongWait: ['fallback', 'The wait is longer than usual right now.'],
  Consent: ['consent', 'on-call professional'],
  ConsentMissing: ['field-error', 'Please tick the box'],
  SendUnconfirmed: ['send-status', 'We could not confirm that your request arrived.'],
  SendFailed: ['send-status', 'Your request was not sent.'],
  Waiting: ['place', 'You are number 2 in line. The wait is about 10 min.'],
  WaitingNobody: ['fallback', 'Your request stays in line'],
  PickedUp: ['supporter', 'Your supporter: Sam'],
  Escalated: ['escalated', 'A professional will be in touch'],
  CancelQuestion: ['cancel-confirm', 'Cancel your request?'],
  Cancelled: ['state', 'Status: Cancelled'],
  Spanish: ['label', 'Habla con un compañero de apoyo'],
  RightToLeft: ['label', 'Talk to a peer supporter'],
};

/** Args as the project's render sets them: kebab-case as attributes, the rest as properties. */
function render(args: Record<string, unknown>): HTMLElement {
  const el = document.createElement('peer-request-button');
  for (const [name, value] of Object.entries(args)) {
    if (name.includes('-') || typeof value !== 'object') {
      if (typeof value === 'function') (el as unknown as Record<string, unknown>)[name] = value;
      else el.setAttribute(name, String(value));
    } else (el as unknown as Record<string, unknown>)[name] = value;
  }
  return el;
}

describe('<peer-request-button> stories', () => {
  const all = Object.entries(stories).filter(([name]) => name !== 'default') as Array<[string, AnyStory]>;

  it('has an expectation for every story', () => {
    expect(all.map(([name]) => name).sort()).to.deep.equal(Object.keys(expected).sort());
  });

  for (const [name, story] of all) {
    it(`${name} shows its state`, async () => {
      story.beforeEach?.();
      const args = { ...(stories.default.args ?? {}), ...(story.args ?? {}) };
      const lang = name === 'RightToLeft' ? 'he' : (story.globals?.['locale'] ?? 'en');
      const canvas = await fixture<HTMLDivElement>(
        html`<div lang=${lang} dir=${name === 'RightToLeft' ? 'rtl' : 'ltr'}></div>`,
      );
      canvas.append(render(args));
      await story.play?.({ canvasElement: canvas } as unknown as StoryContext & { canvasElement: HTMLElement });
      const el = canvas.querySelector('peer-request-button')!;
      const [part, words] = expected[name]!;
      await until(() => text($(el, `[part="${part}"]`)).includes(words), 5000, `${part}: ${words}`).catch(() => {
        throw new Error(`${name}: [part="${part}"] says "${text($(el, `[part="${part}"]`))}"`);
      });
      expect(/\brequest\.[a-z]/.test(el.shadowRoot!.textContent!), 'no string keys').to.equal(false);
      await expect(el).to.be.accessible();
    });
  }
});
