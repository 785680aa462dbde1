import { createHash } from 'node:crypto';
import { gunzipSync } from 'node:zlib';
import { analyticsCatalog, analyticsControl, analyticsLines, catalogReport, stopForInactivity } from '../src/index.js';
import { firstError, harness, TestClock, type Harness } from './support/harness.js';

const START = Date.parse('2026-11-20T10:00:00Z');
const clock = new TestClock(START);
const APP = '6400000001';

let h: Harness;
beforeAll(async () => {
  h = await harness({ clock, seed: { apps: [{ id: APP, name: 'Notes', bundleId: 'com.example.notes' }] } });
});
afterAll(() => h.emu.close());
afterEach(() => expect(h.emu.violations).toEqual([]));

const createBody = (accessType: string) => ({
  data: {
    type: 'analyticsReportRequests',
    attributes: { accessType },
    relationships: { app: { data: { type: 'apps', id: APP } } },
  },
});

test('one ONGOING request per app: a second is Apple 409 STATE_ERROR; the list finds the first', async () => {
  const first = await h.send('POST', '/v1/analyticsReportRequests', createBody('ONGOING'));
  expect(first.status).toBe(201);
  const second = await h.send('POST', '/v1/analyticsReportRequests', createBody('ONGOING'));
  expect(second.status).toBe(409);
  expect((await firstError(second)).code).toBe('STATE_ERROR');
  const list = (await (await h.get(`/v1/apps/${APP}/analyticsReportRequests?filter[accessType]=ONGOING`)).json()) as {
    data: Array<{ id: string; attributes: { stoppedDueToInactivity: boolean } }>;
  };
  expect(list.data).toHaveLength(1);
  expect(list.data[0]!.attributes.stoppedDueToInactivity).toBe(false);
});

test('reports per category with Apple names; instances appear over the clock; segments are gzip with checksum and size', async () => {
  const [request] = (
    (await (await h.get(`/v1/apps/${APP}/analyticsReportRequests`)).json()) as { data: Array<{ id: string }> }
  ).data;
  const all = (await (await h.get(`/v1/analyticsReportRequests/${request!.id}/reports?limit=200`)).json()) as {
    data: unknown[];
    meta: { paging: { total: number } };
  };
  expect(all.meta.paging.total).toBe(150);
  const engagement = (await (
    await h.get(`/v1/analyticsReportRequests/${request!.id}/reports?filter[category]=APP_STORE_ENGAGEMENT`)
  ).json()) as { data: Array<{ id: string; attributes: { name: string } }> };
  expect(engagement.data.map((r) => r.attributes.name)).toEqual([
    'App Store Discovery and Engagement Standard',
    'App Store Discovery and Engagement Detailed',
  ]);
  const reportId = engagement.data[0]!.id;
  const none = (await (await h.get(`/v1/analyticsReports/${reportId}/instances?filter[granularity]=DAILY`)).json()) as {
    data: unknown[];
  };
  expect(none.data).toEqual([]);
  clock.t = Date.parse('2026-11-23T12:00:00Z');
  const daily = (await (
    await h.get(`/v1/analyticsReports/${reportId}/instances?filter[granularity]=DAILY`)
  ).json()) as { data: Array<{ id: string; attributes: { processingDate: string } }> };
  expect(daily.data.map((i) => i.attributes.processingDate)).toEqual(['2026-11-21', '2026-11-22', '2026-11-23']);
  const segments = (await (await h.get(`/v1/analyticsReportInstances/${daily.data[2]!.id}/segments`)).json()) as {
    data: Array<{ attributes: { url: string; checksum: string; sizeInBytes: number } }>;
  };
  expect(segments.data).toHaveLength(1);
  const { url, checksum, sizeInBytes } = segments.data[0]!.attributes;
  const withAuth = await fetch(url, { headers: { Authorization: 'Bearer x' } });
  expect(withAuth.status).toBe(400);
  const bytes = Buffer.from(await (await fetch(url)).arrayBuffer());
  expect(bytes.length).toBe(sizeInBytes);
  expect(createHash('md5').update(bytes).digest('hex')).toBe(checksum);
  const lines = gunzipSync(bytes).toString('utf8').trimEnd().split('\n');
  expect(lines[0]!.split('\t')).toEqual([
    'Date',
    'App Name',
    'App Apple Identifier',
    'Event',
    'Page Type',
    'Source Type',
    'Engagement Type',
    'Device',
    'Platform Version',
    'Territory',
    'Counts',
    'Unique Counts',
  ]);
  // Late-arriving data: the instance of the 23rd carries the 20th to the 22nd.
  expect(new Set(lines.slice(1).map((l) => l.split('\t')[0]))).toEqual(
    new Set(['2026-11-20', '2026-11-21', '2026-11-22']),
  );
  clock.advance(16 * 60_000);
  expect((await fetch(url)).status).toBe(403);
});

test('roles: a Sales key reads but cannot create; a Developer key cannot read', async () => {
  analyticsControl(h.emu.state).keyRoles.set(h.key.keyId, 'SALES_AND_REPORTS');
  expect((await h.get(`/v1/apps/${APP}/analyticsReportRequests`)).status).toBe(200);
  const denied = await h.send('POST', '/v1/analyticsReportRequests', createBody('ONE_TIME_SNAPSHOT'));
  expect(denied.status).toBe(403);
  expect((await firstError(denied)).code).toBe('FORBIDDEN_ERROR');
  analyticsControl(h.emu.state).keyRoles.set(h.key.keyId, 'DEVELOPER');
  expect((await h.get(`/v1/apps/${APP}/analyticsReportRequests`)).status).toBe(403);
  analyticsControl(h.emu.state).keyRoles.delete(h.key.keyId);
});

test('a request stopped for inactivity can be replaced by a new ONGOING one', async () => {
  const [request] = (
    (await (await h.get(`/v1/apps/${APP}/analyticsReportRequests`)).json()) as { data: Array<{ id: string }> }
  ).data;
  stopForInactivity(h.emu.state, request!.id, clock.now());
  expect((await h.send('POST', '/v1/analyticsReportRequests', createBody('ONGOING'))).status).toBe(201);
});

test("a Framework Usage page's report: daily only, 8 days late, its page's columns, no row under 5 devices", () => {
  const report = catalogReport('Photos Picker')!;
  expect([report.granularities, report.completenessDays]).toEqual([['DAILY'], 8]);
  const [head, ...rows] = [
    ...analyticsLines({ appId: APP, appName: 'Notes', report, dates: ['2026-11-20'], processingDate: '2026-11-28' }),
  ].map((l) => l.split('\t'));
  // documentation/analytics-reports/photos-picker.md in the Averyy/apple-dev-docs mirror, "Report Fields".
  expect(head).toEqual([
    ...['Count', 'Territory', 'Date', 'Platform', 'Device', 'Build', 'Unique Devices', 'Release Type'],
    ...['Did Select Items', 'Is Limited Library Picker', 'Is Single Selection', 'Accessory Visibility', 'Style'],
    ...['Encoding Policy', 'Selection Behavior', 'Has Photo Library Access'],
  ]);
  expect(rows.length).toBeGreaterThan(0);
  for (const row of rows) {
    expect(row).toHaveLength(head!.length);
    expect(Number(row[6])).toBeGreaterThanOrEqual(5);
    expect(Number(row[0])).toBeGreaterThanOrEqual(Number(row[6]));
    expect(['default', 'compact']).toContain(row[12]);
  }
  // Every named report has its page's columns: the stand-in columns are left to the placeholders.
  const generic = analyticsCatalog().filter(
    (r) => r.columns.join() === 'Date,App Name,App Apple Identifier,Device,Platform Version,Territory,Counts',
  );
  expect(generic.length).toBeGreaterThan(0);
  expect(generic.every((r) => r.name.startsWith('Framework Usage Placeholder'))).toBe(true);
  expect(analyticsCatalog().filter((r) => r.kind === 'typed' && r.category === 'FRAMEWORK_USAGE')).toHaveLength(89);
});

test('a report without Territory or Source Type columns repeats no row (App Crashes: one row a device a day)', () => {
  const report = catalogReport('App Crashes')!;
  const lines = [
    ...analyticsLines({ appId: APP, appName: 'Notes', report, dates: ['2026-11-20'], processingDate: '2026-11-25' }),
  ];
  expect(lines).toHaveLength(3);
  expect(new Set(lines).size).toBe(3);
});

test('the browser-choice reports cover the EU only, as their pages say; Default Browser Usage Rate is worldwide', () => {
  const territoriesOf = (name: string): Set<string> => {
    const report = catalogReport(name)!;
    const [header, ...rows] = [
      ...analyticsLines({
        appId: APP,
        appName: 'Notes',
        report,
        dates: ['2026-11-20'],
        processingDate: '2026-11-28',
        territories: 20,
      }),
    ].map((l) => l.split('\t'));
    const at = header!.indexOf('Territory');
    return new Set(rows.map((r) => r[at]!));
  };
  const eu = ['DE', 'FR', 'IT', 'ES', 'NL', 'SE', 'PL'];
  for (const name of [
    'Browser Choice Screen Engagement (iOS versions before 18.2)',
    'Browser Choice Screen Selection',
  ]) {
    const seen = territoriesOf(name);
    expect(seen.size).toBeGreaterThan(0);
    expect([...seen].filter((t) => !eu.includes(t))).toEqual([]);
  }
  expect(territoriesOf('Default Browser Usage Rate').has('US')).toBe(true);
});
