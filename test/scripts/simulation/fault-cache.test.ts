import { FaultCache, type CacheScope } from '../../../scripts/lib/simulation/fault-cache';
import { Prng } from '../../../scripts/lib/simulation/prng';

const ALICE: CacheScope = { user: 'user1', auth: 'connection1' };
const BOB: CacheScope = { user: 'user2', auth: 'connection2' };

/** A cache on a clock the test moves by hand. */
function cacheAt(start = 1_000_000) {
  const clock = { now: start };
  const cache = new FaultCache(new Prng(1), () => clock.now);
  return { cache, clock, z: cache.client(ALICE) };
}

describe("the simulation's z.cache", () => {
  it('keeps a JSON copy of what was set, and deletes it', async () => {
    const { cache, z } = cacheAt();
    const value = { zaps: ['a'] };
    await expect(z.set('k', value, 60)).resolves.toBe(true);
    value.zaps.push('b');
    await expect(z.get('k')).resolves.toEqual({ zaps: ['a'] });
    await expect(z.delete('k')).resolves.toBe(true);
    await expect(z.get('k')).resolves.toBeNull();
    await expect(z.delete('k')).resolves.toBe(false);
    expect(cache.keys()).toEqual([]);
  });

  it('forgets an entry when its TTL (seconds) has run out', async () => {
    const { clock, z } = cacheAt();
    await z.set('k', 1, 30);
    clock.now += 29_999;
    await expect(z.get('k')).resolves.toBe(1);
    clock.now += 1;
    await expect(z.get('k')).resolves.toBeNull();
  });

  it('keeps an entry set without TTL until it is evicted', async () => {
    const { cache, clock, z } = cacheAt();
    await z.set('k', 1);
    clock.now += 365 * 24 * 3600 * 1000;
    await expect(z.get('k')).resolves.toBe(1);
    cache.forget('k');
    await expect(z.get('k')).resolves.toBeNull();
  });

  it('honours nx: no write while the key lives, a write once it expired', async () => {
    const { clock, z } = cacheAt();
    await expect(z.set('lock', 'first', 30, undefined, true)).resolves.toBe(true);
    await expect(z.set('lock', 'second', 30, undefined, true)).resolves.toBe(false);
    await expect(z.get('lock')).resolves.toBe('first');
    clock.now += 30_000;
    await expect(z.set('lock', 'third', 30, null, true)).resolves.toBe(true);
    await expect(z.get('lock')).resolves.toBe('third');
  });

  it('can ignore nx, as a server that does not know it would', async () => {
    const { cache, z } = cacheAt();
    cache.faults.ignoreNx = true;
    await z.set('lock', 'first', 30, null, true);
    await expect(z.set('lock', 'second', 30, undefined, true)).resolves.toBe(true);
    await expect(z.get('lock')).resolves.toBe('second');
  });

  it('keeps scoped keys apart per Zapier user and connection, shared keys for all', async () => {
    const { cache } = cacheAt();
    const alice = cache.client(ALICE);
    const bob = cache.client(BOB);
    await alice.set('k', 'shared');
    await alice.set('k', 'alice', null, ['user']);
    await bob.set('k', 'bob', null, ['user']);
    await expect(bob.get('k')).resolves.toBe('shared');
    await expect(alice.get('k', ['user'])).resolves.toBe('alice');
    await expect(bob.get('k', ['user'])).resolves.toBe('bob');
    await expect(bob.get('k', ['auth'])).resolves.toBeNull();
  });

  it('forgets everything on a migration, and single keys on demand', async () => {
    const { cache, z } = cacheAt();
    await z.set('a', 1);
    await z.set('b', 2);
    expect(cache.keys().sort()).toEqual(['a', 'b']);
    cache.forgetAll();
    await expect(z.get('a')).resolves.toBeNull();
    expect(cache.keys()).toEqual([]);
  });

  it('can evict an entry at any call', async () => {
    const { cache, z } = cacheAt();
    await z.set('k', 1);
    cache.faults.evictRate = 1;
    await expect(z.get('k')).resolves.toBeNull();
    expect(cache.keys()).toEqual([]);
  });

  it('fails calls the way core reports an RPC that cannot be reached', async () => {
    const { cache, z } = cacheAt();
    await z.set('k', 1);
    cache.faults.throwRate = 1;
    jest.useFakeTimers();
    try {
      const read = z.get('k');
      const expected = expect(read).rejects.toThrow(
        'RPC request failed after 3 attempts: Unable to reach the RPC server',
      );
      await jest.advanceTimersByTimeAsync(200);
      await expected;
    } finally {
      jest.useRealTimers();
    }
  });

  it('refuses writes with false (write budget spent) and stores nothing', async () => {
    const { cache, z } = cacheAt();
    cache.faults.refuseRate = 1;
    await expect(z.set('k', 1)).resolves.toBe(false);
    await expect(z.get('k')).resolves.toBeNull();
  });

  it('answers 413 for a write the way core throws it, and stores nothing', async () => {
    const { cache, z } = cacheAt();
    cache.faults.tooLargeRate = 1;
    await expect(z.set('k', 1)).rejects.toThrow(
      'RPC request failed after 1 attempts: The request is too large to be processed',
    );
    await expect(z.get('k')).resolves.toBeNull();
  });

  it("checks values as core's client does before any call", async () => {
    const { z } = cacheAt();
    await expect(z.set('k', 1, 1.5)).rejects.toThrow('ttl must be an integer');
    const circular: Record<string, unknown> = {};
    circular.self = circular;
    await expect(z.set('k', circular)).rejects.toThrow();
  });
});
