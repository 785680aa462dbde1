/** The `plan` output: the plan as JSON for later steps, with App Review values left out. */
import type { StepResult } from '../apply/steps.js';
import type { Finding } from '../model/findings.js';
import { changesOf, type Change, type Plan } from '../model/plan.js';

export interface PublicChange {
  step: string;
  resource: Change['resource'];
  locale?: string;
  field: string;
  before: string | null;
  after: string | null;
  length?: number;
  limit?: number;
  /** Values of App Review fields are never output. */
  hidden?: true;
  status?: StepResult['status'];
}

export interface PlanDocument {
  app: { id: string; bundleId: string; name: string };
  platform: string;
  version: { versionString: string; state: string; create: boolean };
  dryRun: boolean;
  changes: PublicChange[];
  createdLocales: string[];
  findings: Array<Pick<Finding, 'level' | 'code' | 'message' | 'file' | 'line'>>;
  result?: {
    applied: number;
    failed: Array<{ step: string; error: string }>;
    notPersisted: Array<{ locale?: string; field: string }>;
  };
}

function publicChange(stepId: string, change: Change, results?: StepResult[]): PublicChange {
  const status = results?.find((r) => r.stepId === stepId)?.status;
  return {
    step: stepId,
    resource: change.resource,
    ...(change.locale ? { locale: change.locale } : {}),
    field: change.field,
    before: change.secret ? null : (change.before ?? null),
    after: change.secret ? null : change.after,
    ...(change.after !== null && !change.secret ? { length: [...change.after].length } : {}),
    ...(change.limit !== undefined ? { limit: change.limit } : {}),
    ...(change.secret ? { hidden: true as const } : {}),
    ...(status ? { status } : {}),
  };
}

export function planDocument(
  plan: Plan,
  dryRun: boolean,
  outcome?: { results: StepResult[]; notPersisted: Change[] },
): PlanDocument {
  const t = plan.target;
  return {
    app: { id: t.appId, bundleId: t.bundleId, name: t.appName },
    platform: t.platform,
    version: { versionString: t.versionString, state: t.versionState, create: t.createVersion },
    dryRun,
    changes: changesOf(plan).map((c) =>
      publicChange(plan.steps.find((s) => s.changes.includes(c))!.id, c, outcome?.results),
    ),
    createdLocales: plan.createdLocales,
    findings: plan.findings.map(({ level, code, message, file, line }) => ({
      level,
      code,
      message,
      ...(file ? { file } : {}),
      ...(line ? { line } : {}),
    })),
    ...(outcome
      ? {
          result: {
            applied: outcome.results.filter((r) => r.status === 'applied').length,
            failed: outcome.results
              .filter((r) => r.status === 'failed')
              .map((r) => ({ step: r.stepId, error: r.error ?? '' })),
            notPersisted: outcome.notPersisted.map((c) => ({
              ...(c.locale ? { locale: c.locale } : {}),
              field: c.field,
            })),
          },
        }
      : {}),
  };
}
