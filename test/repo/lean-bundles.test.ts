/**
 * Lean bundles (scripts/build.mjs): the actions listed in scripts/bundle/lean-actions.mjs are
 * built without @actions/http-client, so they must be exactly the actions that use neither
 * @actions/cache nor @actions/github, and their start-up chunk must hold no undici.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../../test-support/runner.js';
import { BearerCredentialHandler, HttpClient } from '../../scripts/bundle/no-oidc-http-client.js';
// @ts-expect-error: a plain .mjs list shared with scripts/build.mjs
import { LEAN_ACTIONS } from '../../scripts/bundle/lean-actions.mjs';

const actions = readdirSync(join(REPO_ROOT, 'actions')).sort();

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

const needsHttpClient = (action: string): boolean =>
  sources(join(REPO_ROOT, 'actions', action, 'src')).some((file) =>
    /from '@actions\/(cache|github)'|\bactionsCache\(/.test(readFileSync(file, 'utf8')),
  );

test('the lean list is exactly the actions that use neither the Actions cache nor @actions/github', () => {
  const lean = actions.filter((a) => !needsHttpClient(a));
  expect([...(LEAN_ACTIONS as string[])].sort()).toEqual(lean);
  expect(lean.length).toBeGreaterThan(0);
});

test.each(LEAN_ACTIONS as string[])(
  'dist/%s/index.js starts without undici (it is a chunk loaded for a proxy only)',
  (action) => {
    const main = readFileSync(join(REPO_ROOT, 'dist', action, 'index.js'), 'utf8');
    expect(main).not.toMatch(/undici/);
    const chunks = readdirSync(join(REPO_ROOT, 'dist', action)).filter((f) => /^\d+\.index\.js$/.test(f));
    expect(chunks.some((c) => /undici/.test(readFileSync(join(REPO_ROOT, 'dist', action, c), 'utf8')))).toBe(true);
  },
);

test('the stand-in says why there is no OIDC client if anything ever constructs one', () => {
  expect(() => new HttpClient()).toThrow(/left out of this action's bundle.*getIDToken\(\) is not available/);
  expect(() => new BearerCredentialHandler()).toThrow(/left out of this action's bundle/);
});
