import type { Schemas } from '../contract/api-types.ts';

export type PeerRequestState = Schemas['PeerRequestState'];

/** What can happen to a request, and who does it. */
export type RequestAction = 'claim' | 'start' | 'hand-back' | 'close' | 'cancel' | 'escalate';

/**
 * The contract's state machine (PeerRequestState), as one table: each action, the states it may start from, and
 * where it leads. Migration 007 checks the same pairs on every audit-log row.
 */
export const TRANSITIONS: Readonly<Record<RequestAction, { from: readonly PeerRequestState[]; to: PeerRequestState }>> =
  {
    claim: { from: ['queued'], to: 'claimed' },
    start: { from: ['claimed'], to: 'in-progress' },
    'hand-back': { from: ['claimed', 'in-progress'], to: 'queued' },
    close: { from: ['claimed', 'in-progress', 'escalated-to-professional'], to: 'closed' },
    cancel: { from: ['queued', 'claimed', 'in-progress'], to: 'cancelled' },
    escalate: { from: ['queued', 'claimed', 'in-progress'], to: 'escalated-to-professional' },
  };

/** Whether `action` may be taken on a request in state `from`. */
export function canTake(action: RequestAction, from: PeerRequestState): boolean {
  return TRANSITIONS[action].from.includes(from);
}

/** Requests supporters work on: the queue's default filter. */
export const OPEN_STATES: readonly PeerRequestState[] = ['queued', 'claimed', 'in-progress'];
