import { ApiClient, type ApiResult } from '../../../core/api/api-client.js';
import type { ResolvedConfig } from '../../../core/config-controller.js';
import type { CancelCode } from './cancel-code.js';
import { cancelledCheck } from './group-data.js';

/**
 * `DELETE /groups/{groupId}/registrations/{registrationId}` with the `Registration-Token` header. The core's
 * client takes no per-request headers, so the token rides on a transport wrapped for this one call; everything
 * else (time limit, retries, problem details, no cookies, no referrer) is the client's as usual. Cancelling is
 * idempotent on the server (a second DELETE answers 204 again), so a retry is always safe.
 */
export function cancelRegistration(
  config: ResolvedConfig,
  code: CancelCode,
  signal?: AbortSignal,
): Promise<ApiResult<undefined>> {
  const transport: typeof fetch = config.fetch ?? ((input, init) => fetch(input, init));
  const client = new ApiClient({
    apiBase: config.apiBase,
    timeoutMs: config.timeout,
    fetch: (input, init) =>
      transport(input, {
        ...init,
        headers: { ...(init?.headers as Record<string, string> | undefined), 'Registration-Token': code.token },
      }),
  });
  const path = `/groups/${encodeURIComponent(code.groupId)}/registrations/${encodeURIComponent(code.registrationId)}`;
  return client.delete(path, { check: cancelledCheck, ...(signal ? { signal } : {}) });
}
