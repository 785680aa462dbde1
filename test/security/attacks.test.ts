/**
 * Issue #11's attacks, each through a bundle run as the runner runs it (dist/, a child process,
 * INPUT_* env, the runner's files, the emulator on loopback). Every run is leak-scanned by the
 * runner harness (the key in every encoding, the GitHub token, Authorization values) across
 * stdout, stderr, outputs and the summary; each test also checks the request bodies the emulator
 * received and the PR comments, that nothing outside the workspace was read into a sink or
 * written, and the child's own peak RSS. ASC_ATTACK_DIST=<folder> runs them against other
 * bundles (how the "before" column of the issue's table was measured).
 */
import { jest } from '@jest/globals';
import {
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  realpathSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { demoSeed, startEmulator, type Emulator } from '@asc-actions/asc-emulator';
import { startFakeGitHub, type FakeGitHub } from '../../test-support/github-api.js';
import { generateTestKey, type TestKey } from '../../test-support/keys.js';
import { keyEncodings } from '../../test-support/leaks.js';
import { runBundle, type RunResult } from '../../test-support/runner.js';
import { baseSeed } from '../../actions/assign-testflight-group/test/fixtures.js';
import { review, world, type World } from '../../actions/respond-to-reviews/test/fixtures.js';

const DIST = process.env.ASC_ATTACK_DIST || undefined;
// Bundles are child processes on a shared machine: time is bounded by each run's own timeout.
jest.setTimeout(180_000);
const TOKEN = 'ghs_attackTestTokenForTheLocalFake0000000';
/** Peak RSS bound for every attacked run: a Node bundle starts at ~60-90 MB. */
const MAX_RSS_KB = 250 * 1024;

let base: string;
let ws: string;
let victim: string;
let key: TestKey;
let emu: Emulator | undefined;
let github: FakeGitHub;
let w: World | undefined;

beforeEach(async () => {
  base = realpathSync(mkdtempSync(join(tmpdir(), 'asc-attack-')));
  ws = join(base, 'workspace');
  mkdirSync(ws);
  victim = join(base, 'victim.txt');
  writeFileSync(victim, 'outside the workspace\n');
  key = generateTestKey();
  github = await startFakeGitHub(TOKEN);
});
afterEach(async () => {
  if (emu) expect(emu.violations).toEqual([]);
  await emu?.close();
  await w?.emulator.close();
  await github.close();
  emu = undefined;
  w = undefined;
  rmSync(base, { recursive: true, force: true });
});

const secrets = () => [...keyEncodings(key.privatePem), TOKEN];
const credentials = (baseUrl: string, k: TestKey = key) => ({
  'issuer-id': k.issuerId,
  'key-id': k.keyId,
  'private-key': k.privatePem,
  'api-base-url': baseUrl,
});
const prEnv = () => {
  writeFileSync(join(base, 'event.json'), JSON.stringify({ pull_request: { number: 7, head: { sha: 'abc1234' } } }));
  return {
    GITHUB_WORKSPACE: ws,
    GITHUB_EVENT_NAME: 'pull_request',
    GITHUB_EVENT_PATH: join(base, 'event.json'),
    GITHUB_REPOSITORY: 'example/app',
    GITHUB_API_URL: github.url,
    GITHUB_TOKEN: TOKEN,
  };
};

async function startDemo(): Promise<Emulator> {
  emu = await startEmulator({ seed: demoSeed() });
  emu.registerKey({ keyId: key.keyId, issuerId: key.issuerId, publicKey: key.publicPem });
  return emu;
}

/** What every attack must hold to: no secret in any request body or comment, bounded memory, the victim untouched. */
function holds(result: RunResult, emulator: Emulator | undefined): void {
  const bodies = [
    ...(emulator?.requests ?? []).map((r) => JSON.stringify((r as { body?: unknown }).body ?? '')),
    ...github.requests.map((r) => JSON.stringify(r.body ?? '')),
  ].join('\n');
  for (const secret of secrets().filter((s) => s.length >= 20)) expect(bodies.includes(secret)).toBe(false);
  expect(result.maxRssKb).toBeDefined();
  expect(result.maxRssKb!).toBeLessThan(MAX_RSS_KB);
  expect(readFileSync(victim, 'utf8')).toBe('outside the workspace\n');
  expect(lstatSync(victim).isFile()).toBe(true);
}
const writes = (emulator: Emulator) => emulator.transcript().filter((l) => !l.startsWith('GET '));

function metadataTree(link: { at: string; to: string }): void {
  mkdirSync(join(ws, 'fastlane/metadata/en-US'), { recursive: true });
  writeFileSync(join(ws, 'fastlane/metadata/en-US/description.txt'), 'Demo Notes keeps your notes in sync.');
  writeFileSync(join(ws, 'fastlane/metadata/en-US/release_notes.txt'), 'Fixes.');
  mkdirSync(join(ws, 'fastlane/metadata/de-DE'), { recursive: true });
  // A symlink that stays inside keeps working.
  symlinkSync('../en-US/release_notes.txt', join(ws, 'fastlane/metadata/de-DE/release_notes.txt'));
  symlinkSync(link.to, join(ws, link.at));
}

describe('upload-metadata', () => {
  test.each([
    ['a dry run on a pull request (the plan and the PR comment)', 'true'],
    ['an apply run', 'false'],
  ])('description.txt -> /proc/self/environ, %s: refused before any request, nothing leaks', async (_name, dryRun) => {
    const emulator = await startDemo();
    metadataTree({ at: 'fastlane/metadata/de-DE/description.txt', to: '/proc/self/environ' });
    const result = await runBundle('upload-metadata', {
      inputs: {
        ...credentials(emulator.baseUrl),
        app: 'com.example.demo',
        'metadata-path': 'fastlane/metadata',
        'dry-run': dryRun,
        'github-token': TOKEN,
      },
      env: prEnv(),
      secrets: secrets(),
      distDir: DIST,
    });
    expect(result.exitCode).toBe(1);
    expect(result.errors).toEqual([
      'Input "metadata-path": fastlane/metadata/de-DE/description.txt lies outside the workspace (it resolves to /proc/' +
        readlinkTarget(result) +
        ', through a symlink); only files inside the repository checkout are read.',
    ]);
    expect(writes(emulator)).toEqual([]);
    expect(github.requests.filter((r) => r.method !== 'GET')).toEqual([]);
    holds(result, emulator);
  });

  test('description.txt -> /dev/zero: refused at once, memory stays flat', async () => {
    const emulator = await startDemo();
    metadataTree({ at: 'fastlane/metadata/de-DE/description.txt', to: '/dev/zero' });
    const result = await runBundle('upload-metadata', {
      inputs: {
        ...credentials(emulator.baseUrl),
        app: 'com.example.demo',
        'metadata-path': 'fastlane/metadata',
        'dry-run': 'true',
      },
      env: { GITHUB_WORKSPACE: ws },
      secrets: secrets(),
      distDir: DIST,
      timeoutMs: 60_000,
    });
    expect(result.exitCode).toBe(1);
    expect(result.errors[0]).toMatch(
      /^Input "metadata-path": fastlane\/metadata\/de-DE\/description\.txt lies outside the workspace \(it resolves to \/dev\/zero/,
    );
    holds(result, emulator);
  });

  test('a screenshot symlinked outside the workspace is refused; nothing is uploaded', async () => {
    const emulator = await startDemo();
    writeFileSync(join(base, 'secret.png'), Buffer.from('89504e470d0a1a0a', 'hex'));
    metadataTree({ at: 'fastlane/metadata/en-US/name.txt', to: 'description.txt' });
    mkdirSync(join(ws, 'fastlane/screenshots/en-US'), { recursive: true });
    symlinkSync(join(base, 'secret.png'), join(ws, 'fastlane/screenshots/en-US/01.png'));
    const result = await runBundle('upload-metadata', {
      inputs: {
        ...credentials(emulator.baseUrl),
        app: 'com.example.demo',
        'metadata-path': 'fastlane/metadata',
        'screenshots-path': 'fastlane/screenshots',
      },
      env: { GITHUB_WORKSPACE: ws },
      secrets: secrets(),
      distDir: DIST,
    });
    expect(result.exitCode).toBe(1);
    expect(result.errors.join('\n')).toMatch(/01\.png lies outside the workspace/);
    expect(writes(emulator)).toEqual([]);
    holds(result, emulator);
  });
});

function readlinkTarget(result: RunResult): string {
  // /proc/self resolves to the child's own pid: take it from the message itself.
  return /resolves to \/proc\/(\d+\/environ)/.exec(result.errors[0] ?? '')?.[1] ?? 'self/environ';
}

test('assign-testflight-group: test-notes-file -> /proc/self/environ is refused; What to Test never gets it', async () => {
  emu = await startEmulator({
    seed: baseSeed({
      builds: [
        {
          app: '1600000001',
          version: '1.4',
          buildNumber: '42',
          uploadedDate: new Date(Date.now() - 3_600_000).toISOString(),
          usesNonExemptEncryption: false,
        },
      ],
    }),
  });
  emu.registerKey({ keyId: key.keyId, issuerId: key.issuerId, publicKey: key.publicPem });
  symlinkSync('/proc/self/environ', join(ws, 'notes.txt'));
  const result = await runBundle('assign-testflight-group', {
    inputs: {
      ...credentials(emu.baseUrl),
      app: 'com.example.demo',
      'build-number': '42',
      groups: 'Public Beta',
      'test-notes-file': 'notes.txt',
    },
    env: { GITHUB_WORKSPACE: ws },
    secrets: secrets(),
    distDir: DIST,
  });
  expect(result.exitCode).toBe(1);
  expect(result.errors[0]).toMatch(
    /^Input "test-notes-file": notes\.txt lies outside the workspace \(it resolves to \/proc\/\d+\/environ, through a symlink\)/,
  );
  expect(writes(emu)).toEqual([]);
  holds(result, emu);
});

test('assign-testflight-group: the key pasted into test-notes trips the wire at the request body; nothing is sent', async () => {
  emu = await startEmulator({
    seed: baseSeed({
      builds: [
        {
          app: '1600000001',
          version: '1.4',
          buildNumber: '42',
          uploadedDate: new Date(Date.now() - 3_600_000).toISOString(),
          usesNonExemptEncryption: false,
        },
      ],
    }),
  });
  emu.registerKey({ keyId: key.keyId, issuerId: key.issuerId, publicKey: key.publicPem });
  const result = await runBundle('assign-testflight-group', {
    inputs: {
      ...credentials(emu.baseUrl),
      app: 'com.example.demo',
      'build-number': '42',
      groups: 'Public Beta',
      'test-notes': `Debug: ${key.privatePem}`,
    },
    env: { GITHUB_WORKSPACE: ws },
    secrets: secrets(),
    distDir: DIST,
  });
  expect(result.exitCode).toBe(1);
  expect(result.errors.join('\n')).toMatch(
    /A secret \(the App Store Connect private key or the GitHub token\) reached the body of (POST|PATCH) \/v1\/betaBuildLocalizations/,
  );
  holds(result, emu);
});

describe('respond-to-reviews', () => {
  const REVIEW_RULES = '- rating: 1-5\n  regex: ["(a+)+$"]\n  reply: "Thanks, {nickname}."';

  test('export-path as a committed symlink to a file outside: refused before any request', async () => {
    w = await world([review('r1', 2)]);
    w.clock.advance(Date.now() - w.clock.now());
    symlinkSync(victim, join(ws, 'reviews.json'));
    const result = await runBundle('respond-to-reviews', {
      inputs: {
        ...credentials(w.emulator.baseUrl, w.key),
        app: '1700000001',
        rules: '- rating: 1-5\n  reply: "Thanks!"',
        'export-path': 'reviews.json',
        'cache-state': 'false',
      },
      env: { GITHUB_WORKSPACE: ws },
      secrets: [...keyEncodings(w.key.privatePem), TOKEN],
      distDir: DIST,
    });
    expect(result.exitCode).toBe(1);
    expect(result.errors).toEqual([
      'Input "export-path": reviews.json is a symlink; files are never written through a symlink. Remove it from the repository or pick another path.',
    ]);
    expect(w.emulator.requests).toEqual([]);
    key = w.key;
    holds(result, w.emulator);
  });

  test('a catastrophic regex against a hostile review finishes in linear time; a forged workflow command stays text', async () => {
    w = await world([
      review('r1', 2, { title: `${'a'.repeat(40_000)}!`, reviewerNickname: 'Eve\r::error::forged\u001b[2J' }),
    ]);
    w.clock.advance(Date.now() - w.clock.now());
    const started = process.hrtime.bigint();
    const result = await runBundle('respond-to-reviews', {
      inputs: {
        ...credentials(w.emulator.baseUrl, w.key),
        app: '1700000001',
        rules: REVIEW_RULES,
        'dry-run': 'true',
        'cache-state': 'false',
      },
      env: { GITHUB_WORKSPACE: ws },
      secrets: [...keyEncodings(w.key.privatePem), TOKEN],
      distDir: DIST,
      timeoutMs: 60_000,
    });
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    expect([result.exitCode, result.errors]).toEqual([0, []]);
    expect(seconds).toBeLessThan(60);
    expect(result.stdout.split('\n').filter((l) => l.startsWith('::error'))).toEqual([]);
    key = w.key;
    holds(result, w.emulator);
  });

  test('25,000 rules: one clear error, bounded memory', async () => {
    w = await world([review('r1', 2)]);
    // Compact flow style: 25,000 rules under the 1 MB file cap, so the rule-count cap is what answers.
    const rules = Array.from({ length: 25_000 }, (_, i) => `- {rating: 1-5, reply: "r${i}"}`).join('\n');
    writeFileSync(join(ws, 'rules.yml'), rules);
    const result = await runBundle('respond-to-reviews', {
      inputs: {
        ...credentials(w.emulator.baseUrl, w.key),
        app: '1700000001',
        'rules-file': 'rules.yml',
        'cache-state': 'false',
      },
      env: { GITHUB_WORKSPACE: ws },
      secrets: [...keyEncodings(w.key.privatePem), TOKEN],
      distDir: DIST,
      timeoutMs: 120_000,
    });
    expect(result.exitCode).toBe(1);
    expect(result.errors[0]).toMatch(/rules\.yml.*25000 rules; at most 1000 are accepted/);
    expect(w.emulator.requests).toEqual([]);
    key = w.key;
    holds(result, w.emulator);
  });
});

test('fetch-sales-report: output-path through a committed symlinked folder is refused before any request', async () => {
  emu = await startEmulator({ seed: { reportVendors: [{ vendorNumber: '86000000', rows: 5 }] } });
  emu.registerKey({ keyId: key.keyId, issuerId: key.issuerId, publicKey: key.publicPem });
  symlinkSync(base, join(ws, 'reports'));
  const result = await runBundle('fetch-sales-report', {
    inputs: {
      ...credentials(emu.baseUrl),
      'vendor-number': '86000000',
      'output-path': 'reports/victim.txt',
      'output-format': 'tsv',
      cache: 'false',
    },
    env: { GITHUB_WORKSPACE: ws },
    secrets: secrets(),
    distDir: DIST,
  });
  expect(result.exitCode).toBe(1);
  expect(result.errors[0]).toMatch(
    /^Input "output-path": reports\/victim\.txt lies outside the workspace and the runner's temporary folder \(reports resolves to .*, through a symlink\)/,
  );
  expect(emu.requests).toEqual([]);
  holds(result, emu);
});

describe('check-credentials against a hostile API origin', () => {
  const closers: Array<() => Promise<void>> = [];
  afterEach(async () => {
    for (const close of closers.splice(0)) await close();
  });
  async function hostile(answer: (res: ServerResponse, origin: string) => void): Promise<string> {
    let origin = '';
    const server = createServer((_req, res) => answer(res, origin));
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    closers.push(() => new Promise<void>((r) => server.close(() => r())));
    return origin;
  }

  test.each([
    [
      'a 200 that is not JSON:API',
      (res: ServerResponse) => (
        res.writeHead(200, { 'content-type': 'text/html' }),
        res.end('<html>proxy login</html>')
      ),
      /^App Store Connect answered something unexpected: GET \/v1\/apps answered 200 with text\/html/,
    ],
    [
      'an endless JSON body',
      (res: ServerResponse) => {
        res.writeHead(200, { 'content-type': 'application/json' });
        const chunk = Buffer.alloc(1 << 20, 0x20);
        let sent = 0;
        const push = (): void => {
          while (sent < 2048) {
            sent++;
            if (!res.write(chunk)) return void res.once('drain', push);
          }
          res.end();
        };
        res.on('close', () => (sent = Infinity));
        push();
      },
      /^App Store Connect answered something unexpected: GET \/v1\/apps answered 200 with a body over 32 MB/,
    ],
  ])('%s: a clear error, bounded memory', async (_name, answer, message) => {
    const origin = await hostile(answer);
    const result = await runBundle('check-credentials', {
      inputs: credentials(origin),
      env: { GITHUB_WORKSPACE: ws },
      secrets: secrets(),
      distDir: DIST,
      timeoutMs: 90_000,
    });
    expect(result.exitCode).toBe(1);
    expect(result.errors[0]).toMatch(message);
    expect(result.errors[0]).not.toMatch(/this is a bug/);
    holds(result, undefined);
  });

  test('respond-to-reviews: a links.next that repeats forever stops with a clear error', async () => {
    const origin = await hostile((res, self) => {
      const url = (res.req.url ?? '').split('?')[0]!;
      res.writeHead(200, { 'content-type': 'application/json' });
      if (url === '/v1/apps/1700000001')
        return void res.end(
          JSON.stringify({
            data: {
              type: 'apps',
              id: '1700000001',
              attributes: { name: 'App', bundleId: 'com.example.app', sku: 'app', primaryLocale: 'en-US' },
            },
            links: { self: `${self}${url}` },
          }),
        );
      res.end(JSON.stringify({ data: [], links: { self: `${self}${url}`, next: `${self}${url}?cursor=same` } }));
    });
    const result = await runBundle('respond-to-reviews', {
      inputs: {
        ...credentials(origin),
        app: '1700000001',
        rules: '- rating: 1-5\n  reply: "Thanks!"',
        'cache-state': 'false',
        'dry-run': 'true',
      },
      env: { GITHUB_WORKSPACE: ws },
      secrets: secrets(),
      distDir: DIST,
      timeoutMs: 90_000,
    });
    expect(result.exitCode).toBe(1);
    expect(result.errors[0]).toMatch(
      /^App Store Connect answered something unexpected: page 2 of .*customerReviews links to a page it had already given \(links\.next repeats\)/,
    );
    holds(result, undefined);
  });
});
