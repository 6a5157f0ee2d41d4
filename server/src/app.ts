import { Hono } from 'hono';
import type { AppDeps, AppEnv } from './app-env.ts';
import { requireSecurity } from './auth/require-security.ts';
import type { SecuritySchemeChecks } from './auth/security-scheme.ts';
import { checkResponses } from './contract/check-response.ts';
import { validateRequest } from './contract/validate-request.ts';
import { corsAllowlist } from './http/cors.ts';
import { errorHandler } from './http/error-handler.ts';
import { apiHeaders, baseHeaders } from './http/security-headers.ts';
import { idempotency } from './idempotency/idempotency-middleware.ts';
import type { IdempotencyStore } from './idempotency/idempotency-store.ts';
import { requestLog } from './logging/request-log.ts';
import { bindHandlers, dispatch } from './routes/dispatch.ts';
import type { HandlerMap } from './routes/handler-types.ts';
import { registerStaticRoutes, type StaticRoots } from './static/static-routes.ts';

export interface AppOptions {
  deps: AppDeps;
  handlers: HandlerMap;
  idempotencyStore: IdempotencyStore;
  allowedOrigins: readonly string[];
  staticRoots: StaticRoots;
  bodyLimitBytes: number;
  validateResponses: boolean;
  /** How each contract security scheme is checked (e.g. adminAuth against the operator token). */
  securityChecks: SecuritySchemeChecks;
}

/**
 * The whole HTTP surface. Every request under the contract's base path goes through the same pipeline:
 * CORS -> the operation's security -> contract routing and validation -> idempotency -> (optional response
 * check) -> the handler.
 */
export function buildApp(options: AppOptions): Hono<AppEnv> {
  const { deps } = options;
  const { contract, logger } = deps;
  const handlers = bindHandlers(contract, options.handlers);
  const app = new Hono<AppEnv>();

  app.use('*', async (c, next) => {
    c.set('deps', deps);
    await next();
  });
  app.use('*', requestLog(logger));
  app.use('*', baseHeaders());
  app.onError(errorHandler(logger));

  // Static routes first: they only claim /, /demo and /cdn, so the API keeps everything under its base path.
  app.use('/cdn/*', corsAllowlist({ allowedOrigins: options.allowedOrigins, methods: ['GET', 'HEAD'] }));
  registerStaticRoutes(app, options.staticRoots);

  const api = [
    apiHeaders(),
    corsAllowlist({ allowedOrigins: options.allowedOrigins, methods: contract.table.methods }),
    requireSecurity(contract, options.securityChecks),
    validateRequest(contract, { bodyLimitBytes: options.bodyLimitBytes }),
    idempotency(options.idempotencyStore),
    ...(options.validateResponses ? [checkResponses(contract, logger)] : []),
    dispatch(handlers),
  ] as const;
  const base = contract.basePath;
  app.all(base === '' ? '/*' : `${base}/*`, ...api);
  if (base !== '') app.all(base, ...api);

  // Only paths outside the API get here: the API pipeline answers its own 404s as problems.
  app.notFound((c) => c.text('Not found.\n', 404));
  return app;
}
