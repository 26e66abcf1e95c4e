import nock from 'nock';

// Every test file: no real network, every mocked Callbell call must be used, and nock's
// interceptor is taken down at the end. jest runs several files in one process, each with its
// own copy of nock patching the shared http module; a copy left active breaks the next file's.
beforeAll(() => nock.disableNetConnect());

afterEach(() => {
  const pending = nock.pendingMocks();
  nock.cleanAll();
  expect(pending).toEqual([]);
});

afterAll(() => {
  nock.enableNetConnect();
  nock.restore();
});
