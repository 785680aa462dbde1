/** Entry point of the emulator process; see cli/main.ts. */
import { main } from './cli/main.js';

const io = {
  env: process.env,
  stdout: (line: string) => process.stdout.write(`${line}\n`),
  stderr: (line: string) => process.stderr.write(`${line}\n`),
};

try {
  const shutdown = await main(process.argv.slice(2), io);
  let stopping = false;
  const stop = (): void => {
    if (stopping) return;
    stopping = true;
    shutdown().then(
      (code) => process.exit(code),
      (e: unknown) => {
        io.stderr(`asc-emulator: ${e instanceof Error ? e.message : String(e)}`);
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
} catch (e) {
  io.stderr(`asc-emulator: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(2);
}
