import createCache from 'zapier-platform-core/src/tools/create-cache';
import { CACHE_UNREACHABLE } from '../../../sandbox/zapier/hooks';
import type { Prng } from './prng';

/** z.cache as core builds it (get and delete also take a scope). */
export type Cache = ReturnType<typeof createCache>;

/**
 * What can go wrong with Zapier's cache (docs/_reference/cli-docs.md publishes no limits;
 * core 19's RPC client and zapier/zapier-platform#900 show these). Rates are per call.
 */
export interface CacheFaults {
  /** The RPC fails: core retries a 5xx three times, 100 ms apart, then throws. */
  throwRate: number;
  /** `set` answers false: the app's write budget (bytes per minute) is spent. */
  refuseRate: number;
  /** `set` is refused with a 413: core throws "The request is too large to be processed". */
  tooLargeRate: number;
  /** `set` with `nx` writes even when the key exists (what the server does is unpublished). */
  ignoreNx: boolean;
  /** Every call takes this long (virtual ms). */
  delayMs: number;
  /** Before each call, one entry is evicted (Zapier's eviction rules are unpublished). */
  evictRate: number;
}

export const NO_CACHE_FAULTS: CacheFaults = {
  throwRate: 0,
  refuseRate: 0,
  tooLargeRate: 0,
  ignoreNx: false,
  delayMs: 0,
  evictRate: 0,
};

/** Whose Zap a step runs for: z.cache scopes `user` and `auth` partition keys by these. */
export interface CacheScope {
  user: string;
  auth: string;
}

interface Entry {
  json: string;
  expiresAt: number | null;
}

/** Core's words for a 413 from Zapier's RPC (src/tools/create-rpc-client.js). */
const TOO_LARGE = 'RPC request failed after 1 attempts: The request is too large to be processed';
/** Core waits 100 ms before each of its two retries. */
const RETRIES_MS = 200;

/**
 * Zapier's cache as the simulation's server: it keeps JSON text per key until its TTL
 * (seconds) runs out, honours `nx`, and can forget keys, fail calls, refuse writes, answer
 * 413 or ignore `nx` on demand. Steps reach it through core's own z.cache client
 * (`client`), so values are checked and encoded exactly as on Zapier.
 */
export class FaultCache {
  faults: CacheFaults = { ...NO_CACHE_FAULTS };
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly random: Prng,
    private readonly now: () => number = Date.now,
  ) {}

  /** z.cache for one step of a Zap owned by this user, on this connection. */
  client(scope: CacheScope): Cache {
    return createCache({
      _zapier: { rpc: (method, ...params) => this.rpc(scope, method, params) },
    });
  }

  /** The stored value (tests and reports only), null when absent or expired. */
  peek(key: string, scope: string[] | null = null, owner?: CacheScope): unknown {
    const entry = this.live(storeKey(key, scope, owner));
    return entry ? (JSON.parse(entry.json) as unknown) : null;
  }

  /** Evicts one entry, as Zapier may at any time. */
  forget(storedKey: string): void {
    this.entries.delete(storedKey);
  }

  /** Empties the cache: a cache clear, or a new major version's partition. */
  forgetAll(): void {
    this.entries.clear();
  }

  /** The keys held now (scope-qualified), for drawing one to forget. */
  keys(): string[] {
    return [...this.entries.keys()].filter((key) => this.live(key));
  }

  private async rpc(scope: CacheScope, method: string, params: unknown[]): Promise<unknown> {
    if (this.faults.delayMs) await pause(this.faults.delayMs);
    if (this.random.chance(this.faults.evictRate)) {
      const held = this.keys();
      if (held.length) this.forget(this.random.pick(held));
    }
    if (this.random.chance(this.faults.throwRate)) {
      await pause(RETRIES_MS);
      throw new Error(CACHE_UNREACHABLE);
    }
    const [key, ...rest] = params as [string, ...unknown[]];
    if (method === 'zcache_get') return this.get(storeKey(key, rest[0], scope));
    if (method === 'zcache_delete') return this.entries.delete(storeKey(key, rest[0], scope));
    if (method === 'zcache_set') {
      const [json, ttl, scopeList, nx] = rest as [string, number | null, unknown, boolean | null];
      return this.set(storeKey(key, scopeList, scope), json, ttl, nx === true);
    }
    throw new Error(`Unexpected method '${method}'`);
  }

  private get(key: string): string | null {
    return this.live(key)?.json ?? null;
  }

  private set(key: string, json: string, ttl: number | null, nx: boolean): boolean {
    if (this.random.chance(this.faults.tooLargeRate)) throw new Error(TOO_LARGE);
    if (this.random.chance(this.faults.refuseRate)) return false;
    if (nx && !this.faults.ignoreNx && this.live(key)) return false;
    this.entries.set(key, { json, expiresAt: ttl === null ? null : this.now() + ttl * 1000 });
    return true;
  }

  private live(key: string): Entry | null {
    const entry = this.entries.get(key);
    if (!entry) return null;
    if (entry.expiresAt !== null && entry.expiresAt <= this.now()) {
      this.entries.delete(key);
      return null;
    }
    return entry;
  }
}

/** The key as the server files it: scoped keys are kept apart per user and/or connection. */
function storeKey(key: string, scope: unknown, owner?: CacheScope): string {
  const parts = Array.isArray(scope) ? scope : [];
  const user = parts.includes('user') ? `user=${owner?.user ?? '?'};` : '';
  const auth = parts.includes('auth') ? `auth=${owner?.auth ?? '?'};` : '';
  return `${user}${auth}${key}`;
}

const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
