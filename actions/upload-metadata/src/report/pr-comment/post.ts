/**
 * A dry run on a pull request posts its plan as the PR's comment (one per app and platform,
 * updated in place). Without a token it says how to get one, in a notice.
 */
import { annotate, type Logger } from '@asc-actions/core';
import type { Settings } from '../../inputs.js';
import type { Plan } from '../../model/plan.js';
import { commentBody } from '../markdown.js';
import { commentMarker, upsertComment } from './comment.js';
import { pullRequestContext } from './context.js';

export async function postPlanComment(
  plan: Plan,
  settings: Pick<Settings, 'dryRun' | 'githubToken'>,
  logger: Logger,
): Promise<void> {
  const pr = pullRequestContext(process.env);
  if (!pr || !settings.dryRun) return;
  if (!settings.githubToken) {
    annotate(
      'notice',
      'The plan was not posted to the pull request: set "github-token" (e.g. ${{ github.token }}) to get it as a comment.',
    );
    return;
  }
  const marker = commentMarker(plan.target.appId, plan.target.platform);
  const outcome = await upsertComment(settings.githubToken, pr, marker, commentBody(plan, marker, pr), {
    logger,
    notice: (m) => annotate('notice', m),
  });
  logger.info(`Pull request #${pr.number} comment: ${outcome}.`);
}
