import {
  REGISTRY_TTL_S,
  RegistryBusy,
  RegistryStore,
  RegistryUnavailable,
  registryKey,
  type Registry,
} from '../../src/webhooks/registry';
import type { ZObject } from 'zapier-platform-core';
import { API_KEY, appTester, bundleWith, loggingTo } from '../helpers/app';
import { elapse, useFakeClock } from '../helpers/clock';
import { MissingCache, NxCache } from '../helpers/fake-cache';

const KEY = registryKey(API_KEY);
const zap = (n: number) => ({
  url: `https://hooks.zapier.com/hooks/standard/1/${n}/`,
  events: ['message_created' as const],
  joinedAt: '2026-11-24T10:00:00.000Z',
});

function storeWith(cache: NxCache | MissingCache, lines: string[] = []) {
  return new RegistryStore(cache, KEY, (line) => lines.push(line));
}

/** A change that adds one Zap, as turning a Zap on does. */
function adding(n: number, during: () => Promise<void> = async () => undefined) {
  return async (current: Registry | null) => {
    await during();
    return {
      next: { subscribers: [...(current?.subscribers ?? []), zap(n)], webhook: null },
      result: n,
    };
  };
}

describe('the registry key', () => {
  it.each([
    ['the same key', API_KEY, true],
    ['the same key with spaces around it', ` ${API_KEY}\n`, true],
    ['another key', `${API_KEY}x`, false],
  ])('is a digest of the API key: %s', (_case, apiKey, same) => {
    expect(registryKey(apiKey) === KEY).toBe(same);
    expect(registryKey(apiKey)).toMatch(/^callbell:zaps:v1:[0-9a-f]{64}$/);
    expect(registryKey(apiKey)).not.toContain(API_KEY);
  });
});

describe('RegistryStore', () => {
  it('stores a change for 30 days, with no scope, under a lock taken with nx and freed', async () => {
    const cache = new NxCache();
    await expect(storeWith(cache).change(adding(1))).resolves.toBe(1);
    const sets = cache.calls.filter((call) => call.method === 'set');
    expect(sets).toEqual([
      { method: 'set', key: `${KEY}:lock`, ttl: 30, scope: undefined, nx: true },
      { method: 'set', key: KEY, ttl: REGISTRY_TTL_S, scope: undefined, nx: undefined },
    ]);
    expect(REGISTRY_TTL_S).toBe(2_592_000);
    expect(cache.values.has(`${KEY}:lock`)).toBe(false);
    expect(cache.stored(KEY)).toEqual({
      subscribers: [zap(1)],
      webhook: null,
      refreshedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
    });
  });

  it('never runs two changes at once: ten Zaps turned on together all end up registered', async () => {
    const cache = new NxCache();
    let running = 0;
    let mostAtOnce = 0;
    const during = async () => {
      running += 1;
      mostAtOnce = Math.max(mostAtOnce, running);
      await new Promise((resolve) => setTimeout(resolve, 5));
      running -= 1;
    };
    const store = storeWith(cache);
    const ns = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    useFakeClock();
    try {
      const all = Promise.all(ns.map((n) => store.change(adding(n, during))));
      await elapse(4_000);
      await all;
    } finally {
      jest.useRealTimers();
    }
    expect(mostAtOnce).toBe(1);
    const stored = cache.stored(KEY) as Registry;
    expect(stored.subscribers.map((subscriber) => subscriber.url).sort()).toEqual(
      ns.map((n) => zap(n).url).sort(),
    );
  });

  it('gives up with RegistryBusy when another Zap keeps the lock, and writes nothing', async () => {
    const cache = new NxCache();
    await cache.set(`${KEY}:lock`, 'someone-else', 30, undefined, true);
    const change = jest.fn(adding(1));
    await expect(storeWith(cache).change(change, 200)).rejects.toBeInstanceOf(RegistryBusy);
    expect(change).not.toHaveBeenCalled();
    expect(cache.stored(KEY)).toBeNull();
    expect(cache.stored(`${KEY}:lock`)).toBe('someone-else');
  });

  it('frees the lock when the change fails (a Callbell error), keeping the registry as it was', async () => {
    const cache = new NxCache();
    const store = storeWith(cache);
    await store.change(adding(1));
    const refused = async () => {
      throw new Error('Callbell refused');
    };
    await expect(store.change(refused)).rejects.toThrow('Callbell refused');
    expect(cache.values.has(`${KEY}:lock`)).toBe(false);
    expect((cache.stored(KEY) as Registry).subscribers).toEqual([zap(1)]);
  });

  it("throws RegistryUnavailable when Zapier's cache is not there", async () => {
    const lines: string[] = [];
    const store = storeWith(new MissingCache(), lines);
    await expect(store.read()).rejects.toBeInstanceOf(RegistryUnavailable);
    await expect(store.change(adding(1))).rejects.toThrow('No token found - cannot call RPC');
  });

  it('only logs a failure to store after the change ran, since Callbell may have been told', async () => {
    const cache = new NxCache();
    const lines: string[] = [];
    const failingSet = cache.set;
    cache.set = async (key, value, ttl, scope, nx) => {
      if (key === KEY) throw new Error('The request is too large to be processed');
      return failingSet(key, value, ttl, scope, nx);
    };
    await expect(storeWith(cache, lines).change(adding(1))).resolves.toBe(1);
    expect(lines).toEqual([
      'Callbell: the Zap registry could not be saved (The request is too large to be processed).',
    ]);
  });

  it.each([
    ['a string', 'oops'],
    ['a list', [1, 2]],
    ['an object without subscribers', { webhook: null }],
  ])('reads %s as no registry, and says so', async (_case, stored) => {
    const cache = new NxCache();
    await cache.set(KEY, stored);
    const lines: string[] = [];
    await expect(storeWith(cache, lines).read()).resolves.toBeNull();
    expect(lines).toEqual(['Callbell: the Zap registry could not be read; starting a new one.']);
  });

  it('drops entries that are not a Zap with events it can name', async () => {
    const cache = new NxCache();
    await cache.set(KEY, {
      subscribers: [
        zap(1),
        null,
        { url: 2 },
        'x',
        { url: 'https://hooks.zapier.com/3', events: ['x'] },
      ],
      webhook: { url: zap(1).url, events: ['message_created', 'nope'] },
      refreshedAt: '2026-11-24T10:00:00.000Z',
    });
    await expect(storeWith(cache).read()).resolves.toEqual({
      subscribers: [zap(1)],
      webhook: { url: zap(1).url, events: ['message_created'] },
      refreshedAt: '2026-11-24T10:00:00.000Z',
    });
  });

  it('reads a Zap without joinedAt, and a registry without refreshedAt, as empty times', async () => {
    const cache = new NxCache();
    const { url, events } = zap(1);
    await cache.set(KEY, { subscribers: [{ url, events }], webhook: null });
    await expect(storeWith(cache).read()).resolves.toEqual({
      subscribers: [{ url, events, joinedAt: '' }],
      webhook: null,
      refreshedAt: '',
    });
  });

  it('reads nothing stored as no registry, without a word', async () => {
    const lines: string[] = [];
    await expect(storeWith(new NxCache(), lines).read()).resolves.toBeNull();
    expect(lines).toEqual([]);
  });

  it("logs through the step's z.console", async () => {
    const lines: string[] = [];
    const read = (z: ZObject) => {
      const logging = loggingTo(z, lines);
      return z.cache.set(KEY, 'oops').then(() => RegistryStore.of(logging, API_KEY).read());
    };
    await expect(appTester(read, bundleWith(), true)).resolves.toBeNull();
    expect(lines).toEqual(['Callbell: the Zap registry could not be read; starting a new one.']);
  });

  it('deletes the registry when a change leaves none', async () => {
    const cache = new NxCache();
    const store = storeWith(cache);
    await store.change(adding(1));
    cache.calls.length = 0;
    await store.change(async () => ({ next: null, result: 0 }));
    expect(cache.calls.filter((call) => call.key === KEY && call.method !== 'get')).toEqual([
      { method: 'delete', key: KEY },
    ]);
    expect(cache.values.has(KEY)).toBe(false);
  });

  it('looks before taking the lock, so a cache that ignores nx still keeps two Zaps apart', async () => {
    const cache = new NxCache();
    const set = cache.set;
    cache.set = (key, value, ttl, scope) => set(key, value, ttl, scope, false);
    await cache.set(`${KEY}:lock`, 'someone-else');
    const change = jest.fn(adding(1));
    await expect(storeWith(cache).change(change, 200)).rejects.toBeInstanceOf(RegistryBusy);
    expect(change).not.toHaveBeenCalled();
    expect(cache.stored(`${KEY}:lock`)).toBe('someone-else');
  });

  it('reads the lock back: a set that did not store (another Zap was quicker) is no lock', async () => {
    const cache = new NxCache();
    const set = cache.set;
    cache.set = async (key, value, ttl, scope, nx) => {
      if (!nx) return set(key, value, ttl, scope, nx);
      await set(key, 'someone-else', ttl, scope);
      return null;
    };
    const change = jest.fn(adding(1));
    await expect(storeWith(cache).change(change, 200)).rejects.toBeInstanceOf(RegistryBusy);
    expect(change).not.toHaveBeenCalled();
  });

  it("frees the lock only while it is its own (an expired lock may be the next Zap's)", async () => {
    const cache = new NxCache();
    const lock = `${KEY}:lock`;
    await storeWith(cache).change(async () => {
      await cache.set(lock, 'next-zap');
      return { next: 'unchanged', result: 0 };
    });
    expect(cache.stored(lock)).toBe('next-zap');
  });

  it('only logs a lock it could not free: it expires by itself', async () => {
    const cache = new NxCache();
    const lines: string[] = [];
    cache.delete = async () => {
      throw new Error('cache down');
    };
    await expect(storeWith(cache, lines).change(adding(1))).resolves.toBe(1);
    expect(lines).toEqual(["Callbell: the Zap registry's lock could not be freed (cache down)."]);
  });

  it('waits 4 s at most for a lock, polling it less and less often', async () => {
    const cache = new NxCache(async () => undefined);
    await cache.set(`${KEY}:lock`, 'someone-else', 30, undefined, true);
    useFakeClock();
    try {
      let outcome: unknown = 'waiting';
      storeWith(cache)
        .change(adding(1))
        .catch((error: unknown) => (outcome = error));
      await elapse(3_500);
      expect(outcome).toBe('waiting');
      await elapse(500);
      expect(outcome).toBeInstanceOf(RegistryBusy);
    } finally {
      jest.useRealTimers();
    }
    const looks = cache.calls.filter((call) => call.method === 'get' && call.key === `${KEY}:lock`);
    expect(looks.length).toBeLessThanOrEqual(15);
  });

  it.each([
    ['just written', 0, false],
    ['59 minutes old', 59, false],
    ['an hour old', 60, true],
  ])('renews its lifetime on a delivery when %s', (_case, minutes, due) => {
    const now = Date.parse('2026-11-24T12:00:00.000Z');
    const refreshedAt = new Date(now - minutes * 60_000).toISOString();
    expect(RegistryStore.dueForRefresh({ subscribers: [], webhook: null, refreshedAt }, now)).toBe(
      due,
    );
  });
});
