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
const key = generateTestKey();
beforeAll(async () => {
  emu = await startEmulator({ seed: { reportVendors: [{ vendorNumber: '86000000', rows: 20 }] } });
  emu.registerKey({ keyId: key.keyId, issuerId: key.issuerId, publicKey: key.publicPem });
});
afterAll(() => emu.close());
afterEach(() => expect(emu.violations).toEqual([]));

test('the bundle fetches the newest daily report, writes JSON and a summary; a warm cache rerun asks nothing', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'bundle-'));
  const cache = await startCacheService();
  // One RUNNER_TEMP for both runs, as on one runner (the cache is tied to the reports' paths).
  const env = { ...cache.env, RUNNER_TEMP: join(dir, 'runner-temp') };
  const inputs = {
    'issuer-id': key.issuerId, 'key-id': key.keyId, 'private-key': key.privatePem, 'api-base-url': emu.baseUrl,
    'vendor-number': '86000000', 'output-path': join(dir, 'report.json'),
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
