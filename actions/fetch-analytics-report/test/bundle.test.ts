/**
 * The bundle, run as the runner runs it: a child process on the real clock against the emulator,
 * with the local cache service. First run → requested; a day and more later → available; a warm
 * rerun downloads no segment and writes the same bytes.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyticsControl, startEmulator, type Emulator } from '@asc-actions/asc-emulator';
import { startCacheService, type CacheService } from '../../../test-support/cache-service.js';
import { generateTestKey } from '../../../test-support/keys.js';
import { keyEncodings } from '../../../test-support/leaks.js';
import { runBundle } from '../../../test-support/runner.js';

const NEW_APP = '6400000001';
const APP = '6400000002';
const key = generateTestKey();
let emu: Emulator;
let cache: CacheService;
let dir: string;

beforeAll(async () => {
  // One app never asked for (first run), one whose request Apple has had for three days.
  const apps = [
    { id: NEW_APP, name: 'Notes', bundleId: 'com.example.notes' },
    { id: APP, name: 'Tasks', bundleId: 'com.example.tasks' },
  ];
  emu = await startEmulator({
    seed: {
      apps,
      analytics: { requests: [{ app: APP, createdAt: new Date(Date.now() - 3 * 86_400_000).toISOString() }] },
    },
  });
  emu.registerKey({ keyId: key.keyId, issuerId: key.issuerId, publicKey: key.publicPem });
  cache = await startCacheService();
  dir = mkdtempSync(join(tmpdir(), 'analytics-bundle-'));
});
afterAll(async () => {
  await emu.close();
  await cache.close();
});
afterEach(() => expect(emu.violations).toEqual([]));

const run = (app = APP) =>
  runBundle('fetch-analytics-report', {
    inputs: {
      'issuer-id': key.issuerId,
      'key-id': key.keyId,
      'private-key': key.privatePem,
      'api-base-url': emu.baseUrl,
      app,
      'output-path': 'analytics',
    },
    env: { ...cache.env, GITHUB_WORKSPACE: dir, RUNNER_TEMP: join(dir, 'runner-temp') },
    secrets: keyEncodings(key.privatePem),
  });

test('first run requests, a later run fetches and summarizes, a warm rerun downloads nothing', async () => {
  const first = await run(NEW_APP);
  expect(first.errors).toEqual([]);
  expect(first.exitCode).toBe(0);
  expect(first.outputs.state).toBe('requested');
  expect(first.stdout).toContain('Apple needs a day or more');
  expect(emu.requests.map((r) => r.method)).toEqual(['GET', 'POST']);

  const later = await run();
  expect(later.errors).toEqual([]);
  expect(later.outputs.state).toBe('available');
  const downloads = analyticsControl(emu.state).downloads.length;
  expect(downloads).toBeGreaterThan(0);
  expect(later.summary).toContain('Impressions → product page views → downloads');
  const files = ['app-store-discovery-and-engagement-standard.csv', 'app-downloads-standard.csv'].map((f) =>
    readFileSync(join(dir, 'analytics', f)),
  );

  const warm = await run();
  expect(warm.errors).toEqual([]);
  expect(analyticsControl(emu.state).downloads).toHaveLength(downloads);
  expect(
    ['app-store-discovery-and-engagement-standard.csv', 'app-downloads-standard.csv'].map((f) =>
      readFileSync(join(dir, 'analytics', f)),
    ),
  ).toEqual(files);
  expect(JSON.parse(warm.outputs.summary!).days).toEqual(JSON.parse(later.outputs.summary!).days);
  expect(JSON.parse(warm.outputs.summary!).reports.map((r: { downloaded: number }) => r.downloaded)).toEqual([0, 0]);
});
