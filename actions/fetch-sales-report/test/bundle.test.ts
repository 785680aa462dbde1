/** The committed bundle, run as the runner runs it: a child process on the real clock against the emulator. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startEmulator, type Emulator } from '@asc-actions/asc-emulator';
import { generateTestKey } from '../../../test-support/keys.js';
import { keyEncodings } from '../../../test-support/leaks.js';
import { runBundle } from '../../../test-support/runner.js';
import { startCacheService } from '../../../test-support/cache-service.js';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';

let emu: Emulator;
/** A UTC day `n` days back on the real clock (the bundle runs on it): published, whatever the hour in Pacific time. */
const daysAgo = (n: number): string => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);
const key = generateTestKey();
beforeAll(async () => {
  emu = await startEmulator({
    seed: {
      reportVendors: [
        { vendorNumber: '86000000', rows: 20 },
        { vendorNumber: '86000009', rows: 2, noSalesDates: [daysAgo(3), daysAgo(20)] },
      ],
    },
  });
  emu.registerKey({ keyId: key.keyId, issuerId: key.issuerId, publicKey: key.publicPem });
});
afterAll(() => emu.close());
afterEach(() => expect(emu.violations).toEqual([]));

test('the bundle fetches the newest daily report, writes JSON and a summary; a warm cache rerun asks nothing', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'bundle-'));
  const cache = await startCacheService();
  // One RUNNER_TEMP for both runs, as on one runner (the cache is tied to the reports' paths).
  const env = { ...cache.env, RUNNER_TEMP: join(dir, 'runner-temp'), GITHUB_WORKSPACE: dir };
  const inputs = {
    'issuer-id': key.issuerId,
    'key-id': key.keyId,
    'private-key': key.privatePem,
    'api-base-url': emu.baseUrl,
    'vendor-number': '86000000',
    'output-path': join(dir, 'report.json'),
  };
  try {
    const r = await runBundle('fetch-sales-report', { inputs, env, secrets: keyEncodings(key.privatePem) });
    expect(r.stderr).toBe('');
    expect(r.errors).toEqual([]);
    expect(r.exitCode).toBe(0);
    expect(r.outputs).toMatchObject({ status: 'available', rows: '20', 'report-path': join(dir, 'report.json') });
    expect(JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8'))).toHaveLength(20);
    expect(JSON.parse(r.outputs.summary!).proceedsByCurrency).toBeDefined();
    expect(r.summary).toContain('Currency of proceeds');
    expect(emu.requests).toHaveLength(1);
    expect(cache.entries).toHaveLength(1);
    const again = await runBundle('fetch-sales-report', { inputs, env, secrets: keyEncodings(key.privatePem) });
    expect(again.exitCode).toBe(0);
    expect(emu.requests).toHaveLength(1);
    expect(again.outputs.summary).toBe(r.outputs.summary!.replace('"source":"api"', '"source":"cache"'));
  } finally {
    await cache.close();
  }
});

test('the bundle keeps an old "no sales" in the cache but asks again for a young one (Apple may still be assembling it)', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'bundle-'));
  const cache = await startCacheService();
  const env = { ...cache.env, RUNNER_TEMP: join(dir, 'runner-temp'), GITHUB_WORKSPACE: dir };
  const run = (date: string) =>
    runBundle('fetch-sales-report', {
      inputs: {
        'issuer-id': key.issuerId,
        'key-id': key.keyId,
        'private-key': key.privatePem,
        'api-base-url': emu.baseUrl,
        'vendor-number': '86000009',
        'report-date': date,
        'output-path': join(dir, `${date}.tsv`),
      },
      env,
      secrets: keyEncodings(key.privatePem),
    });
  try {
    for (const date of [daysAgo(3), daysAgo(20)]) {
      const r = await run(date);
      expect(r.errors).toEqual([]);
      expect(r.outputs.status).toBe('no-sales');
    }
    expect(cache.entries.map((e) => e.key)).toEqual([expect.stringContaining(daysAgo(20))]);
    const before = emu.requests.length;
    await run(daysAgo(20));
    expect(emu.requests.length).toBe(before);
    await run(daysAgo(3));
    expect(emu.requests.length).toBe(before + 1);
  } finally {
    await cache.close();
  }
});

test('the bundle turns Apple\'s 400 "Invalid vendor number" into one line that says where the number is', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'bundle-'));
  const r = await runBundle('fetch-sales-report', {
    inputs: {
      'issuer-id': key.issuerId,
      'key-id': key.keyId,
      'private-key': key.privatePem,
      'api-base-url': emu.baseUrl,
      'vendor-number': '12345678',
      'output-path': join(dir, 'r.tsv'),
      cache: 'false',
    },
    env: { GITHUB_WORKSPACE: dir },
    secrets: keyEncodings(key.privatePem),
  });
  expect(r.exitCode).toBe(1);
  expect(r.errors).toEqual([
    'Input "vendor-number": Apple refused vendor number 12345678 ("Invalid vendor number"). It is shown top left in App Store Connect → Payments and Financial Reports; a key with the Sales role can only read its own vendor\'s reports.',
  ]);
});
