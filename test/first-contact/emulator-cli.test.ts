/**
 * Point 6: `npm run emulator -- --port N` with no key says so at start-up and how to give one,
 * instead of answering every request with a silent 401; --help documents the key JSON.
 */
import { spawn, execFile } from 'node:child_process';
import { createInterface } from 'node:readline';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { REPO_ROOT } from '../../test-support/runner.js';

const CLI = join(REPO_ROOT, 'packages/asc-emulator/src/cli.ts');

test('with no key, the first stderr line says every request will be 401 and how to register a key', async () => {
  const child = spawn(process.execPath, ['--import', 'tsx', CLI, '--port', '0'], {
    cwd: REPO_ROOT,
    env: { PATH: process.env.PATH, HOME: process.env.HOME },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  try {
    const stderrLines: string[] = [];
    const noKey = new Promise<string>((resolve) =>
      createInterface({ input: child.stderr }).on('line', (line) => {
        stderrLines.push(line);
        if (line.includes('API key')) resolve(line);
      }),
    );
    const stdoutLine = await new Promise<string>((resolve) =>
      createInterface({ input: child.stdout }).once('line', resolve),
    );
    const { baseUrl } = JSON.parse(stdoutLine) as { baseUrl: string };
    expect(await noKey).toMatch(
      /^asc-emulator: no API key is registered, so every request will be answered 401\. Register the public half of your test key with --keys-from-env \(env ASC_EMULATOR_KEYS, a JSON array of \{"keyId", "issuerId", "publicKey"\}\) or a "keys" array in the --seed file/,
    );
    expect((await fetch(`${baseUrl}/v1/apps`)).status).toBe(401);
  } finally {
    child.kill('SIGTERM');
  }
}, 60_000);

test('--help documents the key JSON, --keys-from-env and an example', async () => {
  const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', CLI, '--help'], {
    cwd: REPO_ROOT,
  });
  expect(stdout).toContain('--keys-from-env      register the keys in env ASC_EMULATOR_KEYS');
  expect(stdout).toContain(
    '{"keyId": "ABC1234567", "issuerId": "<issuer UUID, or null\nfor an individual key>", "publicKey": "<SPKI PEM>"}',
  );
  expect(stdout).toContain('openssl ec -in AuthKey_ABC1234567.p8 -pubout');
  expect(stdout).toMatch(/npm run emulator -- --port 4010 --keys-from-env$/m);
}, 60_000);
