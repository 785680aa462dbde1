import { createPrivateKey } from 'node:crypto';
import { makeApps, makeReviews, startEmulator, type Emulator } from '@asc-actions/asc-emulator';
import { NetworkError } from '../../src/errors.js';
import { TokenSource } from '../../src/auth/token.js';
import { VirtualClock } from '../../src/clock.js';
import { createAscClient, type AscClient } from '../../src/http/client.js';
import type { HttpResponse } from '../../src/http/types.js';
import {
  createReviewReply,
  customerReviewPages,
  deleteReviewResponse,
  getCustomerReview,
  getReviewReply,
  getReviewResponse,
} from '../../src/api/customer-reviews.js';
import { generateTestKey } from '../../../../test-support/keys.js';

const APP = '1700000001';
let emulator: Emulator;
let client: AscClient;

beforeEach(async () => {
  const clock = new VirtualClock();
  const key = generateTestKey();
  emulator = await startEmulator({
    seed: { apps: makeApps(1), customerReviews: makeReviews(250, { app: APP }) },
    clock,
  });
  emulator.registerKey({ keyId: key.keyId, issuerId: key.issuerId, publicKey: key.publicPem });
  const tokens = new TokenSource({
    key: createPrivateKey(key.privatePem),
    keyId: key.keyId,
    issuerId: key.issuerId,
    clock,
  });
  client = createAscClient({ tokens, baseUrl: emulator.baseUrl, clock });
});
afterEach(async () => {
  expect(emulator.violations).toEqual([]);
  await emulator.close();
});

test('pages of reviews, a reply posted, read, read back and deleted', async () => {
  const pages = [];
  for await (const page of customerReviewPages(client, APP, {
    sort: ['-createdDate'],
    'exists[publishedResponse]': false,
  }))
    pages.push(page.data.length);
  expect(pages).toEqual([200, 50]);
  const id = emulator.state.all('customerReviews')[0]!.id;
  expect((await getCustomerReview(client, id)).data.id).toBe(id);
  expect(await getReviewReply(client, id)).toBeUndefined();
  const created = await createReviewReply(client, id, 'Thanks!');
  expect(created.attributes).toMatchObject({ responseBody: 'Thanks!', state: 'PENDING_PUBLISH' });
  expect((await getReviewReply(client, id))?.id).toBe(created.id);
  expect((await getReviewResponse(client, created.id)).attributes?.responseBody).toBe('Thanks!');
  await deleteReviewResponse(client, created.id);
  expect(await getReviewReply(client, id)).toBeUndefined();
  expect(emulator.transcript().slice(2)).toEqual([
    `GET /v1/customerReviews/${id}`,
    `GET /v1/customerReviews/${id}/response`,
    'POST /v1/customerReviewResponses',
    `GET /v1/customerReviews/${id}/response`,
    `GET /v1/customerReviewResponses/${created.id}`,
    `DELETE /v1/customerReviewResponses/${created.id}`,
    `GET /v1/customerReviews/${id}/response`,
  ]);
});

test('a reply whose answer is lost is not posted again: the caller gets a NetworkError that says it may have applied', async () => {
  const id = emulator.state.all('customerReviews')[0]!.id;
  emulator.faults.add({ method: 'POST', path: '/v1/customerReviewResponses', kind: 'drop-after' });
  const error = await createReviewReply(client, id, 'Thanks!').catch((e: unknown) => e);
  expect(error).toBeInstanceOf(NetworkError);
  expect((error as NetworkError).maybeApplied).toBe(true);
  expect(emulator.transcript()).toEqual(['POST /v1/customerReviewResponses']);
  expect((await getReviewReply(client, id))?.attributes?.responseBody).toBe('Thanks!');
});

test('"no reply" as 200 with data: null (how Apple answers other empty to-one relationships) is no reply too', async () => {
  const nullData: AscClient = {
    ...client,
    get: async <T>() =>
      ({
        status: 200,
        data: { data: null, links: { self: 'x' } } as T,
        headers: new Headers(),
        url: 'x',
      }) as HttpResponse<T>,
  };
  expect(await getReviewReply(nullData, 'r')).toBeUndefined();
  expect(emulator.requests).toEqual([]);
});
