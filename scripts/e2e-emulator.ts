/**
 * For the e2e workflow: makes a throwaway API key in memory, starts the emulator CLI in the
 * background (it outlives this script, until the job ends), and hands the job what the actions
 * need: ASC_ISSUER_ID, ASC_KEY_ID and ASC_PRIVATE_KEY in GITHUB_ENV (masked first, as a secret
 * would be) and the emulator's address as the step output `api-base-url`.
 */
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { appendFileSync, openSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { generateTestKey } from '../test-support/keys.js';
import { REPO_ROOT } from '../test-support/runner.js';

const { GITHUB_ENV, GITHUB_OUTPUT, RUNNER_TEMP } = process.env;
if (!GITHUB_ENV || !GITHUB_OUTPUT || !RUNNER_TEMP)
  throw new Error('run this inside a GitHub Actions job (GITHUB_ENV, GITHUB_OUTPUT, RUNNER_TEMP)');

const key = generateTestKey();
for (const line of key.privatePem.trim().split('\n')) if (!line.startsWith('-----')) console.log(`::add-mask::${line}`);
const log = join(RUNNER_TEMP, 'asc-emulator.out');
const child = spawn(
  process.execPath,
  [
    '--import',
    'tsx',
    join(REPO_ROOT, 'packages/asc-emulator/src/cli.ts'),
    '--port',
    '0',
    '--keys-from-env',
    '--fail-on-violation',
    '--build-processing',
    '5',
    '--transcript',
    join(RUNNER_TEMP, 'asc-emulator-transcript.jsonl'),
  ],
  {
    cwd: REPO_ROOT,
    detached: true,
    stdio: ['ignore', openSync(log, 'w'), 'inherit'],
    env: {
      ...process.env,
      ASC_EMULATOR_KEYS: JSON.stringify([{ keyId: key.keyId, issuerId: key.issuerId, publicKey: key.publicPem }]),
    },
  },
);
child.unref();

let baseUrl: string | undefined;
for (let i = 0; i < 600 && !baseUrl; i++) {
  const first = readFileSync(log, 'utf8').split('\n')[0];
  if (first) baseUrl = (JSON.parse(first) as { baseUrl: string }).baseUrl;
  else await sleep(100);
}
if (!baseUrl) throw new Error('the emulator did not start within 60 s');

const delimiter = `ASC_${randomUUID()}`;
appendFileSync(
  GITHUB_ENV,
  `ASC_ISSUER_ID=${key.issuerId}\nASC_KEY_ID=${key.keyId}\nASC_PRIVATE_KEY<<${delimiter}\n${key.privatePem.trim()}\n${delimiter}\n`,
);
appendFileSync(GITHUB_OUTPUT, `api-base-url=${baseUrl}\nemulator-pid=${child.pid}\n`);
console.log(`App Store Connect emulator at ${baseUrl} (pid ${child.pid})`);
