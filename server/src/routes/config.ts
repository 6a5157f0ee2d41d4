import { CAMPUS_CONFIG_MAX_AGE_SECONDS, readCampusConfig } from '../campus-config/campus-config-repository.ts';
import type { HandlerMap } from './handler-types.ts';

export const configHandlers: HandlerMap = {
  // Public and slow-changing: shared caches may keep it for five minutes (the contract says so). Read fresh here,
  // so an operator who changed it sees the change at once from this endpoint.
  'GET /config': async (c) =>
    c.json(await readCampusConfig(c.var.deps.db), 200, {
      'Cache-Control': `public, max-age=${CAMPUS_CONFIG_MAX_AGE_SECONDS}`,
    }),
};
