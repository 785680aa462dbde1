/**
 * Job summaries on runners that have no summary file. GitHub-hosted runners set
 * GITHUB_STEP_SUMMARY; some self-hosted runners and GitHub's local-action do not. There the
 * summary is skipped with one warning: an environment difference is never a failure.
 */
import { summary, warning } from '@actions/core';

let warned = false;
let guarded = false;

function skip(): void {
  summary.emptyBuffer();
  if (warned) return;
  warned = true;
  warning(
    'This runner gives the step no job summary file (GITHUB_STEP_SUMMARY is not set, as on some self-hosted runners ' +
      "and GitHub's local-action): the summary is skipped; outputs and the log are complete.",
  );
}

/** Writes the summary buffer, or warns once and drops it when the runner has no summary file. */
export async function writeSummaryIfPossible(): Promise<void> {
  if (!process.env.GITHUB_STEP_SUMMARY) return skip();
  await summary.write();
}

/**
 * Makes every `summary.write()` of this process safe on such runners (patches the instance
 * once; each call starts a run that may warn once). runAction calls it, so every action gets it
 * without changing its report code.
 */
export function guardSummaryWrites(): void {
  warned = false;
  if (guarded) return;
  guarded = true;
  const write = summary.write.bind(summary);
  summary.write = async (options) => {
    if (!process.env.GITHUB_STEP_SUMMARY) {
      skip();
      return summary;
    }
    return write(options);
  };
}
