import type { Context } from 'hono';
import type { AppEnv } from '../app-env.ts';
import { assessCheckIn } from '../check-ins/suggestions.ts';
import { insertCheckIn, insertFollowUp } from '../check-ins/check-in-repository.ts';
import type { CheckInRequest, CheckInResult } from '../contract/api-types.ts';
import { HttpProblem } from '../http/problem.ts';
import { validationProblem } from '../http/validation-problem.ts';
import type { StoredResponse } from '../idempotency/idempotency-store.ts';
import { clientAddress } from '../rate-limit/client-address.ts';
import type { HandlerMap } from './handler-types.ts';

/** Counts this request against its client's limit; over it, a 429 with Retry-After and nothing is stored. */
async function enforceRateLimit(c: Context<AppEnv>): Promise<void> {
  const { rateLimiter } = c.var.deps.checkIns;
  if (!rateLimiter) return;
  const outcome = await rateLimiter.hit(clientAddress(c, c.var.deps.clientAddress));
  if (outcome.allowed) return;
  throw new HttpProblem(429, {
    detail: 'Many check-ins have come from this network in a short time. Please try again a little later.',
    headers: { 'Retry-After': String(outcome.retryAfterSeconds) },
  });
}

export const checkInHandlers: HandlerMap = {
  /**
   * Stores the check-in (and its follow-up request) and the response to replay for its Idempotency-Key in one
   * transaction, then answers with the band and suggestions. Nothing from the body is logged.
   */
  'POST /check-ins': async (c, input) => {
    const { db, campusConfig } = c.var.deps;
    const campus = await campusConfig.get();
    if (!campus.features.checkIn) {
      throw new HttpProblem(501, { detail: 'This campus does not take check-ins through this service.' });
    }
    const checkIn = input.body as CheckInRequest;
    if (checkIn.followUp && !campus.checkIn?.followUp) {
      // Refused rather than kept: nobody here reads follow-up requests, so the student must not wait for one.
      throw validationProblem([
        { field: '/body/followUp', message: 'is not offered by this campus (see checkIn.followUp in GET /config)' },
      ]);
    }
    await enforceRateLimit(c);

    const assessment = assessCheckIn(checkIn, {
      counsellingUrl: campus.counsellingUrl,
      thresholds: campus.checkIn?.thresholds,
    });
    const answer = await db.transaction(async (tx) => {
      const stored = await insertCheckIn(tx, checkIn, assessment.band);
      if (checkIn.followUp) await insertFollowUp(tx, stored, checkIn.followUp);
      const result: CheckInResult = {
        id: stored.id,
        receivedAt: stored.receivedAt.toISOString(),
        instrument: checkIn.instrument,
        ...(assessment.band ? { band: assessment.band } : {}),
        suggestions: assessment.suggestions,
      };
      const response: StoredResponse = {
        status: 201,
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(result),
      };
      await c.var.idempotencyClaim?.completeWithin(tx, response);
      return response;
    });
    return new Response(answer.body, { status: answer.status, headers: answer.headers });
  },
};
