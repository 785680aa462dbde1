import { WallClock } from '../../../test-support/wall-clock.js';
import { APP_ID, PUBLIC_BETA, baseSeed, world, type World } from './fixtures.js';

let w: World;
afterEach(async () => {
  expect(w.emulator.violations).toEqual([]);
  await w.close();
});

test('the bundle runs as a child process the way the runner runs it', async () => {
  const uploaded = new Date(Date.now() - 60 * 60_000).toISOString();
  // The bundle keeps the system's time: so does the emulator.
  w = await world(
    baseSeed({
      builds: [
        { app: APP_ID, version: '1.4', buildNumber: '42', uploadedDate: uploaded, usesNonExemptEncryption: false },
      ],
    }),
    new WallClock(),
  );
  const result = await w.runBundle({
    app: 'com.example.demo',
    'build-number': '42',
    groups: 'Public Beta',
    testers: 'grace@example.com,Grace,Hopper',
    'test-notes': 'Try the new sync.',
  });
  expect(result.stderr).toBe('');
  expect(result.errors).toEqual([]);
  expect(result.exitCode).toBe(0);
  expect(result.outputs).toMatchObject({
    'processing-state': 'VALID',
    'testers-added': '1',
    'beta-review-state': 'WAITING_FOR_REVIEW',
  });
  expect(JSON.parse(result.outputs.groups!)).toEqual({
    'Public Beta': { id: PUBLIC_BETA, added: true, internal: false, created: false },
  });
  expect(result.summary).toContain('TestFlight: Demo Notes 1.4 (42)');
});

test('issue #13 through the bundle: build-id, typed lists, case-insensitive groups, one build→groups request, primary-locale notes, test information, one notification', async () => {
  const uploaded = new Date(Date.now() - 60 * 60_000).toISOString();
  const seed = baseSeed({
    builds: [
      {
        app: APP_ID,
        version: '1.4',
        buildNumber: '42',
        uploadedDate: uploaded,
        usesNonExemptEncryption: false,
        autoNotifyEnabled: false,
      },
    ],
    betaAppLocalizations: [{ app: APP_ID, locale: 'de-DE', description: 'Notizen.' }],
  });
  w = await world(
    { ...seed, apps: [{ id: APP_ID, name: 'Demo Notes', bundleId: 'com.example.demo', primaryLocale: 'de-DE' }] },
    new WallClock(),
  );
  const emu = w.emulator;
  const build = emu.state.all('builds')[0]!;
  const inputs = {
    app: 'com.example.demo',
    'build-id': build.id,
    groups: 'staff, public beta',
    testers: 'carl@example.com,dora@example.com\nEve Ng <eve@example.com>',
    'test-notes': 'Probier den Abgleich.',
    'feedback-email': 'beta@example.com',
    'notify-testers': 'true',
  };
  const bad = await w.runBundle({ ...inputs, testers: 'carl@example.com,Carl,dora@example.com' });
  expect(bad.errors).toEqual([expect.stringMatching(/testers line 1: mixes several e-mail addresses with bare names/)]);
  expect(emu.requests).toEqual([]);
  const result = await w.runBundle(inputs);
  expect(result.errors).toEqual([]);
  expect(result.outputs).toMatchObject({
    'build-id': build.id,
    'testers-added': '3',
    'beta-review-state': 'WAITING_FOR_REVIEW',
  });
  const writes = emu.transcript().filter((l) => !l.startsWith('GET '));
  expect(writes.filter((l) => l.includes('relationships/betaGroups') || l.includes('relationships/builds'))).toEqual([
    `POST /v1/builds/${build.id}/relationships/betaGroups`,
  ]);
  expect(emu.transcript().filter((l) => l.startsWith('GET /v1/builds?limit=200&filter[app]='))).toEqual([]); // no build lookup
  expect(emu.state.all('betaBuildLocalizations').map((l) => [l.attributes.locale, l.attributes.whatsNew])).toEqual([
    ['de-DE', 'Probier den Abgleich.'],
  ]);
  expect(emu.state.all('betaAppLocalizations')[0]!.attributes.feedbackEmail).toBe('beta@example.com');
  expect(emu.state.all('betaTesters').map((t) => t.attributes.email)).toEqual(
    expect.arrayContaining(['carl@example.com', 'dora@example.com', 'eve@example.com']),
  );
  const again = await w.runBundle(inputs);
  expect(again.errors).toEqual([]);
  expect(emu.state.all('buildBetaNotifications')).toHaveLength(1);
  expect(emu.transcript().filter((l) => !l.startsWith('GET '))).toEqual(writes);
}, 60_000);
