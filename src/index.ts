/**
 * The library's public API, without registering any element (no side effects): the element classes, the
 * configuration context, adding or overriding a language, the one safe way to turn data into a link, and the
 * types of the events the elements fire. To register everything, import "peer-support-widgets/define"; to register
 * one element, import its subpath. Everything else (the API client, shape checks, controllers) is internal and may
 * change in any release.
 */
export { PeerSupportProvider } from './elements/peer-support-provider/peer-support-provider.js';
export { PeerCrisisResources } from './elements/peer-crisis-resources/peer-crisis-resources.js';
export { PeerHelpLink } from './elements/peer-help-link/peer-help-link.js';
export { PeerCheckIn } from './elements/peer-check-in/peer-check-in.js';
export { PeerGroupFinder } from './elements/peer-group-finder/peer-group-finder.js';
export { PeerRequestButton } from './elements/peer-request-button/peer-request-button.js';
export { PeerSupporterInbox } from './elements/peer-supporter-inbox/peer-supporter-inbox.js';
export type {
  PeerCrisisContactDetail,
  PeerCrisisContactEvent,
} from './elements/peer-crisis-resources/crisis-events.js';
export type {
  PeerCheckInCompleteDetail,
  PeerCheckInCompleteEvent,
  PeerCheckInNextStepDetail,
  PeerCheckInNextStepEvent,
  PeerCheckInRiskEvent,
  PeerCheckInSubmitDetail,
  PeerCheckInSubmitEvent,
} from './elements/peer-check-in/check-in-events.js';
export type {
  PeerGroupRegisterDetail,
  PeerGroupRegisterEvent,
  PeerGroupRegisteredDetail,
  PeerGroupRegisteredEvent,
  PeerGroupSearchDetail,
  PeerGroupSearchEvent,
} from './elements/peer-group-finder/group-events.js';
export type {
  PeerRequestOpenDetail,
  PeerRequestOpenEvent,
  PeerRequestStatusDetail,
  PeerRequestStatusEvent,
  PeerRequestSubmitDetail,
  PeerRequestSubmitEvent,
  PeerRequestSubmittedDetail,
  PeerRequestSubmittedEvent,
} from './elements/peer-request-button/request-events.js';
export type {
  PeerInboxClosedDetail,
  PeerInboxEscalatedDetail,
  PeerInboxNoteAddedDetail,
  PeerInboxRequestDetail,
  PeerInboxSignedInDetail,
  PeerInboxSignedOutDetail,
} from './elements/peer-supporter-inbox/inbox-events.js';
export { peerConfigContext, type PeerConfig } from './core/config.js';
export { registerLocale, type StringOverrides } from './core/i18n/catalog.js';
export type { MessageKey, Messages } from './core/i18n/en.js';
export { safeHref, type SafeHrefOptions } from './core/safe-url.js';
export { VERSION } from './core/version.js';
