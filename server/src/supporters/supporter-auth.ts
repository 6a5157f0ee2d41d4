import { bearerToken } from '../auth/bearer-token.ts';
import type { SecuritySchemeCheck } from '../auth/security-scheme.ts';
import type { Queryable } from '../db/database.ts';
import { HttpProblem } from '../http/problem.ts';
import { sessionSupporter } from './sessions.ts';
import type { Supporter } from './supporter-repository.ts';

/**
 * The contract's `supporterAuth` scheme: a bearer token from POST /supporter/sessions. The check runs before the
 * request is validated (auth/require-security.ts) and leaves the signed-in supporter beside the request, for the
 * handler to read with `supporterOf`; nothing else can put one there.
 */
export class SupporterAuth {
  private readonly signedIn = new WeakMap<Request, Supporter>();

  constructor(private readonly db: Queryable) {}

  readonly check: SecuritySchemeCheck = async (request) => {
    const token = bearerToken(request.headers.get('authorization'));
    if (token === undefined) return { kind: 'missing' };
    const supporter = await sessionSupporter(this.db, token);
    if (!supporter) return { kind: 'invalid' };
    this.signedIn.set(request, supporter);
    return { kind: 'ok' };
  };

  /**
   * The account that sent `request`, whatever its roles (sign-out and "who am I" are for every account), and the
   * token it sent.
   */
  accountOf(request: Request): { supporter: Supporter; token: string } {
    const supporter = this.signedIn.get(request);
    const token = bearerToken(request.headers.get('authorization'));
    // Only reachable if an operation lost its supporterAuth requirement: refuse rather than serve anyone.
    if (!supporter || token === undefined) throw new HttpProblem(401, { detail: 'Sign in as a supporter first.' });
    return { supporter, token };
  }

  /**
   * The supporter who sent `request`, if they may work on requests (role supporter or supervisor); 403 for a valid
   * session of another role (an admin-only account).
   */
  supporterOf(request: Request): Supporter {
    const supporter = this.signedIn.get(request);
    // Only reachable if an operation lost its supporterAuth requirement: refuse rather than serve anyone.
    if (!supporter) throw new HttpProblem(401, { detail: 'Sign in as a supporter first.' });
    if (!supporter.roles.includes('supporter') && !supporter.roles.includes('supervisor')) {
      throw new HttpProblem(403, { detail: 'This account cannot work on peer requests.' });
    }
    return supporter;
  }
}
