import '../peer-crisis-resources/define.js';
import { PeerHelpLink } from './peer-help-link.js';

PeerHelpLink.define();

export { PeerHelpLink };
