/**
 * The READMEs' assign-testflight-group examples, extracted and run as written against the
 * emulator (the root README's quick start and the action's README): what a new user copies first
 * must go green.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { REPO_ROOT } from '../../../test-support/runner.js';
import { APP_ID, baseSeed, world } from './fixtures.js';

interface Step {
  uses?: string;
  with?: Record<string, unknown>;
}

function steps(node: unknown): Step[] {
  if (Array.isArray(node)) return node.flatMap(steps);
  if (!node || typeof node !== 'object') return [];
  const record = node as Record<string, unknown>;
  return [...(typeof record.uses === 'string' ? [record as Step] : []), ...Object.values(record).flatMap(steps)];
}

/** The `with:` of every assign-testflight-group step in a markdown file's yaml blocks. */
function examples(file: string): Array<Record<string, string>> {
  const text = readFileSync(join(REPO_ROOT, file), 'utf8');
  return [...text.matchAll(/```ya?ml\n([\s\S]*?)```/g)]
    .flatMap((m) => steps(parse(m[1]!)))
    .filter((s) => /actions\/assign-testflight-group(@|$)/.test(s.uses!))
    .map((s) =>
      Object.fromEntries(
        Object.entries(s.with ?? {}).map(([k, v]) => [
          k,
          String(v).replace(/\$\{\{\s*github\.run_number\s*\}\}/g, '42'),
        ]),
      ),
    );
}

const cases = ['README.md', 'actions/assign-testflight-group/README.md'].flatMap((file) =>
  examples(file).map((inputs, i) => [`${file} example ${i + 1}`, inputs] as const),
);

test('the READMEs have assign-testflight-group examples', () => {
  expect(cases.length).toBeGreaterThanOrEqual(2);
});

test.each(cases)('%s runs green as written, and a rerun writes nothing', async (_where, inputs) => {
  // A typical upload: the app declares ITSAppUsesNonExemptEncryption in its Info.plist.
  const seed = baseSeed({
    builds: [
      {
        app: APP_ID,
        version: '1.4',
        buildNumber: '42',
        uploadedDate: '2026-11-26T11:00:00Z',
        usesNonExemptEncryption: false,
      },
    ],
  });
  const w = await world({
    ...seed,
    apps: [{ id: APP_ID, name: 'Notes', bundleId: 'com.example.notes', primaryLocale: 'en-US' }],
  });
  for (const value of Object.values(inputs)) expect(value).not.toMatch(/\$\{\{/); // nothing left to fill in
  const result = await w.run(inputs);
  expect(result.errors).toEqual([]);
  expect(result.exitCode).toBe(0);
  const writes = w.writes().length;
  expect((await w.run(inputs)).errors).toEqual([]);
  expect(w.writes().length).toBe(writes);
  expect(w.emulator.violations).toEqual([]);
  await w.close();
});
