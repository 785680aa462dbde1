/**
 * 50 seeded runs with 10% of requests faulted (429 with Retry-After, 500/503, connections
 * dropped before or after the request is applied) all end in the clean run's final state, with
 * no localization or review detail created twice. The emulator's soak (`faults.random`) draws
 * each request's fault from the seed, the request and how many times it was sent, so
 * concurrency cannot change which requests fail: each run is deterministic. The clock is
 * virtual: nobody really waits.
 */
import {
  appStoreFixture,
  makeApps,
  type Emulator,
  type FaultChoice,
  type InjectedFault,
  type Seed,
} from '@asc-actions/asc-emulator';
import { harness } from './fixtures.js';
import { faultRuns, tree } from '../../../test-support/action-harness.js';

const APP = '1700000001';
const RUNS = faultRuns(); // FAULT_RUNS: 10 locally, 50 in CI
const RATE = 0.1;
const KINDS: FaultChoice[] = [
  { kind: 'rate-limit', retryAfter: '1' },
  { kind: 'status', status: 500 },
  { kind: 'status', status: 503 },
  { kind: 'drop-before' },
  { kind: 'drop-after' },
];

const seed = (): Seed => ({ apps: makeApps(1), appStore: [appStoreFixture(APP, { locales: 5 })] });

const metadata = tree({
  ...Object.fromEntries(
    ['en-US', 'ar-SA', 'bn-BD', 'ca', 'cs'].flatMap((l) => [
      [`${l}/description.txt`, `Description v2 (${l})`],
      [`${l}/subtitle.txt`, `Subtitle v2 ${l}`],
    ]),
  ),
  ...Object.fromEntries(
    ['da', 'de-DE', 'el'].flatMap((l) => [
      [`${l}/name.txt`, `App ${l}`],
      [`${l}/keywords.txt`, `k1,k2,${l}`],
    ]),
  ),
  'copyright.txt': '2026 Example',
  'secondary_category.txt': 'UTILITIES',
  'review_information/first_name.txt': 'Dana',
  'review_information/notes.txt': 'Tap "Skip" on the welcome screen.',
});

/** What the run leaves behind, in a form two runs can be compared by. */
function snapshot(emulator: Emulator): unknown {
  const s = emulator.state;
  const byLocale = (type: string, rel: string) =>
    s
      .all(type)
      .map((r) => ({ parent: s.relatedId(r, rel), locale: String(r.attributes.locale), attributes: r.attributes }))
      .sort((a, b) => `${a.parent} ${a.locale}`.localeCompare(`${b.parent} ${b.locale}`));
  return {
    versions: s
      .all('appStoreVersions')
      .map((v) => ({ id: v.id, ...v.attributes, review: s.relatedId(v, 'appStoreReviewDetail') ? 1 : 0 })),
    appInfos: s
      .all('appInfos')
      .map((i) => ({ id: i.id, state: i.attributes.state, secondary: s.relatedId(i, 'secondaryCategory') })),
    appInfoLocalizations: byLocale('appInfoLocalizations', 'appInfo'),
    versionLocalizations: byLocale('appStoreVersionLocalizations', 'appStoreVersion'),
    reviewDetails: s
      .all('appStoreReviewDetails')
      .map((r) => ({ version: s.relatedId(r, 'appStoreVersion'), ...r.attributes })),
  };
}

/** `drop-after POST /v1/appInfoLocalizations`, `status503 PATCH /v1/…?query`. */
const described = (f: InjectedFault): string =>
  `${f.kind}${f.status ?? ''} ${f.method} ${f.path}${f.query ? `?${f.query}` : ''}`;

function duplicates(emulator: Emulator): string[] {
  const s = emulator.state;
  const keys = [
    ...s.all('appInfoLocalizations').map((r) => `info ${s.relatedId(r, 'appInfo')} ${String(r.attributes.locale)}`),
    ...s
      .all('appStoreVersionLocalizations')
      .map((r) => `version ${s.relatedId(r, 'appStoreVersion')} ${String(r.attributes.locale)}`),
    ...s.all('appStoreReviewDetails').map((r) => `review ${s.relatedId(r, 'appStoreVersion')}`),
  ];
  return keys.filter((k, i) => keys.indexOf(k) !== i);
}

test(`${RUNS} seeded runs with ${RATE * 100}% faults end in the clean run's state, without duplicates`, async () => {
  const clean = await harness(seed());
  const cleanResult = await clean.run({ app: APP, 'metadata-path': metadata });
  expect(cleanResult.errors).toEqual([]);
  const expected = snapshot(clean.emulator);
  await clean.close();

  const injected: string[] = [];
  let requests = 0;
  for (let runSeed = 1; runSeed <= RUNS; runSeed++) {
    const h = await harness(seed());
    const log = h.emulator.faults.random({ seed: runSeed, rate: RATE, kinds: KINDS });
    // Besides the draw, every run loses the answer of a creation: the adopt path, every time.
    h.emulator.faults.add({ method: 'POST', path: '/v1/appStoreVersionLocalizations', kind: 'drop-after' });
    const result = await h.run({ app: APP, 'metadata-path': metadata });
    requests += h.emulator.requests.length;
    injected.push(...log.map(described));
    const context = `seed ${runSeed}, faults: ${log.map(described).join('; ')}`;
    expect([context, result.errors]).toEqual([context, []]);
    expect([context, duplicates(h.emulator)]).toEqual([context, []]);
    expect([context, snapshot(h.emulator)]).toEqual([context, expected]);
    expect(h.emulator.violations).toEqual([]);
    expect([context, h.emulator.faults.pending()]).toEqual([context, []]);
    await h.close();
  }
  // The faults really happened, at about the rate asked for.
  expect(injected.length / requests).toBeGreaterThan(0.05);
  expect(new Set(injected.map((f) => f.split(' ')[0]))).toEqual(
    new Set(['rate-limit', 'status500', 'status503', 'drop-before', 'drop-after']),
  );
}, 120_000);
