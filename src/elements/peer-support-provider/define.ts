import { PeerSupportProvider } from './peer-support-provider.js';

PeerSupportProvider.define();

export { PeerSupportProvider };
