import type { CloseOutcome, EscalationReason, NoteKind } from './logic/inbox-data.js';

/** A supporter signed in (or the page's own session was accepted). Roles and training only: no name, no login. */
export interface PeerInboxSignedInDetail {
  supervisor: boolean;
  /** Whether the profile says training is current; `null` when the page signed in and no profile is known. */
  trainingCurrent: boolean | null;
}

/** The session ended: `signed-out` by the supporter, `expired` when the server answered 401 or the time ran out. */
export interface PeerInboxSignedOutDetail {
  reason: 'signed-out' | 'expired';
}

/** An action on one request. The request's id only: never the student's note, contact or a supporter's note. */
export interface PeerInboxRequestDetail {
  requestId: string;
}

export interface PeerInboxNoteAddedDetail extends PeerInboxRequestDetail {
  kind: NoteKind;
}

export interface PeerInboxEscalatedDetail extends PeerInboxRequestDetail {
  reason: EscalationReason;
}

export interface PeerInboxClosedDetail extends PeerInboxRequestDetail {
  outcome: CloseOutcome;
}

declare global {
  interface HTMLElementEventMap {
    'peer-inbox-signed-in': CustomEvent<PeerInboxSignedInDetail>;
    'peer-inbox-signed-out': CustomEvent<PeerInboxSignedOutDetail>;
    'peer-inbox-claimed': CustomEvent<PeerInboxRequestDetail>;
    'peer-inbox-contacted': CustomEvent<PeerInboxRequestDetail>;
    'peer-inbox-handed-back': CustomEvent<PeerInboxRequestDetail>;
    'peer-inbox-note-added': CustomEvent<PeerInboxNoteAddedDetail>;
    'peer-inbox-escalated': CustomEvent<PeerInboxEscalatedDetail>;
    'peer-inbox-closed': CustomEvent<PeerInboxClosedDetail>;
  }
}
