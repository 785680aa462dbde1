import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { makeApps } from '../src/index.js';
import { newKey, sign } from './support/harness.js';

const CLI = fileURLToPath(new URL('../src/cli.ts', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'asc-emulator-cli-'));
let child: ChildProcess | undefined;

afterAll(() => {
  if (child && child.exitCode === null) child.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

function firstLine(c: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('no output from the CLI within 20 s')), 20_000);
    c.once('exit', (code) => reject(new Error(`the CLI exited early with code ${String(code)}`)));
    createInterface({ input: c.stdout! }).once('line', (line) => {
      clearTimeout(timer);
      resolve(line);
    });
  });
}

test('the CLI listens, prints its baseUrl, answers, and writes the transcript on SIGTERM', async () => {
  const key = newKey('CLIKEY0001');
  const seedFile = join(dir, 'seed.json');
  const transcriptFile = join(dir, 'transcript.jsonl');
  writeFileSync(seedFile, JSON.stringify({ apps: makeApps(3) }));
  const keys = [{ keyId: key.keyId, issuerId: key.issuerId, publicKey: key.publicPem }];
  child = spawn(
    process.execPath,
    ['--import', 'tsx', CLI, '--port', '0', '--seed', seedFile, '--keys-from-env', '--transcript', transcriptFile],
    {
      env: { ...process.env, ASC_EMULATOR_KEYS: JSON.stringify(keys) },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  const { baseUrl } = JSON.parse(await firstLine(child)) as { baseUrl: string };
  expect(baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);

  const token = await sign(key, { nowMs: Date.now() });
  const res = await fetch(`${baseUrl}/v1/apps?filter[bundleId]=com.example.app0002`, {
    headers: { Authorization: `Bearer ${token}` },
  });
  expect(res.status).toBe(200);
  const body = (await res.json()) as { data: Array<{ attributes: { name: string } }> };
  expect(body.data.map((a) => a.attributes.name)).toEqual(['App 0002']);
  expect((await fetch(`${baseUrl}/v1/apps`)).status).toBe(401);

  const exited = new Promise<number | null>((resolve) => child?.once('exit', resolve));
  child.kill('SIGTERM');
  expect(await exited).toBe(0);
  const lines = readFileSync(transcriptFile, 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as { request: string; status: number });
  expect(lines.map((l) => [l.request, l.status])).toEqual([
    ['GET /v1/apps?filter[bundleId]=com.example.app0002', 200],
    ['GET /v1/apps', 401],
  ]);
  expect(stderr).not.toMatch(/contract violation/);
}, 30_000);
