/** @type {import('jest').Config} */
const shared = {
  // What a test logs is printed only when it fails (or with DEBUG=1).
  testEnvironment: '<rootDir>/test/setup/quiet-environment.ts',
  // Each file is transpiled alone, without type checking: `npm run typecheck` checks types, and
  // jest starts each file in a fraction of the time.
  transform: {
    '^.+\\.ts$': [
      'ts-jest',
      { tsconfig: { ...require('./tsconfig.json').compilerOptions, isolatedModules: true } },
    ],
  },
  moduleFileExtensions: ['ts', 'js', 'json'],
  modulePathIgnorePatterns: ['<rootDir>/dist/', '<rootDir>/build/', '<rootDir>/.stryker-tmp/'],
  clearMocks: true,
  testMatch: ['**/*.test.ts'],
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
      testPathIgnorePatterns: ['<rootDir>/test/e2e/', '<rootDir>/test/robustness/'],
      // No network: Callbell is mocked with nock.
      setupFilesAfterEnv: ['<rootDir>/test/setup/no-network.ts'],
    },
    {
      ...shared,
      displayName: 'robustness',
      roots: ['<rootDir>/test/robustness'],
      // Hostile input, odd answers and slow networks against every operation (nock, fake clock).
      // Its tests run hundreds of steps each: 30 s bounds a hang on a busy machine.
      setupFilesAfterEnv: [
        '<rootDir>/test/setup/no-network.ts',
        '<rootDir>/test/setup/long-test-timeout.ts',
      ],
    },
    {
      ...shared,
      displayName: 'e2e',
      roots: ['<rootDir>/test/e2e'],
      // Real HTTP on loopback: the built app against the local Callbell sandbox.
      setupFilesAfterEnv: [
        '<rootDir>/test/setup/restore-http.ts',
        '<rootDir>/test/setup/long-test-timeout.ts',
      ],
    },
  ],
};
