/** A request after contract validation: what handlers read instead of the raw request. */
export interface RequestInput {
  /** Path parameters, percent-decoded and coerced to their schema types. */
  path: Record<string, unknown>;
  /** Declared query parameters only, coerced (integers, booleans, arrays) with contract defaults filled in;
   * undeclared ones are ignored. */
  query: Record<string, unknown>;
  /** Declared header parameters, keyed by lower-case name (e.g. "idempotency-key"). */
  headers: Record<string, unknown>;
  /** The parsed JSON body (undefined when the operation takes none or it was optional and absent). */
  body: unknown;
}
