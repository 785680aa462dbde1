import { demoSeed, DEMO_APP_ID } from '@asc-actions/asc-emulator';
import { editableAppInfoId, editableVersionId, harness, planOf, storedLocalization, type Harness } from './fixtures.js';
import { tree } from '../../../test-support/action-harness.js';

let h: Harness;
beforeEach(async () => {
  h = await harness(demoSeed(Date.parse('2026-11-26T12:00:00Z')));
});
afterEach(async () => {
  expect(h.emulator.violations).toEqual([]);
  await h.close();
});

const withoutIds = (line: string): string => line.replace(/\/[0-9a-f-]{36}/g, '/:id');

const READS = [
  'GET /v1/apps?limit=200&filter[bundleId]=com.example.demo',
  `GET /v1/apps/${DEMO_APP_ID}/appInfos?limit=200&include=appInfoLocalizations,ageRatingDeclaration,primaryCategory,primarySubcategoryOne,primarySubcategoryTwo,secondaryCategory,secondarySubcategoryOne,secondarySubcategoryTwo&limit[appInfoLocalizations]=50`,
  `GET /v1/apps/${DEMO_APP_ID}/appStoreVersions?limit=200&filter[platform]=IOS&filter[appVersionState]=PREPARE_FOR_SUBMISSION,DEVELOPER_REJECTED,REJECTED,METADATA_REJECTED,WAITING_FOR_REVIEW,INVALID_BINARY&include=appStoreVersionLocalizations,appStoreReviewDetail&limit[appStoreVersionLocalizations]=50`,
  `GET /v1/apps/${DEMO_APP_ID}/appStoreVersions?limit=200&filter[platform]=IOS&fields[appStoreVersions]=versionString,appVersionState,createdDate`,
];

test('an update: only the changed attributes are patched, then read back; a rerun makes no write', async () => {
  const metadata = tree({
    'en-US/name.txt': 'Demo Notes\n',
    'en-US/description.txt': 'Demo Notes keeps your notes in sync.\r\nNow with folders.\r\n',
    'en-US/keywords.txt': 'notes,sync,markdown,folders',
    'en-US/release_notes.txt': 'Folders!',
    'de-DE/name.txt': 'Demo Notizen',
    'de-DE/subtitle.txt': 'Notizen, die synchron bleiben',
    'copyright.txt': '2026 Example Inc.',
  });
  const result = await h.run({ app: 'com.example.demo', 'metadata-path': metadata });
  expect(result.errors).toEqual([]);
  expect(result.exitCode).toBe(0);
  const versionId = editableVersionId(h.emulator, DEMO_APP_ID);
  const infoId = editableAppInfoId(h.emulator, DEMO_APP_ID);
  const transcript = h.emulator.transcript();
  expect(new Set(transcript.slice(0, 4))).toEqual(new Set(READS));
  expect(h.writes().map(withoutIds)).toEqual([
    'PATCH /v1/appStoreVersions/:id',
    'PATCH /v1/appInfoLocalizations/:id',
    'PATCH /v1/appStoreVersionLocalizations/:id',
  ]);
  // Read back: the app infos and the version, once each.
  expect(transcript.slice(-2).every((l) => l.startsWith('GET '))).toBe(true);
  expect(transcript).toHaveLength(4 + 3 + 2);
  const enUS = storedLocalization(h.emulator, 'appStoreVersionLocalizations', versionId, 'en-US');
  expect(enUS).toMatchObject({
    description: 'Demo Notes keeps your notes in sync.\nNow with folders.',
    keywords: 'notes,sync,markdown,folders',
    whatsNew: 'Folders!',
  });
  expect(storedLocalization(h.emulator, 'appInfoLocalizations', infoId, 'de-DE')).toMatchObject({
    name: 'Demo Notizen',
    subtitle: 'Notizen, die synchron bleiben',
  });
  expect(h.emulator.state.get('appStoreVersions', versionId)!.attributes.copyright).toBe('2026 Example Inc.');
  const patchBody = h.emulator.requests.find(
    (r) => r.method === 'PATCH' && r.path.startsWith('/v1/appStoreVersionLocalizations/'),
  )!.requestBody;
  expect(patchBody).toEqual({
    data: {
      type: 'appStoreVersionLocalizations',
      id: expect.any(String),
      attributes: {
        description: 'Demo Notes keeps your notes in sync.\nNow with folders.',
        keywords: 'notes,sync,markdown,folders',
        whatsNew: 'Folders!',
      },
    },
  });
  expect(result.outputs.changes).toBe('5');
  expect(planOf(result).result).toEqual({ applied: 3, failed: [], notPersisted: [] });
  expect(result.summary).toContain('All 3 steps applied and read back.');

  const before = h.emulator.requests.length;
  const again = await h.run({ app: 'com.example.demo', 'metadata-path': metadata });
  expect(again.exitCode).toBe(0);
  const second = h.emulator.transcript().slice(before);
  expect(second).toHaveLength(4);
  expect(second.every((l) => l.startsWith('GET '))).toBe(true);
  expect(again.outputs.changes).toBe('0');
  expect(again.summary).toContain('No differences');
});

test('a new locale: both localizations are created; App Review information is created; a clear is sent as null', async () => {
  const versionId = editableVersionId(h.emulator, DEMO_APP_ID);
  h.emulator.state.remove(
    'appStoreReviewDetails',
    h.emulator.state.relatedId(h.emulator.state.get('appStoreVersions', versionId)!, 'appStoreReviewDetail')!,
  );
  delete h.emulator.state.get('appStoreVersions', versionId)!.relationships.appStoreReviewDetail;
  const metadata = tree({
    'fr-FR/name.txt': 'Notes Démo',
    'fr-FR/description.txt': 'Vos notes, synchronisées.',
    'en-US/subtitle.txt': '<clear>',
    'review_information/first_name.txt': 'Robin',
    'review_information/email_address.txt': 'robin@example.com',
    'review_information/demo_user.txt': 'demo',
    'review_information/demo_password.txt': 'correct-horse-battery',
  });
  const result = await h.run(
    { app: DEMO_APP_ID, 'metadata-path': metadata },
    { secrets: ['correct-horse-battery', 'robin@example.com'] },
  );
  expect(result.errors).toEqual([]);
  expect(h.writes().map(withoutIds)).toEqual([
    'POST /v1/appInfoLocalizations',
    'PATCH /v1/appInfoLocalizations/:id',
    'POST /v1/appStoreVersionLocalizations',
    'POST /v1/appStoreReviewDetails',
  ]);
  const infoId = editableAppInfoId(h.emulator, DEMO_APP_ID);
  expect(storedLocalization(h.emulator, 'appInfoLocalizations', infoId, 'fr-FR')).toEqual({
    locale: 'fr-FR',
    name: 'Notes Démo',
  });
  expect(storedLocalization(h.emulator, 'appStoreVersionLocalizations', versionId, 'fr-FR')).toEqual({
    locale: 'fr-FR',
    description: 'Vos notes, synchronisées.',
  });
  expect(storedLocalization(h.emulator, 'appInfoLocalizations', infoId, 'en-US')).not.toHaveProperty('subtitle');
  const review = h.emulator.state
    .all('appStoreReviewDetails')
    .filter((r) => h.emulator.state.relatedId(r, 'appStoreVersion') === versionId);
  expect(review.map((r) => r.attributes)).toEqual([
    {
      contactFirstName: 'Robin',
      contactEmail: 'robin@example.com',
      demoAccountName: 'demo',
      demoAccountPassword: 'correct-horse-battery',
      demoAccountRequired: true,
    },
  ]);
  expect(result.outputs['created-locales']).toBe('fr-FR');
  // App Review values never appear: not in the plan output, the summary or the log.
  const plan = planOf(result);
  // Whether sign-in is required is not a secret: the plan shows it; the credentials are hidden.
  const reviewChanges = plan.changes.filter((c) => c.field.startsWith('review.'));
  expect(
    reviewChanges.filter((c) => c.field !== 'review.demo_account_required').every((c) => c.hidden && c.after === null),
  ).toBe(true);
  expect(reviewChanges.find((c) => c.field === 'review.demo_account_required')).toMatchObject({ after: 'true' });
  expect(result.stdout).toContain('::add-mask::correct-horse-battery');
});

test('dry run: the plan in outputs and summary, nothing written', async () => {
  const metadata = tree({
    'en-US/promotional_text.txt': 'Now with folders',
    'it/name.txt': 'Note Demo',
    'it/keywords.txt': 'note,note, sync',
  });
  const result = await h.run({ app: 'com.example.demo', 'metadata-path': metadata, 'dry-run': 'true' });
  expect(result.exitCode).toBe(0);
  expect(h.writes()).toEqual([]);
  expect(h.emulator.transcript()).toHaveLength(4);
  const plan = planOf(result);
  expect(plan.changes.map((c) => `${c.locale} ${c.field} ${c.before} → ${c.after}`)).toEqual([
    'en-US promotional_text null → Now with folders',
    'it name null → Note Demo',
    'it keywords null → note,note, sync',
  ]);
  expect(plan.createdLocales).toEqual(['it']);
  expect(plan.findings.map((f) => f.code)).toEqual(
    expect.arrayContaining(['keywords-duplicate', 'keywords-space', 'keywords-unused', 'whats-new-missing']),
  );
  expect(result.outputs.warnings).toBe(String(plan.findings.filter((f) => f.level === 'warning').length));
  expect(result.summary).toContain('plan (dry run)');
  expect(result.summary).toContain('Now with folders');
  expect(result.stdout).toMatch(/::warning file=.*it\/keywords\.txt,line=1::/);
});

test('a failure part-way says what landed; a rerun converges', async () => {
  const metadata = tree({
    'en-US/description.txt': 'English v2',
    'de-DE/description.txt': 'Deutsch v2',
    'en-US/name.txt': 'Demo Notes 2',
  });
  const versionId = editableVersionId(h.emulator, DEMO_APP_ID);
  const deLoc = h.emulator.state
    .all('appStoreVersionLocalizations')
    .find((r) => h.emulator.state.relatedId(r, 'appStoreVersion') === versionId && r.attributes.locale === 'de-DE')!;
  h.emulator.faults.add({
    method: 'PATCH',
    path: `/v1/appStoreVersionLocalizations/${deLoc.id}`,
    kind: 'status',
    status: 500,
    times: 5,
  });
  const failed = await h.run({ app: 'com.example.demo', 'metadata-path': metadata });
  expect(failed.exitCode).toBe(1);
  expect(failed.errors).toHaveLength(1);
  expect(failed.errors[0]).toMatch(/2 of 3 steps applied/);
  expect(failed.errors[0]).toMatch(/not applied: update-version-localization:de-DE/);
  const plan = planOf(failed);
  expect(plan.changes.map((c) => `${c.locale} ${c.field} ${c.status}`)).toEqual([
    'de-DE description failed',
    'en-US name applied',
    'en-US description applied',
  ]);
  expect(failed.summary).toContain('❌ failed');
  expect(storedLocalization(h.emulator, 'appStoreVersionLocalizations', versionId, 'en-US')!.description).toBe(
    'English v2',
  );
  expect(storedLocalization(h.emulator, 'appStoreVersionLocalizations', versionId, 'de-DE')!.description).not.toBe(
    'Deutsch v2',
  );

  const mark = h.emulator.requests.length;
  const rerun = await h.run({ app: 'com.example.demo', 'metadata-path': metadata });
  expect(rerun.exitCode).toBe(0);
  expect(
    h.emulator
      .transcript()
      .slice(mark)
      .filter((l) => !l.startsWith('GET')),
  ).toEqual([`PATCH /v1/appStoreVersionLocalizations/${deLoc.id}`]);
  expect(storedLocalization(h.emulator, 'appStoreVersionLocalizations', versionId, 'de-DE')!.description).toBe(
    'Deutsch v2',
  );
});
