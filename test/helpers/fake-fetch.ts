/**
 * A scripted stand-in for `fetch`: each call takes the next reply from the script and is recorded with its method,
 * lower-cased headers, body and signal, so tests can assert on exactly what a transport received.
 */

export interface RecordedRequest {
  url: string;
  method: string;
  /** Header names lower-cased. */
  headers: Record<string, string>;
  body: string | undefined;
  signal: AbortSignal | undefined;
  init: RequestInit;
}

/**
 * A reply: a Response, an Error to reject with (a network failure), 'hang' (never answers, but rejects like the real
 * fetch when the signal aborts), 'hang-deaf' (never answers and ignores the signal, like a careless wrapper), or a
 * function computing a reply from the request.
 */
export type Reply =
  Response | Error | 'hang' | 'hang-deaf' | ((request: RecordedRequest) => Response | Promise<Response>);

export class FakeFetch {
  readonly requests: RecordedRequest[] = [];
  private readonly script: Reply[];

  constructor(...script: Reply[]) {
    this.script = script;
  }

  /** Adds replies to the end of the script. */
  add(...replies: Reply[]): this {
    this.script.push(...replies);
    return this;
  }

  readonly fetch = (input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> => {
    const request: RecordedRequest = {
      url: String(input),
      method: init.method ?? 'GET',
      headers: Object.fromEntries(new Headers(init.headers).entries()),
      body: typeof init.body == 'string' ? init.body : undefined,
      signal: init.signal ?? undefined,
      init,
    };
    this.requests.push(request);
    const reply = this.script.shift();
    if (reply === undefined)
      return Promise.reject(new Error(`fake-fetch: no reply scripted for request ${this.requests.length}`));
    if (reply === 'hang-deaf') return new Promise(() => {});
    if (reply === 'hang') {
      return new Promise((_, reject) => {
        const signal = request.signal;
        if (signal?.aborted) reject(signal.reason);
        signal?.addEventListener('abort', () => reject(signal.reason), { once: true });
      });
    }
    if (reply instanceof Error) return Promise.reject(reply);
    if (reply instanceof Response) return Promise.resolve(reply);
    return Promise.resolve().then(() => reply(request));
  };
}

/** A JSON response. */
export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });
}

/** A response with an arbitrary text body. */
export function text(body: string, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(body, { status, headers });
}

/** An error response with an empty body. */
export function status(code: number, headers: Record<string, string> = {}): Response {
  return new Response(code === 204 || code === 304 ? null : '', { status: code, headers });
}

/** An RFC 9457 problem response. */
export function problem(body: Record<string, unknown>, code: number, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status: code,
    headers: { 'content-type': 'application/problem+json', ...headers },
  });
}

export interface EndlessBody {
  response: Response;
  /** How many chunks the client pulled. */
  readonly pulls: number;
  /** Whether the client cancelled the stream. */
  readonly cancelled: boolean;
}

/** A 200 response whose body streams `chunkBytes`-byte chunks forever and has no Content-Length. */
export function endlessBody(chunkBytes = 1024): EndlessBody {
  const chunk = new TextEncoder().encode('x'.repeat(chunkBytes));
  const state = { pulls: 0, cancelled: false };
  const stream = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        state.pulls++;
        controller.enqueue(chunk);
      },
      cancel() {
        state.cancelled = true;
      },
    },
    { highWaterMark: 0 },
  );
  return {
    response: new Response(stream, { status: 200, headers: { 'content-type': 'application/json' } }),
    get pulls() {
      return state.pulls;
    },
    get cancelled() {
      return state.cancelled;
    },
  };
}

/** A body that sends its first chunk and then stalls (until cancelled), to time out while reading. */
export function stallingBody(firstChunk = '{"partial":'): Response {
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(new TextEncoder().encode(firstChunk));
    },
    pull() {
      return new Promise(() => {});
    },
  });
  return new Response(stream, { status: 200, headers: { 'content-type': 'application/json' } });
}
