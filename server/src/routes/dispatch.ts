import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../app-env.ts';
import type { CompiledContract } from '../contract/compiled-contract.ts';
import { HttpProblem } from '../http/problem.ts';
import type { HandlerMap, OperationHandler } from './handler-types.ts';

/** Checks every handler key against the contract, so a misspelt key fails at start instead of answering 501. */
export function bindHandlers(contract: CompiledContract, handlers: HandlerMap): Map<string, OperationHandler> {
  const bound = new Map<string, OperationHandler>();
  for (const [key, handler] of Object.entries(handlers)) {
    if (!contract.operations.has(key)) {
      const known = [...contract.operations.keys()].join(', ');
      throw new Error(`A handler is registered for "${key}", which is not in the contract. Known: ${known}`);
    }
    bound.set(key, handler);
  }
  return bound;
}

/** Runs the handler for the matched operation; an operation in the contract without one answers 501. */
export function dispatch(handlers: Map<string, OperationHandler>): MiddlewareHandler<AppEnv> {
  return async (c) => {
    const { operation } = c.var.operation;
    const handler = handlers.get(operation.key);
    if (!handler) {
      throw new HttpProblem(501, {
        detail: `${operation.key} is in the contract but this server does not implement it yet.`,
      });
    }
    return handler(c, c.var.input);
  };
}
