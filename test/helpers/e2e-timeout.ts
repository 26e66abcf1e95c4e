// A test here runs dozens of operations through the sandbox: on a shared two-core machine that
// can pass jest's 5 s default. A bound on a hang, not a timing check. (Set here because jest
// reads `testTimeout` from the root config only, not from a project's.)
jest.setTimeout(30_000);
