import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../app-env.ts';
import type { CompiledContract } from '../contract/compiled-contract.ts';
import { HttpProblem } from '../http/problem.ts';
import type { SecurityOutcome, SecuritySchemeChecks } from './security-scheme.ts';

type Requirement = readonly string[];

const REALM = 'peer-support';

const DETAILS: Record<Exclude<SecurityOutcome['kind'], 'ok'>, string> = {
  missing: 'Send your token in the Authorization header as "Bearer <token>".',
  invalid: 'This token is not valid.',
  disabled: 'Access to this endpoint is not configured on this server.',
};

/**
 * Enforces each operation's `security` from the contract (or the document's default), before the request is
 * validated, so that nobody without credentials learns anything from validation answers. A requirement object
 * lists schemes that must all pass; any one passing requirement is enough; an empty list or `{}` means public.
 * Schemes without a check (one a later issue implements) always fail with 401.
 */
export function requireSecurity(contract: CompiledContract, checks: SecuritySchemeChecks): MiddlewareHandler<AppEnv> {
  const requirements = new Map<string, Requirement[] | 'public'>();
  for (const { operation } of contract.operations.values()) {
    const declared = operation.definition.security ?? contract.document.security ?? [];
    const isPublic = declared.length === 0 || declared.some((requirement) => Object.keys(requirement).length === 0);
    requirements.set(operation.key, isPublic ? 'public' : declared.map((requirement) => Object.keys(requirement)));
  }

  return async (c, next) => {
    const below = new URL(c.req.url).pathname.slice(contract.basePath.length) || '/';
    const match = contract.table.match(c.req.method, below);
    const required = match.kind === 'found' ? requirements.get(match.operation.key) : 'public';
    // Named now, so that a 401 is logged under its route (validation would name it later).
    if (match.kind === 'found') c.set('route', `${contract.basePath}${match.operation.pathTemplate}`);
    if (required === undefined || required === 'public') {
      // Unknown routes and public operations: validation answers 404/405 or the handler runs.
      await next();
      return undefined;
    }

    // The most telling failure wins: a wrong token says more than a missing one.
    let failure: Exclude<SecurityOutcome['kind'], 'ok'> = 'disabled';
    const rank = { disabled: 0, missing: 1, invalid: 2 } as const;
    for (const schemes of required) {
      let passed = true;
      for (const scheme of schemes) {
        const check = checks[scheme];
        const outcome: SecurityOutcome = check ? await check(c.req.raw) : { kind: 'disabled' };
        if (outcome.kind !== 'ok') {
          passed = false;
          if (rank[outcome.kind] > rank[failure]) failure = outcome.kind;
          break;
        }
      }
      if (passed) {
        await next();
        return undefined;
      }
    }
    throw new HttpProblem(401, {
      detail: DETAILS[failure],
      headers: {
        'WWW-Authenticate':
          failure === 'invalid' ? `Bearer realm="${REALM}", error="invalid_token"` : `Bearer realm="${REALM}"`,
      },
    });
  };
}
