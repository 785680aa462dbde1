/** Loads the TestFlight part of a seed (after apps and beta groups). */
import type { ResourceRecord, Seed } from '../../types.js';
import type { EmulatorState } from '../../store/state.js';
import type { SeedBetaTester, TestFlightSeed } from './seed-types.js';
import { addOnce, link } from './links.js';
import { findAppRecord, uploadBuild } from './upload.js';

const SEED_UPLOADED_AT = Date.parse('2026-01-20T10:00:00Z');

/**
 * Every app has exactly one betaAppReviewDetail (Apple creates it with the app; its id is the
 * app's id — believed from captured ids, not verified). Created on first use.
 */
export function reviewDetailOf(state: EmulatorState, app: ResourceRecord): ResourceRecord {
  return (
    state.get('betaAppReviewDetails', app.id) ??
    state.create('betaAppReviewDetails', {
      id: app.id,
      attributes: { demoAccountRequired: false },
      relationships: { app: { type: 'apps', id: app.id } },
    })
  );
}

function groupByRef(state: EmulatorState, ref: string): ResourceRecord {
  const byId = state.get('betaGroups', ref);
  if (byId) return byId;
  const named = state.betaGroups().filter((g) => g.attributes.name === ref);
  if (named.length !== 1)
    throw new Error(`seed: beta tester names ${named.length ? 'an ambiguous' : 'an unknown'} beta group '${ref}'`);
  return named[0]!;
}

export function seedTester(state: EmulatorState, t: SeedBetaTester): ResourceRecord {
  const tester = state.create('betaTesters', {
    id: t.id,
    attributes: {
      firstName: t.firstName,
      lastName: t.lastName,
      email: t.email,
      inviteType: t.inviteType ?? 'EMAIL',
      state: t.state ?? 'INVITED',
      appDevices: [],
    },
    relationships: { apps: [], betaGroups: [], builds: [] },
  });
  for (const ref of t.betaGroups ?? []) {
    const group = groupByRef(state, ref);
    link(tester, 'betaGroups', group, 'betaTesters');
    addOnce(tester, 'apps', { type: 'apps', id: state.relatedId(group, 'app') ?? '' });
  }
  for (const ref of t.apps ?? []) addOnce(tester, 'apps', { type: 'apps', id: findAppRecord(state, ref).id });
  return tester;
}

const batchLimits = new WeakMap<EmulatorState, number>();

/** The seed's testerBatchLimit, if any (see beta-testers.ts). */
export function testerBatchLimit(state: EmulatorState): number | undefined {
  return batchLimits.get(state);
}

export function seedTestFlight(state: EmulatorState, seed: Seed): void {
  const tf = seed as Seed & TestFlightSeed;
  if (tf.testerBatchLimit !== undefined) batchLimits.set(state, tf.testerBatchLimit);
  for (const app of state.apps()) reviewDetailOf(state, app);
  for (const build of tf.builds ?? []) uploadBuild(state, build, SEED_UPLOADED_AT);
  for (const tester of tf.betaTesters ?? []) seedTester(state, tester);
  for (const l of tf.betaAppLocalizations ?? []) {
    const { app: ref, ...attributes } = l;
    const app = findAppRecord(state, ref);
    state.create('betaAppLocalizations', { attributes, relationships: { app: { type: 'apps', id: app.id } } });
  }
  for (const d of tf.betaAppReviewDetails ?? []) {
    const { app: ref, ...attributes } = d;
    Object.assign(reviewDetailOf(state, findAppRecord(state, ref)).attributes, attributes);
  }
}
