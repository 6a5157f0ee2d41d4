import { expect } from '@open-wc/testing';
import {
  $,
  $$,
  groupDetail,
  groupPage,
  groupSummary,
  groupsFetch,
  json,
  mountWith,
  openCard,
  registration,
  text,
  until,
} from './helpers.js';

const MARKUP = '<img src=x onerror="window.__pwned=1"><b>bold</b>';

describe('<peer-group-finder> with a hostile backend', () => {
  afterEach(() => {
    delete (window as unknown as Record<string, unknown>).__pwned;
  });

  it('shows markup in names, descriptions and agreements as text, and runs none of it', async () => {
    const hostile = { name: `Circle ${MARKUP}`, summary: MARKUP, areaHint: MARKUP };
    const net = groupsFetch({
      list: () => json(groupPage([groupSummary('x', { ...hostile, locationHidden: true, location: undefined })])),
      detail: () =>
        json({
          ...groupDetail('x'),
          ...hostile,
          locationHidden: true,
          location: undefined,
          description: MARKUP,
          agreements: [MARKUP],
          firstSessionInfo: MARKUP,
          accessibilityNote: MARKUP,
          facilitator: { type: 'trained-peer', description: MARKUP },
        }),
      register: (id) => json(registration(id, { location: { venue: { name: MARKUP, directions: MARKUP } } }), 201),
    });
    const el = await mountWith(net);
    expect(text($(el, '[part="card-name"]'))).to.equal(`Circle ${MARKUP}`);
    await openCard(el);
    await until(() => $(el, '[part~="detail-agreements"]') !== null);
    $<HTMLButtonElement>(el, '[part="join-submit"]')!.click();
    await until(() => $(el, '[part="outcome"]') !== null);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(el.shadowRoot!.querySelectorAll('img, b').length, 'no element made from data').to.equal(0);
    expect((window as unknown as Record<string, unknown>).__pwned === undefined, 'no script ran').to.equal(true);
    expect(text($(el, '[part="where"]'))).to.contain('<img src=x');
  });

  it('drops links that are not plain https: javascript:, data:, http: and disguised ones', async () => {
    const bad = [
      'javascript:alert(1)',
      'JaVaScRiPt:alert(1)',
      'java\tscript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'http://evil.example/join',
      'https://user:pass@evil.example/',
    ];
    const groups = bad.map((url, index) =>
      groupSummary(`g${index}`, {
        format: 'hybrid',
        location: {
          venue: { name: 'Hall', address: { line1: '1 Road', locality: 'Town', directionsUrl: url } },
          online: { platform: 'Zoom', joinUrl: url },
        },
      }),
    );
    const net = groupsFetch({
      list: () => json(groupPage(groups)),
      detail: (id) =>
        json({
          ...groupDetail(id),
          ...groups[Number(id.slice(1))],
          organiserEmail: 'x@example.edu?bcc=all@evil.example',
        }),
    });
    const el = await mountWith(net);
    for (let index = 0; index < bad.length; index++) {
      await openCard(el, index);
      await until(() => $(el, '[part~="detail-agreements"]') !== null, 3000, `the details of ${bad[index]}`);
      const links = $$<HTMLAnchorElement>(el, 'dialog a');
      expect(
        links.map((link) => link.getAttribute('href')),
        bad[index],
      ).to.deep.equal([]);
      expect(text($(el, '[part~="detail-where"]'))).to.contain('Online (Zoom)');
      $<HTMLDialogElement>(el, 'dialog')!.close();
      await el.updateComplete;
    }
  });

  it('keeps a safe https link to join online, and a plain mailto for the organiser', async () => {
    const net = groupsFetch({
      list: () =>
        json(
          groupPage([
            groupSummary('ok', {
              format: 'online',
              location: { online: { platform: 'Zoom', joinUrl: 'https://zoom.example/j/1' } },
            }),
          ]),
        ),
      detail: () =>
        json({
          ...groupDetail('ok'),
          format: 'online',
          location: { online: { platform: 'Zoom', joinUrl: 'https://zoom.example/j/1' } },
          organiserEmail: 'groups@example.edu',
        }),
    });
    const el = await mountWith(net);
    await openCard(el);
    await until(() => $(el, '[part="organiser"]') !== null);
    expect($<HTMLAnchorElement>(el, '[part="join-online"]')!.href).to.equal('https://zoom.example/j/1');
    expect($<HTMLAnchorElement>(el, '[part="organiser"] a')!.getAttribute('href')).to.equal(
      'mailto:groups@example.edu',
    );
  });

  it('bounds what it accepts: a huge name leaves its group out, a page of bad groups is an error, not "no groups", and a page holds at most 50', async () => {
    const huge = 'x'.repeat(100_000);
    let answer: unknown = groupPage([groupSummary('fine'), groupSummary('huge', { name: huge })]);
    const net = groupsFetch({ list: () => json(answer) });
    const el = await mountWith(net);
    expect($$(el, '[part="card-name"]').map(text)).to.deep.equal(['Group fine']);
    expect(el.shadowRoot!.textContent!.includes('xxxxxxxxxx')).to.equal(false);

    answer = groupPage([groupSummary('huge', { name: huge }), groupSummary('bad id', {})]);
    $<HTMLInputElement>(el, 'input[name="day"][value="mon"]')!.click();
    await until(() => net.lists().length === 2 && $(el, '[part="problem"]') !== null, 3000, 'the error');
    expect(text($(el, '[part="problem"]'))).to.contain('We got an answer we could not read.');
    expect($(el, '[part="empty"]') === null).to.equal(true);

    // The last good list stays under the message, as every widget keeps its last good value after a failure.
    expect($$(el, '[part="card-name"]').map(text)).to.deep.equal(['Group fine']);

    // More groups than the contract allows on a page: no more than that are taken.
    answer = groupPage(Array.from({ length: 500 }, (_, i) => groupSummary(`g${i}`)));
    $<HTMLInputElement>(el, 'input[name="day"][value="tue"]')!.click();
    await until(() => $$(el, '[part="card"]').length > 1, 3000, 'the long page');
    expect($$(el, '[part="card"]').length).to.equal(50);
  });
});
