/**
 * The pull request a run belongs to, read from the runner's environment at call time (the
 * `context` object of @actions/github is built once at import, which in-process runs outlive).
 */
import { readFileSync } from 'node:fs';

export interface PullRequestContext {
  owner: string;
  repo: string;
  number: number;
  sha?: string;
  runUrl?: string;
  apiUrl: string;
}

const PULL_REQUEST_EVENTS = ['pull_request', 'pull_request_target'];

export function pullRequestContext(env: NodeJS.ProcessEnv): PullRequestContext | undefined {
  if (!PULL_REQUEST_EVENTS.includes(env.GITHUB_EVENT_NAME ?? '') || !env.GITHUB_EVENT_PATH) return undefined;
  const [owner, repo] = (env.GITHUB_REPOSITORY ?? '').split('/');
  let event: { pull_request?: { number?: number; head?: { sha?: string } }; number?: number };
  try {
    event = JSON.parse(readFileSync(env.GITHUB_EVENT_PATH, 'utf8')) as typeof event;
  } catch {
    return undefined;
  }
  const number = event.pull_request?.number ?? event.number;
  if (!owner || !repo || typeof number !== 'number') return undefined;
  const server = env.GITHUB_SERVER_URL ?? 'https://github.com';
  return {
    owner,
    repo,
    number,
    sha: event.pull_request?.head?.sha,
    runUrl: env.GITHUB_RUN_ID ? `${server}/${owner}/${repo}/actions/runs/${env.GITHUB_RUN_ID}` : undefined,
    apiUrl: env.GITHUB_API_URL ?? 'https://api.github.com',
  };
}
