/**
 * TestFlight memberships and notifications in as few requests as Apple allows: the build into
 * all its groups at once, testers looked up by e-mail with their groups included, a tester's
 * groups when the include was cut off, and the manual "new build" notification.
 */
import type { AscClient } from '../http/client.js';
import { collect, type WriteOptions } from './documents.js';
import type { BetaTester } from './generated/index.js';

// Request bodies written out here rather than generated: the spec's shapes, checked by the emulator.
type ToManyBody = { data: Array<{ type: string; id: string }> };

/** E-mails per `filter[email]` request: one full page (`limit=200`), URLs of a few kB. */
export const EMAILS_PER_MEMBERSHIP_LOOKUP = 200;
/** Apple's maximum for `limit[betaGroups]` on `GET /v1/betaTesters` (spec 4.4.1). */
export const INCLUDED_GROUPS_MAX = 50;

export interface TesterMemberships {
  id: string;
  email: string;
  groupIds: string[];
  /** False when the include was cut at INCLUDED_GROUPS_MAX: read the rest with listBetaTesterGroupIds. */
  complete: boolean;
}

type Linkages = { data?: Array<{ id: string }>; meta?: { paging?: { total?: number } } };

/** The team's testers with these e-mails and the groups each is in (matched case-insensitively). */
export async function findBetaTestersWithGroups(
  client: AscClient,
  emails: readonly string[],
): Promise<TesterMemberships[]> {
  const out: TesterMemberships[] = [];
  const wanted = new Set(emails.map((e) => e.toLowerCase()));
  for (let i = 0; i < emails.length; i += EMAILS_PER_MEMBERSHIP_LOOKUP) {
    const found = await collect<BetaTester>(client, '/v1/betaTesters', {
      'filter[email]': emails.slice(i, i + EMAILS_PER_MEMBERSHIP_LOOKUP),
      'fields[betaTesters]': ['email', 'betaGroups'],
      include: ['betaGroups'],
      'fields[betaGroups]': ['name'],
      'limit[betaGroups]': INCLUDED_GROUPS_MAX,
    });
    for (const t of found.data) {
      const email = String(t.attributes?.email ?? '');
      if (!wanted.has(email.toLowerCase())) continue;
      const rel = t.relationships?.betaGroups as Linkages | undefined;
      const groupIds = (rel?.data ?? []).map((l) => l.id);
      const total = rel?.meta?.paging?.total;
      out.push({
        id: t.id,
        email,
        groupIds,
        complete: total !== undefined ? total <= groupIds.length : groupIds.length < INCLUDED_GROUPS_MAX,
      });
    }
  }
  return out;
}

/** Every group a tester is in (`GET /v1/betaTesters/{id}/relationships/betaGroups`). */
export async function listBetaTesterGroupIds(client: AscClient, testerId: string): Promise<string[]> {
  return (
    await collect<{ id: string }>(
      client,
      `/v1/betaTesters/${encodeURIComponent(testerId)}/relationships/betaGroups`,
      {},
      { maxItems: 10_000 },
    )
  ).data.map((l) => l.id);
}

/** `POST /v1/builds/{id}/relationships/betaGroups` (204): the build into all these groups in one request. */
export async function addBetaGroupsToBuild(
  client: AscClient,
  buildId: string,
  groupIds: string[],
  options: WriteOptions = {},
): Promise<void> {
  const body: ToManyBody = { data: groupIds.map((id) => ({ type: 'betaGroups', id })) };
  await client.post(`/v1/builds/${encodeURIComponent(buildId)}/relationships/betaGroups`, body, options);
}

/** `POST /v1/buildBetaNotifications` (201): tells the build's testers it is ready (when auto-notify is off). */
export async function sendBuildBetaNotification(client: AscClient, buildId: string): Promise<void> {
  const body = {
    data: { type: 'buildBetaNotifications', relationships: { build: { data: { type: 'builds', id: buildId } } } },
  };
  await client.post('/v1/buildBetaNotifications', body);
}
