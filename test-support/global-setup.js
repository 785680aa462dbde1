// Runs once before the test workers start; what it sets in process.env reaches every worker.
import { existsSync } from 'node:fs';
import { applySharedDefaults } from './shared-paths.js';

export default function globalSetup() {
  applySharedDefaults();
  if (!process.env.ASC_OPENAPI_SPEC || !existsSync(process.env.ASC_OPENAPI_SPEC)) {
    const msg =
      "ASC_OPENAPI_SPEC does not point at Apple's OpenAPI spec: the emulator cannot check requests against the contract. Run `npm run fetch-spec` and export the path it prints.";
    if (process.env.CI) throw new Error(msg);
    process.stderr.write(`warning: ${msg}\n`);
  }
}
