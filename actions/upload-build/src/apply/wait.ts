/**
 * After the commit: poll the build upload until App Store Connect is done with it (COMPLETE or
 * FAILED), bounded by `processing-timeout`, then find the processed build. The token source
 * re-signs as tokens near expiry, so a 30-minute wait never fails on auth.
 */
import {
  type AscClient,
  type Clock,
  getBuildUpload,
  includedOfType,
  listBuilds,
  type Logger,
  type PrereleaseVersion,
  sameVersion,
} from '@asc-actions/core';
import type { RemoteBuild, RemoteUpload, Target, Wait } from '../model.js';
import { toRemoteUpload } from '../read/remote.js';

export interface WaitDeps {
  client: AscClient;
  clock: Clock;
  logger: Logger;
}

export interface Waited {
  upload: RemoteUpload;
  /** Set when the upload is COMPLETE and its build found. */
  buildId?: string;
  /** Still PROCESSING (or the build not listed) when the timeout ran out. */
  timedOut: boolean;
}

/** Polls often enough for a short timeout, no more than every 10 s (3,600 requests an hour is the whole budget). */
export function pollInterval(timeoutMs: number): number {
  return Math.min(10_000, Math.max(1_000, Math.floor(timeoutMs / 30)));
}

async function readUpload(client: AscClient, id: string): Promise<RemoteUpload> {
  return toRemoteUpload((await getBuildUpload(client, id)).data);
}

/** The build by its numbers (strategy 2 of docs/evidence/releases.md §1.8), when the upload does not link it. */
async function findBuild(client: AscClient, t: Target): Promise<RemoteBuild | undefined> {
  const found = await listBuilds(
    client,
    {
      'filter[app]': [t.app.id],
      'filter[version]': [t.buildNumber],
      'filter[preReleaseVersion.platform]': [t.platform],
      include: ['preReleaseVersion'],
      limit: 50,
    },
    { maxItems: 50 },
  );
  const trains = includedOfType<PrereleaseVersion>(found.included, 'preReleaseVersions');
  const train = (id?: string): string => trains.get(id ?? '')?.attributes?.version ?? '';
  const b = found.data.find((x) => sameVersion(train(x.relationships?.preReleaseVersion?.data?.id), t.version));
  return b
    ? {
        id: b.id,
        buildNumber: b.attributes?.version ?? '',
        version: t.version,
        processingState: b.attributes?.processingState,
      }
    : undefined;
}

/** Waits as `wait` asks: `none` reads nothing, `uploaded` one read, `processed` until done and the build is found. */
export async function waitForUpload(
  deps: WaitDeps,
  uploadId: string,
  target: Target,
  wait: Wait,
  timeoutMs: number,
): Promise<Waited | undefined> {
  if (wait === 'none') return undefined;
  const deadline = deps.clock.now() + timeoutMs;
  const every = pollInterval(timeoutMs);
  let upload = await readUpload(deps.client, uploadId);
  if (wait === 'uploaded') return { upload, timedOut: false };
  let said = '';
  // Quick first looks (a small build is done in seconds), then every `every` ms.
  for (let delay = Math.min(1_000, every); ; delay = Math.min(every, delay * 2)) {
    if (upload.state === 'FAILED') return { upload, timedOut: false };
    if (upload.state === 'COMPLETE') {
      const buildId = upload.buildId ?? (await findBuild(deps.client, target))?.id;
      if (buildId) return { upload, buildId, timedOut: false };
    }
    if (deps.clock.now() >= deadline) return { upload, timedOut: true };
    if (said !== upload.state)
      deps.logger.info(
        `Build upload ${uploadId}: ${upload.state}; checking up to every ${Math.round(every / 1000)} s for up to ${Math.round(timeoutMs / 60_000)} min.`,
      );
    said = upload.state;
    await deps.clock.sleep(Math.min(delay, Math.max(0, deadline - deps.clock.now())));
    upload = await readUpload(deps.client, uploadId);
  }
}
