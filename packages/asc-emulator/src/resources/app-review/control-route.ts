/**
 * App Review over HTTP, for a bundle test or a person running `npm run emulator`: outside Apple's
 * API (no JWT, no contract, not in the transcript, no faults), beside the emulator's other
 * non-API paths (`/__build-uploads`, `/__asset-uploads`).
 *
 *   POST /__control/app-review/versions/{versionId}/advance[?outcome=approve|reject]
 *
 * moves the review submission holding the version one step now, as `reviewControl(state).advance`
 * does in process: WAITING_FOR_REVIEW → IN_REVIEW, then the decision — approved: MANUAL →
 * PENDING_DEVELOPER_RELEASE, SCHEDULED → PENDING_APPLE_RELEASE (until its date),
 * AFTER_APPROVAL → READY_FOR_DISTRIBUTION (the appStoreState READY_FOR_SALE); rejected:
 * REJECTED. Answers 200 `{"version", "appVersionState", "appStoreState", "submission",
 * "submissionState"}`; 404 when the version is in no submitted review submission; 405 for another
 * method; 400 for another outcome.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { PipelineDeps, RawRoute } from '../../server/pipeline.js';
import { refreshReviews, reviewControl, versionsOf } from './review-clock.js';

export const REVIEW_CONTROL_PATH = '/__control/app-review/versions';
const PATTERN = /^\/__control\/app-review\/versions\/([^/]+)\/advance\/?$/;

function answer(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': String(Buffer.byteLength(text)) });
  res.end(text);
}

function drain(req: IncomingMessage): Promise<void> {
  return new Promise((resolve, reject) => {
    req.on('data', () => {});
    req.on('end', resolve);
    req.on('error', reject);
  });
}

async function serve(
  req: IncomingMessage,
  res: ServerResponse,
  deps: PipelineDeps,
  pathname: string,
  rawQuery: string,
): Promise<void> {
  await drain(req);
  const versionId = decodeURIComponent(PATTERN.exec(pathname)?.[1] ?? '');
  if (!versionId)
    return answer(res, 404, { error: `No control at ${pathname}; POST ${REVIEW_CONTROL_PATH}/{id}/advance` });
  if (req.method !== 'POST') return answer(res, 405, { error: 'Use POST.' });
  const outcome = new URLSearchParams(rawQuery).get('outcome') ?? undefined;
  if (outcome !== undefined && outcome !== 'approve' && outcome !== 'reject')
    return answer(res, 400, { error: `outcome must be approve or reject; got ${JSON.stringify(outcome)}` });
  const now = deps.now();
  refreshReviews(deps.state, now);
  try {
    reviewControl(deps.state).advance(versionId, outcome);
  } catch (error) {
    return answer(res, 404, { error: (error as Error).message });
  }
  refreshReviews(deps.state, now);
  const version = deps.state.get('appStoreVersions', versionId);
  const submission = deps.state
    .all('reviewSubmissions')
    .filter((s) => versionsOf(deps.state, s).some((v) => v.id === versionId))
    .at(-1);
  answer(res, 200, {
    version: versionId,
    appVersionState: version?.attributes.appVersionState,
    appStoreState: version?.attributes.appStoreState,
    submission: submission?.id,
    submissionState: submission?.attributes.state,
  });
}

export const reviewControlRoute: RawRoute = {
  matches: (pathname) => pathname.startsWith(`${REVIEW_CONTROL_PATH}/`),
  serve,
};
