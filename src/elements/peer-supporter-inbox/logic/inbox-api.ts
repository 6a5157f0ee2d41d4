import type { ApiClient, ApiResult } from '../../../core/api/api-client.js';
import { empty } from '../../../core/api/shape.js';
import {
  noteCheck,
  noteListCheck,
  profileCheck,
  queueCheck,
  requestCheck,
  sessionCheck,
  type CloseOutcome,
  type EscalationReason,
  type NoteKind,
  type SupporterNote,
  type SupporterProfile,
  type SupporterQueue,
  type SupporterRequest,
  type SupporterSession,
} from './inbox-data.js';

/** Requests per page of the queue. */
export const QUEUE_PAGE = 20;

const path = (id: string, action = '') => `/supporter/requests/${encodeURIComponent(id)}${action}`;

/**
 * The supporter endpoints, each with the session's `Authorization` header (none when the page's own `fetch` adds
 * it). One instance per signed-in session; `token` lives only here, in memory.
 */
export class InboxApi {
  constructor(
    private readonly api: ApiClient,
    private readonly token: string | undefined,
  ) {}

  static signIn(api: ApiClient, login: string, password: string, signal: AbortSignal) {
    return api.post<SupporterSession>('/supporter/sessions', { login, password }, { check: sessionCheck, signal });
  }

  /**
   * Ends this session on the server (`DELETE /supporter/sessions/current`): 204, or 401 when it had already ended.
   * The caller's signal carries the time limit: sign-out never waits long on a backend.
   */
  signOut(signal: AbortSignal): Promise<ApiResult<undefined>> {
    return this.api.delete('/supporter/sessions/current', { check: empty, headers: this.headers, signal });
  }

  /** Who is signed in (`GET /supporter/profile`), for a session the page started (external-auth). */
  profile(signal: AbortSignal): Promise<ApiResult<SupporterProfile>> {
    return this.api.get('/supporter/profile', { check: profileCheck, headers: this.headers, signal });
  }

  private get headers(): Record<string, string> {
    return this.token ? { Authorization: `Bearer ${this.token}` } : {};
  }

  queue(
    options: { cursor?: string; statuses?: readonly string[] },
    signal: AbortSignal,
  ): Promise<ApiResult<SupporterQueue>> {
    return this.api.get('/supporter/queue', {
      query: { limit: QUEUE_PAGE, cursor: options.cursor, status: options.statuses },
      check: queueCheck,
      headers: this.headers,
      signal,
    });
  }

  claim(id: string, signal: AbortSignal): Promise<ApiResult<SupporterRequest>> {
    return this.api.post(path(id, '/claim'), undefined, { check: requestCheck, headers: this.headers, signal });
  }

  /** "Contacted": the conversation has started (claimed → in-progress). */
  contacted(id: string, signal: AbortSignal): Promise<ApiResult<SupporterRequest>> {
    return this.api.patch(path(id), { status: 'in-progress' }, { check: requestCheck, headers: this.headers, signal });
  }

  /** Back to the queue (claimed or in-progress → queued); the student keeps their place. */
  handBack(id: string, signal: AbortSignal): Promise<ApiResult<SupporterRequest>> {
    return this.api.patch(path(id), { status: 'queued' }, { check: requestCheck, headers: this.headers, signal });
  }

  escalate(id: string, reason: EscalationReason, note: string, key: string, signal: AbortSignal) {
    const body = note ? { reason, note } : { reason };
    return this.api.post<SupporterRequest>(path(id, '/escalate'), body, {
      check: requestCheck,
      headers: this.headers,
      idempotencyKey: key,
      signal,
    });
  }

  close(id: string, outcome: CloseOutcome, note: string, signal: AbortSignal) {
    const body = note ? { outcome, note } : { outcome };
    return this.api.post<SupporterRequest>(path(id, '/close'), body, {
      check: requestCheck,
      headers: this.headers,
      signal,
    });
  }

  notes(id: string, signal: AbortSignal): Promise<ApiResult<{ items: SupporterNote[] }>> {
    return this.api.get(path(id, '/notes'), { check: noteListCheck, headers: this.headers, signal });
  }

  addNote(id: string, kind: NoteKind, text: string, key: string, signal: AbortSignal) {
    return this.api.post<SupporterNote>(
      path(id, '/notes'),
      { kind, text },
      {
        check: noteCheck,
        headers: this.headers,
        idempotencyKey: key,
        signal,
      },
    );
  }
}
