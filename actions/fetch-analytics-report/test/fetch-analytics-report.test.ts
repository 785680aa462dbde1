/** The action's run() against the emulator: first run, later runs, newest instance wins, states. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyticsControl } from '@asc-actions/asc-emulator';
import { APP_ID, appSeed, BUNDLE_ID, analyticsHarness, withRequest, type Harness } from './fixtures.js';

const paths = (h: Harness): string[] => h.emulator.requests.map((r) => `${r.method} ${r.path}`);

describe('first run', () => {
  let h: Harness;
  beforeAll(async () => (h = await analyticsHarness(appSeed())));
  afterAll(() => h.close());
  afterEach(() => expect(h.emulator.violations).toEqual([]));

  test('creates the ONGOING request once, says Apple needs a day, exits 0 with state requested, in ≤ 3 requests', async () => {
    const r = await h.run({ app: BUNDLE_ID });
    expect(r.errors).toEqual([]);
    expect(r.exitCode).toBe(0);
    expect(r.outputs.state).toBe('requested');
    expect(r.summary).toContain('Apple needs a day or more');
    expect(paths(h)).toEqual([
      'GET /v1/apps',
      `GET /v1/apps/${APP_ID}/analyticsReportRequests`,
      'POST /v1/analyticsReportRequests',
    ]);
    const again = await h.run({});
    expect(again.outputs.state).toBe('not-available-yet');
    expect(paths(h).filter((p) => p.startsWith('POST'))).toHaveLength(1);
    expect(h.emulator.state.all('analyticsReportRequests')).toHaveLength(1);
  });
});

describe('later runs', () => {
  let h: Harness;
  beforeAll(async () => (h = await analyticsHarness(withRequest())));
  afterAll(() => h.close());
  afterEach(() => expect(h.emulator.violations).toEqual([]));

  test('fetches every listed instance of both reports, keys rows by Date with the newest instance winning, and summarizes the funnel', async () => {
    const r = await h.run({ 'output-path': 'out' });
    expect(r.errors).toEqual([]);
    expect(r.outputs.state).toBe('available');
    const summary = JSON.parse(r.outputs.summary!);
    expect(summary.reports.map((x: { name: string }) => x.name)).toEqual([
      'App Store Discovery and Engagement Standard',
      'App Downloads Standard',
    ]);
    // Instances from 2 to 26 November; the engagement instance of the 26th carries the 23rd–25th.
    expect(summary.reports[0]).toMatchObject({
      instances: 25,
      dates: { from: '2026-10-30', to: '2026-11-25' },
      downloaded: 25,
    });
    const csv = readFileSync(join(h.workspace, 'out/app-store-discovery-and-engagement-standard.csv'), 'utf8')
      .trimEnd()
      .split('\r\n');
    expect(csv[0]).toBe(
      'Date,App Name,App Apple Identifier,Event,Page Type,Source Type,Engagement Type,Device,Platform Version,Territory,Counts,Unique Counts',
    );
    // One date's rows come from one instance only: 8 territories × 5 sources × 2 devices × 4 events.
    expect(csv.filter((l) => l.startsWith('2026-11-20,'))).toHaveLength(320);
    // The newest instance's (complete) numbers: the 20th as the instance of the 23rd has it.
    const day = summary.days.find((d: { date: string }) => d.date === '2026-11-20');
    expect(day.impressions).toBeGreaterThan(0);
    expect(day.downloads).toBeGreaterThan(0);
    expect(day.conversionRate).toBeCloseTo(day.downloads / day.impressions, 3);
    expect(summary.topTerritories[0].territory).toBe('US');
    expect(summary.change.current.to).toBe('2026-11-25');
    expect(r.summary).toContain('xychart-beta');
    expect(r.summary).toContain('Definitions');
    const downloads = analyticsControl(h.emulator.state).downloads;
    expect(downloads.every((d) => !d.hadAuthorization && d.status === 200)).toBe(true);
  });

  test('one processing date: state not-available-yet before Apple made it, available after', async () => {
    h.clock.advance(0);
    const early = await h.run({ date: '2026-11-26', 'output-path': 'one' });
    expect(early.errors).toEqual([]);
    expect(early.outputs.state).toBe('available'); // 08:00 UTC has passed on the 26th
    const none = await h.run({ date: '2026-11-26', granularity: 'WEEKLY', 'output-path': 'weekly' });
    expect(none.outputs.state).toBe('not-available-yet');
    expect(none.outputs['report-path']).toBe('');
  });
});
