import { version as platformVersion } from 'zapier-platform-core';
import { version } from './package.json';
import { authentication } from './src/authentication';
import { addCallbellHeaders } from './src/client/middleware';
import { attachmentFile } from './src/hydrators/attachment_file';
import { creates, searches, searchOrCreates, triggers } from './src/operations';

const app = {
  version,
  platformVersion,
  authentication,
  beforeRequest: [addCallbellHeaders],
  flags: {
    // Empty mapped values never reach Callbell, so they cannot wipe data by accident.
    cleanInputData: true,
    // 429s reach the HTTP layer (src/client), which waits 60 s when Callbell sends no Retry-After.
    throwForThrottlingEarly: false,
    // Every request goes through z.request, which core logs already. Core's extra patch of
    // Node's http module is process-wide: under jest it outlives the file that made it and
    // sends later files' requests past nock, to the real network.
    skipHttpPatch: true,
  },
  // Message attachments, downloaded only when a step uses the file (z.dehydrateFile).
  hydrators: { attachmentFile },
  triggers,
  creates,
  searches,
  searchOrCreates,
};

export = app;
