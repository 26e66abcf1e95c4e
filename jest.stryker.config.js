/**
 * The unit project alone, for `npm run mutate`: StrykerJS runs each mutant against the unit
 * tests that cover it (no sandbox, no network). Type errors in a mutant are not test failures,
 * so ts-jest only transpiles here.
 */
/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json', diagnostics: false }] },
  moduleFileExtensions: ['ts', 'js', 'json'],
  modulePathIgnorePatterns: ['<rootDir>/dist/', '<rootDir>/build/', '<rootDir>/.stryker-tmp/'],
  clearMocks: true,
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  // The robustness suite runs every operation against hundreds of answers: it would run for
  // most mutants and make a run take hours on two cores. The unit tests must pin the shared
  // layers by themselves.
  testPathIgnorePatterns: [
    '<rootDir>/test/e2e/',
    '<rootDir>/test/robustness/',
    '<rootDir>/test/layout.test.ts',
  ],
  setupFilesAfterEnv: ['<rootDir>/test/helpers/setup-nock.ts'],
};
