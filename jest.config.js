/** Jest 30 in ESM mode with ts-jest; workspace packages resolve to their sources. */
export default {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  testMatch: ['<rootDir>/packages/*/test/**/*.test.ts', '<rootDir>/actions/*/test/**/*.test.ts', '<rootDir>/test/**/*.test.ts'],
  moduleNameMapper: {
    '^@asc-actions/core$': '<rootDir>/packages/core/src/index.ts',
    '^@asc-actions/asc-emulator$': '<rootDir>/packages/asc-emulator/src/index.ts',
    '^(\\.{1,2}/.*)\\.js$': '$1',
  },
  transform: { '^.+\\.ts$': ['ts-jest', { useESM: true }] },
  globalSetup: '<rootDir>/test-support/global-setup.js',
  testTimeout: 30000,
};
