import type { Context } from 'hono';
import type { AppEnv } from '../app-env.ts';
import type { RequestInput } from '../contract/request-input.ts';

/**
 * Answers one contract operation. The request has already been validated against the contract; read its
 * coerced values from `input` (not from `c.req`), and the database and logger from `c.var.deps`.
 * Throw `HttpProblem` for an error answer.
 */
export type OperationHandler = (c: Context<AppEnv>, input: RequestInput) => Response | Promise<Response>;

/**
 * Handlers keyed by "METHOD /path-template", exactly as the path appears in the contract (relative to the base
 * path): e.g. { 'GET /groups/{groupId}': getGroup }. A key that names no contract operation stops the server
 * at start, so a typo cannot leave an endpoint silently unimplemented.
 */
export type HandlerMap = Readonly<Record<string, OperationHandler>>;
