import '../peer-crisis-resources/define.js';
import '../peer-help-link/define.js';
import { PeerSupporterInbox } from './peer-supporter-inbox.js';

PeerSupporterInbox.define();

export { PeerSupporterInbox };
