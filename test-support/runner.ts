import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { assertNoLeaks } from './leaks.js';

/**
 * Runs actions the way the GitHub runner does: inputs as INPUT_* env vars, outputs and the job
 * summary in files named by GITHUB_OUTPUT / GITHUB_STEP_SUMMARY, workflow commands on stdout.
 * Every run is scanned for secret material before its result is returned.
 */
export interface RunOptions {
  inputs: Record<string, string>;
  env?: Record<string, string | undefined>;
  /** Private key PEMs, tokens and other values that must never appear in what the action wrote. */
  secrets?: string[];
}

export interface RunResult {
  exitCode: number;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  summary: string;
  /** The `::error::` lines' messages. */
  errors: string[];
  /** Bundle runs: the child process's own peak resident set size, in KB (process.resourceUsage). */
  maxRssKb?: number;
}

export const REPO_ROOT = resolve(new URL('.', import.meta.url).pathname, '..');

/** `INPUT_<NAME>` as the runner names it: upper case, spaces to underscores, dashes kept. */
export const inputEnvName = (name: string): string => `INPUT_${name.replace(/ /g, '_').toUpperCase()}`;

interface RunnerFiles {
  dir: string;
  env: Record<string, string>;
  /** The folder outlives the run (in-process runs share it). */
  keep?: boolean;
}

const FILE_KEYS = ['GITHUB_OUTPUT', 'GITHUB_STEP_SUMMARY', 'GITHUB_STATE', 'GITHUB_ENV'];

function runnerFiles(dir = mkdtempSync(join(tmpdir(), 'asc-runner-'))): RunnerFiles {
  const env: Record<string, string> = {
    GITHUB_OUTPUT: join(dir, 'output'),
    GITHUB_STEP_SUMMARY: join(dir, 'summary.md'),
    GITHUB_STATE: join(dir, 'state'),
    GITHUB_ENV: join(dir, 'env'),
    RUNNER_TEMP: join(dir, 'temp'),
    GITHUB_ACTIONS: 'true',
  };
  for (const key of FILE_KEYS) writeFileSync(env[key]!, '');
  return { dir, env };
}

// @actions/core's job-summary writer remembers the summary file's path for the life of the
// process, so in-process runs share one runner folder (emptied before each run); each bundle
// run, a process of its own, gets a fresh folder like a real job step.
let inProcessDir: string | undefined;
// Jest loads this module afresh for each test file: the folder goes when the file is done (a
// worker process may be stopped without an 'exit' event). Registered as the module loads, since
// hooks cannot be added inside a test.
if (typeof afterAll === 'function') {
  afterAll(() => {
    if (inProcessDir) rmSync(inProcessDir, { recursive: true, force: true });
    inProcessDir = undefined;
  });
}
function inProcessFiles(): RunnerFiles {
  if (!inProcessDir) {
    const dir = mkdtempSync(join(tmpdir(), 'asc-runner-'));
    process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
    inProcessDir = dir;
  }
  return { ...runnerFiles(inProcessDir), keep: true };
}

/** Parses the GITHUB_OUTPUT file (`name<<DELIM` … `DELIM` blocks and `name=value` lines). */
export function parseOutputFile(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    const heredoc = /^([^=<]+)<<(.+)$/.exec(line);
    if (heredoc) {
      const [, name, delimiter] = heredoc;
      const value: string[] = [];
      while (++i < lines.length && lines[i] !== delimiter) value.push(lines[i] ?? '');
      out[name!] = value.join('\n');
    } else if (line.includes('=')) {
      out[line.slice(0, line.indexOf('='))] = line.slice(line.indexOf('=') + 1);
    }
  }
  return out;
}

function finish(files: RunnerFiles, exitCode: number, stdout: string, stderr: string, secrets: string[]): RunResult {
  const output = readFileSync(files.env.GITHUB_OUTPUT!, 'utf8');
  const summary = readFileSync(files.env.GITHUB_STEP_SUMMARY!, 'utf8');
  const rssFile = join(files.dir, 'maxrss');
  const maxRssKb = existsSync(rssFile) ? Number(readFileSync(rssFile, 'utf8')) : undefined;
  if (!files.keep) rmSync(files.dir, { recursive: true, force: true });
  return { ...scanned(exitCode, stdout, stderr, output, summary, secrets), maxRssKb };
}

function scanned(
  exitCode: number,
  stdout: string,
  stderr: string,
  output: string,
  summary: string,
  secrets: string[],
): RunResult {
  assertNoLeaks(
    [
      { name: 'stdout', text: stdout },
      { name: 'stderr', text: stderr },
      { name: 'GITHUB_OUTPUT', text: output },
      { name: 'job summary', text: summary },
    ],
    secrets,
  );
  const errors = stdout
    .split('\n')
    .filter((l) => l.startsWith('::error'))
    .map((l) => l.replace(/^::error[^:]*::/, ''));
  return { exitCode, stdout, stderr, outputs: parseOutputFile(output), summary, errors };
}

function inputsEnv(inputs: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(inputs).map(([k, v]) => [inputEnvName(k), v]));
}

/** Runs `dist/<name>/index.js` as a child process, as the runner runs a JavaScript action. */
export async function runBundle(
  name: string,
  options: RunOptions & { node?: string; timeoutMs?: number; distDir?: string },
): Promise<RunResult> {
  const files = runnerFiles();
  const env: Record<string, string> = {};
  // The child reports its own peak RSS on exit (RunResult.maxRssKb).
  const rss = {
    NODE_OPTIONS: `--require ${join(REPO_ROOT, 'test-support', 'max-rss.cjs')}`,
    ASC_MAXRSS_FILE: join(files.dir, 'maxrss'),
  };
  for (const [k, v] of Object.entries({
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    ...rss,
    ...files.env,
    ...inputsEnv(options.inputs),
    ...options.env,
  })) {
    if (v !== undefined) env[k] = v;
  }
  const child = spawn(
    options.node ?? process.execPath,
    [join(options.distDir ?? join(REPO_ROOT, 'dist'), name, 'index.js')],
    { env, cwd: files.dir, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 60_000);
  const exitCode = await new Promise<number>((res) => child.on('close', (code) => res(code ?? 1)));
  clearTimeout(timer);
  return finish(files, exitCode, stdout, stderr, options.secrets ?? []);
}

/** The values registered with `::add-mask::`, unescaped as the runner does. */
export function maskedValues(lines: string[]): string[] {
  return lines
    .filter((l) => l.startsWith('::add-mask::'))
    .map((l) => l.slice('::add-mask::'.length).replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%'));
}

export interface InProcessResult<T> {
  value?: T;
  error?: unknown;
  stdout: string;
  /** stdout split into non-empty lines. */
  lines: string[];
  /** The raw GITHUB_OUTPUT and GITHUB_STEP_SUMMARY texts. */
  output: string;
  summary: string;
  exitCode: number;
}

/**
 * Runs `fn` in this process as the runner would run an action: INPUT_* and ASC_* variables
 * replaced by `inputs` and `env`, the runner's files, stdout captured. process.env and
 * process.exitCode are restored afterwards; what `fn` returned or threw is handed back.
 */
export async function asRunner<T>(
  inputs: Record<string, string>,
  env: Record<string, string | undefined>,
  fn: () => T | Promise<T>,
): Promise<InProcessResult<T>> {
  const files = inProcessFiles();
  const saved = { ...process.env };
  const savedExit = process.exitCode;
  for (const key of Object.keys(process.env))
    if (key.startsWith('INPUT_') || key.startsWith('ASC_') || key === 'RUNNER_DEBUG') delete process.env[key];
  Object.assign(process.env, files.env, inputsEnv(inputs));
  for (const [k, v] of Object.entries(env)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  const chunks: string[] = [];
  const write = process.stdout.write.bind(process.stdout);
  process.stdout.write = (chunk: string | Uint8Array) => {
    chunks.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString());
    return true;
  };
  process.exitCode = 0;
  const result: Partial<InProcessResult<T>> = {};
  try {
    result.value = await fn();
  } catch (error) {
    result.error = error;
  } finally {
    process.stdout.write = write;
    result.exitCode = Number(process.exitCode ?? 0);
    process.exitCode = savedExit;
    for (const key of Object.keys(process.env)) if (!(key in saved)) delete process.env[key];
    Object.assign(process.env, saved);
  }
  const stdout = chunks.join('');
  const output = readFileSync(files.env.GITHUB_OUTPUT!, 'utf8');
  const summary = readFileSync(files.env.GITHUB_STEP_SUMMARY!, 'utf8');
  return {
    ...result,
    stdout,
    lines: stdout.split(/\r?\n/).filter((l) => l !== ''),
    output,
    summary,
  } as InProcessResult<T>;
}

/** Runs an action's `run()` in this process with the runner's env and files; scans for leaks. */
export async function runInProcess(run: () => Promise<void>, options: RunOptions): Promise<RunResult> {
  const r = await asRunner(options.inputs, options.env ?? {}, run);
  if (r.error) throw r.error;
  return scanned(r.exitCode, r.stdout, '', r.output, r.summary, options.secrets ?? []);
}
