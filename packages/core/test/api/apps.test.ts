import { NotFoundError } from '../../src/errors.js';
import { createAscClient, type AscClient } from '../../src/http/client.js';
import type { Query } from '../../src/http/types.js';
import { findApp, getApp, isAppId, listApps } from '../../src/api/apps.js';
import type { App } from '../../src/api/generated/index.js';

const app = (id: string, bundleId: string): App => ({
  type: 'apps',
  id,
  attributes: { bundleId, name: bundleId.split('.').at(-1) },
});
const APPS = [app('100', 'com.example.one'), app('200', 'com.example.one.widget'), app('300', 'com.example.two')];

/**
 * A stand-in client over a fixed list of apps; records what it was asked, like a transcript. Only
 * `get` and `paginate` answer; everything else is a real client that never reaches a server.
 */
function fakeClient(): AscClient & { calls: string[] } {
  const calls: string[] = [];
  const offline = createAscClient({
    tokens: { getToken: () => Promise.reject(new Error('not used')), invalidate: () => undefined },
    fetch: () => Promise.reject(new Error('not used')),
  });
  const show = (path: string, query?: Query) =>
    `GET ${path}${
      query && Object.keys(query).length
        ? '?' +
          Object.entries(query)
            .map(([k, v]) => `${k}=${String(v)}`)
            .join('&')
        : ''
    }`;
  return {
    ...offline,
    calls,
    async get<T>(path: string, query?: Query) {
      calls.push(show(path, query));
      const found = APPS.find((a) => path === `/v1/apps/${a.id}`);
      if (!found) throw new NotFoundError(404, [], { method: 'GET', url: `https://api.example${path}` });
      return { status: 200, data: { data: found, links: { self: path } } as T, headers: new Headers(), url: path };
    },
    async *paginate<T>(path: string, query?: Query, options?: { maxItems?: number }) {
      calls.push(show(path, query));
      // Like Apple, the fake's bundle id filter is looser than equality.
      const filter = query?.['filter[bundleId]'] as string[] | undefined;
      const items = APPS.filter((a) => !filter || filter.some((f) => a.attributes!.bundleId!.startsWith(f)));
      for (const item of items.slice(0, options?.maxItems ?? Infinity)) yield item as T;
    },
  };
}

describe('apps', () => {
  test('listApps asks for 200 a page and honours the cap', async () => {
    const client = fakeClient();
    expect((await listApps(client)).map((a) => a.id)).toEqual(['100', '200', '300']);
    expect((await listApps(client, { sort: ['name'] }, { maxItems: 2 })).map((a) => a.id)).toEqual(['100', '200']);
    expect(client.calls).toEqual(['GET /v1/apps?limit=200', 'GET /v1/apps?limit=200&sort=name']);
  });

  test('getApp returns the resource', async () => {
    const client = fakeClient();
    expect(await getApp(client, '300', { 'fields[apps]': ['bundleId'] })).toEqual(APPS[2]);
    expect(client.calls).toEqual(['GET /v1/apps/300?fields[apps]=bundleId']);
  });

  test('findApp by Apple ID, by exact bundle id, or undefined', async () => {
    const client = fakeClient();
    expect(await findApp(client, '200')).toEqual(APPS[1]);
    expect(await findApp(client, 'com.example.one')).toEqual(APPS[0]);
    expect(await findApp(client, ' com.example.one.widget ')).toEqual(APPS[1]);
    expect(await findApp(client, 'com.example')).toBeUndefined();
    expect(await findApp(client, '999')).toBeUndefined();
    expect(client.calls).toEqual([
      'GET /v1/apps/200',
      'GET /v1/apps?limit=200&filter[bundleId]=com.example.one',
      'GET /v1/apps?limit=200&filter[bundleId]=com.example.one.widget',
      'GET /v1/apps?limit=200&filter[bundleId]=com.example',
      'GET /v1/apps/999',
    ]);
  });

  test('isAppId tells numeric ids from bundle ids', () => {
    expect(isAppId('1234567890')).toBe(true);
    expect(isAppId('com.example.app')).toBe(false);
  });
});
