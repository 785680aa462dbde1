/**
 * Point 4 of the first-contact issue: GitHub's own local runner runs every action's entry
 * (`npx @github/local-action run actions/<name> src/main.ts .env`) against the emulator. The list
 * of actions is read from actions/*, so a new action is covered the day it lands: with a demo
 * step (scripts/demo-steps.ts) it must succeed and set the step's outputs; without one it runs
 * with the credentials only and must end in one clean failure line, never a crash.
 * The key goes through the child's environment (ASC_PRIVATE_KEY), never through the .env file on
 * disk. Inputs go in the .env file, as local-action documents: `npm exec` runs through /bin/sh,
 * which drops environment variables whose names are not shell identifiers, such as INPUT_KEY-ID.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { demoSteps } from '../../scripts/demo-steps.js';
import { startEmulatorProcess, type EmulatorProcess } from '../../scripts/lib/emulator-process.js';
import { generateTestKey } from '../../test-support/keys.js';
import { assertNoLeaks, keyEncodings } from '../../test-support/leaks.js';
import { inputEnvName, REPO_ROOT } from '../../test-support/runner.js';

const run = promisify(execFile);
const actions = readdirSync(join(REPO_ROOT, 'actions'))
  .filter((name) => existsSync(join(REPO_ROOT, 'actions', name, 'action.yml')))
  .sort();
const key = generateTestKey();
let emulator: EmulatorProcess;
let dir: string;

beforeAll(async () => {
  // Build processing as short as the demo's (`npm start`), so upload-build's processed wait ends in seconds.
  emulator = await startEmulatorProcess(
    REPO_ROOT,
    [{ keyId: key.keyId, issuerId: key.issuerId, publicKey: key.publicPem }],
    ['--build-processing', '3'],
  );
  dir = mkdtempSync(join(tmpdir(), 'local-action-'));
}, 90_000);
afterAll(async () => {
  await emulator?.stop();
  rmSync(dir, { recursive: true, force: true });
});

/** A dotenv line; backticks quote values with newlines and both kinds of quotes. */
function dotenvLine(name: string, value: string): string {
  if (value.includes('`')) throw new Error(`${name}: a value with a backtick cannot be written to a .env file`);
  return `${inputEnvName(name)}=\`${value}\``;
}

/**
 * What a contributor's .env holds for this action: the demo step's inputs and the emulator; nothing
 * secret. A step that prepares files (upload-build's .ipa) gets a workspace of its own; reports go
 * to the ignored .tmp/, never to the checkout's root (a default output-path is relative to the working directory).
 */
async function dotenvFile(action: string): Promise<string> {
  const step = demoSteps.find((s) => s.action === action);
  let workspace = REPO_ROOT;
  if (step?.prepare) {
    workspace = join(dir, `workspace-${action}`);
    mkdirSync(workspace, { recursive: true });
    await step.prepare(workspace);
  }
  const writesReport = readFileSync(join(REPO_ROOT, 'actions', action, 'action.yml'), 'utf8').includes(
    '\n  output-path:',
  );
  const inputs = {
    'api-base-url': emulator.baseUrl,
    ...step?.inputs,
    // Inside the checkout's ignored .tmp/ (every report action accepts the workspace), never at its root.
    ...(writesReport ? { 'output-path': `.tmp/local-action/${action}-report` } : {}),
  };
  const lines = [
    `GITHUB_WORKSPACE=${workspace}`,
    `RUNNER_TEMP=${dir}`,
    ...Object.entries(inputs).map(([k, v]) => dotenvLine(k, v)),
  ];
  const file = join(dir, `${action}.env`);
  writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}

test('every action is listed', () => {
  expect(actions).toEqual(
    expect.arrayContaining([
      'check-credentials',
      'upload-metadata',
      'respond-to-reviews',
      'assign-testflight-group',
      'fetch-sales-report',
    ]),
  );
});

test.each(actions)(
  '%s runs under npx @github/local-action against the emulator',
  async (action) => {
    const env = {
      PATH: process.env.PATH!,
      HOME: process.env.HOME!,
      NO_COLOR: '1',
      ASC_KEY_ID: key.keyId,
      ASC_ISSUER_ID: key.issuerId,
      ASC_PRIVATE_KEY: key.privatePem,
    };
    const step = demoSteps.find((s) => s.action === action);
    // The first action runs through `npx`, exactly as the README and CONTRIBUTING.md give the
    // command; the others start the same installed entry point directly (npx resolves to it),
    // which spares one npm start-up (about 1.5 s of CPU) per action. local-action itself still
    // starts its runner through `npm exec tsx` every time.
    const [command, ...entry] =
      action === actions[0]
        ? ['npx', '@github/local-action']
        : [process.execPath, join(REPO_ROOT, 'node_modules/@github/local-action/bin/local-action.js')];
    // A failed action exits 1 (runAction sets the exit code); only a demo step must succeed.
    const { stdout, stderr } = await run(
      command,
      [...entry, 'run', `actions/${action}`, 'src/main.ts', await dotenvFile(action)],
      {
        cwd: REPO_ROOT,
        env,
        maxBuffer: 32 * 1024 * 1024,
      },
    ).catch((error: { stdout?: string; stderr?: string; message: string }) => {
      if (step || error.stdout === undefined)
        throw new Error(
          `local-action failed for ${action}: ${error.message}\n${error.stdout ?? ''}\n${error.stderr ?? ''}`,
        );
      return { stdout: error.stdout, stderr: error.stderr ?? '' };
    });
    assertNoLeaks(
      [
        { name: 'stdout', text: stdout },
        { name: 'stderr', text: stderr },
      ],
      keyEncodings(key.privatePem),
    );
    expect(stdout).toContain('Running Action');
    expect(stdout).not.toMatch(/does not provide an export named|SyntaxError|this is a bug/);
    // No GITHUB_STEP_SUMMARY in the local runner: one warning, never a failure.
    const errors = stdout.split('\n').filter((l) => l.startsWith('::error'));
    if (step) {
      expect(errors).toEqual([]);
      const set = [...stdout.matchAll(/^::set-output name=([^:]+)::(.+)$/gm)].map((m) => m[1]);
      expect(set).toEqual(expect.arrayContaining(step.expectOutputs));
      expect(stdout).toMatch(/^::warning::This runner gives the step no job summary file/m);
    } else {
      // A new action without a demo step yet: credentials alone are not enough, and it says so in one line.
      expect(errors.length).toBeLessThanOrEqual(1);
    }
  },
  240_000,
);
