// Runs once before the test workers start; what it sets in process.env reaches every worker.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { applySharedDefaults } from './shared-paths.js';

const root = dirname(dirname(fileURLToPath(import.meta.url)));

/**
 * One contract validator for the whole run (packages/asc-emulator/src/contract/worker/
 * contract-server.mjs): every emulator in every test file asks it over a Unix socket instead of
 * loading the 7 MB spec and compiling its validators again per file. It ends with the run
 * (global-teardown.js), or by itself when this process is gone (its stdin closes).
 */
async function startContractServer(spec) {
  const socket = join(tmpdir(), `asc-contract-${process.pid}.sock`);
  const server = spawn(
    process.execPath,
    [join(root, 'packages/asc-emulator/src/contract/worker/contract-server.mjs'), spec, socket],
    { stdio: ['pipe', 'pipe', 'inherit'] },
  );
  const lines = createInterface({ input: server.stdout });
  await new Promise((ready, fail) => {
    server.once('exit', (code) => fail(new Error(`the contract server exited (${code}) before it was ready`)));
    lines.on('line', (line) => line === `listening ${socket}` && ready());
  });
  server.removeAllListeners('exit');
  globalThis.__ascContractServer = server;
  process.env.ASC_CONTRACT_SOCKET = socket;
  process.env.ASC_CONTRACT_SPEC = resolve(spec);
}

export default async function globalSetup() {
  applySharedDefaults();
  if (!process.env.ASC_OPENAPI_SPEC || !existsSync(process.env.ASC_OPENAPI_SPEC)) {
    const msg =
      "ASC_OPENAPI_SPEC does not point at Apple's OpenAPI spec: the emulator cannot check requests against the contract. Run `npm run fetch-spec` and export the path it prints.";
    if (process.env.CI) throw new Error(msg);
    process.stderr.write(`warning: ${msg}\n`);
    return;
  }
  await startContractServer(process.env.ASC_OPENAPI_SPEC);
}
