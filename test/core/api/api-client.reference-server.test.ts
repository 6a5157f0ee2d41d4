// The API client against the real reference server on loopback (started by web-test-runner), across origins as on
// a campus page whose backend lives elsewhere: CORS, problem details, validation and the contract's shapes.
import { expect } from '@open-wc/testing';
import { ApiClient } from '../../../src/core/api/api-client.js';
import { arr, bool, literal, obj, opt, str } from '../../../src/core/api/shape.js';
import { referenceServer } from '../../helpers/reference-server.js';

const health = obj({
  status: literal('ok', 'unavailable'),
  version: str({ max: 50 }),
  database: literal('pglite', 'postgresql'),
  time: str({ max: 40 }),
});

const campusConfig = obj({
  campusName: str({ max: 120, min: 1 }),
  timeZone: str({ max: 64 }),
  locales: arr(str({ max: 35 }), { max: 20 }),
  country: str({ max: 2 }),
  region: opt(str({ max: 6 })),
  features: obj({ checkIn: bool, groups: bool, peerRequests: bool, crisisResources: bool }),
});

describe('ApiClient against the reference server', () => {
  let client: ApiClient;
  before(async () => {
    const { apiBase } = await referenceServer();
    expect(new URL(apiBase).origin).not.to.equal(location.origin);
    client = new ApiClient({ apiBase, timeoutMs: 5000 });
  });

  it('reads /health across origins', async () => {
    const result = await client.get('/health', { check: health });
    expect(result.ok, JSON.stringify(result)).to.equal(true);
    if (result.ok) expect(result.data.status).to.equal('ok');
  });

  it('reads /config in the contract’s shape', async () => {
    const result = await client.get('/config', { check: campusConfig });
    expect(result.ok, JSON.stringify(result)).to.equal(true);
    if (result.ok) expect(result.data.locales).to.include('en');
  });

  it('turns an unknown path into an http error with problem details', async () => {
    const result = await client.get('/no-such-thing', { check: health });
    expect(result.ok).to.equal(false);
    if (!result.ok && result.error.kind === 'http') {
      expect(result.error.status).to.equal(404);
      expect(result.error.problem?.type).to.equal('/problems/not-found');
    } else {
      expect.fail(`expected an http error, got ${JSON.stringify(result)}`);
    }
  });

  it('gets a 400 naming the field when a query breaks the contract, and does not retry it', async () => {
    let calls = 0;
    const counting: typeof fetch = (input, init) => {
      calls += 1;
      return fetch(input, init);
    };
    const { apiBase } = await referenceServer();
    const counted = new ApiClient({ apiBase, timeoutMs: 5000, fetch: counting });
    const result = await counted.get('/groups', { query: { limit: 5000 }, check: health });
    expect(calls).to.equal(1);
    if (!result.ok && result.error.kind === 'http') {
      expect(result.error.status).to.equal(400);
      expect(result.error.problem?.errors?.map((e) => e.field)).to.include('/query/limit');
    } else {
      expect.fail(`expected a 400, got ${JSON.stringify(result)}`);
    }
  });
});
