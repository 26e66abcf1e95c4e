/** @type {import('jest').Config} */
const shared = {
  testEnvironment: 'node',
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }] },
  moduleFileExtensions: ['ts', 'js', 'json'],
  modulePathIgnorePatterns: ['<rootDir>/dist/', '<rootDir>/build/', '<rootDir>/.stryker-tmp/'],
  clearMocks: true,
};

module.exports = {
  // Jest's default is one worker fewer than the cores, which on CI's two cores means one:
  // both cores run the suite in about 60% of the time.
  maxWorkers: '100%',
  projects: [
    {
      ...shared,
      displayName: 'unit',
      roots: ['<rootDir>/test'],
      testMatch: ['**/*.test.ts'],
      testPathIgnorePatterns: ['<rootDir>/test/e2e/'],
      // No network: Callbell is mocked with nock.
      setupFilesAfterEnv: ['<rootDir>/test/helpers/setup-nock.ts'],
    },
    {
      ...shared,
      displayName: 'e2e',
      roots: ['<rootDir>/test/e2e'],
      testMatch: ['**/*.test.ts'],
      // Real HTTP on loopback: the built app against the local Callbell sandbox.
      setupFilesAfterEnv: ['<rootDir>/test/helpers/restore-http.ts'],
      // A test here runs dozens of operations through the sandbox: on a shared two-core
      // machine that can pass jest's 5 s default. A bound on a hang, not a timing check.
      testTimeout: 30_000,
    },
  ],
};
