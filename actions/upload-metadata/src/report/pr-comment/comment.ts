/**
 * One pull-request comment per app and platform, found again by a hidden marker and updated on
 * later pushes (no comment spam). Goes through @actions/github (Octokit). Without a token, or
 * without permission (forks get a read-only token), it says so in a notice and moves on: a
 * comment is a courtesy, never a reason to fail the plan.
 */
import { getOctokit } from '@actions/github';
import { guardSink, type Logger } from '@asc-actions/core';
import type { PullRequestContext } from './context.js';

export type CommentOutcome = 'created' | 'updated' | 'unchanged' | 'skipped';

export const commentMarker = (appId: string, platform: string): string =>
  `<!-- asc-actions/upload-metadata app=${appId} platform=${platform} -->`;

interface Notifier {
  logger: Logger;
  notice(message: string): void;
}

function status(error: unknown): number | undefined {
  const s = (error as { status?: unknown }).status;
  return typeof s === 'number' ? s : undefined;
}

/** The workflow token (GITHUB_TOKEN) posts as this user; it may not read GET /user. */
export const ACTIONS_BOT_LOGIN = 'github-actions[bot]';

/** The login this token comments as: GET /user for a person's token, the Actions bot otherwise. */
async function ownLogin(octokit: ReturnType<typeof getOctokit>): Promise<string> {
  try {
    return (await octokit.rest.users.getAuthenticated()).data.login;
  } catch {
    return ACTIONS_BOT_LOGIN;
  }
}

export async function upsertComment(
  token: string,
  pr: PullRequestContext,
  marker: string,
  body: string,
  out: Notifier,
): Promise<CommentOutcome> {
  // The secret tripwire: a comment holding the key or the token is never posted (it stops the step).
  guardSink(`the comment on pull request #${pr.number}`, body);
  const octokit = getOctokit(token, { baseUrl: pr.apiUrl });
  const where = { owner: pr.owner, repo: pr.repo };
  try {
    const comments = await octokit.paginate(octokit.rest.issues.listComments, {
      ...where,
      issue_number: pr.number,
      per_page: 100,
    });
    // Anyone can paste the marker into a comment: only one written by this token's own user is adopted.
    const login = await ownLogin(octokit);
    const existing = comments.find((c) => c.body?.includes(marker) && c.user?.login === login);
    if (existing?.body === body) return 'unchanged';
    if (existing) {
      await octokit.rest.issues.updateComment({ ...where, comment_id: existing.id, body });
      return 'updated';
    }
    await octokit.rest.issues.createComment({ ...where, issue_number: pr.number, body });
    return 'created';
  } catch (error) {
    const code = status(error);
    if (code === 403 || code === 404 || code === 401) {
      out.notice(
        `The plan was not posted to pull request #${pr.number}: the token may not write comments (HTTP ${code}). Give the job "permissions: pull-requests: write"; pull requests from forks get a read-only token.`,
      );
    } else {
      out.logger.warning(
        `The plan was not posted to pull request #${pr.number}: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
    return 'skipped';
  }
}
