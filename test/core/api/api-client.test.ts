import { expect } from '@open-wc/testing';
import {
  ApiClient,
  newIdempotencyKey,
  type ApiClientOptions,
  type ApiResult,
} from '../../../src/core/api/api-client.js';
import { isRetryable, parseProblem } from '../../../src/core/api/errors.js';
import { arr, empty, int, obj, opt, str } from '../../../src/core/api/shape.js';
import {
  endlessBody,
  FakeFetch,
  json,
  problem,
  stallingBody,
  status,
  text,
  type Reply,
} from '../../helpers/fake-fetch.js';

const BASE = 'https://peer.example.edu/api/v1';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

const group = obj({ id: str({ max: 20 }), name: str({ max: 50 }), seats: opt(int({ min: 0 })) });
const groups = obj({ items: arr(group, { max: 50 }) });
const created = obj({ id: str({ max: 20 }) });

/** A client on a scripted transport whose waits are recorded and instant unless a test says otherwise. */
function setup(script: Reply[], options: Partial<ApiClientOptions> = {}) {
  const fake = new FakeFetch(...script);
  const waits: number[] = [];
  const client = new ApiClient({
    apiBase: BASE,
    timeoutMs: 2000,
    fetch: fake.fetch,
    sleep: async (ms) => {
      waits.push(ms);
    },
    ...options,
  });
  return { client, fake, waits };
}

function errorOf<T>(result: ApiResult<T>) {
  if (result.ok) throw new Error(`expected an error, got data ${JSON.stringify(result.data)}`);
  return result.error;
}

describe('ApiClient: URLs', () => {
  it('joins the base and the path with exactly one slash', () => {
    for (const apiBase of [BASE, `${BASE}/`, ` ${BASE}// `]) {
      const client = new ApiClient({ apiBase, timeoutMs: 1000 });
      expect(client.url('/groups')).to.equal(`${BASE}/groups`);
      expect(client.url('groups/g1')).to.equal(`${BASE}/groups/g1`);
    }
  });

  it('resolves a base relative to the document', () => {
    const client = new ApiClient({ apiBase: '/api/v1', timeoutMs: 1000 });
    expect(client.url('/groups')).to.equal(`${location.origin}/api/v1/groups`);
  });

  it('encodes query values, repeats arrays and drops undefined and null', () => {
    const client = new ApiClient({ apiBase: BASE, timeoutMs: 1000 });
    const url = client.url('/groups', {
      q: 'sleep & stress/anxiety?',
      topic: ['exams', 'first year'],
      limit: 10,
      open: true,
      cursor: undefined,
      after: null,
      'odd key': 'é',
    });
    expect(url).to.equal(
      `${BASE}/groups?q=sleep%20%26%20stress%2Fanxiety%3F&topic=exams&topic=first%20year&limit=10&open=true` +
        '&odd%20key=%C3%A9',
    );
    expect(client.url('/groups', { cursor: undefined })).to.equal(`${BASE}/groups`);
  });

  it('sends the joined URL to the transport', async () => {
    const { client, fake } = setup([json({ items: [] })]);
    await client.get('/groups', { check: groups, query: { topic: ['a', 'b'] } });
    expect(fake.requests[0]!.url).to.equal(`${BASE}/groups?topic=a&topic=b`);
  });
});

describe('ApiClient: not configured', () => {
  for (const apiBase of ['', '   ', undefined, null]) {
    it(`returns not-configured without a request for apiBase ${JSON.stringify(apiBase)}`, async () => {
      const { client, fake } = setup([json({})], { apiBase });
      expect(await client.get('/groups', { check: groups })).to.deep.equal({
        ok: false,
        error: { kind: 'not-configured' },
      });
      expect(await client.post('/requests', {}, { check: created })).to.deep.equal({
        ok: false,
        error: { kind: 'not-configured' },
      });
      expect(fake.requests).to.have.length(0);
    });
  }
});

describe('ApiClient: success and response checks', () => {
  it('returns checked data and the status', async () => {
    const { client } = setup([json({ items: [{ id: 'g1', name: 'Sleep', seats: 2 }] })]);
    expect(await client.get('/groups', { check: groups })).to.deep.equal({
      ok: true,
      status: 200,
      data: { items: [{ id: 'g1', name: 'Sleep', seats: 2 }] },
    });
  });

  it('drops unknown fields', async () => {
    const { client } = setup([json({ items: [{ id: 'g1', name: 'Sleep', color: 'red' }], next: 'abc' })]);
    const result = await client.get('/groups', { check: groups });
    expect(result).to.deep.equal({ ok: true, status: 200, data: { items: [{ id: 'g1', name: 'Sleep' }] } });
  });

  it('reports a wrong shape with the failing path', async () => {
    const { client } = setup([
      json({
        items: [
          { id: 'g1', name: 'A' },
          { id: 'g2', name: 7 },
        ],
      }),
    ]);
    const error = errorOf(await client.get('/groups', { check: groups }));
    expect(error).to.deep.equal({
      kind: 'invalid-response',
      reason: 'shape at /items/1/name: expected string',
      path: '/items/1/name',
    });
  });

  it('reports a wrong shape at the root', async () => {
    const { client } = setup([json([1, 2])]);
    const error = errorOf(await client.get('/groups', { check: groups }));
    expect(error).to.deep.equal({ kind: 'invalid-response', reason: 'shape at (root): expected object', path: '' });
  });

  it('reports invalid JSON', async () => {
    const { client } = setup([text('<!doctype html><title>Campus CMS</title>', 200, { 'content-type': 'text/html' })]);
    expect(errorOf(await client.get('/groups', { check: groups }))).to.deep.equal({
      kind: 'invalid-response',
      reason: 'invalid-json',
    });
  });

  it('does not retry an invalid response', async () => {
    const { client, fake } = setup([text('{oops'), json({ items: [] })]);
    await client.get('/groups', { check: groups });
    expect(fake.requests).to.have.length(1);
  });

  it('gives undefined data for 204, which the check must allow', async () => {
    const { client } = setup([status(204), status(204)]);
    expect(await client.delete('/requests/r1', { check: empty })).to.deep.equal({
      ok: true,
      status: 204,
      data: undefined,
    });
    expect(errorOf(await client.delete('/requests/r1', { check: created }))).to.deep.equal({
      kind: 'invalid-response',
      reason: 'shape at (root): expected object',
      path: '',
    });
  });

  it('treats an empty 200 body as no content', async () => {
    const { client } = setup([text('')]);
    expect(await client.get('/ping', { check: empty })).to.deep.equal({ ok: true, status: 200, data: undefined });
  });

  it('turns a throwing check into an error, never a rejection', async () => {
    const { client } = setup([json({})]);
    const result = await client.get('/groups', {
      check: () => {
        throw new Error('bug in a check');
      },
    });
    expect(errorOf(result).kind).to.equal('network');
  });
});

describe('ApiClient: body size cap', () => {
  it('rejects early on a Content-Length over the cap', async () => {
    const body = endlessBody();
    const huge = new Response(body.response.body, { status: 200, headers: { 'content-length': String(5 << 20) } });
    const { client } = setup([huge]);
    expect(errorOf(await client.get('/groups', { check: groups }))).to.deep.equal({
      kind: 'invalid-response',
      reason: 'too-large',
    });
    expect(body.pulls).to.be.at.most(1);
  });

  it('stops reading a stream once it passes the cap', async () => {
    const body = endlessBody(1024);
    const { client } = setup([body.response], { maxBodyBytes: 10_000 });
    expect(errorOf(await client.get('/groups', { check: groups }))).to.deep.equal({
      kind: 'invalid-response',
      reason: 'too-large',
    });
    expect(body.pulls).to.be.within(10, 12);
    expect(body.cancelled).to.equal(true);
  });

  it('accepts a body exactly at the cap', async () => {
    const payload = JSON.stringify({ items: [] });
    const { client } = setup([text(payload)], { maxBodyBytes: payload.length });
    expect((await client.get('/groups', { check: groups })).ok).to.equal(true);
  });

  it('defaults to 1 MiB', async () => {
    const big = JSON.stringify({ items: [], pad: 'x'.repeat(1 << 20) });
    const { client } = setup([text(big)]);
    expect(errorOf(await client.get('/groups', { check: groups }))).to.deep.equal({
      kind: 'invalid-response',
      reason: 'too-large',
    });
  });
});

describe('ApiClient: HTTP errors and problem details', () => {
  it('parses application/problem+json into the error', async () => {
    const body = {
      type: 'https://peer.example.edu/problems/validation',
      title: 'Invalid request',
      status: 422,
      detail: 'Message is too long.',
      instance: '/requests',
      errors: [{ field: 'message', message: 'at most 500 characters' }, { field: 3 }],
      traceId: 'abc',
    };
    const { client } = setup([problem(body, 422)]);
    expect(errorOf(await client.post('/requests', { message: '…' }, { check: created }))).to.deep.equal({
      kind: 'http',
      status: 422,
      problem: {
        type: 'https://peer.example.edu/problems/validation',
        title: 'Invalid request',
        status: 422,
        detail: 'Message is too long.',
        instance: '/requests',
        errors: [{ field: 'message', message: 'at most 500 characters' }],
      },
    });
  });

  it('accepts a problem content type with parameters and fills in missing members', async () => {
    const response = new Response(JSON.stringify({ title: 42, detail: 'Nope' }), {
      status: 403,
      headers: { 'content-type': 'Application/Problem+JSON; charset=utf-8' },
    });
    const { client } = setup([response]);
    expect(errorOf(await client.get('/groups', { check: groups }))).to.deep.equal({
      kind: 'http',
      status: 403,
      problem: { type: 'about:blank', title: '', status: 403, detail: 'Nope' },
    });
  });

  it('leaves the problem out for other content types or unreadable bodies', async () => {
    const { client } = setup([
      json({ title: 'not a problem document' }, 400),
      text('not json', 400, { 'content-type': 'application/problem+json' }),
    ]);
    expect(errorOf(await client.get('/a', { check: groups }))).to.deep.equal({ kind: 'http', status: 400 });
    expect(errorOf(await client.get('/b', { check: groups }))).to.deep.equal({ kind: 'http', status: 400 });
  });

  for (const code of [400, 401, 403, 404, 409, 422]) {
    it(`does not retry ${code}`, async () => {
      const { client, fake } = setup([status(code), json({ items: [] })]);
      expect(errorOf(await client.get('/groups', { check: groups }))).to.deep.equal({ kind: 'http', status: code });
      expect(fake.requests).to.have.length(1);
    });
  }

  it('parseProblem ignores bodies that are not JSON objects', () => {
    expect(parseProblem('[1]', 400)).to.equal(undefined);
    expect(parseProblem('null', 400)).to.equal(undefined);
    expect(parseProblem('', 400)).to.equal(undefined);
  });

  it('isRetryable follows the method for 500', () => {
    expect(isRetryable({ kind: 'http', status: 500 })).to.equal(true);
    expect(isRetryable({ kind: 'http', status: 500 }, 'post')).to.equal(false);
    expect(isRetryable({ kind: 'http', status: 503 }, 'POST')).to.equal(true);
    expect(isRetryable({ kind: 'timeout' }, 'POST')).to.equal(true);
    expect(isRetryable({ kind: 'aborted' })).to.equal(false);
    expect(isRetryable({ kind: 'invalid-response', reason: 'invalid-json' })).to.equal(false);
  });
});

describe('ApiClient: retries', () => {
  it('retries a GET on 503 up to the retry count (default 2)', async () => {
    const { client, fake, waits } = setup([status(503), status(503), status(503), json({ items: [] })]);
    expect(errorOf(await client.get('/groups', { check: groups }))).to.deep.equal({ kind: 'http', status: 503 });
    expect(fake.requests).to.have.length(3);
    expect(waits).to.have.length(2);
  });

  it('succeeds when a retry succeeds', async () => {
    const { client, fake } = setup([status(502), status(504), json({ items: [] })]);
    expect(await client.get('/groups', { check: groups })).to.deep.equal({
      ok: true,
      status: 200,
      data: { items: [] },
    });
    expect(fake.requests).to.have.length(3);
  });

  it('retries a GET on network errors', async () => {
    const { client, fake } = setup([
      new TypeError('Failed to fetch'),
      new TypeError('Failed to fetch'),
      new TypeError('Failed to fetch'),
    ]);
    expect(errorOf(await client.get('/groups', { check: groups }))).to.deep.equal({
      kind: 'network',
      message: 'Failed to fetch',
    });
    expect(fake.requests).to.have.length(3);
  });

  it('honours the retries option', async () => {
    const none = setup([status(503), status(503)], { retries: 0 });
    await none.client.get('/groups', { check: groups });
    expect(none.fake.requests).to.have.length(1);
    const four = setup([status(503), status(503), status(503), status(503), status(503)], { retries: 4 });
    await four.client.get('/groups', { check: groups });
    expect(four.fake.requests).to.have.length(5);
  });

  it('retries 500 for GET but not for POST', async () => {
    const get = setup([status(500), json({ items: [] })]);
    expect((await get.client.get('/groups', { check: groups })).ok).to.equal(true);
    expect(get.fake.requests).to.have.length(2);
    const post = setup([status(500), json({ id: 'r1' }, 201)]);
    expect(errorOf(await post.client.post('/requests', {}, { check: created }))).to.deep.equal({
      kind: 'http',
      status: 500,
    });
    expect(post.fake.requests).to.have.length(1);
  });

  it('retries a POST with the same Idempotency-Key, and uses a new key per call', async () => {
    const { client, fake } = setup([
      status(503),
      new TypeError('Failed to fetch'),
      json({ id: 'r1' }, 201),
      json({ id: 'r2' }, 201),
    ]);
    expect(await client.post('/requests', { topic: 'exams' }, { check: created })).to.deep.equal({
      ok: true,
      status: 201,
      data: { id: 'r1' },
    });
    expect(await client.post('/requests', { topic: 'exams' }, { check: created })).to.deep.equal({
      ok: true,
      status: 201,
      data: { id: 'r2' },
    });
    const keys = fake.requests.map((request) => request.headers['idempotency-key']);
    expect(keys[0]).to.match(UUID);
    expect(keys[1]).to.equal(keys[0]);
    expect(keys[2]).to.equal(keys[0]);
    expect(keys[3]).to.match(UUID);
    expect(keys[3]).not.to.equal(keys[0]);
    expect(fake.requests.map((request) => request.body)).to.deep.equal(Array(4).fill('{"topic":"exams"}'));
  });

  it('uses a given Idempotency-Key on every attempt', async () => {
    const { client, fake } = setup([status(503), json({ id: 'r1' }, 201)]);
    await client.patch('/requests/r1', { state: 'closed' }, { check: created, idempotencyKey: 'form-42' });
    expect(fake.requests.map((request) => request.headers['idempotency-key'])).to.deep.equal(['form-42', 'form-42']);
    expect(fake.requests.map((request) => request.method)).to.deep.equal(['PATCH', 'PATCH']);
  });

  it('waits with full jitter: 0 with random() = 0', async () => {
    const { client, waits } = setup([status(503), status(503), status(503)], { random: () => 0 });
    await client.get('/groups', { check: groups });
    expect(waits).to.deep.equal([0, 0]);
  });

  it('waits with full jitter: just under base · 2^attempt with random() = 0.999', async () => {
    const { client, waits } = setup([status(503), status(503), status(503), status(503)], {
      random: () => 0.999,
      retries: 3,
      backoffBaseMs: 1000,
      backoffCapMs: 3000,
    });
    await client.get('/groups', { check: groups });
    expect(waits).to.have.length(3);
    expect(waits[0]).to.be.closeTo(999, 1e-9);
    expect(waits[1]).to.be.closeTo(1998, 1e-9);
    expect(waits[2]).to.be.closeTo(2997, 1e-9); // capped at 3000, not 4000
  });

  it('honours Retry-After in seconds instead of the jitter', async () => {
    const { client, waits, fake } = setup([status(503, { 'retry-after': '3' }), json({ items: [] })], {
      random: () => 0.5,
    });
    expect((await client.get('/groups', { check: groups })).ok).to.equal(true);
    expect(waits).to.deep.equal([3000]);
    expect(fake.requests).to.have.length(2);
  });

  it('honours Retry-After as an HTTP-date', async () => {
    const date = new Date(Date.now() + 8000).toUTCString();
    const { client, waits } = setup([status(429, { 'retry-after': date }), json({ items: [] })]);
    expect((await client.get('/groups', { check: groups })).ok).to.equal(true);
    expect(waits).to.have.length(1);
    expect(waits[0]).to.be.within(7000, 8000);
  });

  it('stops and reports retryAfterSeconds when Retry-After is beyond the cap', async () => {
    const { client, fake, waits } = setup([
      problem({ type: 'about:blank', title: 'Too Many Requests', status: 429 }, 429, { 'retry-after': '120' }),
      json({ id: 'r1' }, 201),
    ]);
    expect(errorOf(await client.post('/requests', {}, { check: created }))).to.deep.equal({
      kind: 'http',
      status: 429,
      retryAfterSeconds: 120,
      problem: { type: 'about:blank', title: 'Too Many Requests', status: 429 },
    });
    expect(fake.requests).to.have.length(1);
    expect(waits).to.have.length(0);
  });

  it('uses the maxRetryAfterSeconds option as the cap', async () => {
    const { client, fake } = setup([status(503, { 'retry-after': '20' }), json({ items: [] })], {
      maxRetryAfterSeconds: 30,
    });
    expect((await client.get('/groups', { check: groups })).ok).to.equal(true);
    expect(fake.requests).to.have.length(2);
  });

  it('reports retryAfterSeconds when the retries run out', async () => {
    const { client } = setup([status(503, { 'retry-after': '1' }), status(503, { 'retry-after': '2' })], {
      retries: 1,
    });
    expect(errorOf(await client.get('/groups', { check: groups }))).to.deep.equal({
      kind: 'http',
      status: 503,
      retryAfterSeconds: 2,
    });
  });

  it('retries a 409 with Retry-After (the same key still in progress) with the same key, and gets its outcome', async () => {
    const inProgress = problem({ type: 'about:blank', title: 'Conflict', status: 409 }, 409, { 'retry-after': '1' });
    const { client, fake, waits } = setup([inProgress, json({ id: 'r1' }, 201)]);
    expect(await client.post('/requests', { topic: 'exams' }, { check: created })).to.deep.equal({
      ok: true,
      status: 201,
      data: { id: 'r1' },
    });
    expect(waits).to.deep.equal([1000]);
    const keys = fake.requests.map((request) => request.headers['idempotency-key']);
    expect(keys).to.have.length(2);
    expect(keys[1]).to.equal(keys[0]);
  });

  it('does not retry a 409 without Retry-After, nor one whose wait is beyond the cap', async () => {
    for (const headers of [{}, { 'retry-after': '60' }] as Array<Record<string, string>>) {
      const { client, fake } = setup([status(409, headers), json({ id: 'r1' }, 201)]);
      expect(errorOf(await client.post('/requests', {}, { check: created }))).to.include({ kind: 'http', status: 409 });
      expect(fake.requests, JSON.stringify(headers)).to.have.length(1);
    }
  });

  it('ignores Retry-After on statuses that do not define it', async () => {
    const { client } = setup([status(504, { 'retry-after': '1' })], { retries: 0 });
    expect(errorOf(await client.get('/groups', { check: groups }))).to.deep.equal({ kind: 'http', status: 504 });
  });
});

describe('ApiClient: timeout and abort', () => {
  it('times out an attempt (real timer)', async () => {
    const { client, fake } = setup(['hang'], { timeoutMs: 50, retries: 0 });
    const start = performance.now();
    expect(errorOf(await client.get('/groups', { check: groups }))).to.deep.equal({ kind: 'timeout' });
    expect(performance.now() - start).to.be.within(40, 1000);
    expect(fake.requests[0]!.signal!.aborted).to.equal(true);
  });

  it('retries after a timeout, each attempt with its own time limit', async () => {
    const { client, fake } = setup(['hang', 'hang', json({ items: [] })], { timeoutMs: 50 });
    expect((await client.get('/groups', { check: groups })).ok).to.equal(true);
    expect(fake.requests).to.have.length(3);
  });

  it('times out even when a replacement transport ignores the signal', async () => {
    const { client } = setup(['hang-deaf'], { timeoutMs: 50, retries: 0 });
    expect(errorOf(await client.get('/groups', { check: groups }))).to.deep.equal({ kind: 'timeout' });
  });

  it('times out while reading a stalled body', async () => {
    const { client } = setup([stallingBody()], { timeoutMs: 50, retries: 0 });
    expect(errorOf(await client.get('/groups', { check: groups }))).to.deep.equal({ kind: 'timeout' });
  });

  it('returns aborted without a request when the signal has already aborted', async () => {
    const { client, fake } = setup([json({ items: [] })]);
    const controller = new AbortController();
    controller.abort();
    expect(errorOf(await client.get('/groups', { check: groups, signal: controller.signal }))).to.deep.equal({
      kind: 'aborted',
    });
    expect(fake.requests).to.have.length(0);
  });

  it('returns aborted at once when the caller aborts mid-request, with no retry', async () => {
    const { client, fake } = setup(['hang', json({ items: [] })], { timeoutMs: 5000 });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 20);
    const start = performance.now();
    expect(errorOf(await client.get('/groups', { check: groups, signal: controller.signal }))).to.deep.equal({
      kind: 'aborted',
    });
    expect(performance.now() - start).to.be.lessThan(1000);
    expect(fake.requests).to.have.length(1);
    expect(fake.requests[0]!.signal!.aborted).to.equal(true);
  });

  it('returns aborted when the caller aborts while the body is read', async () => {
    const { client } = setup([stallingBody()], { timeoutMs: 5000 });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 20);
    expect(errorOf(await client.get('/groups', { check: groups, signal: controller.signal }))).to.deep.equal({
      kind: 'aborted',
    });
  });

  it('cuts the backoff short when the caller aborts mid-backoff (real sleep)', async () => {
    const fake = new FakeFetch(status(503), json({ items: [] }));
    const client = new ApiClient({
      apiBase: BASE,
      timeoutMs: 2000,
      fetch: fake.fetch,
      random: () => 0.999,
      backoffBaseMs: 5000,
    });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 30);
    const start = performance.now();
    expect(errorOf(await client.get('/groups', { check: groups, signal: controller.signal }))).to.deep.equal({
      kind: 'aborted',
    });
    expect(performance.now() - start).to.be.lessThan(1000);
    expect(fake.requests).to.have.length(1);
  });

  it('cuts the backoff short even when an injected sleep ignores the signal', async () => {
    const { client, fake } = setup([status(503), json({ items: [] })], {
      sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
      random: () => 0.999,
      backoffBaseMs: 5000,
    });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 30);
    const start = performance.now();
    expect(errorOf(await client.get('/groups', { check: groups, signal: controller.signal })).kind).to.equal('aborted');
    expect(performance.now() - start).to.be.lessThan(1000);
    expect(fake.requests).to.have.length(1);
  });

  it('a timeout is not reported as the caller aborting', async () => {
    const { client } = setup(['hang'], { timeoutMs: 50, retries: 0 });
    const controller = new AbortController();
    expect(errorOf(await client.get('/groups', { check: groups, signal: controller.signal }))).to.deep.equal({
      kind: 'timeout',
    });
  });
});

describe('ApiClient: what the transport receives', () => {
  it('a GET: method, Accept, no body, no Content-Type, no Idempotency-Key, anonymous, revalidated', async () => {
    const { client, fake } = setup([json({ items: [] })]);
    const controller = new AbortController();
    await client.get('/groups', { check: groups, signal: controller.signal });
    const [request] = fake.requests;
    expect(request!.method).to.equal('GET');
    expect(request!.headers).to.deep.equal({ accept: 'application/json' });
    expect(request!.body).to.equal(undefined);
    expect(request!.init.credentials).to.equal('omit');
    expect(request!.init.cache).to.equal('no-cache');
    expect(request!.init.referrerPolicy).to.equal('no-referrer');
    expect(request!.signal).to.be.instanceOf(AbortSignal);
    expect(request!.signal).not.to.equal(controller.signal);
  });

  it('a POST: JSON body, Content-Type, Accept and an Idempotency-Key', async () => {
    const { client, fake } = setup([json({ id: 'r1' }, 201)]);
    await client.post('/requests', { topic: 'exams', note: 'ünïcode' }, { check: created });
    const [request] = fake.requests;
    expect(request!.url).to.equal(`${BASE}/requests`);
    expect(request!.method).to.equal('POST');
    expect(request!.body).to.equal('{"topic":"exams","note":"ünïcode"}');
    expect(request!.headers['content-type']).to.equal('application/json');
    expect(request!.headers['accept']).to.equal('application/json');
    expect(request!.headers['idempotency-key']).to.match(UUID);
    expect(request!.init.credentials).to.equal('omit');
  });

  it('headers arrive as a plain object a wrapper can spread to add auth', async () => {
    const fake = new FakeFetch(json({ id: 'r1' }, 201));
    const withAuth: typeof fetch = (input, init) =>
      fake.fetch(input, {
        ...init,
        headers: { ...(init?.headers as Record<string, string>), Authorization: 'Bearer t' },
      });
    const client = new ApiClient({ apiBase: BASE, timeoutMs: 1000, fetch: withAuth });
    await client.post('/requests', {}, { check: created });
    expect(fake.requests[0]!.headers['authorization']).to.equal('Bearer t');
    expect(fake.requests[0]!.headers['idempotency-key']).to.match(UUID);
  });

  it('a DELETE: no body, no Content-Type, an Idempotency-Key', async () => {
    const { client, fake } = setup([status(204)]);
    await client.delete('/requests/r1', { check: empty });
    const [request] = fake.requests;
    expect(request!.method).to.equal('DELETE');
    expect(request!.body).to.equal(undefined);
    expect(request!.headers['content-type']).to.equal(undefined);
    expect(request!.headers['idempotency-key']).to.match(UUID);
  });

  it('uses the page fetch when no transport is given', async () => {
    const client = new ApiClient({ apiBase: '/__peer-api-client-test-missing__', timeoutMs: 5000, retries: 0 });
    const result = await client.get('/nothing', { check: empty });
    expect(errorOf(result)).to.deep.include({ kind: 'http', status: 404 });
  });

  it('never rejects, even when the transport throws synchronously', async () => {
    const client = new ApiClient({
      apiBase: BASE,
      timeoutMs: 1000,
      retries: 0,
      fetch: () => {
        throw new Error('broken wrapper');
      },
    });
    expect(errorOf(await client.get('/groups', { check: groups }))).to.deep.equal({
      kind: 'network',
      message: 'broken wrapper',
    });
  });
});

describe('newIdempotencyKey', () => {
  it('gives distinct v4 UUIDs', () => {
    const keys = new Set(Array.from({ length: 20 }, () => newIdempotencyKey()));
    expect(keys.size).to.equal(20);
    for (const key of keys) expect(key).to.match(UUID);
  });

  it('builds a v4 UUID without crypto.randomUUID (pages on plain http)', () => {
    Object.defineProperty(crypto, 'randomUUID', { value: undefined, configurable: true });
    try {
      const keys = new Set(Array.from({ length: 20 }, () => newIdempotencyKey()));
      expect(keys.size).to.equal(20);
      for (const key of keys) expect(key).to.match(UUID);
    } finally {
      delete (crypto as { randomUUID?: unknown }).randomUUID;
    }
    expect(typeof crypto.randomUUID).to.equal('function');
  });
});

describe('ApiClient: per-request headers and conditional requests', () => {
  it('sends per-request headers, with its own Accept, Content-Type and Idempotency-Key winning', async () => {
    const { client, fake } = setup([json({ id: 'r1' }, 201)]);
    await client.post(
      '/requests',
      {},
      {
        check: created,
        idempotencyKey: 'k-1',
        headers: { Authorization: 'Bearer t', Accept: 'text/html', 'Idempotency-Key': 'other' },
      },
    );
    const { headers } = fake.requests[0]!;
    expect(headers['authorization']).to.equal('Bearer t');
    expect(headers['accept']).to.equal('application/json');
    expect(headers['idempotency-key']).to.equal('k-1');
  });

  it('returns the ETag of a response, and sends it back as If-None-Match', async () => {
    const { client, fake } = setup([json({ id: 'r1' }, 200, { ETag: '"v1"' }), status(304, { ETag: '"v1"' })]);
    const first = await client.getIfChanged('/requests/r1', undefined, { check: created });
    expect(first).to.deep.include({ ok: true, etag: '"v1"', status: 200 });
    expect(fake.requests[0]!.headers['if-none-match']).to.equal(undefined);
    const second = await client.getIfChanged('/requests/r1', '"v1"', { check: created });
    expect(fake.requests[1]!.headers['if-none-match']).to.equal('"v1"');
    expect(second).to.deep.equal({ ok: true, notModified: true, status: 304 });
  });

  it('treats a 304 it did not ask for as an error, never as data', async () => {
    const { client } = setup([status(304)]);
    const result = await client.get('/requests/r1', { check: created });
    expect(errorOf(result)).to.deep.include({ kind: 'http', status: 304 });
  });
});
