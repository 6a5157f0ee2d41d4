import { readCampusConfig } from '../campus-config/campus-config-repository.ts';
import type { HandlerMap } from './handler-types.ts';

export const configHandlers: HandlerMap = {
  'GET /config': async (c) => c.json(await readCampusConfig(c.var.deps.db), 200),
};
