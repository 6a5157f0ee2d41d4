import { expect, html } from '@open-wc/testing';
import { emulateMedia, setViewport } from '@web/test-runner-commands';
import { registerLocale } from '../../../src/core/i18n/catalog.js';
import { groupFinderEn } from '../../../src/elements/peer-group-finder/i18n/en.js';
import {
  $,
  $$,
  API,
  groupDetail,
  groupPage,
  groupSummary,
  groupsFetch,
  json,
  mount,
  openCard,
  registration,
  text,
  type,
  until,
  ZONE,
} from './helpers.js';

function backend() {
  return groupsFetch({
    list: () =>
      json(
        groupPage(
          [
            groupSummary('long', {
              name: 'A group with a rather long name that must wrap on a small phone screen without scrolling sideways',
              accessibility: ['step-free', 'captions', 'sign-language', 'quiet-room', 'screen-reader-friendly'],
              audiences: ['international-students', 'first-generation', 'student-parents'],
              languages: ['en', 'es', 'zh'],
            }),
            groupSummary('second', { registrationStatus: 'waitlist' }),
          ],
          'more',
        ),
      ),
    detail: (id) => json(groupDetail(id)),
    register: (id) => json(registration(id, { status: 'waitlisted', waitlistPosition: 12 }), 201),
  });
}

async function mounted(lang = 'en') {
  const el = await mount(
    html`<peer-group-finder
      lang=${lang}
      api-base=${API}
      time-zone=${ZONE}
      .fetch=${backend().fetch}
    ></peer-group-finder>`,
  );
  await until(() => $$(el, '[part="card"]').length === 2);
  return el;
}

/** Every control in a root is at least 44 px tall (hidden ones and the visually hidden region aside). */
function smallTargets(root: ParentNode): string[] {
  const small: string[] = [];
  for (const target of root.querySelectorAll<HTMLElement>(
    'button, .button, .choice, summary, input:not([type="checkbox"], [type="radio"]), select',
  )) {
    const box = target.getBoundingClientRect();
    if (box.height === 0) continue;
    if (box.height < 44) small.push(`${text(target) || target.id || target.tagName}: ${box.height}`);
  }
  return small;
}

function overflow(root: Element): boolean {
  return root.scrollWidth > root.clientWidth + 1 || document.documentElement.scrollWidth > window.innerWidth;
}

describe('<peer-group-finder> layout and languages', () => {
  afterEach(async () => {
    await setViewport({ width: 800, height: 600 });
    await emulateMedia({ forcedColors: 'none' });
  });

  it('reflows at 320 px with every filter open, and every control is at least 44 px tall', async () => {
    await setViewport({ width: 320, height: 640 });
    const el = await mounted();
    for (const details of $$<HTMLDetailsElement>(el, 'details')) details.open = true;
    await el.updateComplete;
    expect(overflow($(el, '[part="panel"]')!), 'no sideways scrolling').to.equal(false);
    expect(smallTargets(el.shadowRoot!)).to.deep.equal([]);
  });

  it('reflows at 320 px in the details dialog, the join form and the answer, with 44 px targets', async () => {
    await setViewport({ width: 320, height: 640 });
    const el = await mounted();
    const dialog = await openCard(el);
    await until(() => $(el, '[part~="detail-agreements"]') !== null);
    await type(el, '#join-email', 'sam@example.edu');
    expect(dialog.scrollWidth, 'no sideways scrolling in the dialog').to.be.at.most(dialog.clientWidth + 1);
    expect(smallTargets(dialog)).to.deep.equal([]);
    $<HTMLInputElement>(el, '#join-consent')!.click();
    await el.updateComplete;
    $<HTMLButtonElement>(el, '[part="join-submit"]')!.click();
    await until(() => $(el, '[part="outcome"]') !== null);
    expect(dialog.scrollWidth).to.be.at.most(dialog.clientWidth + 1);
    expect(smallTargets(dialog)).to.deep.equal([]);
    await expect(el).to.be.accessible();
  });

  it('reads in Spanish, with Intl’s day names and times, and passes axe', async () => {
    const el = await mounted('es');
    expect(text($(el, '[part="heading"]'))).to.equal('Encuentra un grupo de apoyo entre pares');
    expect(text($(el, '[part="card-schedule"]'))).to.equal('Cada jueves, 18:00–19:30');
    expect(text($(el, '[part="status"]'))).to.equal('Se muestran 2 grupos. Hay más.');
    expect($$(el, 'input[name="day"]').map((input) => text(input.parentElement))).to.include('jueves');
    expect(text($(el, '[part="card-languages"]'))).to.equal('En inglés, español y chino');
    await expect(el).to.be.accessible();
    await openCard(el, 1);
    await until(() => $(el, '[part~="detail-agreements"]') !== null);
    expect(text($(el, '[part="attendance"]'))).to.equal('No se registra la asistencia.');
    await expect(el).to.be.accessible();
  });

  it('lays out right to left in a right-to-left language, with numbers and times isolated', async () => {
    const hebrew: Record<string, string> = {};
    for (const key of Object.keys(groupFinderEn)) hebrew[key] = `עברית ${key}`;
    hebrew['groups.done.waitlistedText'] = 'מקומך ברשימת ההמתנה: {position}.';
    hebrew['groups.schedule.weekly'] = 'כל {days}, {time}';
    registerLocale('he', hebrew as never);
    const el = await mounted('he');
    const panel = $(el, '[part="panel"]')!;
    expect(panel.getAttribute('dir')).to.equal('rtl');
    for (const details of $$<HTMLDetailsElement>(el, 'details')) details.open = true;
    await el.updateComplete;
    const [first, second] = $$(el, 'input[name="topic"]').map((input) => input.parentElement!);
    expect(first!.getBoundingClientRect().left, 'the first choice is on the right').to.be.greaterThan(
      second!.getBoundingClientRect().left,
    );
    expect($(el, '[part="card-schedule"]')!.querySelectorAll('bdi').length, 'days and time isolated').to.equal(2);
    await openCard(el);
    $<HTMLButtonElement>(el, '[part="join-submit"]')!.click();
    await until(() => $(el, '[part="outcome"]') !== null);
    expect($(el, '[part="outcome-text"] bdi')?.textContent).to.equal('12');
    expect($(el, '[part="code-value"] bdi')?.getAttribute('dir'), 'the code reads left to right').to.equal('ltr');
    await expect(el).to.be.accessible();
  });

  it('keeps a chosen filter visible in forced colours, not by colour alone', async () => {
    await emulateMedia({ forcedColors: 'active' });
    const el = await mounted();
    $<HTMLInputElement>(el, 'input[name="format"][value="online"]')!.click();
    await el.updateComplete;
    const chosen = $<HTMLInputElement>(el, 'input[name="format"][value="online"]')!.parentElement!;
    const style = getComputedStyle(chosen);
    expect(parseFloat(style.borderTopWidth)).to.be.at.least(2);
    expect(style.fontWeight).to.equal('600');
  });
});
