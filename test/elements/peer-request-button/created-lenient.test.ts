// <peer-request-button> reading the 201 of POST /peer-requests: a bad extra field drops only itself, so the student
// gets their code; an unreadable 2xx is never "not sent".
import { expect } from '@open-wc/testing';
import {
  $,
  availability,
  created,
  fastPolling,
  json,
  mount,
  openDialog,
  requestFetch,
  sendRequest,
  status,
  text,
  until,
} from './helpers.js';

describe('<peer-request-button> the created answer', () => {
  fastPolling();

  for (const [name, overrides] of [
    ['a bad nested availability', { availability: { open: 'maybe' } }],
    ['a huge position', { position: 1e20 }],
    ['negative numbers', { position: -1, expectedWaitMinutes: -5 }],
    ['a malformed createdAt', { createdAt: 'yesterday' }],
  ] as const) {
    it(`with ${name}, the request is shown with its code`, async () => {
      const net = requestFetch({
        availability: () => json(availability()),
        create: () => json(created(overrides), 201),
        status: () => json(status()),
      });
      const el = await mount(net);
      const submitted: unknown[] = [];
      el.addEventListener('peer-request-submitted', (event) => submitted.push(event.detail));
      await openDialog(el);
      await sendRequest(el);
      await until(() => $(el, '[part="status"]') !== null, 5000, 'the status');
      expect(text($(el, '[part="code-value"]'))).to.match(/pr_5HV2C9/);
      expect(text($(el, 'dialog'))).not.to.contain('not sent');
      expect(submitted.length).to.equal(1);
      await expect(el).to.be.accessible();
    });
  }

  it('an unreadable 2xx says the request may have been sent, offers helplines, and never says "not sent"', async () => {
    const net = requestFetch({
      availability: () => json(availability()),
      create: () => json(created({ requestId: '../../etc', secret: 'x' }), 201),
    });
    const el = await mount(net);
    await openDialog(el);
    await sendRequest(el);
    await until(() => text($(el, '[part="send-status"]')).includes('may have been sent'), 5000, 'the message');
    const said = text($(el, '[part="send-status"]'));
    expect(said).not.to.contain('not sent');
    expect(said).to.contain('Helplines you can reach now');
    expect($(el, '[part="send-status"] peer-crisis-resources'), 'helplines').to.exist;
    await until(() => text($(el, '[part="live-region"]')).includes('may have been sent'), 2000, 'the announcement');
    expect(text($(el, '[part="live-region"]'))).not.to.contain('not sent');
    await expect(el).to.be.accessible();
  });

  it('a status poll with a bad place or availability still updates the status', async () => {
    let now: Record<string, unknown> = {};
    const net = requestFetch({
      availability: () => json(availability()),
      create: () => json(created(), 201),
      status: () => json(status(now)),
    });
    const el = await mount(net);
    await openDialog(el);
    await sendRequest(el);
    await until(() => $(el, '[part="status"]') !== null, 5000, 'the status');
    now = { status: 'claimed', position: -4, expectedWaitMinutes: 1e9, availability: 'soon', supporterName: 'Sam' };
    await until(() => text($(el, '[part="state"]')).includes('picked this up'), 3000, 'the claimed status');
    expect(text($(el, '[part="supporter"]'))).to.equal('Your supporter: Sam');
    expect($(el, '[part="status-note"]')).to.equal(null);
  });
});
