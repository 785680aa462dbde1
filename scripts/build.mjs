// Builds one ncc bundle per action: actions/<name>/src/index.ts → dist/<name>/index.js.
// Bundles are committed; a rebuild must give the same bytes (CI checks `git status --porcelain dist`).
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const only = process.argv.slice(2);
const names = readdirSync('actions').filter((n) => existsSync(join('actions', n, 'action.yml')) && (only.length === 0 || only.includes(n)));
for (const name of names) {
  const out = join('dist', name);
  rmSync(out, { recursive: true, force: true });
  const started = Date.now();
  execFileSync(
    process.execPath,
    ['node_modules/@vercel/ncc/dist/ncc/cli.js', 'build', join('actions', name, 'src', 'index.ts'), '-o', out, '--minify', '--license', 'licenses.txt', '--quiet'],
    { stdio: 'inherit' },
  );
  console.log(`built dist/${name}/index.js in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
