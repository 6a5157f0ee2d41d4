// Every <peer-check-in> story, rendered and played here as Storybook would (the static Storybook's own test needs the
// published manifest): each shows its state in words, never a string key, and passes axe, so "axe in every state"
// covers every state the stories show (each mode, risk, offline, errors, results, history, Spanish, right to left).
import { expect, fixture, html } from '@open-wc/testing';
import type { StoryContext } from '@storybook/web-components-vite';
import * as stories from '../../../stories/peer-check-in.stories.js';
import { $, until } from './helpers.js';

type AnyStory = {
  name?: string;
  args?: Record<string, unknown>;
  globals?: Record<string, string>;
  beforeEach?: () => void | (() => void);
  play?: (context: { canvasElement: HTMLElement }) => Promise<void>;
};

/** What each story shows once played: a part, and words in it. */
const expected: Record<string, [string, string]> = {
  Mood: ['mood', 'Very low'],
  Who5: ['attribution', 'WHO-5 Well-Being Index'],
  Phq4: ['attribution', 'Spitzer'],
  NoBackend: ['submit', 'See next steps'],
  SafetyYes: ['safety-help', "You don't have to go through this alone"],
  NoteHelpIsHere: ['help-is-here', 'help is here'],
  ValidationErrors: ['error-summary', 'Please check the answers marked above.'],
  Sending: ['status', 'Sending your check-in'],
  Offline: ['status', "You're offline"],
  FailedWithRetry: ['status', 'has not been sent'],
  CouldNotConfirm: ['status', 'could not confirm'],
  ResultMood: ['next-steps', 'Next steps you could take'],
  ResultWho5Low: ['not-a-diagnosis', 'not a diagnosis'],
  ResultPhq4: ['not-a-diagnosis', 'not a diagnosis'],
  FollowUpOffered: ['consent', 'not an emergency service'],
  History: ['history', 'Your past check-ins'],
  Spanish: ['mood', 'Muy mal'],
  SpanishWho5: ['attribution', 'Índice de Bienestar WHO-5'],
  RightToLeft: ['safety-help', "You don't have to go through this alone"],
};

const textOf = (node: Element | null) => node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

/** Args as the project's render sets them: kebab-case and plain values as attributes, the rest as properties. */
function render(args: Record<string, unknown>): HTMLElement {
  const el = document.createElement('peer-check-in');
  for (const [name, value] of Object.entries(args)) {
    if (typeof value === 'function' || (typeof value === 'object' && value !== null)) {
      (el as unknown as Record<string, unknown>)[name] = value;
    } else if (value === true) el.setAttribute(name, '');
    else el.setAttribute(name, String(value));
  }
  return el;
}

describe('<peer-check-in> stories', () => {
  const all = Object.entries(stories).filter(([name]) => name !== 'default') as Array<[string, AnyStory]>;
  let cleanUp: (() => void) | void;
  afterEach(() => {
    cleanUp?.();
    cleanUp = undefined;
  });

  it('has an expectation for every story', () => {
    expect(all.map(([name]) => name).sort()).to.deep.equal(Object.keys(expected).sort());
  });

  for (const [name, story] of all) {
    it(`${name} shows its state, in words, and passes axe`, async () => {
      cleanUp = story.beforeEach?.();
      const args = { ...(stories.default.args ?? {}), ...(story.args ?? {}) };
      const rtl = name === 'RightToLeft';
      const lang = rtl ? 'he' : (story.globals?.['locale'] ?? 'en');
      const canvas = await fixture<HTMLDivElement>(html`<div lang=${lang} dir=${rtl ? 'rtl' : 'ltr'}></div>`);
      canvas.append(render(args));
      await story.play?.({ canvasElement: canvas } as unknown as StoryContext & { canvasElement: HTMLElement });
      const el = canvas.querySelector('peer-check-in')!;
      const [part, words] = expected[name]!;
      await until(() => textOf($(el, `[part~="${part}"]`)).includes(words), 8000).catch(() => {
        throw new Error(`${name}: [part="${part}"] says "${textOf($(el, `[part~="${part}"]`))}"`);
      });
      expect(/\bcheckIn\.[a-z]/.test(el.shadowRoot!.textContent!), 'no string keys').to.equal(false);
      if (rtl) expect($(el, '[part="panel"]')!.getAttribute('dir')).to.equal('rtl');
      await expect(el).to.be.accessible();
    });
  }
});
