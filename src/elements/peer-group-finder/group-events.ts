import type { GroupFilters } from './logic/filters.js';

/**
 * A search settled (a box ticked, typing paused, Back or Forward): the structured filters in force. The free text
 * is left out on purpose (a student may type something personal into it); `text` says whether there was any.
 */
export interface PeerGroupSearchDetail {
  filters: Omit<GroupFilters, 'q'>;
  text: boolean;
}

/** Before a registration is sent. Call `preventDefault()` to stop it. Nothing the student typed is included. */
export interface PeerGroupRegisterDetail {
  groupId: string;
  /** `waitlist` when the group is full and registering joins its waitlist. */
  registrationStatus: 'open' | 'waitlist';
}

/** A registration was made: the group and its outcome only, never the name, email, needs or cancel code. */
export interface PeerGroupRegisteredDetail {
  groupId: string;
  status: 'registered' | 'waitlisted';
}

export type PeerGroupSearchEvent = CustomEvent<PeerGroupSearchDetail>;
export type PeerGroupRegisterEvent = CustomEvent<PeerGroupRegisterDetail>;
export type PeerGroupRegisteredEvent = CustomEvent<PeerGroupRegisteredDetail>;

declare global {
  interface HTMLElementEventMap {
    'peer-group-search': PeerGroupSearchEvent;
    'peer-group-register': PeerGroupRegisterEvent;
    'peer-group-registered': PeerGroupRegisteredEvent;
  }
}
