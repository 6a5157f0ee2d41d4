// <peer-request-button> what the live region says: status parts as separate sentences (English and Spanish), and
// no stale "help is shown" once crisis help is hidden again.
import { expect } from '@open-wc/testing';
import {
  $,
  announced,
  availability,
  choose,
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
  type Button,
} from './helpers.js';

const live = (el: Button) => text($(el, '[part="live-region"]'));

function backend(next: () => Record<string, unknown>) {
  return requestFetch({
    availability: () => json(availability()),
    create: () => json(created({ position: 1 }), 201),
    status: () => json(status(next())),
  });
}

describe('<peer-request-button> announcements', () => {
  fastPolling();

  it('joins the status parts with full stops', async () => {
    let now: Record<string, unknown> = { position: 1 };
    const el = await mount(backend(() => now));
    await openDialog(el);
    await sendRequest(el);
    await until(() => live(el).startsWith('Your request was sent.'), 3000, 'the sent announcement');
    expect(await announced(el)).to.equal(
      'Your request was sent. Status: Waiting. You are number 1 in line. The wait is about 15 min.',
    );
    now = { status: 'claimed', position: null, expectedWaitMinutes: null, supporterName: 'Sam' };
    await until(() => live(el).includes('picked this up'), 3000, 'the claimed announcement');
    expect(await announced(el)).to.equal('Status: A supporter has picked this up. Your supporter: Sam.');
  });

  it('in Spanish too', async () => {
    let now: Record<string, unknown> = { position: 1 };
    const el = await mount(
      backend(() => now),
      { lang: 'es' },
    );
    await openDialog(el);
    await sendRequest(el);
    await until(() => live(el).startsWith('Tu solicitud se ha enviado.'), 3000, 'the sent announcement');
    const sent = await announced(el);
    expect(sent).to.match(/^Tu solicitud se ha enviado\. Estado: [^.]+\. Eres el número 1 en la fila\./);
    now = { status: 'claimed', position: null, expectedWaitMinutes: null, supporterName: 'Sam' };
    await until(() => live(el).includes('Sam'), 3000, 'the claimed announcement');
    expect(await announced(el)).to.match(/^Estado: [^.]+\. Tu persona de apoyo: Sam\.$/);
  });

  it('after "Yes" then "No" to the danger question, no longer says help is shown', async () => {
    const el = await mount(backend(() => ({})));
    await openDialog(el);
    await choose(el, 'input[name="safety"][value="yes"]');
    expect(await announced(el)).to.equal('Help you can reach now is shown.');
    await choose(el, 'input[name="safety"][value="no"]');
    await el.updateComplete;
    expect($(el, '[part="safety-help"]'), 'crisis help hidden').to.equal(null);
    expect(await announced(el)).not.to.contain('Help you can reach now is shown');
    await expect(el).to.be.accessible();
  });
});
