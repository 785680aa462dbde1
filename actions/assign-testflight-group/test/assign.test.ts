import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { APP_ID, PUBLIC_BETA, STAFF, baseSeed, world, type World } from './fixtures.js';

let w: World;
afterEach(async () => {
  expect(w.emulator.violations).toEqual([]);
  await w.close();
});

const processed = (version: string, buildNumber: string, extra = {}) => ({
  app: APP_ID,
  version,
  buildNumber,
  uploadedDate: '2026-11-26T10:00:00Z',
  usesNonExemptEncryption: false,
  ...extra,
});

test('version aliases: 1.2.0 finds the 1.2 train and 07 finds build 7; a bare 7 in two versions is an error listing both', async () => {
  w = await world(
    baseSeed({ builds: [processed('1.2', '7'), processed('1.3', '7', { uploadedDate: '2026-11-26T11:00:00Z' })] }),
  );
  const picked = await w.run({
    app: APP_ID,
    version: '1.2.0',
    'build-number': '07',
    groups: 'Staff',
    'submit-for-beta-review': 'false',
  });
  expect(picked.errors).toEqual([]);
  const [b12] = w.emulator.state.all('builds');
  expect(picked.outputs['build-id']).toBe(b12!.id);
  expect(JSON.parse(picked.outputs.result!).build).toMatchObject({ version: '1.2', buildNumber: '7' });

  const ambiguous = await w.run({ app: APP_ID, 'build-number': '7', groups: 'Public Beta' });
  expect(ambiguous.exitCode).toBe(1);
  expect(ambiguous.errors[0]).toMatch(
    /build 7 \(IOS\) matches 2 builds: 1\.3 \(7\) uploaded .*; 1\.2 \(7\) uploaded .*Set "version"/,
  );
  expect(w.writes()).toEqual([]);
});

test('without build-number the newest build (of the version) is used', async () => {
  w = await world(
    baseSeed({
      builds: [
        processed('1.2', '7'),
        processed('1.3', '8', { uploadedDate: '2026-11-26T11:00:00Z' }),
        processed('1.2', '9', { uploadedDate: '2026-11-26T10:30:00Z' }),
      ],
    }),
  );
  const result = await w.run({
    app: 'com.example.demo',
    version: '1.2',
    groups: 'Staff',
    'submit-for-beta-review': 'false',
  });
  expect(result.errors).toEqual([]);
  expect(JSON.parse(result.outputs.result!).build).toMatchObject({ version: '1.2', buildNumber: '9' });
});

test('an unknown group is an error that lists the groups there are, before any write', async () => {
  w = await world(baseSeed({ builds: [processed('1.4', '42')] }));
  const result = await w.run({
    app: APP_ID,
    'build-number': '42',
    groups: 'Public Beta\nNightly <QA>',
    testers: 'grace@example.com',
    'test-notes': 'x',
  });
  expect(result.exitCode).toBe(1);
  expect(result.errors[0]).toContain('No beta group "Nightly <QA>" in Demo Notes (its groups: "Staff", "Public Beta")');
  expect(result.errors[0]).toContain('create-missing-groups: true');
  expect(STAFF).toBeTruthy();
  expect(w.writes()).toEqual([]);
});

test('create-missing-groups creates the group (once), then adds the build and the testers', async () => {
  w = await world(baseSeed({ builds: [processed('1.4', '42')] }));
  const inputs = {
    app: APP_ID,
    'build-number': '42',
    groups: 'Nightly',
    'create-missing-groups': 'true',
    testers: 'ada@example.com\nlinus@example.com',
    'test-notes': 'x',
  };
  const result = await w.run(inputs);
  expect(result.errors).toEqual([]);
  const nightly = w.emulator.state.betaGroups().find((g) => g.attributes.name === 'Nightly')!;
  expect(nightly.attributes.isInternalGroup).toBe(false);
  const build = w.emulator.state.all('builds')[0]!;
  expect(w.writes()).toEqual([
    expect.stringMatching(/^PATCH \/v1\/betaBuildLocalizations\//),
    'POST /v1/betaGroups',
    `POST /v1/builds/${build.id}/relationships/betaGroups`,
    'POST /v1/betaTesters',
    `POST /v1/betaGroups/${nightly.id}/relationships/betaTesters`,
    'POST /v1/betaAppReviewSubmissions',
  ]);
  expect(JSON.parse(result.outputs.groups!)).toEqual({
    Nightly: { id: nightly.id, added: true, internal: false, created: true },
  });
  expect(result.outputs['testers-added']).toBe('2');
  const before = w.writes().length;
  expect((await w.run(inputs)).exitCode).toBe(0);
  expect(w.writes().length).toBe(before);
});

test('testers partly existing: new ones invited, existing ones added in one batch, a 409 read back and counted, nobody twice', async () => {
  w = await world(
    baseSeed({
      builds: [processed('1.4', '42', { betaGroups: [PUBLIC_BETA] })],
      betaTesters: [
        { email: 'ada@example.com', firstName: 'Ada', betaGroups: [PUBLIC_BETA] },
        { email: 'grace@example.com', firstName: 'Grace' },
        { email: 'Edsger@Example.com', firstName: 'Edsger' },
      ],
    }),
  );
  // Linus's invitation is applied but its answer is lost: the retry meets "already exists" (409).
  w.emulator.faults.add({ method: 'POST', path: '/v1/betaTesters', kind: 'drop-after' });
  const testers =
    'ada@example.com\ngrace@example.com\nedsger@example.com\nlinus@example.com,Linus,Torvalds\nGRACE@example.com';
  const result = await w.run({ app: APP_ID, 'build-number': '42', groups: 'Public Beta', testers, 'test-notes': 'x' });
  expect(result.errors).toEqual([]);
  expect(result.outputs).toMatchObject({ 'testers-added': '3', 'testers-already-present': '1' });
  const creates = w.emulator.requests
    .filter((r) => r.method === 'POST' && r.path === '/v1/betaTesters')
    .map((r) => r.status);
  expect(creates).toEqual([0, 409]);
  expect(result.stdout).toContain('linus@example.com already exists in App Store Connect (409)');
  const batches = w.emulator.requests.filter(
    (r) => r.path === `/v1/betaGroups/${PUBLIC_BETA}/relationships/betaTesters` && r.method === 'POST',
  );
  expect(batches.map((r) => (r.requestBody as { data: unknown[] }).data.length)).toEqual([2]);
  const members = w.emulator.state
    .all('betaTesters')
    .filter((t) => w.emulator.state.relatedIds(t, 'betaGroups').includes(PUBLIC_BETA));
  expect(members.map((t) => String(t.attributes.email).toLowerCase()).sort()).toEqual([
    'ada@example.com',
    'edsger@example.com',
    'grace@example.com',
    'linus@example.com',
  ]);
  expect(w.emulator.state.all('betaTesters')).toHaveLength(4);
});

test('readiness: three missing items are reported at once, before any write', async () => {
  w = await world(
    baseSeed({
      builds: [processed('1.4', '42')],
      betaAppLocalizations: [{ app: APP_ID, locale: 'en-US', feedbackEmail: 'beta@example.com' }],
      betaAppReviewDetails: [
        {
          app: APP_ID,
          contactFirstName: 'Riley',
          contactLastName: 'Reviewer',
          contactEmail: 'review@example.com',
          demoAccountRequired: true,
        },
      ],
    }),
  );
  const result = await w.run({
    app: APP_ID,
    'build-number': '42',
    groups: 'Public Beta',
    'test-notes': 'x',
    testers: 'grace@example.com',
  });
  expect(result.exitCode).toBe(1);
  expect(result.errors).toHaveLength(1);
  const message = result.errors[0]!.replace(/%0A/g, '\n');
  expect(message).toContain('App Store Connect is missing 3 items');
  expect(message).toContain('Beta App Description (en-US)');
  expect(message).toContain('Beta App Review contact phone');
  expect(message).toContain('demo account user name and password (sign-in is marked as required)');
  expect(w.writes()).toEqual([]);
});

test('another build of the version waiting for review: an error, or expired when asked', async () => {
  w = await world(
    baseSeed({
      builds: [
        processed('1.4', '41', { betaReviewState: 'WAITING_FOR_REVIEW', whatsNew: { 'en-US': 'old' } }),
        processed('1.4.0', '42', { uploadedDate: '2026-11-26T11:00:00Z' }),
      ],
    }),
  );
  const inputs = { app: APP_ID, 'build-number': '42', groups: 'Public Beta', 'test-notes': 'new' };
  const refused = await w.run(inputs);
  expect(refused.exitCode).toBe(1);
  expect(refused.errors[0]).toMatch(
    /Build 41 of this version is WAITING_FOR_REVIEW; .*expire-build-waiting-for-review: true/,
  );
  expect(w.writes()).toEqual([]);
  const result = await w.run({ ...inputs, 'expire-build-waiting-for-review': 'true' });
  expect(result.errors).toEqual([]);
  const [old, build] = w.emulator.state.all('builds');
  expect(w.writes()).toEqual([
    expect.stringMatching(/^PATCH \/v1\/betaBuildLocalizations\//),
    `POST /v1/builds/${build!.id}/relationships/betaGroups`,
    `PATCH /v1/builds/${old!.id}`,
    'POST /v1/betaAppReviewSubmissions',
  ]);
  expect(old!.attributes.expired).toBe(true);
  expect(result.outputs['build-id']).toBe(build!.id);
  expect(result.outputs['beta-review-state']).toBe('WAITING_FOR_REVIEW');
});

test('dry run: the plan in the log, summary and outputs; nothing written, no waiting', async () => {
  w = await world(baseSeed({ builds: [processed('1.4', '42')] }));
  const result = await w.run({
    app: APP_ID,
    'build-number': '42',
    groups: 'Staff\nPublic Beta',
    testers: 'ada@example.com\ngrace@example.com',
    'test-notes': 'x',
    'notify-testers': 'false',
    'dry-run': 'true',
  });
  expect(result.errors).toEqual([]);
  expect(w.writes()).toEqual([]);
  expect(result.stdout).toContain('Plan (5 steps):');
  expect(result.stdout).toContain('  - invite grace@example.com into "Public Beta"');
  expect(result.outputs).toMatchObject({
    'testers-added': '1',
    'testers-already-present': '1',
    'beta-review-state': 'WOULD_SUBMIT',
  });
  expect(JSON.parse(result.outputs.result!)).toMatchObject({
    dryRun: true,
    steps: expect.arrayContaining(['turn automatic tester notification off', 'submit the build for beta review']),
  });
  expect(result.summary).toContain('Dry run: nothing was changed');

  const pending = await w.run({
    app: APP_ID,
    'build-number': '43',
    groups: 'Public Beta',
    'test-notes': 'x',
    'dry-run': 'true',
  });
  expect(pending.errors).toEqual([]);
  expect(pending.outputs['build-id']).toBe('');
  expect(pending.summary).toContain('build 43 (IOS) is not listed yet (a dry run does not wait)');
  expect(w.clock.slept).toBe(0);
  expect(w.writes()).toEqual([]);
});

test('bad inputs fail with one message naming the input or file and line, before any request', async () => {
  w = await world(baseSeed());
  // Files are read only inside the workspace (core's safe reader): the file goes in the harness's.
  const dir = w.workspace;
  writeFileSync(
    join(dir, 'testers.csv'),
    'First,Last,Email\nAda,Lovelace,ada@example.com\nGrace,Hopper,grace(at)example.com\n',
  );
  const cases: Array<[Record<string, string>, RegExp]> = [
    [{ 'test-notes': 'é'.repeat(4001) }, /test-notes: the test notes have 4001 characters; Apple allows at most 4000/],
    [{ 'test-notes': '{"en-US": "ok", "english": "x"}' }, /"english" is not a locale code/],
    [{ testers: 'ada@example.com\nnot-an-email' }, /testers line 2: expected an e-mail address/],
    [
      { 'testers-file': join(dir, 'testers.csv') },
      /testers\.csv line 3: the email column holds "grace\(at\)example\.com"/,
    ],
    [{ testers: 'a@example.com', 'testers-file': 'x.csv' }, /"testers" and "testers-file" are both set/],
    [{ 'build-number': '42b' }, /"build-number" must be numbers separated by dots/],
    [{ 'processing-timeout': 'soon' }, /"processing-timeout" must be a duration/],
    [{ platform: 'android' }, /"platform" must be one of IOS \(default\), MAC_OS, TV_OS, VISION_OS/],
    [
      { 'submit-for-beta-review': 'atuo' },
      /"submit-for-beta-review" must be one of true, false, auto \(default\) .*; got "atuo"\. Did you mean auto\?$/,
    ],
  ];
  for (const [extra, expected] of cases) {
    const result = await w.run({ app: APP_ID, groups: 'Public Beta', ...extra });
    expect(result.exitCode).toBe(1);
    expect(result.errors).toEqual([expect.stringMatching(expected)]);
  }
  const fromFile = await w.run({ app: APP_ID, groups: 'Public Beta', 'testers-file': join(dir, 'testers.csv') });
  expect(fromFile.stdout).toMatch(/::error file=.*testers\.csv,line=3::/);
  expect(w.emulator.requests).toEqual([]);
});

test('testers into internal groups only is refused: internal groups take App Store Connect users', async () => {
  w = await world(baseSeed({ builds: [processed('1.4', '42')] }));
  const result = await w.run({ app: APP_ID, 'build-number': '42', groups: STAFF, testers: 'grace@example.com' });
  expect(result.exitCode).toBe(1);
  expect(result.errors[0]).toMatch(/every group in "groups" is internal/);
  expect(w.writes()).toEqual([]);
});

test('a failure mid-apply says what was applied and what not; a rerun does only the rest', async () => {
  w = await world(baseSeed({ builds: [processed('1.4', '42')] }));
  w.emulator.faults.add({ method: 'POST', path: '/v1/betaTesters', kind: 'status', status: 403 });
  const inputs = {
    app: APP_ID,
    'build-number': '42',
    groups: 'Public Beta',
    testers: 'grace@example.com',
    'test-notes': 'x',
  };
  const failed = await w.run(inputs);
  expect(failed.exitCode).toBe(1);
  expect(failed.errors).toEqual([expect.stringMatching(/POST \/v1\/betaTesters answered 403.*App Manager role/)]);
  expect(failed.stdout).toContain(
    '::warning::Stopped while trying to invite grace@example.com into "Public Beta". Applied: update What to Test (en-US); add the build to "Public Beta". Not applied: invite grace@example.com into "Public Beta"; submit the build for beta review.',
  );
  expect(failed.summary).toContain('<strong>Stopped:</strong>');
  const before = w.writes().length;
  const rerun = await w.run(inputs);
  expect(rerun.errors).toEqual([]);
  expect(w.writes().slice(before)).toEqual(['POST /v1/betaTesters', 'POST /v1/betaAppReviewSubmissions']);
});

test("notify-testers sets the build's automatic notification once; internal groups alone need no review", async () => {
  w = await world(baseSeed({ builds: [processed('1.4', '42')] }));
  const inputs = { app: APP_ID, 'build-number': '42', groups: 'Staff', 'notify-testers': 'false' };
  const result = await w.run(inputs);
  expect(result.errors).toEqual([]);
  const build = w.emulator.state.all('builds')[0]!;
  expect(w.writes()).toEqual([`PATCH /v1/buildBetaDetails/${build.id}`]);
  expect(w.emulator.state.get('buildBetaDetails', build.id)?.attributes.autoNotifyEnabled).toBe(false);
  expect(result.outputs['beta-review-state']).toBe('NOT_SUBMITTED');
  expect((await w.run(inputs)).exitCode).toBe(0);
  expect(w.writes()).toHaveLength(1);
});
