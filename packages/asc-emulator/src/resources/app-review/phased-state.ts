/**
 * Phased release on the clock: 7 days (Apple: 1%, 2%, 5%, 10%, 20%, 50%, 100% of users with
 * automatic updates), `currentDayNumber` counting days since `startDate` minus the time spent
 * paused, COMPLETE after day 7. Read-only attributes `startDate`, `totalPauseDuration`
 * (seconds in Apple's docs; the spec says only integer) and `currentDayNumber`
 * (spec, AppStoreVersionPhasedRelease).
 */
import type { EmulatorState } from '../../store/state.js';
import type { ResourceRecord } from '../../types.js';

const DAY = 86_400_000;
export const PHASED_RELEASE_DAYS = 7;

/** When a pause began (the attribute holds only the total). */
const pausedSince = new WeakMap<ResourceRecord, number>();

export function phasedReleaseOf(state: EmulatorState, version: ResourceRecord): ResourceRecord | undefined {
  const id = state.relatedId(version, 'appStoreVersionPhasedRelease');
  return id ? state.get('appStoreVersionPhasedReleases', id) : undefined;
}

/** The version was released: an INACTIVE phased release starts today. */
export function startPhasedRelease(state: EmulatorState, version: ResourceRecord, now: number): void {
  const phased = phasedReleaseOf(state, version);
  if (!phased || phased.attributes.phasedReleaseState !== 'INACTIVE') return;
  phased.attributes.phasedReleaseState = 'ACTIVE';
  phased.attributes.startDate = new Date(now).toISOString();
  phased.attributes.totalPauseDuration = 0;
  phased.attributes.currentDayNumber = 1;
}

export function pausePhasedRelease(phased: ResourceRecord, now: number): void {
  phased.attributes.phasedReleaseState = 'PAUSED';
  pausedSince.set(phased, now);
}

export function resumePhasedRelease(phased: ResourceRecord, now: number): void {
  const since = pausedSince.get(phased) ?? now;
  phased.attributes.totalPauseDuration =
    Number(phased.attributes.totalPauseDuration ?? 0) + Math.round((now - since) / 1000);
  pausedSince.delete(phased);
  phased.attributes.phasedReleaseState = 'ACTIVE';
}

export function refreshPhasedRelease(phased: ResourceRecord, now: number): void {
  if (phased.attributes.phasedReleaseState !== 'ACTIVE') return;
  const start = Date.parse(String(phased.attributes.startDate));
  const active = now - start - Number(phased.attributes.totalPauseDuration ?? 0) * 1000;
  const day = 1 + Math.floor(active / DAY);
  if (day > PHASED_RELEASE_DAYS) {
    phased.attributes.phasedReleaseState = 'COMPLETE';
    phased.attributes.currentDayNumber = PHASED_RELEASE_DAYS;
  } else {
    phased.attributes.currentDayNumber = Math.max(1, day);
  }
}
