import type { ZObject } from 'zapier-platform-core';

type Cache = ZObject['cache'];

export interface CacheCall {
  method: 'get' | 'set' | 'delete';
  key: string;
  ttl?: number;
  scope?: string[];
  nx?: boolean;
}

/**
 * z.cache as Zapier's server is expected to behave, unlike core's app tester (which ignores
 * ttl, scope and nx): `set` with `nx` stores only when the key is absent and answers false
 * otherwise. Every call waits for `pause` first, so concurrent callers interleave.
 */
export class NxCache implements Cache {
  readonly values = new Map<string, string>();
  readonly calls: CacheCall[] = [];

  constructor(private readonly pause: () => Promise<void> = nextTurn) {}

  get = async (key: string): Promise<unknown> => {
    this.calls.push({ method: 'get', key });
    await this.pause();
    const stored = this.values.get(key);
    return stored === undefined ? null : (JSON.parse(stored) as unknown);
  };

  set = async (
    key: string,
    value: unknown,
    ttl?: number,
    scope?: string[],
    nx?: boolean,
  ): Promise<boolean | null> => {
    this.calls.push({ method: 'set', key, ttl, scope, nx });
    await this.pause();
    if (nx && this.values.has(key)) return false;
    this.values.set(key, JSON.stringify(value));
    return true;
  };

  delete = async (key: string): Promise<boolean> => {
    this.calls.push({ method: 'delete', key });
    await this.pause();
    return this.values.delete(key);
  };

  stored(key: string): unknown {
    const value = this.values.get(key);
    return value === undefined ? null : (JSON.parse(value) as unknown);
  }
}

/** Lets every other waiting caller run one step. */
export function nextTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** A cache that fails as z.cache does outside Zapier. */
export class MissingCache implements Cache {
  private fail = async (): Promise<never> => {
    throw new Error('No token found - cannot call RPC');
  };
  get = this.fail;
  set = this.fail;
  delete = this.fail;
}

export type CacheFault = 'throw' | 'false' | '413' | 'hang' | 'ignore-nx';

/**
 * z.cache as Zapier's can fail (/work/shared/zapier/PLATFORM.md, "Third look"): a call can
 * throw (a failed RPC), `set` can answer false (the app's write budget is spent) or fail with a
 * 413 (too large), a call can hang (no timeout of its own), and `nx` may be ignored (what the
 * server does with it is not published). Faults are set per method and
 * can be limited to keys holding a text; `forget` drops what matches, as an eviction would.
 */
export class FaultyCache extends NxCache {
  private readonly faults: { method: CacheCall['method']; fault: CacheFault; key?: string }[] = [];

  constructor(pause?: () => Promise<void>) {
    super(pause);
    const { get, set, delete: remove } = this;
    this.get = async (key) => this.faulty('get', key, () => get(key));
    this.set = async (key, value, ttl, scope, nx) =>
      this.faulty('set', key, (honourNx = true) => set(key, value, ttl, scope, honourNx && nx));
    this.delete = async (key) => this.faulty('delete', key, () => remove(key));
  }

  /** From now on, `method` on `key` (any key when absent) fails this way. */
  fail(method: CacheCall['method'], fault: CacheFault, key?: string): this {
    this.faults.push({ method, fault, key });
    return this;
  }

  heal(): void {
    this.faults.length = 0;
  }

  /** Forgets every key holding `text` (every key when absent). */
  forget(text = ''): void {
    for (const key of [...this.values.keys()]) if (key.includes(text)) this.values.delete(key);
  }

  private async faulty<T>(
    method: CacheCall['method'],
    key: string,
    call: (honourNx?: boolean) => Promise<T>,
  ): Promise<T | false> {
    const found = this.faults.find(
      (fault) => fault.method === method && (fault.key === undefined || key === fault.key),
    );
    if (!found) return call();
    if (found.fault === 'false' && method === 'set') {
      this.calls.push({ method, key });
      return false;
    }
    if (found.fault === 'hang') return new Promise<never>(() => undefined);
    if (found.fault === 'ignore-nx') return call(false);
    if (found.fault === '413') throw new Error('The request is too large to be processed (413)');
    throw new Error('RPC call failed (500)');
  }
}
