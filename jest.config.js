// ESM + ts-jest in transpile-only mode; type checking is `tsc --noEmit` (npm run typecheck).
/** @type {import('jest').Config} */
export default {
  roots: ['<rootDir>/__tests__'],
  testMatch: ['**/*.test.ts'],
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: { '^.+\\.ts$': ['ts-jest', { useESM: true }] },
  testTimeout: 60000,
  maxWorkers: 2,
  reporters: ['default', '<rootDir>/test-infra/jest-summary-reporter.cjs'],
};
