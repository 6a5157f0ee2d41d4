import type { Schemas } from '../contract/api-types.ts';

/** RFC 9457 problem details, with the type URIs fixed by the contract. */
export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

export const PROBLEM_TYPES = {
  400: { type: '/problems/validation', title: 'The request is not valid' },
  401: { type: '/problems/unauthorized', title: 'Authentication is required' },
  403: { type: '/problems/forbidden', title: 'This action is not allowed' },
  404: { type: '/problems/not-found', title: 'Not found' },
  // The contract names no type for 405, so RFC 9457's generic one applies.
  405: { type: 'about:blank', title: 'Method Not Allowed' },
  409: { type: '/problems/conflict', title: 'Conflict' },
  413: { type: '/problems/payload-too-large', title: 'The request body is too large' },
  415: { type: '/problems/unsupported-media-type', title: 'Unsupported media type' },
  422: { type: '/problems/idempotency-key-reused', title: 'Idempotency key reused with a different request' },
  429: { type: '/problems/rate-limited', title: 'Too many requests' },
  500: { type: '/problems/internal', title: 'Something went wrong on our side' },
  501: { type: '/problems/not-implemented', title: 'Not implemented' },
  503: { type: '/problems/unavailable', title: 'Temporarily unavailable' },
} as const;

export type ProblemStatus = keyof typeof PROBLEM_TYPES;

/** One field's problem; `field` is a JSON Pointer into the request: /body/name, /query/country, /path/id. */
export type FieldError = Schemas['ProblemFieldError'];

export type Problem = Schemas['Problem'];

export interface ProblemInit {
  /** Overrides the default type for the status (e.g. a 422 that is not about idempotency keys). */
  type?: string;
  title?: string;
  detail?: string;
  errors?: FieldError[];
  headers?: Record<string, string>;
}

/** The contract caps `errors` at 50 items. */
export const MAX_FIELD_ERRORS = 50;

export function buildProblem(status: ProblemStatus, init: ProblemInit = {}): Problem {
  const defaults = PROBLEM_TYPES[status];
  const problem: Problem = {
    type: init.type ?? defaults.type,
    title: init.title ?? defaults.title,
    status,
  };
  if (init.detail) problem.detail = init.detail;
  if (init.errors?.length) problem.errors = init.errors.slice(0, MAX_FIELD_ERRORS);
  return problem;
}

export function problemResponse(status: ProblemStatus, init: ProblemInit = {}, instance?: string): Response {
  const problem = buildProblem(status, init);
  if (instance) problem.instance = instance;
  return new Response(JSON.stringify(problem), {
    status,
    headers: { 'Content-Type': PROBLEM_CONTENT_TYPE, ...init.headers },
  });
}

/** Throw this from a handler or middleware to answer with a problem; the error handler renders it. */
export class HttpProblem extends Error {
  readonly status: ProblemStatus;
  readonly init: ProblemInit;

  constructor(status: ProblemStatus, init: ProblemInit = {}) {
    super(init.detail ?? PROBLEM_TYPES[status].title);
    this.name = 'HttpProblem';
    this.status = status;
    this.init = init;
  }
}
