/** A restored `since: last-run` state that lies (a mark in the future) is refused with a warning. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CacheStore, Logger } from '@asc-actions/core';
import { restoreState } from '../src/read/last-run/store.js';

const NOW = Date.parse('2026-12-01T12:00:00Z');
let dir: string;
beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'state-lies-'))));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** A cache that "restores" the given file content, as @actions/cache would after a hit. */
const restoring = (path: string, content: string): CacheStore => ({
  available: true,
  restore: async () => (writeFileSync(path, content), 'asc-respond-to-reviews-v1-1700000001-abc-run-1'),
  save: async () => true,
});

test.each([
  [
    'a mark in the future is ignored with a warning; the handled ids are kept',
    {
      version: 1,
      appId: '1700000001',
      mark: '2027-06-01T00:00:00Z',
      markMs: Date.parse('2027-06-01T00:00:00Z'),
      done: ['r1'],
    },
    { version: 1, appId: '1700000001', done: ['r1'] },
    1,
  ],
  [
    'a mark in the past is used as it is',
    {
      version: 1,
      appId: '1700000001',
      mark: '2026-11-30T00:00:00.000Z',
      markMs: Date.parse('2026-11-30T00:00:00Z'),
      done: [],
    },
    {
      version: 1,
      appId: '1700000001',
      mark: '2026-11-30T00:00:00.000Z',
      markMs: Date.parse('2026-11-30T00:00:00Z'),
      done: [],
    },
    0,
  ],
])('%s', async (_name, saved, expected, warningCount) => {
  const path = join(dir, 'state.json');
  const warnings: string[] = [];
  const logger: Logger = { debug() {}, info() {}, warning: (m) => void warnings.push(m) };
  const state = await restoreState(
    restoring(path, JSON.stringify(saved)),
    { prefix: 'p-', path },
    '1700000001',
    'run-2',
    logger,
    NOW,
  );
  expect(state).toEqual(expected);
  expect(warnings).toHaveLength(warningCount);
  if (warningCount)
    expect(warnings[0]).toMatch(
      /has a last-run mark in the future \(2027-06-01T00:00:00\.000Z\); the mark was ignored and reviews are read with no date limit\.$/,
    );
});

test('a restored state file that is not text (a NUL) is a warning and a full read, never a crash', async () => {
  const path = join(dir, 'state.json');
  const warnings: string[] = [];
  const logger: Logger = { debug() {}, info() {}, warning: (m) => void warnings.push(m) };
  const state = await restoreState(
    restoring(path, '{"version":1\u0000}'),
    { prefix: 'p-', path },
    '1700000001',
    'run-2',
    logger,
    NOW,
  );
  expect(state).toBeUndefined();
  expect(warnings[0]).toMatch(/could not be read \(.*holds a NUL character.*\); reading all reviews\./);
});
