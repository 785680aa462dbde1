/** Issue #13's points, each through the action against the emulator. */
import { APP_ID, MIN, PUBLIC_BETA, STAFF, baseSeed, world, type World } from './fixtures.js';

let w: World;
afterEach(async () => {
  expect(w.emulator.violations).toEqual([]);
  await w.close();
});

const processed = (buildNumber: string, extra = {}) => ({
  app: APP_ID,
  version: '1.4',
  buildNumber,
  uploadedDate: '2026-11-26T10:00:00Z',
  usesNonExemptEncryption: false,
  ...extra,
});
const base = { app: APP_ID, 'build-number': '42', 'test-notes': 'Try it.' };

test('1: a comma-separated tester list invites each address; nobody is named after an e-mail', async () => {
  w = await world(baseSeed({ builds: [processed('42')] }));
  const result = await w.run({
    ...base,
    groups: 'Public Beta',
    testers: 'carl@example.com,dora@example.com\nEve Ng <eve@example.com>',
  });
  expect(result.errors).toEqual([]);
  const made = w.emulator.state
    .all('betaTesters')
    .map((t) => [t.attributes.email, t.attributes.firstName ?? null, t.attributes.lastName ?? null]);
  expect(made).toEqual(
    expect.arrayContaining([
      ['carl@example.com', null, null],
      ['dora@example.com', null, null],
      ['eve@example.com', 'Eve', 'Ng'],
    ]),
  );
});

test('bad inputs: one clear error each, zero requests', async () => {
  w = await world(baseSeed({ builds: [processed('42')] }));
  const cases: Array<[Record<string, string>, RegExp]> = [
    [
      { testers: 'carl@example.com,Carl,dora@example.com' },
      /testers line 1: mixes several e-mail addresses with bare names/,
    ],
    [{ testers: 'carl@example' }, /testers line 1: "carl@example" is not an e-mail address/],
    [{ groups: 'Public Beta,,QA' }, /Input "groups" line 1: an empty group name/],
  ];
  for (const [extra, expected] of cases) {
    const result = await w.run({ ...base, groups: 'Public Beta', ...extra });
    expect(result.exitCode).toBe(1);
    expect(result.errors).toEqual([expect.stringMatching(expected)]);
  }
  expect(w.emulator.requests).toEqual([]);
});

test('2: "Public Beta, QA" is two groups, matched case-insensitively; a near miss gets "did you mean" and no write', async () => {
  w = await world({
    ...baseSeed({ builds: [processed('42')] }),
    betaGroups: [
      { id: STAFF, app: APP_ID, name: 'Staff', isInternalGroup: true },
      { id: PUBLIC_BETA, app: APP_ID, name: 'Public Beta' },
      { app: APP_ID, name: 'QA' },
    ],
  });
  const typo = await w.run({ ...base, groups: 'Public Beat' });
  expect(typo.errors).toEqual([
    expect.stringMatching(/No beta group "Public Beat" in Demo Notes\. Did you mean "Public Beta"\?/),
  ]);
  expect(typo.errors[0]).not.toContain('create-missing-groups');
  const loose = await w.run({ ...base, groups: 'public-beta', 'create-missing-groups': 'true' });
  expect(loose.errors).toEqual([expect.stringMatching(/Did you mean "Public Beta"/)]);
  expect(w.writes()).toEqual([]);
  const result = await w.run({ ...base, groups: 'public beta, qa' });
  expect(result.errors).toEqual([]);
  const build = w.emulator.state.all('builds')[0]!;
  expect(w.emulator.state.relatedIds(build, 'betaGroups')).toHaveLength(2);
  expect(w.writes().filter((l) => l.includes('relationships/betaGroups'))).toEqual([
    `POST /v1/builds/${build.id}/relationships/betaGroups`,
  ]);
  expect(w.emulator.state.betaGroups().map((g) => g.attributes.name)).toEqual(['Staff', 'Public Beta', 'QA']);
});

test("3: a typo'd build number fails after the listing grace period, listing the newer builds", async () => {
  w = await world(baseSeed({ builds: [processed('42'), processed('43', { uploadedDate: '2026-11-26T11:00:00Z' })] }));
  const result = await w.run({ ...base, 'build-number': '41', groups: 'Public Beta', 'listing-grace-period': '10m' });
  expect(result.exitCode).toBe(1);
  expect(result.errors[0]).toMatch(
    /build 41 \(IOS\) is not listed after 10 min \(listing-grace-period\), while newer builds are: 1\.4 \(43\), 1\.4 \(42\)/,
  );
  expect(result.stdout).toMatch(/build 41 \(IOS\) is not listed yet; newest listed: 1\.4 \(43\), 1\.4 \(42\)/);
  expect(w.clock.now() - Date.parse('2026-11-26T12:00:00Z')).toBeLessThan(15 * MIN);
  expect(w.writes()).toEqual([]);
});

test('4: missing What to Test for an external group is one error naming test-notes; internal groups alone are not submitted', async () => {
  w = await world(baseSeed({ builds: [processed('42')] }));
  const result = await w.run({ app: APP_ID, 'build-number': '42', groups: 'Public Beta' });
  expect(result.errors).toEqual([
    expect.stringMatching(/Input "test-notes": beta review of an external group needs What to Test/),
  ]);
  expect(result.stdout).toMatch(/::error title=.*::Input "test-notes"|::error::Input "test-notes"/);
  const internal = await w.run({ app: APP_ID, 'build-number': '42', groups: 'Staff' });
  expect(internal.errors).toEqual([]);
  expect(internal.outputs['beta-review-state']).toBe('NOT_SUBMITTED');
});

test('5: a batch Apple refuses as too large is halved; existing members come from the e-mail lookup', async () => {
  const testers = Array.from({ length: 12 }, (_, i) => ({ email: `old${i}@example.com`, apps: [APP_ID] }));
  w = await world(baseSeed({ builds: [processed('42')], betaTesters: testers, testerBatchLimit: 5 }));
  const result = await w.run({ ...base, groups: 'Public Beta', testers: testers.map((t) => t.email).join(', ') });
  expect(result.errors).toEqual([]);
  const sizes = w.emulator.requests
    .filter((r) => r.method === 'POST' && r.path === `/v1/betaGroups/${PUBLIC_BETA}/relationships/betaTesters`)
    .map((r) => [(r.requestBody as { data: unknown[] }).data.length, r.status]);
  expect(sizes).toEqual([
    [12, 422],
    [6, 422],
    [3, 204],
    [3, 204],
    [6, 422],
    [3, 204],
    [3, 204],
  ]);
  expect(
    w.emulator.transcript().filter((l) => l.includes('/relationships/betaTesters') && l.startsWith('GET')),
  ).toEqual([]);
});

test('5: the build goes to all groups in one request, leaving out the internal all-builds group (Apple answers 422 for it)', async () => {
  w = await world(baseSeed({ builds: [processed('42')] }));
  const build = w.emulator.state.all('builds')[0]!;
  const result = await w.run({ ...base, groups: 'Staff, Public Beta' });
  expect(result.errors).toEqual([]);
  const body = w.emulator.requests.find(
    (r) => r.path === `/v1/builds/${build.id}/relationships/betaGroups` && r.status === 204,
  )?.requestBody as { data: Array<{ id: string }> };
  expect(body.data.map((d) => d.id)).toEqual([PUBLIC_BETA]);
});

test('6: plain test notes go to the localization Apple made in the primary locale (de-DE), never a new en-US one', async () => {
  w = await world({
    ...baseSeed({
      betaAppLocalizations: [
        { app: APP_ID, locale: 'de-DE', description: 'Notizen.', feedbackEmail: 'beta@example.com' },
      ],
      builds: [processed('42')],
    }),
    apps: [{ id: APP_ID, name: 'Demo Notes', bundleId: 'com.example.demo', primaryLocale: 'de-DE' }],
  });
  expect(w.emulator.state.all('betaBuildLocalizations').map((l) => l.attributes.locale)).toEqual(['de-DE']);
  const result = await w.run({ ...base, groups: 'Public Beta', 'test-notes': 'Probier den Abgleich.' });
  expect(result.errors).toEqual([]);
  expect(
    w.emulator.state.all('betaBuildLocalizations').map((l) => [l.attributes.locale, l.attributes.whatsNew]),
  ).toEqual([['de-DE', 'Probier den Abgleich.']]);
});

test('8: beta test information is written from inputs; readiness counts what is written', async () => {
  w = await world(
    baseSeed({
      builds: [processed('42')],
      betaAppLocalizations: [{ app: APP_ID, locale: 'en-US' }],
      betaAppReviewDetails: [{ app: APP_ID }],
    }),
  );
  const info = {
    'beta-description': 'Notes, synced.',
    'feedback-email': 'beta@example.com',
    'review-contact-first-name': 'Riley',
    'review-contact-last-name': 'Reviewer',
    'review-contact-phone': '+1 555 0100',
    'review-contact-email': 'review@example.com',
  };
  const missing = await w.run({ ...base, groups: 'Public Beta', 'beta-description': 'Notes, synced.' });
  expect(missing.errors[0]!.replace(/%0A/g, '\n')).toMatch(
    /missing 2 items:\n {2}- feedback e-mail \(en-US\): set feedback-email[^\n]*\n {2}- Beta App Review contact first name, last name, phone, e-mail: set review-contact-first-name/,
  );
  expect(w.writes()).toEqual([]);
  const result = await w.run({ ...base, groups: 'Public Beta', ...info });
  expect(result.errors).toEqual([]);
  expect(w.emulator.state.all('betaAppLocalizations')[0]!.attributes).toMatchObject({
    description: 'Notes, synced.',
    feedbackEmail: 'beta@example.com',
  });
  expect(w.emulator.state.get('betaAppReviewDetails', APP_ID)!.attributes).toMatchObject({
    contactFirstName: 'Riley',
    contactPhone: '+1 555 0100',
  });
  expect(result.outputs['beta-review-state']).toBe('WAITING_FOR_REVIEW');
  const before = w.writes().length;
  expect((await w.run({ ...base, groups: 'Public Beta', ...info })).errors).toEqual([]);
  expect(w.writes().length).toBe(before);
});

test('9: notify-testers with auto-notify off sends one notification per build, none on a rerun', async () => {
  w = await world(baseSeed({ builds: [processed('42', { autoNotifyEnabled: false })] }));
  const inputs = { ...base, groups: 'Staff, Public Beta', 'notify-testers': 'true' };
  expect((await w.run(inputs)).errors).toEqual([]);
  expect((await w.run(inputs)).errors).toEqual([]);
  expect(w.emulator.state.all('buildBetaNotifications')).toHaveLength(1);
  expect(w.writes().filter((l) => l === 'POST /v1/buildBetaNotifications')).toHaveLength(1);
});

test('10: build-id hands the build over without a lookup', async () => {
  w = await world(baseSeed({ builds: [processed('42'), processed('43')] }));
  const build = w.emulator.state.all('builds')[1]!;
  const result = await w.run({ app: APP_ID, 'build-id': build.id, groups: 'Staff' });
  expect(result.errors).toEqual([]);
  expect(result.outputs['build-id']).toBe(build.id);
  expect(w.emulator.transcript().filter((l) => l.startsWith('GET /v1/builds?'))).toEqual([]);
  const both = await w.run({ app: APP_ID, 'build-id': build.id, 'build-number': '43', groups: 'Staff' });
  expect(both.errors).toEqual([expect.stringMatching(/"build-id" and "build-number" are both set/)]);
});
