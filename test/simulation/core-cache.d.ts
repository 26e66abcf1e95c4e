// Core's z.cache client (zapier-platform-core 19.1.0, src/tools/create-cache.js): the checks
// and JSON encoding every z.cache call goes through before Zapier's RPC.
declare module 'zapier-platform-core/src/tools/create-cache' {
  import type { ZObject } from 'zapier-platform-core';

  type Rpc = (method: string, ...params: unknown[]) => Promise<unknown>;
  function createCache(input: { _zapier: { rpc: Rpc } }): ZObject['cache'];
  export = createCache;
}
