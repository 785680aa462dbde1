/** Every bad input: one clear error naming the input (or the role), zero writes — no POST, no file. */
import { readdirSync } from 'node:fs';
import { analyticsControl } from '@asc-actions/asc-emulator';
import { appSeed, analyticsHarness, type Harness } from './fixtures.js';

let h: Harness;
beforeAll(
  async () =>
    (h = await analyticsHarness({
      ...appSeed(),
      analytics: { requests: [{ app: '6400000001', createdAt: '2026-11-01T09:00:00Z' }] },
      apps: [...appSeed().apps!, { id: '6400000002', name: 'Tasks', bundleId: 'com.example.tasks' }],
    })),
);
afterAll(() => h.close());
beforeEach(() => {
  h.emulator.requests.length = 0;
  analyticsControl(h.emulator.state).keyRoles.clear();
});
afterEach(() => {
  expect(h.emulator.violations).toEqual([]);
  expect(h.emulator.requests.filter((r) => r.method !== 'GET')).toEqual([]);
  expect(readdirSync(h.workspace)).toEqual([]);
  expect(analyticsControl(h.emulator.state).downloads).toEqual([]);
});

const cases: Array<[string, Record<string, string>, RegExp]> = [
  [
    'an unknown report name, with "did you mean"',
    { report: 'App Store Discovery and Engagment Standard' },
    /Input "report": unknown report "App Store Discovery and Engagment Standard"\. Did you mean "App Store Discovery and Engagement Standard"\?/,
  ],
  [
    "a documentation page's title instead of Apple's report name",
    { report: 'App Store Discovery & Engagement' },
    /Input "report": unknown report "App Store Discovery & Engagement"\. Did you mean "App Store Discovery and Engagement Standard" or "App Store Discovery and Engagement Detailed"\?/,
  ],
  [
    'a granularity the report does not have',
    { report: 'App Install Performance', granularity: 'WEEKLY' },
    /Input "granularity": "App Install Performance" is made only DAILY, not WEEKLY/,
  ],
  [
    'a granularity that does not exist',
    { granularity: 'HOURLY' },
    /Input "granularity" must be one of DAILY, WEEKLY, MONTHLY; got "HOURLY"/,
  ],
  [
    "a date range over Apple's retention",
    { from: '2026-10-01', to: '2026-11-20' },
    /Input "from": 2026-10-01 is over Apple's retention: report instances are kept 35 days, so the oldest processing date is 2026-10-22\. For older data, run once with snapshot: true/,
  ],
  ['a date in the future', { date: '2026-12-01' }, /Input "date": 2026-12-01 is in the future/],
  [
    'to before from',
    { from: '2026-11-20', to: '2026-11-10' },
    /Input "to" \(2026-11-10\) is before "from" \(2026-11-20\)/,
  ],
  [
    'an output path outside the workspace',
    { 'output-path': '../elsewhere' },
    /Input "output-path": .*elsewhere lies outside the workspace and the runner's temporary folder/,
  ],
  [
    'one file for several reports',
    { 'output-path': 'out.csv' },
    /Input "output-path": "out\.csv" is one file, but several reports are asked for/,
  ],
  [
    'an output format that does not exist',
    { 'output-format': 'xlsx' },
    /Input "output-format" must be one of csv, json, jsonl; got "xlsx"/,
  ],
];

test.each(cases)('%s', async (_name, inputs, message) => {
  const r = await h.run(inputs);
  expect(r.exitCode).toBe(1);
  expect(r.errors).toHaveLength(1);
  expect(r.errors[0]).toMatch(message);
  expect(h.emulator.requests).toEqual([]); // refused before asking Apple anything
});

test("a name Apple does not list for the request is refused with Apple's nearest name", async () => {
  // Not a name this action knows (it may be one Apple added): checked against Apple's list.
  const r = await h.run({ report: 'Flashlight Usages' });
  expect(r.exitCode).toBe(1);
  expect(r.errors).toEqual([
    expect.stringMatching(
      /Input "report": Apple lists no report "Flashlight Usages" for this app\. Did you mean "Flashlight Usage"\?/,
    ),
  ]);
});

test('a key without the Admin role on the first run: the error says Admin creates the request, Sales and Reports or Finance read', async () => {
  analyticsControl(h.emulator.state).keyRoles.set(h.key.keyId, 'SALES_AND_REPORTS');
  const r = await h.run({ app: '6400000002' });
  expect(r.exitCode).toBe(1);
  expect(r.errors).toEqual([
    expect.stringMatching(/only a key with the Admin role can create it.*Sales and Reports or Finance role can read/),
  ]);
  expect(h.emulator.state.all('analyticsReportRequests')).toHaveLength(1);
  h.emulator.requests.length = 0; // the refused POST is not a write
});

test('a key whose role cannot read reports: the 403 names the roles that can', async () => {
  analyticsControl(h.emulator.state).keyRoles.set(h.key.keyId, 'DEVELOPER');
  const r = await h.run({});
  expect(r.exitCode).toBe(1);
  expect(r.errors).toEqual([
    expect.stringMatching(
      /403.*Sales and Reports or Finance \(Admin for the first run, which creates the report request\) role/,
    ),
  ]);
});
