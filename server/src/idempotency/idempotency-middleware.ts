import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../app-env.ts';
import { IDEMPOTENCY_KEY_HEADER } from '../contract/compile-operation.ts';
import type { Queryable } from '../db/database.ts';
import { HttpProblem } from '../http/problem.ts';
import { requestFingerprint } from './fingerprint.ts';
import type { IdempotencyStore, StoredResponse } from './idempotency-store.ts';

/**
 * Offered to the handler of a request that claimed an Idempotency-Key. A handler that writes in a transaction
 * stores its response with `completeWithin(tx, …)`, so that the record and the response to replay commit together:
 * then a crash between the two cannot leave a record whose retry would run again after the claim times out.
 * Handlers that do not call it have their successful response stored after they return.
 */
export interface IdempotencyClaim {
  completeWithin(tx: Queryable, response: StoredResponse): Promise<void>;
}

/** The contract's rule, checked here too because the key goes into the database whatever the contract says. */
const VALID_KEY = /^[A-Za-z0-9._:-]{8,128}$/;

/** Headers not worth replaying: recomputed for every response. */
const NOT_STORED = new Set(['content-length', 'date', 'connection', 'transfer-encoding', 'idempotent-replayed']);

/**
 * Only a success is stored. Any other answer (a 5xx or 429 "try again later", a 400 from a handler's own checks, a
 * 401, 404 or 409) means the operation did not take effect, so a retry with the same key must run again: a student
 * who fixes a field and resends gets a real answer, not a replay of the old error.
 */
function tookEffect(status: number): boolean {
  return status >= 200 && status < 300;
}

/**
 * For POST operations that declare Idempotency-Key: the first request with a key runs and its response is
 * stored; a repeat with the same body gets that response again (Idempotent-Replayed: true), a different body
 * gets 422, and a repeat while the first still runs gets 409.
 */
export function idempotency(store: IdempotencyStore): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const compiled = c.var.operation;
    const key = c.var.input.headers[IDEMPOTENCY_KEY_HEADER];
    if (!compiled.idempotent || typeof key !== 'string') {
      await next();
      return undefined;
    }
    if (!VALID_KEY.test(key)) {
      throw new HttpProblem(400, {
        errors: [{ field: '/header/Idempotency-Key', message: 'must be 8 to 128 of A-Z a-z 0-9 . _ : -' }],
      });
    }

    const url = new URL(c.req.url);
    const method = compiled.operation.method;
    const requestHash = requestFingerprint({
      method,
      path: url.pathname,
      search: url.search,
      body: c.var.input.body,
      headers: c.req.raw.headers,
    });
    const outcome = await store.claim(key, method, url.pathname, requestHash);

    switch (outcome.kind) {
      case 'replay': {
        const { status, headers, body } = outcome.response;
        return new Response(body === '' ? null : body, {
          status,
          headers: { ...headers, 'Idempotent-Replayed': 'true' },
        });
      }
      case 'in-flight':
        throw new HttpProblem(409, {
          detail: 'A request with this Idempotency-Key is still being processed. Retry shortly.',
          headers: { 'Retry-After': '1' },
        });
      case 'key-reused':
        throw new HttpProblem(422, {
          detail: 'This Idempotency-Key was already used for a different request. Use a new key.',
        });
      case 'claimed':
        break;
    }

    let storedByHandler = false;
    c.set('idempotencyClaim', {
      async completeWithin(tx, response) {
        await store.complete(key, method, url.pathname, outcome.claimToken, response, tx);
        storedByHandler = true;
      },
    });
    try {
      await next();
    } catch (error) {
      await store.release(key, method, url.pathname, outcome.claimToken);
      throw error;
    }
    const response = c.res;
    if (!tookEffect(response.status)) {
      await store.release(key, method, url.pathname, outcome.claimToken);
      return undefined;
    }
    // Committed with the handler's own writes: a crash from here on can only lose the answer, never the record.
    if (storedByHandler) return undefined;
    const body = await response.text();
    const headers: Record<string, string> = {};
    response.headers.forEach((value, name) => {
      if (!NOT_STORED.has(name)) headers[name] = value;
    });
    await store.complete(key, method, url.pathname, outcome.claimToken, { status: response.status, headers, body });
    c.res = new Response(body === '' ? null : body, { status: response.status, headers: response.headers });
    return undefined;
  };
}
