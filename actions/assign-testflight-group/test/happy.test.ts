import { APP_ID, PUBLIC_BETA, STAFF, baseSeed, world, type World } from './fixtures.js';

let w: World;
afterEach(async () => {
  expect(w.emulator.violations).toEqual([]);
  await w.close();
});

test('happy path: notes, groups, testers and beta review as one transcript; a rerun writes nothing', async () => {
  w = await world(
    baseSeed({
      builds: [
        {
          app: APP_ID,
          version: '1.4',
          buildNumber: '42',
          uploadedDate: '2026-11-26T11:00:00Z',
          usesNonExemptEncryption: false,
        },
      ],
    }),
  );
  const inputs = {
    app: 'com.example.demo',
    'build-number': '42',
    groups: 'Staff\nPublic Beta',
    testers: 'ada@example.com\ngrace@example.com,Grace,Hopper',
    'test-notes': 'Try the new sync.',
  };
  const result = await w.run(inputs);
  expect(result.errors).toEqual([]);
  expect(result.exitCode).toBe(0);
  const build = w.emulator.state.all('builds')[0]!;
  expect(w.emulator.transcript()).toEqual([
    'GET /v1/apps?limit=200&filter[bundleId]=com.example.demo',
    `GET /v1/builds?limit=200&filter[app]=${APP_ID}&filter[preReleaseVersion.platform]=IOS&filter[expired]=false&sort=-uploadedDate&include=preReleaseVersion&fields[builds]=version,uploadedDate,processingState,expired,usesNonExemptEncryption,preReleaseVersion&fields[preReleaseVersions]=version,platform`,
    `GET /v1/builds/${build.id}/buildBetaDetail`,
    `GET /v1/builds/${build.id}?fields[builds]=betaGroups,betaBuildLocalizations,betaAppReviewSubmission&include=betaGroups,betaBuildLocalizations,betaAppReviewSubmission&fields[betaGroups]=name&limit[betaGroups]=50&limit[betaBuildLocalizations]=50`,
    `GET /v1/betaGroups?limit=200&filter[app]=${APP_ID}&fields[betaGroups]=name,isInternalGroup,hasAccessToAllBuilds`,
    'GET /v1/betaTesters?limit=200&filter[email]=ada@example.com,grace@example.com&fields[betaTesters]=email,betaGroups&include=betaGroups&fields[betaGroups]=name&limit[betaGroups]=50',
    `GET /v1/apps/${APP_ID}/betaAppLocalizations?limit=200`,
    `GET /v1/apps/${APP_ID}/betaAppReviewDetail`,
    expect.stringMatching(
      /^GET \/v1\/builds\?limit=200&filter\[preReleaseVersion\]=.*&filter\[betaAppReviewSubmission\.betaReviewState\]=WAITING_FOR_REVIEW,IN_REVIEW/,
    ),
    expect.stringMatching(/^PATCH \/v1\/betaBuildLocalizations\//),
    `POST /v1/builds/${build.id}/relationships/betaGroups`,
    'POST /v1/betaTesters',
    'POST /v1/betaAppReviewSubmissions',
    `GET /v1/builds/${build.id}?fields[builds]=betaGroups,betaBuildLocalizations,betaAppReviewSubmission&include=betaGroups,betaBuildLocalizations,betaAppReviewSubmission&fields[betaGroups]=name&limit[betaGroups]=50&limit[betaBuildLocalizations]=50`,
    'GET /v1/betaTesters?limit=200&filter[email]=ada@example.com,grace@example.com&fields[betaTesters]=email,betaGroups&include=betaGroups&fields[betaGroups]=name&limit[betaGroups]=50',
  ]);
  expect(w.emulator.requests.find((r) => r.path === '/v1/betaTesters' && r.method === 'POST')?.requestBody).toEqual({
    data: {
      type: 'betaTesters',
      attributes: { email: 'grace@example.com', firstName: 'Grace', lastName: 'Hopper' },
      relationships: { betaGroups: { data: [{ type: 'betaGroups', id: PUBLIC_BETA }] } },
    },
  });
  expect(result.outputs).toMatchObject({
    'build-id': build.id,
    'processing-state': 'VALID',
    'testers-added': '1',
    'testers-already-present': '1',
    'beta-review-state': 'WAITING_FOR_REVIEW',
  });
  expect(JSON.parse(result.outputs.groups!)).toEqual({
    Staff: { id: STAFF, added: false, internal: true, created: false },
    'Public Beta': { id: PUBLIC_BETA, added: true, internal: false, created: false },
  });
  expect(result.summary).toContain('TestFlight: Demo Notes 1.4 (42)');
  for (const row of [
    'Found',
    'Processed',
    'What to Test</td><td>updated for en-US',
    'Groups</td><td>build added to &quot;Public Beta&quot;',
    'Testers</td><td>1 invited',
    'Beta review</td><td>submitted',
  ]) {
    expect(result.summary).toContain(`<td>${row}</td>`);
  }

  // Final state: the build in Public Beta, Grace invited, the notes and one submission.
  const group = w.emulator.state.get('betaGroups', PUBLIC_BETA)!;
  expect(w.emulator.state.relatedIds(group, 'builds')).toEqual([build.id]);
  expect(
    w.emulator.state.all('betaTesters').map((t) => [t.attributes.email, w.emulator.state.relatedIds(t, 'betaGroups')]),
  ).toEqual([
    ['ada@example.com', [PUBLIC_BETA]],
    ['grace@example.com', [PUBLIC_BETA]],
  ]);
  expect(w.emulator.state.all('betaBuildLocalizations').map((l) => l.attributes)).toEqual([
    { locale: 'en-US', whatsNew: 'Try the new sync.' },
  ]);
  expect(w.emulator.state.all('betaAppReviewSubmissions')).toHaveLength(1);

  const before = w.emulator.requests.length;
  const again = await w.run(inputs);
  expect(again.exitCode).toBe(0);
  expect(
    w.emulator
      .transcript()
      .slice(before)
      .filter((l) => !l.startsWith('GET ')),
  ).toEqual([]);
  expect(again.outputs).toMatchObject({
    'testers-added': '0',
    'testers-already-present': '2',
    'beta-review-state': 'WAITING_FOR_REVIEW',
  });
  expect(JSON.parse(again.outputs.groups!)['Public Beta']).toMatchObject({ added: false });
  expect(again.stdout).toContain('Plan: nothing to change.');
});
