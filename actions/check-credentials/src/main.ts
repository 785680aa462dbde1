import { actionsLogger, connect, runAction, type ConnectDeps } from '@asc-actions/core';
import { readSettings } from './inputs.js';
import { checkCredentials } from './read/check.js';
import { writeOutputs } from './report/outputs.js';
import { writeSummary } from './report/summary.js';

/** Wiring only: inputs → one authenticated read → outputs and job summary. */
export async function run(deps: ConnectDeps = {}): Promise<void> {
  await runAction('check-credentials', async () => {
    const settings = readSettings();
    const logger = deps.logger ?? actionsLogger();
    const { client, tokens } = connect(settings, { ...deps, logger });
    const result = await checkCredentials(client, {
      keyType: tokens.keyType,
      now: () => (deps.clock ?? Date).now(),
      logger,
    });
    writeOutputs(result);
    await writeSummary(result, { keyId: settings.keyId, apiBaseUrl: settings.apiBaseUrl });
  });
}
