import { PeerCrisisResources } from './peer-crisis-resources.js';

PeerCrisisResources.define();

export { PeerCrisisResources };
