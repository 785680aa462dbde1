// Runs once before the test workers start; what it sets in process.env reaches every worker.
// The spec and the corpus live outside the repo (../shared here); .ci/run sets both variables.
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export default function globalSetup() {
  const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
  const shared = join(root, '..', 'shared');
  const spec = join(shared, 'asc-openapi', 'app-store-connect-openapi.json');
  if (!process.env.ASC_OPENAPI_SPEC && existsSync(spec)) process.env.ASC_OPENAPI_SPEC = spec;
  if (!process.env.ASC_CORPUS_DIR && existsSync(join(shared, 'corpus'))) process.env.ASC_CORPUS_DIR = join(shared, 'corpus');
  if (!process.env.ASC_OPENAPI_SPEC || !existsSync(process.env.ASC_OPENAPI_SPEC)) {
    const msg = 'ASC_OPENAPI_SPEC is not set to Apple\'s OpenAPI spec: the emulator cannot check requests against the contract. Run `npm run fetch-spec` and export the path it prints.';
    if (process.env.CI) throw new Error(msg);
    process.stderr.write(`warning: ${msg}\n`);
  }
}
