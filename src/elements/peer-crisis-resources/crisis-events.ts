/** What a student used, for a host page that counts use of crisis help. Never anything personal. */
export interface PeerCrisisContactDetail {
  /** The resource's id, or "emergency" for the emergency number. */
  resourceId: string;
  /** The contact method's type: phone, sms, chat, whatsapp, email, walk-in, tty, video-relay, website. */
  method: string;
  /** Whether the student followed the link or copied the number. */
  action: 'open' | 'copy';
}

export type PeerCrisisContactEvent = CustomEvent<PeerCrisisContactDetail>;

declare global {
  interface HTMLElementEventMap {
    'peer-crisis-contact': PeerCrisisContactEvent;
  }
}
