/**
 * 50 seeded runs with 10% of requests faulted (429, 500/503, connections dropped before or
 * after the request is applied — on the API and on the pre-signed upload URLs) all end with the
 * clean run's sets, and never two copies of one screenshot in a set. A fault is chosen by
 * hashing the seed, the request and how many times it was sent: each run is deterministic.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { demoSeed, mediaControl, type Emulator, type FaultSpec } from '@asc-actions/asc-emulator';
import { harness, tree } from './support.js';
import { faultyFetch } from './faulty-fetch.js';
import { jpeg, png } from './media-files.js';
import { faultRuns } from '../../../test-support/action-harness.js';

const RUNS = faultRuns(); // FAULT_RUNS: 10 locally, 50 in CI
const RATE = 0.1;
const API_KINDS: Array<Omit<FaultSpec, 'method' | 'path'>> = [
  { kind: 'rate-limit', retryAfter: '1' },
  { kind: 'status', status: 500 },
  { kind: 'status', status: 503 },
  { kind: 'drop-before' },
  { kind: 'drop-after' },
];
// A pre-signed storage URL has no rate limit of App Store Connect's kind.
const UPLOAD_KINDS = API_KINDS.filter((k) => k.kind !== 'rate-limit');

const root = mkdtempSync(join(tmpdir(), 'asc-media-faults-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const put = (path: string, bytes: Buffer) => {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), bytes);
};
for (const locale of ['en-US', 'de-DE']) {
  for (const i of [1, 2, 3]) put(`${locale}/0${i}.png`, png(1290, 2796, `${locale}-${i}`));
  put(`${locale}/04.jpg`, jpeg(2064, 2752, `${locale}-ipad`));
}
const metadata = tree({ 'en-US/name.txt': 'Demo Notes' });
const seed = () => demoSeed(Date.parse('2026-11-26T12:00:00Z'));

/** Per localization and display type: file names, checksums and states, in order. */
function sets(emulator: Emulator): Record<string, string[]> {
  const s = emulator.state;
  const out: Record<string, string[]> = {};
  for (const set of s.all('appScreenshotSets')) {
    const loc = s.get('appStoreVersionLocalizations', s.relatedId(set, 'appStoreVersionLocalization') ?? '');
    out[`${String(loc?.attributes.locale)} ${String(set.attributes.screenshotDisplayType)}`] = s
      .relatedIds(set, 'appScreenshots')
      .map((id) => {
        const a = s.get('appScreenshots', id)!.attributes;
        return `${String(a.fileName)} ${String(a.sourceFileChecksum)} ${(a.assetDeliveryState as { state: string }).state}`;
      });
  }
  return out;
}

function duplicates(emulator: Emulator): string[] {
  const s = emulator.state;
  const keys = [
    ...s.all('appScreenshots').map((a) => `${s.relatedId(a, 'appScreenshotSet')} ${String(a.attributes.fileName)}`),
    ...s
      .all('appScreenshotSets')
      .map(
        (set) => `${s.relatedId(set, 'appStoreVersionLocalization')} ${String(set.attributes.screenshotDisplayType)}`,
      ),
  ];
  return keys.filter((k, i) => keys.indexOf(k) !== i);
}

test(`${RUNS} seeded runs with ${RATE * 100}% faults end with the clean run's sets, never two copies of a screenshot`, async () => {
  const clean = await harness(seed());
  mediaControl(clean.emulator.state).partSize = 64;
  const cleanResult = await clean.run({ app: 'com.example.demo', 'metadata-path': metadata, 'screenshots-path': root });
  expect(cleanResult.errors).toEqual([]);
  const expected = sets(clean.emulator);
  expect(Object.keys(expected).sort()).toEqual([
    'de-DE APP_IPAD_PRO_3GEN_129',
    'de-DE APP_IPHONE_67',
    'en-US APP_IPAD_PRO_3GEN_129',
    'en-US APP_IPHONE_67',
  ]);
  await clean.close();

  const injected: string[] = [];
  let requests = 0;
  for (let runSeed = 1; runSeed <= RUNS; runSeed++) {
    const h = await harness(seed());
    mediaControl(h.emulator.state).partSize = 64;
    const before = injected.length;
    const result = await h.run(
      { app: 'com.example.demo', 'metadata-path': metadata, 'screenshots-path': root },
      {
        deps: {
          fetch: faultyFetch(h.emulator, runSeed, injected, RATE, (url) =>
            url.pathname.startsWith('/__asset-uploads/') ? UPLOAD_KINDS : API_KINDS,
          ),
        },
      },
    );
    requests += h.emulator.requests.length;
    const context = `seed ${runSeed}, faults: ${injected.slice(before).join('; ')}`;
    expect([context, result.errors]).toEqual([context, []]);
    expect([context, duplicates(h.emulator)]).toEqual([context, []]);
    expect([context, sets(h.emulator)]).toEqual([context, expected]);
    expect(h.emulator.violations).toEqual([]);
    expect(mediaControl(h.emulator.state).puts.filter((p) => p.hadAuthorization)).toEqual([]);
    await h.close();
  }
  expect(injected.length / requests).toBeGreaterThan(0.05);
  expect(injected.some((f) => f.startsWith('drop-after POST /v1/appScreenshots'))).toBe(true);
  expect(injected.some((f) => f.startsWith('drop-after PUT /__asset-uploads/'))).toBe(true);
}, 180_000);
