import { expect, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import {
  $,
  $$,
  announced,
  campusConfig,
  checkInResult,
  choose,
  json,
  mount,
  recordingFetch,
  submit,
  until,
  type CheckIn,
} from './helpers.js';

/** The first tel: link inside the inline crisis panel, if any. */
function crisisCallLink(el: CheckIn): HTMLAnchorElement | null {
  const panel = $(el, 'peer-crisis-resources');
  return panel?.shadowRoot?.querySelector<HTMLAnchorElement>('a[href^="tel:"]') ?? null;
}

describe('<peer-check-in>', () => {
  describe('the safety question', () => {
    it('shows crisis help inline within a frame of a "yes", with the network down, focused and announced', async () => {
      // The backend never answers: crisis help must not wait on it.
      const urls: string[] = [];
      const neverAnswers: typeof fetch = (input) => {
        urls.push(String(input instanceof Request ? input.url : input));
        return new Promise<Response>(() => {});
      };
      const el = await mount(
        html`<peer-check-in api-base="https://backend.invalid/v1" country="US" .fetch=${neverAnswers}></peer-check-in>`,
      );
      let risk: Event | undefined;
      el.addEventListener('peer-check-in-risk', (event) => (risk = event));
      expect(crisisCallLink(el) === null).to.equal(true);
      await choose(el, 'safety', 'yes');
      await new Promise((resolve) => requestAnimationFrame(resolve));
      const link = crisisCallLink(el);
      expect(link !== null, 'a call link on screen').to.equal(true);
      expect(link!.getAttribute('href')).to.equal('tel:911');
      expect(link!.getBoundingClientRect().height).to.be.greaterThan(0);
      expect(el.shadowRoot!.activeElement?.id).to.equal('safety-heading');
      expect(await announced(el)).to.contain('talk to someone right now');
      expect(risk !== undefined && (risk as CustomEvent).detail === null).to.equal(true);
      expect(
        urls.some((url) => url.includes('/check-ins')),
        'nothing was sent',
      ).to.equal(false);
      await expect(el).to.be.accessible();
    });

    it('keeps crisis help on screen when the answer changes back to "no", and lets the student still send', async () => {
      const el = await mount();
      await choose(el, 'safety', 'yes');
      await choose(el, 'safety', 'no');
      await el.updateComplete;
      expect(crisisCallLink(el) !== null).to.equal(true);
      expect($(el, '[part="submit"]')?.hasAttribute('disabled')).to.equal(false);
    });

    it('is not asked when the page turns it off', async () => {
      const el = await mount(html`<peer-check-in safety-question="off"></peer-check-in>`);
      expect($(el, '[part="safety"]') === null).to.equal(true);
    });
  });

  describe('after the review (issue 8)', () => {
    it('speaks to a "yes" in the result, whatever the scores say', async () => {
      const el = await mount(html`<peer-check-in instrument="who5"></peer-check-in>`);
      for (const index of [0, 1, 2, 3, 4]) await choose(el, `item-${index}`, '5');
      await choose(el, 'safety', 'yes');
      await submit(el);
      const message = $(el, '[part="message"]')!.textContent!;
      expect(message).to.contain('What you told us matters');
      expect(message).not.to.contain('going okay');
      expect($(el, '[part~="next-step"]')?.getAttribute('part')).to.contain('next-step-crisis');
    });

    it('always leaves a way forward, even with no group, peer or counselling page', async () => {
      const el = await mount();
      await choose(el, 'mood', '1');
      await submit(el);
      expect($(el, '[part~="next-step-crisis"] button')?.textContent).to.contain('Get help now');
    });

    it('clears crisis help and its words for the next person when a new check-in starts', async () => {
      const el = await mount();
      await choose(el, 'mood', '2');
      await choose(el, 'safety', 'yes');
      await submit(el);
      expect($(el, '[part="safety-help"]')?.textContent).to.contain("You don't have to go through this alone");
      $<HTMLButtonElement>(el, '[part="again"]')!.click();
      await el.updateComplete;
      expect($(el, '[part="safety-help"]') === null).to.equal(true);
      expect(el.shadowRoot!.textContent).not.to.contain("You don't have to go through this alone");
    });

    it('opened from the note, help says it is here and does not answer a yes the student never gave', async () => {
      const el = await mount();
      const note = $<HTMLTextAreaElement>(el, '#note')!;
      note.value = 'I want to die';
      note.dispatchEvent(new Event('input'));
      await el.updateComplete;
      $<HTMLButtonElement>(el, '[part="show-help"]')!.click();
      await until(() => $(el, '[part="safety-help"]') !== null);
      expect($(el, '[part="safety-help"]')!.textContent).to.contain('Help is here');
      expect($(el, '[part="safety-help"]')!.textContent).not.to.contain("You don't have to go through this alone");
    });

    it('announces that answers need attention', async () => {
      const el = await mount();
      await submit(el);
      expect(await announced(el)).to.contain('Please check');
    });

    it('points the way the marked answers are: the summary sits below them, by the button', async () => {
      for (const lang of ['en', 'es']) {
        const el = await mount(html`<peer-check-in instrument="who5" lang=${lang}></peer-check-in>`);
        await submit(el);
        const summary = $(el, '[part="error-summary"]')!;
        const marked = $(el, '[aria-invalid="true"]')!;
        expect(
          marked.compareDocumentPosition(summary) & Node.DOCUMENT_POSITION_FOLLOWING,
          'summary after',
        ).to.not.equal(0);
        expect(summary.textContent, lang).not.to.match(/below|abajo/);
      }
    });
  });

  describe('the mood check-in', () => {
    it('asks with words, never colour or emoji alone, and passes axe', async () => {
      const el = await mount();
      const labels = $$(el, '[part="mood"] label').map((label) => label.textContent?.trim());
      expect(labels).to.deep.equal(['Very low', 'Low', 'Okay', 'Good', 'Very good']);
      await expect(el).to.be.accessible();
    });

    it('says what needs fixing and moves focus there', async () => {
      const el = await mount();
      await submit(el);
      expect($(el, '[part="error-summary"]')?.textContent).to.contain('Please check');
      expect($(el, '#field-mood')?.getAttribute('aria-invalid')).to.equal('true');
      expect($(el, '#error-mood')?.textContent).to.contain('Choose how you are feeling');
      expect(el.shadowRoot!.activeElement?.getAttribute('name')).to.equal('mood');
      await expect(el).to.be.accessible();
      await choose(el, 'mood', '2');
      expect($(el, '#field-mood')?.getAttribute('aria-invalid')).to.equal('false');
    });

    it('shows a gentle "help is here" line when the note reads like a crisis, and decides nothing else', async () => {
      const el = await mount();
      const note = $<HTMLTextAreaElement>(el, '#note')!;
      note.value = 'honestly I want to die';
      note.dispatchEvent(new Event('input'));
      await el.updateComplete;
      expect($(el, '[part="help-is-here"]')?.textContent).to.contain('help is here');
      expect(crisisCallLink(el) === null, 'not forced open').to.equal(true);
      expect($<HTMLInputElement>(el, 'input[name="safety"][value="yes"]')!.checked).to.equal(false);
      $<HTMLButtonElement>(el, '[part="show-help"]')!.click();
      await el.updateComplete;
      await until(() => crisisCallLink(el) !== null);
      // the note never leaves in an event
      await choose(el, 'mood', '2');
      setTimeout(() => submit(el));
      const complete = (await oneEvent(el, 'peer-check-in-complete')) as CustomEvent;
      expect(JSON.stringify(complete.detail)).not.to.contain('die');
      expect(complete.detail).to.deep.equal({ instrument: 'mood', level: 2, sent: false });
    });

    it('shows the note’s limit and keeps to it', async () => {
      const el = await mount();
      const note = $<HTMLTextAreaElement>(el, '#note')!;
      expect(note.maxLength).to.equal(500);
      note.value = 'abc';
      note.dispatchEvent(new Event('input'));
      await el.updateComplete;
      expect($(el, '[part="note-count"]')?.textContent?.replace(/\s+/g, ' ').trim()).to.equal('3 of 500 characters');
    });

    it('without a backend, finishes on the page: a warm message, next steps, focus on the heading', async () => {
      const el = await mount(
        html`<peer-check-in
          groups-href="https://campus.example/groups"
          peer-href="https://campus.example/peer"
        ></peer-check-in>`,
      );
      expect($(el, '[part="privacy"]')?.textContent).to.contain('Nothing is sent');
      await choose(el, 'mood', '1');
      await choose(el, 'topics', 'exams');
      await submit(el);
      await el.updateComplete;
      expect($(el, '[part="message"]')?.textContent).to.contain('Hard days happen');
      expect(el.shadowRoot!.activeElement?.id).to.equal('heading');
      const group = $<HTMLAnchorElement>(el, '[part~="next-step-group"] a')!;
      expect(group.href).to.equal('https://campus.example/groups?topic=stress');
      expect($(el, '[part~="next-step-peer"] a')?.getAttribute('href')).to.equal('https://campus.example/peer');
      // no counselling page known: that step is not offered as a dead end
      expect($(el, '[part~="next-step-counsellor"]') === null).to.equal(true);
      await expect(el).to.be.accessible();
    });

    it('lets the page route a next step itself by cancelling the event', async () => {
      const el = await mount(html`<peer-check-in groups-href="https://campus.example/groups"></peer-check-in>`);
      await choose(el, 'mood', '3');
      await submit(el);
      el.addEventListener('peer-check-in-next-step', (event) => event.preventDefault());
      const link = $<HTMLAnchorElement>(el, '[part~="next-step-group"] a')!;
      setTimeout(() => link.click());
      const event = (await oneEvent(el, 'peer-check-in-next-step')) as CustomEvent;
      expect(event.detail).to.deep.equal({ kind: 'group', topics: [] });
      expect(location.href).not.to.contain('campus.example');
    });

    it('can be completed by keyboard alone', async () => {
      const el = await mount(html`<peer-check-in safety-question="on"></peer-check-in>`);
      $<HTMLInputElement>(el, 'input[name="mood"]')!.focus();
      await sendKeys({ press: 'ArrowRight' }); // Low
      await sendKeys({ press: 'ArrowRight' }); // Okay
      expect($<HTMLInputElement>(el, 'input[name="mood"][value="3"]')!.checked).to.equal(true);
      $<HTMLButtonElement>(el, '[part="submit"]')!.focus();
      await sendKeys({ press: 'Enter' });
      await until(() => $(el, '[part="result"]') !== null);
      expect(el.shadowRoot!.activeElement?.id).to.equal('heading');
      $<HTMLButtonElement>(el, '[part="again"]')!.focus();
      await sendKeys({ press: 'Enter' });
      await until(() => $(el, '[part="form"]') !== null);
      expect($<HTMLInputElement>(el, 'input[name="mood"][value="3"]')!.checked).to.equal(false);
    });

    it('stops when the page cancels the submit event', async () => {
      const net = recordingFetch({ config: () => json(campusConfig()) });
      const el = await mount(
        html`<peer-check-in api-base="https://backend.example/v1" .fetch=${net.fetch}></peer-check-in>`,
      );
      el.addEventListener('peer-check-in-submit', (event) => event.preventDefault());
      await choose(el, 'mood', '4');
      await submit(el);
      expect(net.posts()).to.have.length(0);
      expect($(el, '[part="form"]') !== null).to.equal(true);
    });
  });

  describe('WHO-5 and PHQ-4', () => {
    it('asks WHO-5 in its published wording, with the attribution and every item required', async () => {
      const el = await mount(html`<peer-check-in instrument="who5"></peer-check-in>`);
      const legends = $$(el, '[part="item"] legend').map((legend) => legend.textContent?.trim());
      expect(legends).to.deep.equal([
        'I have felt cheerful and in good spirits',
        'I have felt calm and relaxed',
        'I have felt active and vigorous',
        'I woke up feeling fresh and rested',
        'My daily life has been filled with things that interest me',
      ]);
      expect($(el, '[part="attribution"]')?.textContent).to.contain('Psychiatric Centre North Zealand');
      await expect(el).to.be.accessible();
      for (const index of [0, 1, 2]) await choose(el, `item-${index}`, '1');
      await submit(el);
      expect($(el, '#field-item-3')?.getAttribute('aria-invalid')).to.equal('true');
      expect($(el, '#field-item-2')?.getAttribute('aria-invalid')).to.equal('false');
      expect(el.shadowRoot!.activeElement?.getAttribute('name')).to.equal('item-3');
    });

    it('words a WHO-5 result as a suggestion and "not a diagnosis", never a score or a label', async () => {
      const el = await mount(html`<peer-check-in instrument="who5"></peer-check-in>`);
      for (const index of [0, 1, 2, 3, 4]) await choose(el, `item-${index}`, '1'); // raw 5 → 20 → very low
      await submit(el);
      const text = $(el, '[part="result"]')!.textContent!;
      expect(text).to.contain('really hard');
      expect($(el, '[part="not-a-diagnosis"]')?.textContent).to.contain('not a diagnosis');
      expect(text).not.to.match(/\b20\b|\b5\b|very.low|severe|depress/i);
      await expect(el).to.be.accessible();
    });

    it('words the result by a campus’s own cut-offs (the thresholds property), and says so in the event', async () => {
      const answerAll = async (el: CheckIn) => {
        for (const [index, value] of [3, 3, 3, 3, 2].entries()) await choose(el, `item-${index}`, String(value));
      }; // raw 14 → 56: typical by default, low from 60
      const plain = await mount(html`<peer-check-in instrument="who5"></peer-check-in>`);
      await answerAll(plain);
      await submit(plain);
      expect($(plain, '[part="message"]')!.textContent).to.contain('mostly been going okay');
      const campus = await mount(
        html`<peer-check-in instrument="who5" .thresholds=${{ who5Low: 60 }}></peer-check-in>`,
      );
      await answerAll(campus);
      setTimeout(() => submit(campus));
      const complete = (await oneEvent(campus, 'peer-check-in-complete')) as CustomEvent;
      expect(complete.detail).to.deep.include({ instrument: 'who5', band: 'low' });
      expect($(campus, '[part="message"]')!.textContent).to.contain('may have been hard');
    });

    it('can be completed by keyboard alone: Tab from question to question, arrows within one', async () => {
      const el = await mount(html`<peer-check-in instrument="who5"></peer-check-in>`);
      $<HTMLInputElement>(el, 'input[name="item-0"]')!.focus();
      for (const index of [0, 1, 2, 3, 4]) {
        if (index) await sendKeys({ press: 'Tab' });
        expect(el.shadowRoot!.activeElement?.getAttribute('name')).to.equal(`item-${index}`);
        await sendKeys({ press: 'Space' }); // "All of the time" (5)
        await sendKeys({ press: 'ArrowDown' }); // "Most of the time" (4)
      }
      await sendKeys({ press: 'Tab' });
      expect(el.shadowRoot!.activeElement?.getAttribute('name')).to.equal('safety');
      await sendKeys({ press: 'Space' }); // "No"
      await sendKeys({ press: 'Tab' });
      expect(el.shadowRoot!.activeElement?.getAttribute('part')).to.equal('submit');
      setTimeout(() => sendKeys({ press: 'Enter' }));
      const complete = (await oneEvent(el, 'peer-check-in-complete')) as CustomEvent;
      expect(complete.detail).to.deep.include({ instrument: 'who5', band: 'typical' }); // raw 20 → 80
      await until(() => el.shadowRoot!.activeElement?.id === 'heading');
    });

    it('sends PHQ-4 answers in the contract’s order, not the display order', async () => {
      const net = recordingFetch({
        config: () => json(campusConfig()),
        checkIns: () => json({ ...checkInResult(), instrument: 'phq4' }, 201),
      });
      const el = await mount(
        html`<peer-check-in
          instrument="phq4"
          api-base="https://backend.example/v1"
          .fetch=${net.fetch}
        ></peer-check-in>`,
      );
      // displayed: nervous 3, worrying 2, down 1, interest 0
      for (const [index, value] of [3, 2, 1, 0].entries()) await choose(el, `item-${index}`, String(value));
      await choose(el, 'safety', 'no');
      await submit(el);
      await until(() => net.posts().length === 1);
      expect(net.posts()[0]!.body).to.deep.include({ instrument: 'phq4', answers: [0, 1, 3, 2], safetyConcern: false });
    });

    it('asks in Spanish with the published Spanish wording', async () => {
      const host = await mount(html`<peer-check-in lang="es" instrument="phq4"></peer-check-in>`);
      expect($(host, '.heading')?.textContent?.trim()).to.equal('¿Cómo estás?');
      expect($$(host, '[part="item"] legend').map((legend) => legend.textContent?.trim())).to.deep.equal([
        'Se ha sentido nervioso(a), ansioso(a) o con los nervios de punta',
        'No ha sido capaz de parar o controlar su preocupación',
        'Se ha sentido decaído(a), deprimido(a) o sin esperanzas',
        'Poco interés o placer en hacer cosas',
      ]);
      expect($(host, '[part="panel"]')?.getAttribute('lang')).to.equal('es');
      await expect(host).to.be.accessible();
    });
  });
});
