import type { Context, ErrorHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { AppEnv } from '../app-env.ts';
import type { Logger } from '../logging/logger.ts';
import { HttpProblem, PROBLEM_TYPES, problemResponse, type ProblemStatus } from './problem.ts';

function isProblemStatus(status: number): status is ProblemStatus {
  return status in PROBLEM_TYPES;
}

/**
 * Turns anything thrown into a problem response. Expected problems (HttpProblem) are answered as they are;
 * anything else is logged with its stack and answered with a bare 500 that names only the request id.
 */
export function errorHandler(logger: Logger): ErrorHandler<AppEnv> {
  return (error: Error, c: Context<AppEnv>) => {
    if (error instanceof HttpProblem) return problemResponse(error.status, error.init);
    if (error instanceof HTTPException && error.status < 500 && isProblemStatus(error.status)) {
      return problemResponse(error.status);
    }
    const requestId = c.var.requestId;
    logger.error('unhandled error', {
      requestId,
      route: c.var.route ?? 'unmatched',
      error: error.name,
      message: error.message,
      stack: error.stack,
    });
    return problemResponse(500, { detail: 'Please try again later.' }, `urn:uuid:${requestId}`);
  };
}
