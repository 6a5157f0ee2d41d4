import type { ValidateFunction } from 'ajv/dist/2020.js';
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../app-env.ts';
import type { Logger } from '../logging/logger.ts';
import { problemResponse, type FieldError } from '../http/problem.ts';
import { rewriteSchemaRefs } from './ajv-factory.ts';
import type { CompiledContract } from './compiled-contract.ts';
import { toFieldErrors } from './field-errors.ts';
import type { ResponseObject } from './openapi-types.ts';
import { resolveRef } from './resolve-ref.ts';

/** Answers the server gives for any operation without the contract listing them per operation. */
const GENERIC_STATUSES = new Set([500, 501]);

/**
 * Development and test aid: checks each handler's answer against the contract (status documented, media type
 * documented, JSON body valid) and turns a mismatch into a 500 that lists the differences, so a test that calls
 * an endpoint also proves that the endpoint keeps the contract.
 */
export function checkResponses(contract: CompiledContract, logger: Logger): MiddlewareHandler<AppEnv> {
  const validators = new Map<string, ValidateFunction | undefined>();

  const validatorFor = (cacheKey: string, schema: unknown) => {
    if (!validators.has(cacheKey)) {
      validators.set(
        cacheKey,
        schema === undefined ? undefined : contract.bodyAjv.compile(rewriteSchemaRefs(schema as object)),
      );
    }
    return validators.get(cacheKey);
  };

  return async (c, next) => {
    await next();
    const response = c.res;
    if (GENERIC_STATUSES.has(response.status) || c.req.method === 'HEAD') return;
    const { operation } = c.var.operation;
    const status = String(response.status);
    const responses = operation.definition.responses ?? {};
    const declared = responses[status] ?? responses[`${status[0]}XX`] ?? responses.default;
    const errors: FieldError[] = [];

    if (!declared) {
      errors.push({ field: '/response/status', message: `${status} is not documented for ${operation.key}` });
    } else {
      const documented = resolveRef<ResponseObject>(contract.document, declared);
      const mediaType = response.headers.get('content-type')?.split(';', 1)[0]!.trim().toLowerCase();
      const content = documented.content ?? {};
      const hasBody = mediaType !== undefined && response.status !== 204;
      if (hasBody && Object.keys(content).length > 0) {
        const entry = Object.entries(content).find(([type]) => type.toLowerCase() === mediaType);
        if (!entry) {
          errors.push({ field: '/response/content-type', message: `${mediaType} is not documented` });
        } else {
          const validate = validatorFor(`${operation.key} ${status} ${mediaType}`, entry[1].schema);
          if (validate) {
            const text = await response.clone().text();
            let body: unknown;
            try {
              body = JSON.parse(text);
            } catch {
              errors.push({ field: '/response/body', message: 'is not valid JSON' });
            }
            if (body !== undefined && !validate(body)) {
              errors.push(
                ...toFieldErrors('body', validate.errors).map((error) => ({
                  ...error,
                  field: error.field.replace(/^\/body/, '/response/body'),
                })),
              );
            }
          }
        }
      }
    }

    if (errors.length > 0) {
      logger.error('response does not match the contract', {
        route: c.var.route,
        status: response.status,
        problems: JSON.stringify(errors),
      });
      c.res = undefined;
      c.res = problemResponse(500, { detail: 'The response did not match the API contract.', errors });
    }
  };
}
