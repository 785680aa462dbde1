// @ts-check
/**
 * The contract validator as one process serving every emulator of a test run, over a Unix
 * socket: the spec is loaded and each operation's ajv validators compiled once per run instead
 * of once per test file (Jest gives every file a fresh module registry, so the per-process worker
 * of spec-contract.ts is started again for each; that was about half of the suite's CPU time).
 *
 *   node contract-server.mjs SPEC SOCKET
 *
 * Prints `listening SOCKET` once the spec is loaded. Each connection first receives the ready
 * message (the operations), then one answer line per request line (newline-delimited JSON; the
 * messages are those of contract-validator.mjs). Ends when its stdin closes (the process that
 * started it is gone) or on SIGTERM. test-support/global-setup.js starts it; spec-contract.ts
 * connects when ASC_CONTRACT_SOCKET is set for the same spec.
 */
import { rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { createValidator } from './contract-validator.mjs';

const [specPath, socketPath] = process.argv.slice(2);
if (!specPath || !socketPath) throw new Error('usage: contract-server.mjs SPEC SOCKET');

const validator = await createValidator(specPath);
const readyLine = `${JSON.stringify(validator.ready)}\n`;

const server = createServer((socket) => {
  let carry = '';
  socket.setEncoding('utf8');
  socket.on('error', () => socket.destroy());
  socket.on('data', (chunk) => {
    const lines = (carry + chunk).split('\n');
    carry = lines.pop() ?? '';
    let out = '';
    for (const line of lines) if (line) out += `${JSON.stringify(validator.answer(JSON.parse(line)))}\n`;
    if (out) socket.write(out);
  });
  socket.write(readyLine);
});

function stop() {
  server.close();
  rmSync(socketPath, { force: true });
  process.exit(0);
}

rmSync(socketPath, { force: true });
server.listen(socketPath, () => process.stdout.write(`listening ${socketPath}\n`));
process.stdin.on('end', stop);
process.stdin.on('error', stop);
process.stdin.resume();
process.on('SIGTERM', stop);
