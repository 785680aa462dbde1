import { spawn } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { generateTestKey } from '../../test-support/keys.js';
import { REPO_ROOT } from '../../test-support/runner.js';
import { median, type BenchRow } from '../table.js';

const RUNS = 11;

/** Time from spawning a process until it exits (bare Node) or sends its first HTTP request (bundle). */
export async function coldStart(): Promise<BenchRow[]> {
  const bare: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    await new Promise((resolve) => spawn(process.execPath, ['-e', ''], { stdio: 'ignore' }).on('exit', resolve));
    bare.push(performance.now() - t0);
  }
  // A bare recorder stands in for the API: it notes when the first request arrives and answers
  // an empty list, so the figure is the bundle's own start-up, not an emulator's work.
  let firstRequestAt = 0;
  const server = createServer((req, res) => {
    if (!firstRequestAt) firstRequestAt = performance.now();
    res.writeHead(200, {
      'content-type': 'application/json',
      'x-rate-limit': 'user-hour-lim:3600;user-hour-rem:3599;',
    });
    res.end(JSON.stringify({ data: [], links: { self: 'x' }, meta: { paging: { total: 0, limit: 1 } } }));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const key = generateTestKey();
  const bundle: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    firstRequestAt = 0;
    const env = {
      PATH: process.env.PATH,
      'INPUT_ISSUER-ID': key.issuerId,
      'INPUT_KEY-ID': key.keyId,
      'INPUT_PRIVATE-KEY': key.privatePem,
      'INPUT_API-BASE-URL': baseUrl,
    };
    const t0 = performance.now();
    await new Promise((resolve) =>
      spawn(process.execPath, [join(REPO_ROOT, 'dist/check-credentials/index.js')], { env, stdio: 'ignore' }).on(
        'exit',
        resolve,
      ),
    );
    if (firstRequestAt) bundle.push(firstRequestAt - t0);
  }
  await new Promise((r) => server.close(r));
  const b = median(bare);
  const s = median(bundle);
  return [
    { scenario: 'bare `node -e ""` start to exit (median of 11)', figure: `${b.toFixed(1)} ms`, goal: 'reference' },
    {
      scenario: 'check-credentials bundle: spawn → first request',
      figure: `${s.toFixed(1)} ms (${(s / b).toFixed(2)}× bare)`,
      goal: '≤ 2× bare',
      met: s / b <= 2,
    },
  ];
}
