import { newIdempotencyKey } from '../../../core/api/api-client.js';
import type { CloseOutcome, EscalationReason, NoteKind } from './inbox-data.js';

/**
 * What a supporter is typing about one request. Kept in memory only, and across a session that expires (the inbox
 * asks them to sign in again and the words are still there); forgotten on sign-out. Each form's idempotency key is
 * made on its first send and kept until it succeeds, so a retry never adds a second note or a second alert.
 */
export interface Draft {
  noteKind: NoteKind;
  noteText: string;
  noteKey?: string;
  escalateReason: EscalationReason;
  escalateNote: string;
  escalateKey?: string;
  closeOutcome: CloseOutcome | '';
  closeNote: string;
}

export class Drafts {
  private readonly drafts = new Map<string, Draft>();

  get(id: string): Draft {
    let draft = this.drafts.get(id);
    if (!draft) {
      draft = {
        noteKind: 'note',
        noteText: '',
        escalateReason: 'risk-to-life',
        escalateNote: '',
        closeOutcome: '',
        closeNote: '',
      };
      this.drafts.set(id, draft);
    }
    return draft;
  }

  key(id: string, form: 'noteKey' | 'escalateKey'): string {
    const draft = this.get(id);
    return (draft[form] ??= newIdempotencyKey());
  }

  forget(id: string): void {
    this.drafts.delete(id);
  }

  clear(): void {
    this.drafts.clear();
  }
}
