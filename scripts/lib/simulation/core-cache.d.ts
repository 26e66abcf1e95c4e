// Core's z.cache client (zapier-platform-core 19.1.0, src/tools/create-cache.js): the checks
// and JSON encoding every z.cache call goes through before Zapier's RPC. Core's published
// types leave out the `scope` that get and delete take.
declare module 'zapier-platform-core/src/tools/create-cache' {
  type Rpc = (method: string, ...params: unknown[]) => Promise<unknown>;

  interface CoreCache {
    get(key: string, scope?: string[] | null): Promise<unknown>;
    set(
      key: string,
      value: unknown,
      ttl?: number | null,
      scope?: string[] | null,
      nx?: boolean | null,
    ): Promise<boolean | null>;
    delete(key: string, scope?: string[] | null): Promise<boolean>;
  }

  function createCache(input: { _zapier: { rpc: Rpc } }): CoreCache;
  export = createCache;
}
