import '../peer-crisis-resources/define.js';
import '../peer-help-link/define.js';
import { PeerCheckIn } from './peer-check-in.js';

PeerCheckIn.define();

export { PeerCheckIn };
