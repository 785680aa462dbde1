/**
 * 50 seeded runs with 10% of requests faulted (429, 500/503, connections dropped before or
 * after the request is applied — on the API and on the pre-signed upload URLs) all end with the
 * clean run's sets, and never two copies of one screenshot in a set. The emulator's soak
 * (`faults.random`) draws each request's fault from the seed, the request and how many times it
 * was sent: each run is deterministic.
 */
import { demoSeed, mediaControl, type Emulator, type FaultChoice, type InjectedFault } from '@asc-actions/asc-emulator';
import { harness } from './fixtures.js';
import { jpeg, png } from './media-files.js';
import { faultRuns, tree } from '../../../test-support/action-harness.js';

const RUNS = faultRuns(); // FAULT_RUNS: 10 locally, 50 in CI
const RATE = 0.1;
const API_KINDS: FaultChoice[] = [
  { kind: 'rate-limit', retryAfter: '1' },
  { kind: 'status', status: 500 },
  { kind: 'status', status: 503 },
  { kind: 'drop-before' },
  { kind: 'drop-after' },
];
// A pre-signed storage URL has no rate limit of App Store Connect's kind.
const UPLOAD_KINDS = API_KINDS.filter((k) => k.kind !== 'rate-limit');

const root = tree(
  Object.fromEntries(
    ['en-US', 'de-DE'].flatMap((locale) => [
      ...[1, 2, 3].map((i) => [`${locale}/0${i}.png`, png(1290, 2796, `${locale}-${i}`)]),
      [`${locale}/04.jpg`, jpeg(2064, 2752, `${locale}-ipad`)],
    ]),
  ),
  'asc-media-faults',
);
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

/** `drop-after PUT /__asset-uploads/…`, `status503 POST /v1/appScreenshots`. */
const described = (f: InjectedFault): string =>
  `${f.kind}${f.status ?? ''} ${f.method} ${f.path}${f.query ? `?${f.query}` : ''}`;

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
    const log = h.emulator.faults.random({
      seed: runSeed,
      rate: RATE,
      kinds: ({ pathname }) => (pathname.startsWith('/__asset-uploads/') ? UPLOAD_KINDS : API_KINDS),
    });
    const result = await h.run({ app: 'com.example.demo', 'metadata-path': metadata, 'screenshots-path': root });
    requests += h.emulator.requests.length;
    injected.push(...log.map(described));
    const context = `seed ${runSeed}, faults: ${log.map(described).join('; ')}`;
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
