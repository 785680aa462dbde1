/**
 * Sends the plan's one request and reads the version back. A release request is irreversible and
 * never replayed blindly: after an unclear answer the version's state is read, and the request is
 * sent again only if the version is still pending (docs/evidence/releases.md §2.9).
 */
import {
  ConflictError,
  NetworkError,
  RateLimitError,
  ServerError,
  createReleaseRequest,
  updatePhasedRelease,
  type AscClient,
} from '@asc-actions/core';
import type { Plan, Settings, VersionState } from '../model.js';
import { readState } from '../read/read-state.js';

const unclear = (e: unknown) =>
  e instanceof NetworkError || e instanceof ServerError || e instanceof RateLimitError || e instanceof ConflictError;

async function reread(client: AscClient, settings: Settings, id: string): Promise<VersionState | undefined> {
  return (await readState(client, settings)).versions.find((v) => v.id === id);
}

async function release(client: AscClient, settings: Settings, versionId: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await createReleaseRequest(client, versionId);
      return;
    } catch (error) {
      if (!unclear(error)) throw error;
      const now = await reread(client, settings, versionId);
      if (now && now.state !== 'PENDING_DEVELOPER_RELEASE') return;
      if (error instanceof ConflictError || attempt >= 3) throw error;
    }
  }
}

/** The version as App Store Connect shows it after the step. */
export async function apply(client: AscClient, settings: Settings, p: Plan): Promise<VersionState> {
  const action = p.action;
  if (action?.kind === 'release-request') await release(client, settings, p.version.id);
  if (action?.kind === 'phased-state') await updatePhasedRelease(client, action.phasedReleaseId, action.to);
  return (await reread(client, settings, p.version.id)) ?? p.version;
}
