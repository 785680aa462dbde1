/**
 * docs/examples/upload-on-linux.yml runs as written: its `ship` job (ubuntu-latest) uploads the
 * .ipa with upload-build and hands the build to TestFlight testers with assign-testflight-group,
 * both bundles as child processes against one emulator, the key from the step's env as the
 * example gives it, `${{ steps.upload.outputs.* }}` filled from the first step's outputs.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import type { Seed, TestFlightSeed } from '@asc-actions/asc-emulator';
import { keyEncodings } from '../../../test-support/leaks.js';
import { REPO_ROOT, runBundle, type RunResult } from '../../../test-support/runner.js';
import { bundleWorld, type World } from './fixtures.js';

interface Step {
  id?: string;
  uses?: string;
  with?: Record<string, unknown>;
  env?: Record<string, unknown>;
}
interface Workflow {
  jobs: Record<string, { 'runs-on': string; steps: Step[] }>;
}

const APP_ID = '1700000042';

const notes: Seed & TestFlightSeed = {
  apps: [{ id: APP_ID, name: 'Notes', bundleId: 'com.example.notes', primaryLocale: 'en-US' }],
  betaGroups: [{ app: APP_ID, name: 'Public Beta' }],
  betaAppLocalizations: [
    { app: APP_ID, locale: 'en-US', description: 'Notes, synced.', feedbackEmail: 'beta@example.com' },
  ],
  betaAppReviewDetails: [
    {
      app: APP_ID,
      contactFirstName: 'Riley',
      contactLastName: 'Reviewer',
      contactPhone: '+1 555 0100',
      contactEmail: 'review@example.com',
    },
  ],
};

let h: World;
afterEach(async () => {
  expect(h.emulator.violations).toEqual([]);
  await h.close();
});

test('upload-on-linux.yml: upload on ubuntu-latest, then hand the build-id to TestFlight in the same job', async () => {
  const workflow = parse(readFileSync(join(REPO_ROOT, 'docs/examples/upload-on-linux.yml'), 'utf8')) as Workflow;
  const job = Object.values(workflow.jobs).find((j) =>
    j.steps.some((s) => s.uses?.includes('/actions/upload-build@')),
  )!;
  expect(job['runs-on']).toBe('ubuntu-latest');
  const actionSteps = job.steps.filter((s) => s.uses?.includes('/asc-actions/actions/'));
  expect(actionSteps.map((s) => /actions\/([a-z-]+)@/.exec(s.uses!)?.[1])).toEqual([
    'upload-build',
    'assign-testflight-group',
  ]);

  h = await bundleWorld(notes);
  // What the build job hands over as the `ipa` artifact.
  await h.ipa('Notes.ipa', {
    name: 'Notes',
    bundleId: 'com.example.notes',
    version: '1.4',
    buildNumber: '42',
    payloadBytes: 100 * 1024,
  });

  const secrets: Record<string, string> = {
    ASC_ISSUER_ID: h.key.issuerId,
    ASC_KEY_ID: h.key.keyId,
    ASC_PRIVATE_KEY: h.key.privatePem,
  };
  const outputs: Record<string, Record<string, string>> = {};
  const fill = (value: unknown): string =>
    String(value)
      .replace(/\$\{\{\s*secrets\.([A-Z_]+)\s*\}\}/g, (_, name: string) => secrets[name] ?? '')
      .replace(/\$\{\{\s*steps\.([a-z-]+)\.outputs\.([a-z-]+)\s*\}\}/g, (_, id: string, out: string) => {
        const value = outputs[id]?.[out];
        if (value === undefined) throw new Error(`the example reads steps.${id}.outputs.${out}, which is not set`);
        return value;
      });
  const results: RunResult[] = [];
  const startedAt: number[] = [];
  for (const step of actionSteps) {
    startedAt.push(h.transcript().length);
    const name = /actions\/([a-z-]+)@/.exec(step.uses!)![1]!;
    const inputs = Object.fromEntries(Object.entries(step.with ?? {}).map(([k, v]) => [k, fill(v)]));
    const env = Object.fromEntries(Object.entries(step.env ?? {}).map(([k, v]) => [k, fill(v)]));
    const result = await runBundle(name, {
      // As written, plus where App Store Connect is: the emulator.
      inputs: { ...inputs, 'api-base-url': h.emulator.baseUrl },
      env: { ...env, GITHUB_WORKSPACE: h.workspace },
      secrets: keyEncodings(h.key.privatePem),
      timeoutMs: 90_000,
    });
    expect({ step: name, errors: result.errors, exitCode: result.exitCode }).toEqual({
      step: name,
      errors: [],
      exitCode: 0,
    });
    if (step.id) outputs[step.id] = result.outputs;
    results.push(result);
  }
  const [upload, testflight] = results as [RunResult, RunResult];
  const build = h.emulator.state.all('builds').find((b) => b.attributes.version === '42')!;
  expect(upload.outputs).toMatchObject({ state: 'processed', 'build-id': build.id, version: '1.4' });
  expect(testflight.outputs).toMatchObject({ 'build-id': build.id, 'beta-review-state': 'WAITING_FOR_REVIEW' });
  // The build id was handed over: assign-testflight-group read the build, never searched the list.
  const assignRequests = h.transcript().slice(startedAt[1]);
  expect(assignRequests.filter((l) => /^GET \/v1\/builds\?.*filter\[version\]=/.test(l))).toEqual([]);
  expect(assignRequests.some((l) => l.startsWith(`GET /v1/builds/${build.id}`))).toBe(true);
  expect(h.emulator.state.relatedIds(build, 'betaGroups')).toHaveLength(1);
}, 120_000);
