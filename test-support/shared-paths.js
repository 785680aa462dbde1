// Apple's spec and the corpus live outside the repo (../shared in this workspace). When the
// variables are unset and that folder exists, point them there; otherwise leave them alone.
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export function applySharedDefaults(env = process.env) {
  const shared = join(resolve(dirname(fileURLToPath(import.meta.url)), '..'), '..', 'shared');
  const spec = join(shared, 'asc-openapi', 'app-store-connect-openapi.json');
  if (!env.ASC_OPENAPI_SPEC && existsSync(spec)) env.ASC_OPENAPI_SPEC = spec;
  if (!env.ASC_CORPUS_DIR && existsSync(join(shared, 'corpus'))) env.ASC_CORPUS_DIR = join(shared, 'corpus');
  return env;
}
