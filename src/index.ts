/**
 * The library's classes and core helpers, without registering any element (no side effects).
 * To register everything, import "peer-support-widgets/define"; to register one element, import its subpath.
 */
export { PeerSupportProvider } from './elements/peer-support-provider/peer-support-provider.js';
export { PeerCrisisResources } from './elements/peer-crisis-resources/peer-crisis-resources.js';
export { PeerHelpLink } from './elements/peer-help-link/peer-help-link.js';
export type {
  PeerCrisisContactDetail,
  PeerCrisisContactEvent,
} from './elements/peer-crisis-resources/crisis-events.js';
export { PeerElement } from './core/peer-element.js';
export { PeerWidgetElement } from './core/peer-widget-element.js';
export { peerConfigContext, mergeConfig, DEFAULT_TIMEOUT_MS, type PeerConfig } from './core/config.js';
export { defineElement } from './core/define.js';
export { safeHref, telHref, smsHref } from './core/safe-url.js';
export { AnnouncerController } from './core/announcer.js';
export { tokens, hostStyles, buttonStyles, formStyles } from './core/styles.js';
export * from './core/i18n/index.js';
export * from './core/api/index.js';
export { VERSION } from './core/version.js';
export { errorMessage, type ErrorMessage } from './core/error-message.js';
