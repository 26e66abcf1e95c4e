// A test in the e2e and robustness projects runs dozens or hundreds of steps: on a shared
// two-core machine that can pass jest's 5 s default. A bound on a hang, not a timing check.
// (Set here because jest reads `testTimeout` from the root config only, not from a project's.)
jest.setTimeout(30_000);
