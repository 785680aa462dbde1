import { actionsLogger, connect, readCommonInputs, runAction, setOutputs, type ConnectDeps } from '@asc-actions/core';
import { checkCredentials } from './check.js';
import { writeSummary } from './summary.js';

/** Wiring only: inputs → one authenticated read → outputs and job summary. */
export async function run(deps: ConnectDeps = {}): Promise<void> {
  await runAction('check-credentials', async () => {
      const settings = readCommonInputs();
      const logger = deps.logger ?? actionsLogger();
      const { client, tokens } = connect(settings, { ...deps, logger });
      const result = await checkCredentials(client, { keyType: tokens.keyType, now: () => (deps.clock ?? Date).now(), logger });
      setOutputs({
        'key-type': result.keyType,
        'rate-limit-limit': result.rateLimit.limit ?? '',
        'rate-limit-remaining': result.rateLimit.remaining ?? '',
        'apps-visible': result.appsVisible,
        'clock-skew-seconds': result.clockSkewSeconds ?? '',
        result: JSON.stringify(result),
      });
      await writeSummary(result, { keyId: settings.keyId, apiBaseUrl: settings.apiBaseUrl });
  });
}
