import { adminCheckInHandlers } from './admin-check-ins.ts';
import { adminCrisisResourceHandlers } from './admin-crisis-resources.ts';
import { adminGroupHandlers } from './admin-groups.ts';
import { checkInHandlers } from './check-ins.ts';
import { configHandlers } from './config.ts';
import { crisisResourceHandlers } from './crisis-resources.ts';
import { groupHandlers } from './groups.ts';
import type { HandlerMap } from './handler-types.ts';
import { healthHandlers } from './health.ts';
import { peerRequestHandlers } from './peer-requests.ts';
import { supporterHandlers } from './supporter.ts';

/**
 * Every implemented contract operation. A new endpoint: write a module exporting a HandlerMap
 * ({ 'POST /check-ins': handler }) and spread it in here.
 */
export const defaultHandlers: HandlerMap = {
  ...healthHandlers,
  ...configHandlers,
  ...crisisResourceHandlers,
  ...adminCrisisResourceHandlers,
  ...checkInHandlers,
  ...adminCheckInHandlers,
  ...groupHandlers,
  ...adminGroupHandlers,
  ...peerRequestHandlers,
  ...supporterHandlers,
};
