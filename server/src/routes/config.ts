import { readCampusConfig } from '../campus-config/campus-config-repository.ts';
import type { HandlerMap } from './handler-types.ts';

export const configHandlers: HandlerMap = {
  // Public and slow-changing: shared caches may keep it for five minutes (the contract says so).
  'GET /config': async (c) =>
    c.json(await readCampusConfig(c.var.deps.db), 200, { 'Cache-Control': 'public, max-age=300' }),
};
