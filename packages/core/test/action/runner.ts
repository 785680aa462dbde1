/**
 * Runs code the way the Actions runner runs an action: inputs as `INPUT_<NAME>` env vars
 * (upper-case, spaces to underscores, dashes kept), GITHUB_OUTPUT / GITHUB_STEP_SUMMARY as temp
 * files, stdout captured. Everything is restored afterwards.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface RunnerResult<T> {
  value?: T;
  error?: unknown;
  stdout: string;
  lines: string[];
  output: string;
  summary: string;
  exitCode: typeof process.exitCode;
}

export function inputEnvName(name: string): string {
  return `INPUT_${name.replace(/ /g, '_').toUpperCase()}`;
}

/** The values registered with `::add-mask::`, unescaped as the runner does. */
export function maskedValues(lines: string[]): string[] {
  return lines
    .filter((l) => l.startsWith('::add-mask::'))
    .map((l) => l.slice('::add-mask::'.length).replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%'));
}

export async function asRunner<T>(
  inputs: Record<string, string>,
  env: Record<string, string>,
  fn: () => T | Promise<T>,
): Promise<RunnerResult<T>> {
  const saved = { ...process.env };
  const savedExit = process.exitCode;
  const dir = mkdtempSync(join(tmpdir(), 'asc-runner-'));
  const chunks: string[] = [];
  const write = process.stdout.write;
  for (const k of Object.keys(process.env)) if (k.startsWith('INPUT_') || k.startsWith('ASC_') || k === 'RUNNER_DEBUG') delete process.env[k];
  const outputFile = join(dir, 'output');
  const summaryFile = join(dir, 'summary');
  writeFileSync(outputFile, '');
  writeFileSync(summaryFile, '');
  Object.assign(process.env, { GITHUB_OUTPUT: outputFile, GITHUB_STEP_SUMMARY: summaryFile, RUNNER_TEMP: dir }, env);
  for (const [name, value] of Object.entries(inputs)) process.env[inputEnvName(name)] = value;
  process.exitCode = undefined;
  process.stdout.write = ((chunk: string | Uint8Array) => {
    chunks.push(String(chunk));
    return true;
  }) as typeof process.stdout.write;
  const result: Partial<RunnerResult<T>> = {};
  try {
    result.value = await fn();
  } catch (error) {
    result.error = error;
  } finally {
    process.stdout.write = write;
    result.exitCode = process.exitCode;
    process.exitCode = savedExit;
    for (const k of Object.keys(process.env)) if (!(k in saved)) delete process.env[k];
    Object.assign(process.env, saved);
  }
  const stdout = chunks.join('');
  const files = { output: readFileSync(outputFile, 'utf8'), summary: readFileSync(summaryFile, 'utf8') };
  rmSync(dir, { recursive: true, force: true });
  return { ...result, stdout, lines: stdout.split(/\r?\n/).filter((l) => l !== ''), ...files } as RunnerResult<T>;
}
