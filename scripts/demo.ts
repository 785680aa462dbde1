/**
 * `npm start`: the front door. Starts the emulator CLI with its demo seed and runs every action's
 * bundle against it as the runner would (INPUT_* env vars, GITHUB_OUTPUT, GITHUB_STEP_SUMMARY),
 * printing each job summary and writing the markdown to demo-summaries/. Exits non-zero if any
 * action fails, misses an output, or leaks key material.
 *   --node PATH   run the bundles with this Node binary (CI uses Node 24)
 *   --quiet       print one line per action instead of the summaries
 *   --out DIR     where to write the markdown summaries (default demo-summaries)
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { generateTestKey } from '../test-support/keys.js';
import { keyEncodings } from '../test-support/leaks.js';
import { REPO_ROOT, runBundle, type RunResult } from '../test-support/runner.js';
import { demoSteps } from './demo-steps.js';
import { startEmulatorProcess } from './lib/emulator-process.js';
import { summaryToText } from './lib/summary-text.js';
import { applySharedDefaults } from '../test-support/shared-paths.js';

const { values } = parseArgs({
  options: {
    node: { type: 'string' },
    quiet: { type: 'boolean', default: false },
    out: { type: 'string', default: 'demo-summaries' },
  },
});
applySharedDefaults();
const started = Date.now();
// The demo key is made in memory for this run; only its public half is handed to the emulator.
const key = generateTestKey();
const emulator = await startEmulatorProcess(
  REPO_ROOT,
  [{ keyId: key.keyId, issuerId: key.issuerId, publicKey: key.publicPem }],
  ['--build-processing', '3'],
);
const workspace = mkdtempSync(join(tmpdir(), 'asc-demo-workspace-'));
const earlier: Record<string, Record<string, string>> = {};
const outDir = join(REPO_ROOT, values.out);
mkdirSync(outDir, { recursive: true });
console.log(
  `App Store Connect emulator at ${emulator.baseUrl} (demo seed)${values.node ? `; bundles run on ${values.node}` : ''}\n`,
);

let failed = 0;
try {
  for (const step of demoSteps) {
    const t0 = Date.now();
    await step.prepare?.(workspace);
    const result = await runBundle(step.action, {
      node: values.node,
      env: { GITHUB_WORKSPACE: workspace },
      inputs: {
        'issuer-id': key.issuerId,
        'key-id': key.keyId,
        'private-key': key.privatePem,
        'api-base-url': emulator.baseUrl,
        ...step.inputs,
        ...step.fromEarlier?.(earlier),
      },
      secrets: keyEncodings(key.privatePem),
    }).catch((error: unknown): RunResult => ({
      exitCode: 1,
      errors: [String(error)],
      outputs: {},
      summary: '',
      stdout: '',
      stderr: '',
    }));
    earlier[step.action] = result.outputs;
    const missing = step.expectOutputs.filter((o) => !result.outputs[o]);
    const ok = result.exitCode === 0 && missing.length === 0;
    if (!ok) failed++;
    writeFileSync(join(outDir, `${step.action}.md`), result.summary);
    const ms = Date.now() - t0;
    console.log(`${ok ? '✔' : '✘'} ${step.action} — ${step.title} (${ms} ms)`);
    if (!ok) {
      for (const e of result.errors) console.log(`    error: ${e}`);
      if (missing.length) console.log(`    missing outputs: ${missing.join(', ')}`);
      if (result.stderr) console.log(result.stderr.trim().replace(/^/gm, '    '));
    }
    if (!values.quiet && result.summary)
      console.log('\n' + summaryToText(result.summary).replace(/^/gm, '    ') + '\n');
  }
} finally {
  await emulator.stop();
  rmSync(workspace, { recursive: true, force: true });
}
console.log(
  `\n${demoSteps.length - failed} of ${demoSteps.length} actions passed in ${((Date.now() - started) / 1000).toFixed(1)} s; summaries in ${values.out}/`,
);
process.exitCode = failed > 0 ? 1 : 0;
