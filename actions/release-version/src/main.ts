import { actionsLogger, connect, readCommonInputs, runAction, type ConnectDeps } from '@asc-actions/core';
import { apply } from './apply/apply.js';
import { readSettings } from './inputs.js';
import { plan } from './plan/plan.js';
import { readState } from './read/read-state.js';
import { report } from './report/report.js';

/** Releasing needs App Manager or Admin. */
export const REQUIRED_ROLE = 'App Manager';

/** Wiring: inputs → read → plan → apply unless dry-run or nothing to do → outputs and summary. */
export async function run(deps: ConnectDeps = {}): Promise<void> {
  await runAction(
    'release-version',
    async () => {
      const common = readCommonInputs();
      const settings = readSettings();
      const logger = deps.logger ?? actionsLogger();
      const { client } = connect(common, { ...deps, logger });
      const state = await readState(client, settings);
      const planned = plan(state.versions, settings);
      logger.info(planned.note);
      const after = planned.action && !common.dryRun ? await apply(client, settings, planned) : planned.version;
      await report(state.app.name, settings, planned, after, common.dryRun);
    },
    { requiredRole: REQUIRED_ROLE },
  );
}
