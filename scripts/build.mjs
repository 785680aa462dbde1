// Builds one ncc bundle per action: actions/<name>/src/index.ts → dist/<name>/index.js.
// Bundles are committed; a rebuild must give the same bytes (CI checks `git status --porcelain dist`).
// Actions build in parallel, one per core.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';

const only = process.argv.slice(2);
const names = readdirSync('actions')
  .filter((n) => existsSync(join('actions', n, 'action.yml')) && (only.length === 0 || only.includes(n)))
  .sort();

function build(name) {
  const out = join('dist', name);
  rmSync(out, { recursive: true, force: true });
  const started = Date.now();
  const args = [
    'node_modules/@vercel/ncc/dist/ncc/cli.js',
    'build',
    join('actions', name, 'src', 'index.ts'),
    '-o',
    out,
    '--minify',
    '--license',
    'licenses.txt',
    '--quiet',
  ];
  return new Promise((resolve, reject) => {
    spawn(process.execPath, args, { stdio: 'inherit' }).on('exit', (code) => {
      if (code !== 0) return reject(new Error(`ncc failed for ${name} (exit ${code})`));
      console.log(`built dist/${name}/index.js in ${((Date.now() - started) / 1000).toFixed(1)} s`);
      resolve();
    });
  });
}

const queue = [...names];
const worker = async () => {
  for (let name = queue.shift(); name; name = queue.shift()) await build(name);
};
await Promise.all(Array.from({ length: Math.min(availableParallelism(), names.length) }, worker));
