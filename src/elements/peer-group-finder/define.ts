import '../peer-crisis-resources/define.js';
import '../peer-help-link/define.js';
import { PeerGroupFinder } from './peer-group-finder.js';

PeerGroupFinder.define();

export { PeerGroupFinder };
