/**
 * The assign-testflight-group steps of the READMEs' yaml blocks (the root README's quick start and
 * the action's README), with `${{ github.run_number }}` filled in as 42 and `${{ secrets.NAME }}`
 * in the step's `env` filled from `secrets`. A snippet without `env` sits "inside a job like the
 * one above" (the root README): that job gives the key as ASC_ISSUER_ID, ASC_KEY_ID, ASC_PRIVATE_KEY.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { REPO_ROOT } from '../../../test-support/runner.js';

export interface ReadmeStep {
  where: string;
  with: Record<string, string>;
  /** The step's env (secrets filled in), or the root README job's key variables. */
  env: Record<string, string>;
}

interface Step {
  uses?: string;
  with?: Record<string, unknown>;
  env?: Record<string, unknown>;
}

export const README_FILES = ['README.md', 'actions/assign-testflight-group/README.md'];

function steps(node: unknown): Step[] {
  if (Array.isArray(node)) return node.flatMap(steps);
  if (!node || typeof node !== 'object') return [];
  const record = node as Record<string, unknown>;
  return [...(typeof record.uses === 'string' ? [record as Step] : []), ...Object.values(record).flatMap(steps)];
}

function fill(value: unknown, secrets: Record<string, string>): string {
  return String(value)
    .replace(/\$\{\{\s*github\.run_number\s*\}\}/g, '42')
    .replace(/\$\{\{\s*secrets\.([A-Z0-9_]+)\s*\}\}/g, (whole, name: string) => secrets[name] ?? whole);
}

const fillAll = (values: Record<string, unknown>, secrets: Record<string, string>): Record<string, string> =>
  Object.fromEntries(Object.entries(values).map(([k, v]) => [k, fill(v, secrets)]));

export function readmeSteps(secrets: Record<string, string>): ReadmeStep[] {
  return README_FILES.flatMap((file) => {
    const text = readFileSync(join(REPO_ROOT, file), 'utf8');
    return [...text.matchAll(/```ya?ml\n([\s\S]*?)```/g)]
      .flatMap((m) => steps(parse(m[1]!)))
      .filter((s) => /actions\/assign-testflight-group(@|$)/.test(s.uses!))
      .map((s, i) => ({
        where: `${file} example ${i + 1}`,
        with: fillAll(s.with ?? {}, secrets),
        env: s.env
          ? fillAll(s.env, secrets)
          : {
              ASC_ISSUER_ID: secrets.ASC_ISSUER_ID!,
              ASC_KEY_ID: secrets.ASC_KEY_ID!,
              ASC_PRIVATE_KEY: secrets.ASC_PRIVATE_KEY!,
            },
      }));
  });
}
