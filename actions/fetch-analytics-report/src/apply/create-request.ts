/**
 * Creates the app's report request, never a second one: the POST is not retried blindly. When
 * its answer is lost (the connection dropped after Apple may have applied it) or Apple answers
 * 409 (someone made one meanwhile), the requests are read again and the one found is used.
 * Only an Admin key may create it: Apple's 403 becomes a message that names the role.
 */
import {
  AscError,
  ConflictError,
  createAnalyticsReportRequest,
  ForbiddenError,
  NetworkError,
  ServerError,
  type AnalyticsAccessType,
  type AscClient,
} from '@asc-actions/core';
import { findRequests } from '../read/request.js';

/** Apple refused to create the request for the key's role. */
export class RoleError extends AscError {}

const ATTEMPTS = 3;

export async function createRequest(
  client: AscClient,
  appId: string,
  accessType: AnalyticsAccessType,
): Promise<string> {
  for (let attempt = 1; ; attempt++) {
    try {
      return (await createAnalyticsReportRequest(client, appId, accessType)).id;
    } catch (error) {
      if (error instanceof ForbiddenError) {
        throw new RoleError(
          'Apple refused to create the analytics report request (403): only a key with the Admin role can create it. Run this once with an Admin key; ' +
            'afterwards keys with the Sales and Reports or Finance role can read the reports (Users and Access → Integrations).',
        );
      }
      const unsure = error instanceof NetworkError || error instanceof ServerError || error instanceof ConflictError;
      if (!unsure) throw error;
      const found = await findRequests(client, appId, accessType);
      if (found.active) return found.active;
      if (error instanceof ConflictError || attempt >= ATTEMPTS) throw error;
    }
  }
}
