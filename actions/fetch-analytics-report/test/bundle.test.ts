/**
 * The bundle, run as the runner runs it: a child process on the real clock against the emulator,
 * with the local cache service. First run → requested; a day and more later → available; a warm
 * rerun downloads no segment and writes the same bytes.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyticsControl } from '@asc-actions/asc-emulator';
import { actionHarness, tempDir, type ActionHarness } from '../../../test-support/action-harness.js';
import { startCacheService, type CacheService } from '../../../test-support/cache-service.js';
import { run as runAction, type RunDeps } from '../src/main.js';

const NEW_APP = '6400000001';
const APP = '6400000002';
const FILES = ['app-store-discovery-and-engagement-standard.csv', 'app-downloads-standard.csv'];
let h: ActionHarness<RunDeps>;
let cache: CacheService;

beforeAll(async () => {
  cache = await startCacheService();
  // One app never asked for (first run), one whose request Apple has had for three days.
  h = await actionHarness<RunDeps>({
    run: runAction,
    bundle: 'fetch-analytics-report',
    realClock: true,
    seed: {
      apps: [
        { id: NEW_APP, name: 'Notes', bundleId: 'com.example.notes' },
        { id: APP, name: 'Tasks', bundleId: 'com.example.tasks' },
      ],
      analytics: { requests: [{ app: APP, createdAt: new Date(Date.now() - 3 * 86_400_000).toISOString() }] },
    },
    inputs: { 'output-path': 'analytics' },
    env: { ...cache.env, RUNNER_TEMP: tempDir('analytics-bundle-runner') },
  });
});
afterAll(async () => {
  await h.close();
  await cache.close();
});
afterEach(() => expect(h.emulator.violations).toEqual([]));

const run = (app = APP) => h.runBundle({ app });
/** The output files' bytes, one character per byte (`toEqual` on strings is fast; on Buffers it is not). */
const outputs = (): string[] => FILES.map((f) => readFileSync(join(h.workspace, 'analytics', f), 'latin1'));

test('first run requests, a later run fetches and summarizes, a warm rerun downloads nothing', async () => {
  const first = await run(NEW_APP);
  expect(first.errors).toEqual([]);
  expect(first.exitCode).toBe(0);
  expect(first.outputs.state).toBe('requested');
  expect(first.stdout).toContain('Apple needs a day or more');
  expect(h.emulator.requests.map((r) => r.method)).toEqual(['GET', 'POST']);

  const later = await run();
  expect(later.errors).toEqual([]);
  expect(later.outputs.state).toBe('available');
  const downloads = analyticsControl(h.emulator.state).downloads.length;
  expect(downloads).toBeGreaterThan(0);
  expect(later.summary).toContain('Impressions → product page views → downloads');
  const files = outputs();

  const warm = await run();
  expect(warm.errors).toEqual([]);
  expect(analyticsControl(h.emulator.state).downloads).toHaveLength(downloads);
  expect(outputs()).toEqual(files);
  expect(JSON.parse(warm.outputs.summary!).days).toEqual(JSON.parse(later.outputs.summary!).days);
  expect(JSON.parse(warm.outputs.summary!).reports.map((r: { downloaded: number }) => r.downloaded)).toEqual([0, 0]);
});
