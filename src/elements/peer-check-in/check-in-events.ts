import type { Instrument } from './instruments/instruments.js';
import type { Band } from './instruments/scoring.js';

/** Before a check-in is sent. Call `preventDefault()` to stop it (the page handles the answers itself). */
export interface PeerCheckInSubmitDetail {
  instrument: Instrument;
}

/**
 * A check-in finished: sent, or shown locally when no backend is configured. Never the note, the answers or contact
 * details: only the mode and a rough result, for a page that counts use.
 */
export interface PeerCheckInCompleteDetail {
  instrument: Instrument;
  /** WHO-5 and PHQ-4: the band that chose the wording. Never shown to the student as a label. */
  band?: Band;
  /** Mood: the level chosen, 1 (very low) to 5 (very good). */
  level?: number;
  /** Whether the backend recorded it (false when no backend is configured). */
  sent: boolean;
}

/** A student chose a next step. Cancel it to route inside a single-page app instead of following the link. */
export interface PeerCheckInNextStepDetail {
  kind: 'group' | 'peer' | 'counsellor' | 'crisis';
  /** For `group`: the group finder's topics that match the answers. */
  topics: string[];
}

export type PeerCheckInSubmitEvent = CustomEvent<PeerCheckInSubmitDetail>;
export type PeerCheckInCompleteEvent = CustomEvent<PeerCheckInCompleteDetail>;
/** An answer signalled risk and crisis help was shown. No detail, on purpose. */
export type PeerCheckInRiskEvent = CustomEvent<null>;
export type PeerCheckInNextStepEvent = CustomEvent<PeerCheckInNextStepDetail>;

declare global {
  interface HTMLElementEventMap {
    'peer-check-in-submit': PeerCheckInSubmitEvent;
    'peer-check-in-complete': PeerCheckInCompleteEvent;
    'peer-check-in-risk': PeerCheckInRiskEvent;
    'peer-check-in-next-step': PeerCheckInNextStepEvent;
  }
}
