import http from 'node:http';
import https from 'node:https';

// Every e2e file: core's app tester patches http(s).request for its logs, once per process,
// and marks the modules as patched (zapier-platform-core's tools/create-http-patch.js). jest runs
// unit files in the same process after e2e ones, and a unit file's nock would then be passed
// by: its requests reached the network. So each e2e file puts the modules back as it found them.
const saved = [http, https].map((module) => ({ module, request: module.request }));

afterAll(() => {
  for (const { module, request } of saved) {
    Object.assign(module, { request });
    Reflect.deleteProperty(module, 'patchedByZapier');
  }
});
