import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { join } from 'node:path';

export interface EmulatorProcess {
  baseUrl: string;
  child: ChildProcess;
  stop(): Promise<void>;
}

/** Starts the emulator CLI as its own process (as the e2e workflow does) and waits for its address. */
export async function startEmulatorProcess(
  root: string,
  keys: Array<{ keyId: string; issuerId: string | null; publicKey: string }>,
  args: string[] = [],
): Promise<EmulatorProcess> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', join(root, 'packages/asc-emulator/src/cli.ts'), '--port', '0', '--keys-from-env', ...args],
    {
      cwd: root,
      env: { ...process.env, ASC_EMULATOR_KEYS: JSON.stringify(keys) },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const lines = createInterface({ input: child.stdout });
  const baseUrl = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the emulator did not start within 60 s')), 60_000);
    child.once('exit', (code) => reject(new Error(`the emulator exited with code ${code} before listening`)));
    lines.once('line', (line) => {
      clearTimeout(timer);
      try {
        resolve((JSON.parse(line) as { baseUrl: string }).baseUrl);
      } catch {
        reject(new Error(`unexpected first line from the emulator: ${line}`));
      }
    });
  });
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  return { baseUrl, child, stop };
}
