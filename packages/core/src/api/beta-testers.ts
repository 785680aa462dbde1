/** TestFlight beta testers: find by e-mail, create (with group memberships). */
import type { AscClient } from '../http/client.js';
import { collect, type WriteOptions } from './documents.js';
import type { BetaTester, BetaTesterCreateRequest, BetaTesterResponse } from './generated/index.js';

/** E-mails per `filter[email]` request: keeps URLs short. */
export const EMAILS_PER_LOOKUP = 50;

/** The team's testers with these e-mails (matched again here, case-insensitively). */
export async function findBetaTestersByEmail(client: AscClient, emails: readonly string[]): Promise<BetaTester[]> {
  const out: BetaTester[] = [];
  const wanted = new Set(emails.map((e) => e.toLowerCase()));
  for (let i = 0; i < emails.length; i += EMAILS_PER_LOOKUP) {
    const batch = emails.slice(i, i + EMAILS_PER_LOOKUP);
    const found = await collect<BetaTester>(client, '/v1/betaTesters', {
      'filter[email]': batch,
      'fields[betaTesters]': ['email', 'firstName', 'lastName', 'state'],
    });
    out.push(...found.data.filter((t) => wanted.has(String(t.attributes?.email).toLowerCase())));
  }
  return out;
}

export interface NewBetaTester {
  email: string;
  firstName?: string;
  lastName?: string;
}

/** `POST /v1/betaTesters` with its groups: one request invites the tester into all of them. */
export async function createBetaTester(
  client: AscClient,
  tester: NewBetaTester,
  groupIds: string[],
  options: WriteOptions = {},
): Promise<BetaTester> {
  const body: BetaTesterCreateRequest = {
    data: {
      type: 'betaTesters',
      attributes: { email: tester.email, firstName: tester.firstName ?? null, lastName: tester.lastName ?? null },
      relationships: { betaGroups: { data: groupIds.map((id) => ({ type: 'betaGroups', id })) } },
    },
  };
  return (await client.post<BetaTesterResponse>('/v1/betaTesters', body, options)).data.data;
}
