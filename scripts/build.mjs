// Builds one ncc bundle per action: actions/<name>/src/index.ts → dist/<name>/index.js.
// Bundles are committed; a rebuild must give the same bytes (CI checks `git status --porcelain dist`).
// Actions build in parallel, one per core.
//
// Lean bundles: actions that use neither @actions/cache nor @actions/github are built with
// @actions/http-client mapped to scripts/bundle/no-oidc-http-client.ts (ncc runs from
// scripts/bundle, whose tsconfig.json holds the mapping). In them the only importer of the real
// client is @actions/core's OIDC client, and it evaluated undici at every start.
// test/repo/lean-bundles.test.ts checks that this list still holds.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';
import { LEAN_ACTIONS } from './bundle/lean-actions.mjs';

const only = process.argv.slice(2);
const names = readdirSync('actions')
  .filter((n) => existsSync(join('actions', n, 'action.yml')) && (only.length === 0 || only.includes(n)))
  .sort();

function build(name) {
  const out = join('dist', name);
  rmSync(out, { recursive: true, force: true });
  const started = Date.now();
  const lean = LEAN_ACTIONS.includes(name);
  const args = [
    resolve('node_modules/@vercel/ncc/dist/ncc/cli.js'),
    'build',
    resolve('actions', name, 'src', 'index.ts'),
    '-o',
    resolve(out),
    '--minify',
    '--license',
    'licenses.txt',
    '--quiet',
  ];
  return new Promise((resolve, reject) => {
    spawn(process.execPath, args, { stdio: 'inherit', cwd: lean ? 'scripts/bundle' : '.' }).on('exit', (code) => {
      if (code !== 0) return reject(new Error(`ncc failed for ${name} (exit ${code})`));
      console.log(
        `built dist/${name}/index.js${lean ? ' (lean)' : ''} in ${((Date.now() - started) / 1000).toFixed(1)} s`,
      );
      resolve();
    });
  });
}

const queue = [...names];
const worker = async () => {
  for (let name = queue.shift(); name; name = queue.shift()) await build(name);
};
await Promise.all(Array.from({ length: Math.min(availableParallelism(), names.length) }, worker));
