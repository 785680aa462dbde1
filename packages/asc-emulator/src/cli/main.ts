/**
 * The emulator as a process, for the demo and the e2e workflow:
 *   tsx packages/asc-emulator/src/cli.ts --port 0 --seed seed.json --keys-from-env [--transcript FILE]
 * Prints one JSON line `{"baseUrl": "..."}` when listening; SIGTERM/SIGINT close it.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { startEmulator, transcriptLine } from '../emulator.js';
import type { Emulator, Seed, SeedKey } from '../types.js';
import { demoPipelineSeed } from '../seed/demo-review.js';
import { buildUploadControl } from '../resources/testflight/build-upload/control.js';

const USAGE = `usage: asc-emulator [--port N] [--host H] [--seed FILE] [--keys-from-env] [--spec FILE] [--transcript FILE] [--fail-on-violation] [--build-processing SECONDS]
  --port N             port to listen on (default 0: any free port); the first stdout line is {"baseUrl": "..."}
  --host H             address to listen on (default 127.0.0.1)
  --seed FILE          JSON seed (apps, builds, reviews, …; default: the demo seed); its "keys" array registers keys too
  --keys-from-env      register the keys in env ASC_EMULATOR_KEYS
  --spec FILE          Apple's OpenAPI spec to hold requests and responses to (default: env ASC_OPENAPI_SPEC)
  --transcript FILE    write every request as a JSON line on exit
  --fail-on-violation  exit 1 on shutdown if any request or response broke Apple's spec
  --build-processing S seconds from a build upload's commit to its processed build (default 300)

App Review (outside Apple's API; no token needed): a submitted version moves on by the clock (6 h
waiting, 2 h in review), or one step now with
  curl -X POST <baseUrl>/__control/app-review/versions/<versionId>/advance[?outcome=reject]
WAITING_FOR_REVIEW → IN_REVIEW, then approved (MANUAL → PENDING_DEVELOPER_RELEASE, AFTER_APPROVAL →
READY_FOR_DISTRIBUTION) or rejected; the answer is JSON with the version's and submission's states.

Keys: the emulator verifies every token's ES256 signature, so it must know the public half of each
key a client signs with. A key is JSON {"keyId": "ABC1234567", "issuerId": "<issuer UUID, or null
for an individual key>", "publicKey": "<SPKI PEM>"}; ASC_EMULATOR_KEYS and a seed's "keys" hold an
array of them. The public PEM of a .p8: openssl ec -in AuthKey_ABC1234567.p8 -pubout
Example:
  ASC_EMULATOR_KEYS='[{"keyId":"ABC1234567","issuerId":"69a6de70-0000-47e3-e053-5b8c7c11a4d1","publicKey":"-----BEGIN PUBLIC KEY-----\\n…\\n-----END PUBLIC KEY-----"}]' \\
    npm run emulator -- --port 4010 --keys-from-env`;

/** Said at start-up when no key is registered: otherwise every request is a silent 401. */
export const NO_KEY_WARNING =
  'asc-emulator: no API key is registered, so every request will be answered 401. Register the public half of your test key ' +
  'with --keys-from-env (env ASC_EMULATOR_KEYS, a JSON array of {"keyId", "issuerId", "publicKey"}) or a "keys" array in the --seed file; ' +
  'see --help for the JSON and an example.';

export interface CliIo {
  env: NodeJS.ProcessEnv;
  stdout: (line: string) => void;
  stderr: (line: string) => void;
}

function keysFromEnv(env: NodeJS.ProcessEnv): SeedKey[] {
  const raw = env.ASC_EMULATOR_KEYS;
  if (!raw) throw new Error('--keys-from-env: ASC_EMULATOR_KEYS is not set');
  const keys = JSON.parse(raw) as SeedKey[];
  if (!Array.isArray(keys)) throw new Error('ASC_EMULATOR_KEYS must be a JSON array of {keyId, issuerId, publicKey}');
  return keys;
}

function writeTranscript(file: string, emulator: Emulator): void {
  const lines = emulator.requests.map((e) => JSON.stringify({ request: transcriptLine(e), ...e }));
  writeFileSync(file, lines.length ? `${lines.join('\n')}\n` : '');
}

/** Starts the emulator; resolves with a function that shuts it down and returns the exit code. */
export async function main(argv: string[], io: CliIo): Promise<() => Promise<number>> {
  const { values } = parseArgs({
    args: argv,
    options: {
      port: { type: 'string', default: '0' },
      host: { type: 'string', default: '127.0.0.1' },
      seed: { type: 'string' },
      spec: { type: 'string' },
      'keys-from-env': { type: 'boolean', default: false },
      transcript: { type: 'string' },
      'fail-on-violation': { type: 'boolean', default: false },
      'build-processing': { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    io.stdout(USAGE);
    return async () => 0;
  }
  // Without --seed: the demo pipeline's seed (the demo seed plus what App Review needs for Demo Notes 1.5).
  const seed = values.seed ? (JSON.parse(readFileSync(values.seed, 'utf8')) as Seed) : demoPipelineSeed();
  const keys = values['keys-from-env'] ? keysFromEnv(io.env) : [];
  const emulator = await startEmulator({
    seed,
    keys,
    port: Number(values.port),
    host: values.host,
    specPath: values.spec,
  });
  if (values['build-processing'] !== undefined) {
    // Seconds from a build upload's commit to its processed build (Apple: minutes), for demos.
    const control = buildUploadControl(emulator.state);
    control.processingMs = Number(values['build-processing']) * 1000;
    control.listedAfterMs = control.processingMs / 2;
  }
  io.stdout(JSON.stringify({ baseUrl: emulator.baseUrl }));
  if (keys.length === 0 && (seed?.keys ?? []).length === 0) io.stderr(NO_KEY_WARNING);
  return async () => {
    await emulator.close();
    if (values.transcript) writeTranscript(values.transcript, emulator);
    for (const v of emulator.violations)
      io.stderr(`asc-emulator: contract violation (${v.direction}) ${v.method} ${v.path}: ${v.problems.join('; ')}`);
    return values['fail-on-violation'] && emulator.violations.length ? 1 : 0;
  };
}
