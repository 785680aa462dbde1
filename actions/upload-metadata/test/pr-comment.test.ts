import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { demoSeed } from '@asc-actions/asc-emulator';
import { startFakeGitHub, type FakeGitHub } from '../../../test-support/github-api.js';
import { harness, type Harness } from './fixtures.js';
import { tree } from '../../../test-support/action-harness.js';

const TOKEN = 'ghs_fakeTokenForTheLocalFakeOnly0123456789';
let h: Harness;
let github: FakeGitHub;
let eventDir: string;

beforeEach(async () => {
  h = await harness(demoSeed(Date.parse('2026-11-26T12:00:00Z')));
  github = await startFakeGitHub(TOKEN);
  eventDir = tree({});
});
afterEach(async () => {
  expect(h.emulator.violations).toEqual([]);
  await h.close();
  await github.close();
});

function prEnv(sha: string, event = 'pull_request'): Record<string, string> {
  const path = join(eventDir, `event-${sha}.json`);
  writeFileSync(path, JSON.stringify({ number: 42, pull_request: { number: 42, head: { sha } } }));
  return {
    GITHUB_EVENT_NAME: event,
    GITHUB_EVENT_PATH: path,
    GITHUB_REPOSITORY: 'example/notes-app',
    GITHUB_API_URL: github.url,
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_RUN_ID: '777',
  };
}

const inputs = (metadata: string, extra: Record<string, string> = {}) => ({
  app: 'com.example.demo',
  'metadata-path': metadata,
  'dry-run': 'true',
  'github-token': TOKEN,
  ...extra,
});

test('the plan is posted as one comment, then that comment is updated on the next push', async () => {
  // Someone else's comment is on the PR already, and is left alone.
  github.comments.set('example/notes-app#42', [
    { id: 7, body: 'Looks good to me', user: { login: 'octocat' }, created_at: '', updated_at: '' },
  ]);
  const first = await h.run(inputs(tree({ 'en-US/promotional_text.txt': 'Spring sale | 50% off' })), {
    env: prEnv('aaaaaaa1111'),
    secrets: [TOKEN],
  });
  expect(first.exitCode).toBe(0);
  expect(h.writes()).toEqual([]);
  const comments = github.comments.get('example/notes-app#42')!;
  expect(comments).toHaveLength(2);
  const posted = comments[1]!;
  expect(posted.body).toContain('<!-- asc-actions/upload-metadata app=1600000001 platform=IOS -->');
  expect(posted.body).toContain('| en-US | promotional text | (not set) | Spring sale \\| 50% off |');
  expect(posted.body).toContain('aaaaaaa');
  expect(first.stdout).toContain('Pull request #42 comment: created.');

  const second = await h.run(inputs(tree({ 'en-US/promotional_text.txt': 'Summer sale' })), {
    env: prEnv('bbbbbbb2222'),
    secrets: [TOKEN],
  });
  expect(second.exitCode).toBe(0);
  expect(github.comments.get('example/notes-app#42')!.map((c) => c.id)).toEqual([7, posted.id]);
  expect(posted.body).toContain('Summer sale');
  expect(posted.body).not.toContain('Spring sale');
  expect(github.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
    'GET /repos/example/notes-app/issues/42/comments?per_page=100',
    'GET /user',
    'POST /repos/example/notes-app/issues/42/comments',
    'GET /repos/example/notes-app/issues/42/comments?per_page=100',
    'GET /user',
    `PATCH /repos/example/notes-app/issues/comments/${posted.id}`,
  ]);
  expect(github.requests.every((r) => r.authorization === `token ${TOKEN}`)).toBe(true);
  // The token was masked before anything else was printed about it.
  expect(first.stdout).toContain(`::add-mask::${TOKEN}`);
});

test("a marker comment by anyone but the token's own user is never adopted: a new comment is posted", async () => {
  const marker = '<!-- asc-actions/upload-metadata app=1600000001 platform=IOS -->';
  github.comments.set('example/notes-app#42', [
    { id: 9, body: `${marker}\nplanted by a contributor`, user: { login: 'mallory' }, created_at: '', updated_at: '' },
  ]);
  const run = await h.run(inputs(tree({ 'en-US/promotional_text.txt': 'Hello' })), {
    env: prEnv('hhh'),
    secrets: [TOKEN],
  });
  expect(run.exitCode).toBe(0);
  const comments = github.comments.get('example/notes-app#42')!;
  expect(comments.map((c) => [c.id, c.user.login])).toEqual([
    [9, 'mallory'],
    [1000, 'github-actions[bot]'],
  ]);
  expect(comments[0]!.body).toContain('planted by a contributor');
  expect(github.requests.filter((r) => r.method === 'PATCH')).toEqual([]);

  // With a person's token, that person's own marker comment is the one updated.
  github.userLogin = 'mallory';
  await h.run(inputs(tree({ 'en-US/promotional_text.txt': 'Hello again' })), { env: prEnv('iii'), secrets: [TOKEN] });
  expect(github.requests.filter((r) => r.method === 'PATCH').map((r) => r.path)).toEqual([
    '/repos/example/notes-app/issues/comments/9',
  ]);
});

test('many comments: the marker is found on a later page; an unchanged plan is not re-sent', async () => {
  const others = Array.from({ length: 130 }, (_, i) => ({
    id: i + 1,
    body: `comment ${i}`,
    user: { login: 'someone' },
    created_at: '',
    updated_at: '',
  }));
  github.comments.set('example/notes-app#42', others);
  const metadata = tree({ 'en-US/promotional_text.txt': 'Hello' });
  await h.run(inputs(metadata), { env: prEnv('ccc'), secrets: [TOKEN] });
  const again = await h.run(inputs(metadata), { env: prEnv('ccc'), secrets: [TOKEN] });
  expect(again.stdout).toContain('comment: unchanged.');
  expect(github.comments.get('example/notes-app#42')).toHaveLength(131);
  expect(github.requests.filter((r) => r.method !== 'GET')).toHaveLength(1);
  expect(github.requests.filter((r) => r.method === 'GET').map((r) => r.path)).toContain(
    '/repos/example/notes-app/issues/42/comments?per_page=100&page=2',
  );
});

test('without permission or without a token: a notice, no failure', async () => {
  github.readOnly = true;
  const metadata = tree({ 'en-US/promotional_text.txt': 'Hello' });
  const denied = await h.run(inputs(metadata), { env: prEnv('ddd'), secrets: [TOKEN] });
  expect(denied.exitCode).toBe(0);
  expect(denied.stdout).toMatch(
    /::notice::The plan was not posted to pull request #42: .*HTTP 403.*pull-requests: write/,
  );
  expect(github.comments.get('example/notes-app#42')).toBeUndefined();

  const before = github.requests.length;
  const noToken = await h.run(inputs(metadata, { 'github-token': '' }), { env: prEnv('eee') });
  expect(noToken.exitCode).toBe(0);
  expect(noToken.stdout).toMatch(/::notice::The plan was not posted to the pull request: set "github-token"/);
  expect(github.requests).toHaveLength(before);
});

test('no comment outside pull requests, nor when changes are applied', async () => {
  const metadata = tree({ 'en-US/promotional_text.txt': 'Hello' });
  await h.run(inputs(metadata), { env: { ...prEnv('fff'), GITHUB_EVENT_NAME: 'push' }, secrets: [TOKEN] });
  await h.run(inputs(metadata, { 'dry-run': 'false' }), { env: prEnv('ggg'), secrets: [TOKEN] });
  expect(github.requests).toEqual([]);
});

test('a plan with errors is still posted, saying what stops it, and the run fails', async () => {
  const metadata = tree({ 'en-US/subtitle.txt': 'A subtitle that is far too long for the store' });
  const result = await h.run(inputs(metadata), { env: prEnv('hhh'), secrets: [TOKEN] });
  expect(result.exitCode).toBe(1);
  expect(result.errors).toEqual([
    expect.stringMatching(/subtitle \(en-US\) is 45 characters; App Store Connect allows 30\. Nothing was written\./),
  ]);
  const body = github.comments.get('example/notes-app#42')![0]!.body;
  expect(body).toContain('**1 error(s): this plan cannot be applied until they are fixed.**');
  expect(body).toContain('is 45 characters; App Store Connect allows 30');
});
