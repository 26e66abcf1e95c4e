/**
 * The unit project alone, for `npm run mutate`: StrykerJS runs each mutant against the unit
 * tests that cover it (no sandbox, no network). Type errors in a mutant are not test failures,
 * so ts-jest only transpiles here.
 */
/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  // isolatedModules: each file is transpiled alone, without resolving what it imports. Every
  // mutant starts jest again, and this makes that a third faster.
  transform: {
    '^.+\\.ts$': [
      'ts-jest',
      {
        tsconfig: { ...require('./tsconfig.json').compilerOptions, isolatedModules: true },
        diagnostics: false,
      },
    ],
  },
  moduleFileExtensions: ['ts', 'js', 'json'],
  modulePathIgnorePatterns: ['<rootDir>/dist/', '<rootDir>/build/', '<rootDir>/.stryker-tmp/'],
  clearMocks: true,
  roots: ['<rootDir>/test'],
  // The shared layers' own tests. An operation's test loads the whole app and Zapier's core;
  // with every unit test (and static mutants) StrykerJS estimated 8 hours for the list on two
  // cores. The robustness suite is left out for the same reason.
  testMatch: [
    '<rootDir>/test/{client,fields,shapes,webhooks}/**/*.test.ts',
    '<rootDir>/test/{phone,values,user-message,secrets}.test.ts',
  ],
  // Property runs over every hook trigger: whole operations, like the robustness suite.
  testPathIgnorePatterns: ['<rootDir>/test/webhooks/perform-properties.test.ts'],
  setupFilesAfterEnv: ['<rootDir>/test/setup/no-network.ts'],
};
