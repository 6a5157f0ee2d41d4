import type { ApiClient, ApiResult } from '../../../core/api/api-client.js';
import type { CancelCode } from './cancel-code.js';
import { cancelledCheck } from './group-data.js';

/**
 * `DELETE /groups/{groupId}/registrations/{registrationId}` with the `Registration-Token` header, through the
 * element's client (time limit, retries, problem details, no cookies, no referrer). Cancelling is idempotent on the
 * server (a second DELETE answers 204 again), so a retry is always safe.
 */
export function cancelRegistration(
  api: ApiClient,
  code: CancelCode,
  signal?: AbortSignal,
): Promise<ApiResult<undefined>> {
  const path = `/groups/${encodeURIComponent(code.groupId)}/registrations/${encodeURIComponent(code.registrationId)}`;
  return api.delete(path, {
    check: cancelledCheck,
    headers: { 'Registration-Token': code.token },
    ...(signal ? { signal } : {}),
  });
}
