import type { Channel, RequestState, SupportKind } from './logic/request-data.js';

/** The dialog opened. `availability`: what the button said (`unknown` while loading or after an error). */
export interface PeerRequestOpenDetail {
  availability: 'open' | 'nobody-on-shift' | 'closed' | 'unknown';
}

/**
 * Before a request is sent; call `preventDefault()` to stop it. Only the shape of the request: never the topic,
 * the note, an email or a phone number (a host page's analytics has no business with them).
 */
export interface PeerRequestSubmitDetail {
  supportKind: SupportKind;
  channel: Channel;
  when: 'asap' | 'scheduled';
  contactMethod: 'anonymous-code' | 'email' | 'phone';
}

/** A request was queued: its status and the honest wait. No id, code, topic or contact. */
export interface PeerRequestSubmittedDetail {
  status: RequestState;
  position: number | null;
  expectedWaitMinutes: number | null;
  /** Whether a supporter was on shift when it was queued. */
  onShift: boolean;
}

/** The status of the request on screen changed (also when first read with a code). */
export interface PeerRequestStatusDetail {
  status: RequestState;
  /** The status before, or null when this is the first one seen. */
  previous: RequestState | null;
}

export type PeerRequestOpenEvent = CustomEvent<PeerRequestOpenDetail>;
export type PeerRequestSubmitEvent = CustomEvent<PeerRequestSubmitDetail>;
export type PeerRequestSubmittedEvent = CustomEvent<PeerRequestSubmittedDetail>;
export type PeerRequestStatusEvent = CustomEvent<PeerRequestStatusDetail>;

declare global {
  interface HTMLElementEventMap {
    'peer-request-open': PeerRequestOpenEvent;
    'peer-request-submit': PeerRequestSubmitEvent;
    'peer-request-submitted': PeerRequestSubmittedEvent;
    'peer-request-status': PeerRequestStatusEvent;
  }
}
