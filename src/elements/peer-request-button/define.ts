import '../peer-crisis-resources/define.js';
import '../peer-help-link/define.js';
import { PeerRequestButton } from './peer-request-button.js';

PeerRequestButton.define();

export { PeerRequestButton };
