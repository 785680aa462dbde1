/**
 * Whether this run is a pull request from a fork, the one case where GitHub withholds secrets
 * (pull_request_target runs in the base repository and gets them). Read from the event payload,
 * bounded: a missing or odd payload means "not a fork".
 */
import { readFileSync, statSync } from 'node:fs';

const MAX_EVENT_BYTES = 32 * 1024 * 1024;

export function isForkPullRequest(env: NodeJS.ProcessEnv = process.env): boolean {
  const event = env.GITHUB_EVENT_NAME ?? '';
  if (!/^pull_request(_review|_review_comment)?$/.test(event) || !env.GITHUB_EVENT_PATH) return false;
  try {
    if (statSync(env.GITHUB_EVENT_PATH).size > MAX_EVENT_BYTES) return false;
    const payload = JSON.parse(readFileSync(env.GITHUB_EVENT_PATH, 'utf8')) as {
      pull_request?: {
        head?: { repo?: { fork?: boolean; full_name?: string } | null };
        base?: { repo?: { full_name?: string } };
      };
    };
    const pr = payload.pull_request;
    if (!pr) return false;
    // A deleted fork has head.repo null; it was still a fork.
    if (pr.head?.repo === null) return true;
    return (
      pr.head?.repo?.fork === true ||
      (pr.head?.repo?.full_name !== undefined && pr.head.repo.full_name !== pr.base?.repo?.full_name)
    );
  } catch {
    return false;
  }
}

export const FORK_NOTE =
  'This run is a pull request from a fork, and GitHub does not pass secrets to those: skip the step there ' +
  '(for example `if: github.event.pull_request.head.repo.fork == false`).';
