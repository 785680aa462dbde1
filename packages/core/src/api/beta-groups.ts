/** TestFlight beta groups: list per app, create, and their builds and testers (linkages). */
import type { AscClient } from '../http/client.js';
import { collect, type WriteOptions } from './documents.js';
import type {
  BetaGroup,
  BetaGroupCreateRequest,
  BetaGroupResponse,
  BetaGroupsBetaTestersCreateToManyRelationshipBody,
  BetaGroupsBuildsCreateToManyRelationshipBody,
  BetaGroupsGetCollectionQuery,
} from './generated/index.js';

type Linkage = { type: string; id: string };

/** Every beta group of an app (`GET /v1/betaGroups?filter[app]=`), with any further filters. */
export async function listBetaGroups(
  client: AscClient,
  appId: string,
  query: BetaGroupsGetCollectionQuery = {},
): Promise<BetaGroup[]> {
  return (await collect<BetaGroup>(client, '/v1/betaGroups', { 'filter[app]': [appId], ...query })).data;
}

export async function createBetaGroup(
  client: AscClient,
  appId: string,
  attributes: BetaGroupCreateRequest['data']['attributes'],
  options: WriteOptions = {},
): Promise<BetaGroup> {
  const body: BetaGroupCreateRequest = {
    data: { type: 'betaGroups', attributes, relationships: { app: { data: { type: 'apps', id: appId } } } },
  };
  return (await client.post<BetaGroupResponse>('/v1/betaGroups', body, options)).data.data;
}

/** `POST /v1/betaGroups/{id}/relationships/builds` (204). */
export async function addBuildsToBetaGroup(
  client: AscClient,
  groupId: string,
  buildIds: string[],
  options: WriteOptions = {},
): Promise<void> {
  const body: BetaGroupsBuildsCreateToManyRelationshipBody = { data: buildIds.map((id) => ({ type: 'builds', id })) };
  await client.post(`/v1/betaGroups/${encodeURIComponent(groupId)}/relationships/builds`, body, options);
}

/** Ids of every tester in a group (`GET /v1/betaGroups/{id}/relationships/betaTesters`, 200 a page). */
export async function listBetaGroupTesterIds(client: AscClient, groupId: string): Promise<string[]> {
  const linkages = await collect<Linkage>(
    client,
    `/v1/betaGroups/${encodeURIComponent(groupId)}/relationships/betaTesters`,
    {},
    { maxItems: 100_000 },
  );
  return linkages.data.map((l) => l.id);
}

/** `POST /v1/betaGroups/{id}/relationships/betaTesters` (204; 409 when one is already in the group). */
export async function addTestersToBetaGroup(
  client: AscClient,
  groupId: string,
  testerIds: string[],
  options: WriteOptions = {},
): Promise<void> {
  const body: BetaGroupsBetaTestersCreateToManyRelationshipBody = {
    data: testerIds.map((id) => ({ type: 'betaTesters', id })),
  };
  await client.post(`/v1/betaGroups/${encodeURIComponent(groupId)}/relationships/betaTesters`, body, options);
}
