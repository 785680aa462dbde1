/**
 * Jest 30 in ESM mode with ts-jest; workspace packages resolve to their sources. Suites that need
 * Apple's spec or the third-party corpus are not collected when those are missing (a fresh clone);
 * the run then ends with one line saying which and how to get them (test-support/needs.js).
 */
import { availableParallelism } from 'node:os';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { notCollected } from './test-support/needs.js';
import { applySharedDefaults } from './test-support/shared-paths.js';

const root = dirname(fileURLToPath(import.meta.url));
applySharedDefaults();
const left = notCollected(root);
const escape = (path) => path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export default {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  testMatch: [
    '<rootDir>/packages/*/test/**/*.test.ts',
    '<rootDir>/actions/*/test/**/*.test.ts',
    '<rootDir>/test/**/*.test.ts',
  ],
  testPathIgnorePatterns: ['/node_modules/', ...left.map((l) => `^${escape(`${root}/${l.file}`)}$`)],
  moduleNameMapper: {
    '^@asc-actions/core$': '<rootDir>/packages/core/src/index.ts',
    '^@asc-actions/core/(action|api|http)$': '<rootDir>/packages/core/src/$1/index.ts',
    '^@asc-actions/asc-emulator$': '<rootDir>/packages/asc-emulator/src/index.ts',
    '^(\\.{1,2}/.*)\\.js$': '$1',
  },
  transform: { '^.+\\.ts$': ['ts-jest', { useESM: true }] },
  globalSetup: '<rootDir>/test-support/global-setup.js',
  globalTeardown: '<rootDir>/test-support/global-teardown.js',
  reporters: ['default', ['<rootDir>/test-support/not-collected-reporter.js', { left }]],
  testTimeout: 30000,
  // Jest's default is one worker less than the cores: on a 2-core machine that is one, and the
  // suites run one after another. Many suites wait (loopback HTTP, child processes, poll
  // intervals of the bundles), so one worker more than two keeps both cores busy: `npm test` at
  // idle on 2 cores took 147 s with two workers and 123 s with three (same commit, back to back).
  // `--maxWorkers=1` on the command line still wins (a busy machine).
  maxWorkers: Math.max(3, availableParallelism()),
};
