/**
 * Report names and granularities as Apple's Analytics Reports pages give them: "App Downloads
 * Standard" is daily only (weekly and monthly are "detailed report only" on the App Store
 * Downloads page), so the default reports take the Detailed one for WEEKLY/MONTHLY; the page title
 * "App Installs Performance" is not the API's name "App Install Performance".
 */
import { VirtualClock } from '@asc-actions/core';
import { actionHarness, type ActionHarness } from '../../../test-support/action-harness.js';
import { run, type RunDeps } from '../src/main.js';
import { APP_ID, NOW, withRequest } from './fixtures.js';

let h: ActionHarness<RunDeps>;
beforeAll(async () => {
  h = await actionHarness<RunDeps>({
    run,
    seed: withRequest(),
    clock: new VirtualClock(NOW),
    inputs: { app: APP_ID, cache: 'false' },
  });
});
afterAll(() => h.close());
beforeEach(() => (h.emulator.requests.length = 0));
afterEach(() => expect(h.emulator.violations).toEqual([]));

test('the Standard downloads report weekly: refused before any request, naming its only granularity', async () => {
  const r = await h.run({ report: 'App Downloads Standard', granularity: 'WEEKLY' });
  expect(r.exitCode).toBe(1);
  expect(r.errors).toEqual([
    expect.stringMatching(/Input "granularity": "App Downloads Standard" is made only DAILY, not WEEKLY/),
  ]);
  expect(h.emulator.requests).toEqual([]);
});

test('the default reports weekly: engagement and the Detailed downloads report, funnel counted', async () => {
  const r = await h.run({ granularity: 'WEEKLY', 'output-path': 'weekly' });
  expect(r.errors).toEqual([]);
  expect(r.outputs.state).toBe('available');
  const summary = JSON.parse(r.outputs.summary!) as { reports: Array<{ name: string }>; totals: { downloads: number } };
  expect(summary.reports.map((x) => x.name)).toEqual([
    'App Store Discovery and Engagement Standard',
    'App Downloads Detailed',
  ]);
  expect(summary.totals.downloads).toBeGreaterThan(0);
});

test("the page title instead of the API's name: did you mean, before any request", async () => {
  const r = await h.run({ report: 'App Installs Performance' });
  expect(r.exitCode).toBe(1);
  expect(r.errors).toEqual([
    expect.stringMatching(
      /Input "report": unknown report "App Installs Performance"\. Did you mean "App Install Performance"\?/,
    ),
  ]);
  expect(h.emulator.requests).toEqual([]);
});

test('a Framework Usage report named like a funnel report ("App Sessions Context") is not read as App Sessions', async () => {
  const r = await h.run({ report: 'App Sessions Context', 'output-path': 'context' });
  expect(r.errors).toEqual([]);
  expect(r.outputs.state).toBe('available');
  expect(Number(r.outputs.rows)).toBeGreaterThan(0);
  const summary = JSON.parse(r.outputs.summary!) as { reports: Array<{ name: string; missingColumns: string[] }> };
  expect(summary.reports).toEqual([expect.objectContaining({ name: 'App Sessions Context', missingColumns: [] })]);
  expect(r.summary).not.toContain('columns missing');
});

const warnings = (stdout: string): string[] =>
  stdout
    .split('\n')
    .filter((l) => l.startsWith('::warning'))
    .map((l) => l.replace(/^::warning[^:]*::/, ''));

test('a daily-only report this action does not know, asked WEEKLY: the run names the granularity Apple makes', async () => {
  // "App Sessions Context" (FRAMEWORK_USAGE) is daily only on Apple's page; the request is 25 days old.
  const r = await h.run({ report: 'App Sessions Context', granularity: 'WEEKLY', 'output-path': 'ctx-weekly' });
  expect(r.errors).toEqual([]);
  expect(r.outputs.state).toBe('not-available-yet');
  expect(warnings(r.stdout)).toEqual([
    expect.stringMatching(
      /^App Sessions Context: Apple has \d+ DAILY \(2026-11-\d\d to 2026-11-\d\d\) instance\(s\) of this report and no WEEKLY one at any date, so it probably does not make this report weekly\. Set granularity: DAILY to fetch it\.$/,
    ),
  ]);
});

test('asked MONTHLY while the daily instances span less than two months: no warning yet, a first monthly one may still come', async () => {
  const r = await h.run({ report: 'App Sessions Context', granularity: 'MONTHLY', 'output-path': 'ctx-monthly' });
  expect(r.errors).toEqual([]);
  expect(r.outputs.state).toBe('not-available-yet');
  expect(warnings(r.stdout)).toEqual([]);
});
