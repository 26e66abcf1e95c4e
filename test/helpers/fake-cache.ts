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
