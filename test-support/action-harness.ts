/**
 * The one harness for an action's tests: an emulator started with a seed, a key made at run
 * time and registered with it, a virtual clock shared by the emulator and the action's client
 * (nothing really sleeps), a workspace folder, and the runner's way of running the action —
 * in this process (`run`) or as the bundle in a child process (`runBundle`): INPUT_* variables,
 * output and summary files, and a leak scan of everything the action wrote.
 *
 * Temp folders made here (the workspace, `tempDir`) are removed when the test file is done.
 * `faultRuns()` is how many seeded runs a fault soak makes: FAULT_RUNS, 10 by default (`.ci/run`
 * sets 50).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { startEmulator, type Emulator, type Seed, type StartOptions } from '@asc-actions/asc-emulator';
import { VirtualClock } from '@asc-actions/core';
import { generateTestKey, type TestKey } from './keys.js';
import { keyEncodings } from './leaks.js';
import { runBundle, runInProcess, type RunResult } from './runner.js';

/** How many seeded runs a fault soak makes: FAULT_RUNS, else 10 (CI sets 50). */
export function faultRuns(): number {
  const runs = Number(process.env.FAULT_RUNS ?? 10);
  if (!Number.isInteger(runs) || runs < 1)
    throw new Error(`FAULT_RUNS must be a whole number ≥ 1; got ${process.env.FAULT_RUNS}`);
  return runs;
}

const made: string[] = [];

/** A new temp folder, removed when the test file is done (or the process exits). */
export function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), `${prefix}-`));
  made.push(dir);
  return dir;
}

function removeTempDirs(): void {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
}
process.once('exit', removeTempDirs);
// Registered as the module loads (hooks cannot be added inside a test); Jest loads it per test file.
if (typeof afterAll === 'function') afterAll(removeTempDirs);

/** Writes `files` (relative path → content) under a new temp folder and returns the folder. */
export function tree(files: Record<string, string | Buffer>, prefix = 'asc-tree'): string {
  const root = tempDir(prefix);
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
  }
  return root;
}

export interface HarnessRunOptions<D> {
  /** More environment for the run (GITHUB_WORKSPACE is the harness's workspace unless set here). */
  env?: Record<string, string | undefined>;
  /** What the action's `run` gets besides the shared clock (a faulty fetch, a logger …). */
  deps?: Partial<D>;
  /** More values the leak scan must not find. */
  secrets?: string[];
}

export interface ActionHarness<D> {
  emulator: Emulator;
  key: TestKey;
  clock: VirtualClock;
  /** A folder standing in for GITHUB_WORKSPACE. */
  workspace: string;
  /** The credentials and base URL, the harness's default inputs, then `extra`. */
  inputs(extra?: Record<string, string>): Record<string, string>;
  /** Runs the action in this process. */
  run(extra?: Record<string, string>, options?: HarnessRunOptions<D>): Promise<RunResult>;
  /** Runs `dist/<bundle>/index.js` as a child process, as the runner does. */
  runBundle(
    extra?: Record<string, string>,
    options?: Omit<HarnessRunOptions<D>, 'deps'> & { timeoutMs?: number },
  ): Promise<RunResult>;
  /** Transcript lines (method, path and decoded query), in the order received. */
  transcript(): string[];
  /** Transcript lines of writes (everything but GET). */
  writes(): string[];
  close(): Promise<void>;
}

export interface HarnessOptions<D> {
  /** The action's `run` from its src/main.ts. */
  run: (deps: D) => Promise<void>;
  /** The folder of its bundle under dist/ (the action's name). */
  bundle?: string;
  seed: Seed;
  /** Default: a virtual clock at its default start. */
  clock?: VirtualClock;
  /** Inputs every run gets (after the credentials), e.g. `app` or `vendor-number`. */
  inputs?: Record<string, string>;
  /** More emulator options (rate limit …). */
  emulator?: Omit<StartOptions, 'seed' | 'clock'>;
  /** Environment every run gets (a run's own `env` adds to it), e.g. a fixed RUNNER_TEMP. */
  env?: Record<string, string | undefined>;
  /**
   * The emulator follows the real clock instead of the shared virtual one: for bundle runs whose
   * waits must agree with the emulator's (build processing in seconds). In-process runs then get
   * no clock from the harness.
   */
  realClock?: boolean;
}

export async function actionHarness<D extends object>(options: HarnessOptions<D>): Promise<ActionHarness<D>> {
  const clock = options.clock ?? new VirtualClock();
  const key = generateTestKey();
  const emulator = await startEmulator({
    ...options.emulator,
    seed: options.seed,
    ...(options.realClock ? {} : { clock }),
  });
  emulator.registerKey({ keyId: key.keyId, issuerId: key.issuerId, publicKey: key.publicPem });
  const workspace = tempDir('asc-workspace');
  const inputs = (extra: Record<string, string> = {}): Record<string, string> => ({
    'issuer-id': key.issuerId,
    'key-id': key.keyId,
    'private-key': key.privatePem,
    'api-base-url': emulator.baseUrl,
    ...options.inputs,
    ...extra,
  });
  const secrets = (more: string[] = []): string[] => [...keyEncodings(key.privatePem), ...more];
  return {
    emulator,
    key,
    clock,
    workspace,
    inputs,
    run: (extra, o = {}) =>
      runInProcess(() => options.run({ ...(options.realClock ? {} : { clock }), ...o.deps } as D), {
        inputs: inputs(extra),
        env: { GITHUB_WORKSPACE: workspace, ...options.env, ...o.env },
        secrets: secrets(o.secrets),
      }),
    runBundle: (extra, o = {}) => {
      if (!options.bundle) throw new Error('actionHarness: give `bundle` (the action name) to run its bundle');
      return runBundle(options.bundle, {
        inputs: inputs(extra),
        env: { GITHUB_WORKSPACE: workspace, ...options.env, ...o.env },
        secrets: secrets(o.secrets),
        timeoutMs: o.timeoutMs,
      });
    },
    transcript: () => emulator.transcript(),
    writes: () => emulator.transcript().filter((line) => !line.startsWith('GET ')),
    close: () => emulator.close(),
  };
}
