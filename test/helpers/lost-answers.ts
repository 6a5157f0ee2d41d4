// The answers after which a write may or may not be on the server, shared by every widget's "could not confirm"
// tests (see src/core/request/may-have-arrived.ts): each widget words them its own way, over the same cases.

/** What a scripted backend does with one request: answer, answer later, never answer, or fail as a network does. */
export type Answer = () => Response | Promise<Response>;

/** An RFC 9457 problem answer with the given status and headers. */
export function problemAnswer(status: number, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify({ type: '/problems/x', title: 'Problem', status }), {
    status,
    headers: { 'Content-Type': 'application/problem+json', ...headers },
  });
}

/**
 * After these the write may have landed (no answer, any 5xx, a refusal of a later attempt, a 409 while the server
 * still works on this key): "could not confirm". `Retry-After: 0` keeps the client's own retries quick.
 */
export const LOST_ANSWERS: ReadonlyArray<readonly [string, Answer]> = [
  ['a timeout', () => new Promise<Response>(() => undefined)],
  [
    'a network error',
    () => {
      throw new TypeError('Failed to fetch');
    },
  ],
  ['a 500', () => problemAnswer(500)],
  ['a 502', () => problemAnswer(502)],
  ['a 503', () => problemAnswer(503, { 'Retry-After': '0' })],
  ['a 504', () => problemAnswer(504)],
  ['a 408', () => problemAnswer(408)],
  ['a 409 with Retry-After (still working on this key)', () => problemAnswer(409, { 'Retry-After': '0' })],
  ['a 429', () => problemAnswer(429, { 'Retry-After': '0' })],
];

/** These refuse the write itself: nothing was stored, and the widget may say so. */
export const REFUSALS: ReadonlyArray<readonly [string, Answer]> = [
  ['a 400', () => problemAnswer(400)],
  ['a 404', () => problemAnswer(404)],
  ['a 422', () => problemAnswer(422)],
];
