/** Runs the plan's steps in order; a failure says which steps were applied and which not. */
import {
  AscError,
  ConflictError,
  getReviewSubmission,
  type AscClient,
  type Clock,
  type Logger,
  type Platform,
} from '@asc-actions/core';
import type { Plan, Settings, Step } from '../model.js';
import type { ApplyContext } from './context.js';
import { runSubmissionStep } from './submission-steps.js';
import { runVersionStep } from './version-steps.js';
import { describeStep } from '../report/steps.js';

export class ApplyError extends AscError {
  constructor(
    readonly applied: Step[],
    readonly notApplied: Step[],
    cause: unknown,
  ) {
    super(
      `${cause instanceof Error ? cause.message : String(cause)}${associated(cause)}\nApplied: ${applied.map(describeStep).join('; ') || 'nothing'}. Not applied: ${notApplied.map(describeStep).join('; ')}. A rerun continues from here.`,
      { cause },
    );
  }
}

/**
 * Apple's 409 for a version not ready lists every problem in meta.associatedErrors
 * (docs/evidence/releases.md §2.7).
 */
function associated(cause: unknown): string {
  if (!(cause instanceof ConflictError)) return '';
  const lines: string[] = [];
  for (const e of cause.errors) {
    const groups = (e.meta?.associatedErrors ?? {}) as Record<string, Array<{ code?: string; detail?: string }>>;
    for (const [path, list] of Object.entries(groups))
      for (const item of list) lines.push(`  ${path}: ${item.detail ?? item.code ?? ''}`);
  }
  return lines.length ? `\nApp Store Connect lists:\n${lines.join('\n')}` : '';
}

export interface ApplyDeps {
  client: AscClient;
  clock: Clock;
  logger: Logger;
  appId: string;
  platform: Platform;
}

export interface Applied {
  versionId?: string;
  submissionId?: string;
  state?: string;
}

/** The submission's state: the submit step's answer when it settles it, else read (and waited for). */
async function readBack(ctx: ApplyContext, settings: Settings): Promise<string | undefined> {
  if (!ctx.submissionId) return undefined;
  const answered = ctx.submittedState;
  if (answered && (settings.wait === 'none' || answered !== 'READY_FOR_REVIEW')) return answered;
  const deadline = ctx.clock.now() + settings.waitTimeoutMs;
  for (;;) {
    const state = (await getReviewSubmission(ctx.client, ctx.submissionId)).attributes?.state;
    if (settings.wait === 'none' || state !== 'READY_FOR_REVIEW' || ctx.clock.now() >= deadline) return state;
    await ctx.clock.sleep(15_000);
  }
}

export async function apply(plan: Plan, settings: Settings, deps: ApplyDeps): Promise<Applied> {
  const ctx: ApplyContext = {
    ...deps,
    versionId: plan.version.id,
    submissionId: plan.submissionId,
    processingTimeoutMs: 15 * 60_000,
    applied: [],
  };
  for (const [i, step] of plan.steps.entries()) {
    deps.logger.info(`→ ${describeStep(step)}`);
    try {
      if (!(await runVersionStep(ctx, step)) && !(await runSubmissionStep(ctx, step)))
        throw new AscError(`Internal: unknown step ${step.kind}.`);
    } catch (error) {
      throw new ApplyError(ctx.applied, plan.steps.slice(i), error);
    }
    ctx.applied.push(step);
  }
  return { versionId: ctx.versionId, submissionId: ctx.submissionId, state: await readBack(ctx, settings) };
}
