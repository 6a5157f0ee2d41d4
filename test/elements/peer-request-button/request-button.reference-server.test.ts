// <peer-request-button> against the real reference server on loopback (started by web-test-runner with the demo
// campus: peer support hours and a supporter on shift 07:00-23:00 New York time): the label agrees with the server's
// availability, a request is queued once even when its answer is lost, its status is read with the code from
// another element, and cancelling there is seen here through a conditional poll.
import { expect, fixture, html } from '@open-wc/testing';
import { referenceServer } from '../../helpers/reference-server.js';
import { $, fastPolling, openDialog, sendRequest, text, type, until, type Button } from './helpers.js';

async function button(apiBase: string, fetchImpl?: typeof fetch): Promise<Button> {
  const el = await fixture<Button>(
    html`<peer-request-button
      api-base=${apiBase}
      country="US"
      .fetch=${fetchImpl}
      .pollInterval=${0.05}
    ></peer-request-button>`,
  );
  await until(() => text($(el, '[part="availability"]')) !== '', 8000, 'the availability line');
  return el;
}

describe('<peer-request-button> with the reference server', () => {
  fastPolling();
  let apiBase: string;
  before(async () => {
    ({ apiBase } = await referenceServer());
  });

  it('labels the button from the server’s availability', async () => {
    const served = await (await fetch(`${apiBase}/availability`)).json();
    const el = await button(apiBase);
    const line = text($(el, '[part="availability"]'));
    if (served.open) {
      expect(line).to.match(/^Supporters are on shift now\./);
      if (served.expectedWaitMinutes !== null) expect(line).to.contain(`about ${served.expectedWaitMinutes} min`);
    } else if (served.withinHours) {
      expect(line).to.equal('No one is on shift right now.');
    } else {
      expect(line).to.match(/^Opens (today|tomorrow|\w+day)/);
    }
    await expect(el).to.be.accessible();
  });

  it('queues one request when its answer is lost, reads it with the code elsewhere, and sees it cancelled', async () => {
    const answers: Array<{ status: number; key: string | null; body: string }> = [];
    let drop = true;
    // Passes every call to the real server; the first POST's answer is lost on the way back, as on a flaky network.
    const flaky: typeof fetch = async (input, init) => {
      const response = await fetch(input, init);
      if ((init?.method ?? 'GET') === 'POST' && String(input).endsWith('/peer-requests')) {
        const key = new Headers(init?.headers).get('Idempotency-Key');
        answers.push({ status: response.status, key, body: await response.clone().text() });
        if (drop) {
          drop = false;
          throw new TypeError('Failed to fetch');
        }
      }
      return response;
    };
    const first = await button(apiBase, flaky);
    await openDialog(first);
    await sendRequest(first);
    await until(() => $(first, '[part="status"]') !== null, 8000, 'the status');
    expect(answers.length).to.equal(2);
    expect(answers[0]!.key).to.equal(answers[1]!.key);
    expect(JSON.parse(answers[1]!.body).requestId, 'the same request, replayed').to.equal(
      JSON.parse(answers[0]!.body).requestId,
    );
    const code = text($(first, '[part="code-value"]'));
    expect(code).to.match(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{16,}$/);
    expect(text($(first, '[part="state"]'))).to.equal('Status: Waiting');
    await expect(first).to.be.accessible();

    // Another device: "I have a code".
    const second = await button(apiBase);
    $<HTMLButtonElement>(second, '[part="have-code"]')!.click();
    await until(() => $(second, '#code-input') !== null, 2000, 'the code form');
    await type(second, '#code-input', code);
    $<HTMLButtonElement>(second, '[part="check"]')!.click();
    await until(() => $(second, '[part="status"]') !== null, 8000, 'the status by code');
    expect(text($(second, '[part="state"]'))).to.equal('Status: Waiting');
    $<HTMLButtonElement>(second, '[part="cancel"]')!.click();
    await second.updateComplete;
    $<HTMLButtonElement>(second, '[part="cancel-yes"]')!.click();
    await until(() => text($(second, '[part="state"]')) === 'Status: Cancelled', 8000, 'cancelled there');

    // The first element's conditional poll sees the change.
    await until(() => text($(first, '[part="state"]')) === 'Status: Cancelled', 8000, 'cancelled here');
    expect(localStorage.length + sessionStorage.length).to.equal(0);
  });
});
