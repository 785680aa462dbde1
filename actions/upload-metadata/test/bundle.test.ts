import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { demoSeed, DEMO_APP_ID, type Emulator } from '@asc-actions/asc-emulator';
import { startFakeGitHub, type FakeGitHub } from '../../../test-support/github-api.js';
import { editableVersionId, harness, planOf, storedLocalization, type Harness } from './fixtures.js';
import { tree } from '../../../test-support/action-harness.js';

const TOKEN = 'ghs_bundleTestTokenForTheLocalFake000000';
let h: Harness;
let emulator: Emulator;
let github: FakeGitHub;

beforeEach(async () => {
  h = await harness(demoSeed(), { realClock: true });
  emulator = h.emulator;
  github = await startFakeGitHub(TOKEN);
});
afterEach(async () => {
  expect(emulator.violations).toEqual([]);
  await h.close();
  await github.close();
});

const inputs = (extra: Record<string, string>) => ({ app: 'com.example.demo', ...extra });

test('the bundle, run as the runner runs it: plan on the pull request, then apply on merge', async () => {
  const workspace = tree({
    'fastlane/metadata/en-US/description.txt': 'Demo Notes keeps your notes in sync.\nNow with tags.',
    'fastlane/metadata/fr-FR/name.txt': 'Notes Démo',
    'fastlane/metadata/fr-FR/keywords.txt': 'notes,dossiers,notes',
    'event.json': JSON.stringify({ pull_request: { number: 5, head: { sha: '0123456789abcdef' } } }),
  });
  const env = {
    GITHUB_WORKSPACE: workspace,
    GITHUB_EVENT_NAME: 'pull_request',
    GITHUB_EVENT_PATH: join(workspace, 'event.json'),
    GITHUB_REPOSITORY: 'example/notes',
    GITHUB_API_URL: github.url,
  };
  const secrets = [TOKEN];
  const planned = await h.runBundle(
    inputs({ 'metadata-path': 'fastlane/metadata', 'dry-run': 'true', 'github-token': TOKEN }),
    {
      env,
      secrets,
    },
  );
  expect(planned.stderr).toBe('');
  expect(planned.exitCode).toBe(0);
  expect(emulator.transcript().filter((l) => !l.startsWith('GET'))).toEqual([]);
  expect(planOf(planned).createdLocales).toEqual(['fr-FR']);
  expect(github.comments.get('example/notes#5')?.[0]?.body).toContain('in sync. ⏎ Now with tags. | 51/4000 |');
  // Annotations are relative to the workspace, so GitHub attaches them to the files.
  expect(planned.stdout).toMatch(
    /^::warning file=fastlane\/metadata\/fr-FR\/keywords\.txt,line=1::fastlane\/metadata\/fr-FR\/keywords\.txt \(fr-FR\): duplicate keywords: notes\.$/m,
  );

  const applied = await h.runBundle(inputs({ 'metadata-path': 'fastlane/metadata' }), {
    env: { ...env, GITHUB_EVENT_NAME: 'push' },
    secrets,
  });
  expect(applied.stderr).toBe('');
  expect(applied.exitCode).toBe(0);
  expect(applied.outputs['created-locales']).toBe('fr-FR');
  const version = editableVersionId(emulator, DEMO_APP_ID);
  expect(storedLocalization(emulator, 'appStoreVersionLocalizations', version, 'en-US')!.description).toBe(
    'Demo Notes keeps your notes in sync.\nNow with tags.',
  );
  expect(applied.summary).toContain('All 3 steps applied and read back.');
  // Who the token is (a marker comment is adopted only when the token's own user wrote it), the comments, then one new comment.
  expect(github.requests.map((r) => r.method)).toEqual(['GET', 'GET', 'POST']);
});

test('the bundle fails with one clear line on a bad file and writes nothing', async () => {
  const workspace = tree({ 'm.json': '{ "locales": { "en-US": { "name": "Demo Notes" } }, }' });
  writeFileSync(join(workspace, 'note.txt'), 'x');
  const result = await h.runBundle(inputs({ 'metadata-file': 'm.json' }), { env: { GITHUB_WORKSPACE: workspace } });
  expect(result.exitCode).toBe(1);
  expect(result.errors).toHaveLength(1);
  expect(result.stdout).toMatch(/^::error file=m\.json,line=1::m\.json:1: not valid JSON/m);
  expect(emulator.requests).toHaveLength(0);
});
