import { randomUUID } from 'node:crypto';
import type { ZObject } from 'zapier-platform-core';
import { stepOf } from '../client/step';
import { isObject, stringList, stringOrNull } from '../values';
import { CALLBELL_EVENTS, type CallbellEvent } from './events';

/** One live Zap with a Callbell trigger. */
export interface Subscriber {
  /** The Zap's hook URL (`bundle.targetUrl` when it was turned on). */
  url: string;
  /** The events this Zap wants. */
  events: CallbellEvent[];
  /** When it joined (ISO 8601); empty when only a Zap's subscribe data named it. */
  joinedAt: string;
}

/**
 * The Zaps of one Callbell account, as far as Zapier's cache remembers them. It only speeds
 * things up and lets a new Zap learn of the others: the routing itself lives in each Zap's
 * subscribe data (see subscribers.ts), so losing this loses no Zap.
 */
export interface Registry {
  /** Signs relays between the account's Zaps and the webhook URL's token (signing.ts). */
  secret: string;
  /** In the order they were turned on: the newest is the one Callbell's webhook points at. */
  zaps: Subscriber[];
  /** Hook URLs that answered 410 (their Zap is off or deleted): nothing is passed on to them. */
  gone: string[];
  /**
   * Written back by a Zap that knew only part of the account (its turn-off found the cache
   * empty): Zaps may exist that it does not list, so it never justifies deleting the webhook
   * or dropping an event from it. It stays so until the cache forgets it.
   */
  partial?: boolean;
  /**
   * When a turn-off that found no list kept the webhook on its own URL (ISO 8601): if it owned
   * the webhook, Callbell's deliveries since then failed, and the next Zap that moves the
   * webhook passes them on from Callbell's log (replay.ts).
   */
  keptSince?: string;
  /** When it was last written; a delivery rewrites it (renewing its lifetime) after an hour. */
  refreshedAt: string;
}

export type RegistryContent = Omit<Registry, 'refreshedAt'>;

/**
 * How long the registry lives without a write. Zapier documents no TTL default or maximum for
 * z.cache (core 19 only checks that ttl is an integer; its unit is seconds by every
 * convention in core's own tests), so the app renews it itself: every subscribe, unsubscribe
 * and, at most once an hour, a delivery rewrites it.
 */
const REGISTRY_TTL_S = 30 * 24 * 60 * 60;
const REFRESH_AFTER_MS = 60 * 60 * 1000;
/** A lock outlives no step: Zapier stops every step after 30 s. */
const LOCK_TTL_S = 30;
/** How long a lock just taken is watched before it counts as held (see `tryLock`). */
const LOCK_SETTLE_MS = 100;
/** How long turning a Zap on or off waits for another Zap's change of the registry. */
const LOCK_WAIT_MS = 15_000;
/** What the lock wait leaves of the step for Callbell's answers. */
const KEPT_AFTER_LOCK_MS = 8_000;
/**
 * One z.cache call is one RPC that core retries on 5xx with no timeout of its own
 * (/work/shared/zapier/PLATFORM.md, "Third look"): a call that has not answered by then counts
 * as failed, so a slow cache cannot take a step past Zapier's 30 s.
 */
const CACHE_CALL_MS = 2_000;
/** Bounds what one registry holds (and so one cache write's size): gone URLs kept. */
const MAX_GONE = 200;

/**
 * Zapier's cache failed, timed out, refused a write (`set` answered false: the app's write
 * budget is spent; 413: too large) or is not there at all (outside Zapier). This is doubt,
 * never "no Zap": nothing shared is deleted or narrowed because of it.
 */
export class CacheDoubt extends Error {
  constructor(cause: unknown) {
    super(cause instanceof Error ? cause.message : String(cause));
    // Stryker disable next-line StringLiteral: a name for stack traces; the app tells errors apart by class.
    this.name = 'CacheDoubt';
  }
}

/** Another Zap of the account held the registry's lock for longer than we could wait. */
export class RegistryBusy extends Error {
  constructor() {
    super('another Zap of this Callbell account is changing the registry');
    // Stryker disable next-line StringLiteral: a name for stack traces; the app tells errors apart by class.
    this.name = 'RegistryBusy';
  }
}

/**
 * The registry's cache key, from the account's identity (account.ts), with no z.cache scope,
 * so every Zap of the account shares it whoever's Zap it is: `['user']` or `['auth']` would
 * split Zaps of one Callbell account by Zapier user or connection.
 */
export function registryKey(identity: string): string {
  return `callbell:zaps:v2:${identity}`;
}

/** The account's registry in z.cache: every call bounded in time, writes checked. */
export class RegistryStore {
  constructor(
    private readonly z: ZObject,
    readonly key: string,
  ) {}

  /**
   * The registry, null when the cache has none; throws CacheDoubt when the cache fails. It is
   * kept twice (`write`): Zapier evicts entries one by one on rules it does not publish, and a
   * copy under a second key outlives the loss of either.
   */
  async read(): Promise<Registry | null> {
    const stored: unknown =
      (await this.call(() => this.z.cache.get(this.key))) ??
      (await this.call(() => this.z.cache.get(this.copyKey)));
    if (stored === null || stored === undefined) return null;
    const registry = readRegistry(stored);
    if (!registry) throw new CacheDoubt('the stored registry could not be read');
    return registry;
  }

  /** Stores the registry; throws CacheDoubt unless the cache says it kept the first copy. */
  async write(content: RegistryContent): Promise<void> {
    const value = copyForCache(content);
    const stored = await this.call(() => this.z.cache.set(this.key, value, REGISTRY_TTL_S));
    if (stored === false) throw new CacheDoubt("Zapier's cache did not keep the registry");
    // The second copy only helps; one that could not be updated must not outlive the first.
    const copied = await this.call(() =>
      this.z.cache.set(this.copyKey, value, REGISTRY_TTL_S),
    ).catch(() => false);
    if (copied === false)
      await this.call(() => this.z.cache.delete(this.copyKey)).catch(() => false);
  }

  private get copyKey(): string {
    return `${this.key}:copy`;
  }

  /** A value beside the registry (its lock, a note), bounded like every call. */
  async getNote(name: string): Promise<unknown> {
    return this.call(() => this.z.cache.get(`${this.key}:${name}`));
  }

  async setNote(name: string, value: unknown, ttlSeconds: number): Promise<void> {
    const stored = await this.call(() =>
      this.z.cache.set(`${this.key}:${name}`, value, ttlSeconds),
    );
    if (stored === false) throw new CacheDoubt("Zapier's cache did not keep a note");
  }

  /**
   * Sets a note unless it is there: false only when the cache holds it already. A `set` that
   * answers false proves nothing (the write budget may be spent), so the note is read first.
   */
  async claim(name: string, ttlSeconds: number): Promise<boolean> {
    if ((await this.getNote(name)) !== null) return false;
    await this.call(() => this.z.cache.set(`${this.key}:${name}`, 1, ttlSeconds, undefined, true));
    return true;
  }

  /**
   * Runs `work` holding the account's lock. Throws RegistryBusy when the lock stays taken for
   * `waitMs`, CacheDoubt when the cache fails while taking it.
   */
  async locked<T>(work: () => Promise<T>, waitMs = LOCK_WAIT_MS): Promise<T> {
    const token = await this.lock(waitMs);
    if (!token) throw new RegistryBusy();
    try {
      return await work();
    } finally {
      await this.unlock(token);
    }
  }

  /** Whether some Zap holds the lock now; throws CacheDoubt when the cache fails. */
  async isLocked(): Promise<boolean> {
    return (await this.holder()) !== null;
  }

  /** Whether a delivery should rewrite the registry to renew its lifetime. */
  static dueForRefresh(registry: Registry, now = Date.now()): boolean {
    return !(now - Date.parse(registry.refreshedAt) < REFRESH_AFTER_MS);
  }

  private get lockKey(): string {
    return `${this.key}:lock`;
  }

  /** A unique token once the lock is ours, null if it stayed taken for `waitMs`. */
  private async lock(waitMs: number): Promise<string | null> {
    const token = randomUUID();
    const deadline = Date.now() + Math.min(waitMs, stepOf(this.z).remaining() - KEPT_AFTER_LOCK_MS);
    for (let pause = 25; ; pause = Math.min(pause * 2, 200)) {
      if (await this.tryLock(token)) return token;
      if (Date.now() + pause > deadline) return null;
      await new Promise((resolve) => setTimeout(resolve, pause));
    }
  }

  /**
   * `nx` (set only if absent) is the lock on Zapier's cache. What `set` answers when it did
   * not store is undocumented (typed `boolean | null`), so the token is read back. On a cache
   * that ignores `nx` (core's app tester's does) two Zaps can both find the lock free and both
   * read their own token back, one just before the other's write lands: looking first, and
   * reading back once more a moment later, keeps them apart.
   */
  private async tryLock(token: string): Promise<boolean> {
    if (await this.isLocked()) return false;
    const set = await this.call(() =>
      this.z.cache.set(this.lockKey, token, LOCK_TTL_S, undefined, true),
    );
    const holder = await this.holder();
    // Refused, and no one holds it: the write was refused, not lost to another Zap.
    if (set === false && holder === null) throw new CacheDoubt("Zapier's cache refused a write");
    if (holder !== token) return false;
    await new Promise((resolve) => setTimeout(resolve, LOCK_SETTLE_MS));
    return (await this.holder()) === token;
  }

  private holder(): Promise<unknown> {
    return this.call(() => this.z.cache.get(this.lockKey));
  }

  /** Frees the lock if it is still ours; if that fails it expires by itself within 30 s. */
  private async unlock(token: string): Promise<void> {
    try {
      if ((await this.holder()) === token) await this.call(() => this.z.cache.delete(this.lockKey));
    } catch (error) {
      this.z.console.log(
        `Callbell: the Zap registry's lock was left to expire (${messageOf(error)}).`,
      );
    }
  }

  /** One cache call, ended after CACHE_CALL_MS or at the step's deadline, whichever is first. */
  private async call<T>(work: () => Promise<T>): Promise<T> {
    const ms = Math.max(0, Math.min(CACHE_CALL_MS, stepOf(this.z).remaining()));
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<never>((_resolve, reject) => {
      timer = setTimeout(() => reject(new CacheDoubt(`no answer within ${ms} ms`)), ms);
    });
    try {
      return await Promise.race([work(), timeout]);
    } catch (error) {
      throw error instanceof CacheDoubt ? error : new CacheDoubt(error);
    } finally {
      clearTimeout(timer);
    }
  }
}

/**
 * A fresh JSON copy, stamped: core's z.cache refuses a value holding one object twice (its
 * JSON check, src/tools/ensure-json-encodable.js, never forgets an object it has seen, and
 * calls a repeat "Circular structure"), and subscribers may share an events list.
 */
function copyForCache(content: RegistryContent): Registry {
  const copy = JSON.parse(JSON.stringify(content)) as RegistryContent;
  return { ...copy, gone: copy.gone.slice(-MAX_GONE), refreshedAt: new Date().toISOString() };
}

export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export function eventsIn(value: unknown): CallbellEvent[] {
  const names = stringList(value);
  return CALLBELL_EVENTS.filter((event) => names.includes(event));
}

/** Each URL once, at its latest place: a Zap listed twice is passed each delivery once. */
export function uniqueZaps(zaps: Subscriber[]): Subscriber[] {
  const last = new Map(zaps.map((zap, index) => [zap.url, index]));
  return zaps.filter((zap, index) => last.get(zap.url) === index);
}

/** Subscribers read defensively: entries that are not one are dropped. */
export function readSubscribers(value: unknown): Subscriber[] {
  if (!Array.isArray(value)) return [];
  return uniqueZaps(
    value.flatMap((entry: unknown): Subscriber[] => {
      if (!isObject(entry)) return [];
      const url = stringOrNull(entry.url);
      const events = eventsIn(entry.events);
      return url && events.length
        ? [{ url, events, joinedAt: stringOrNull(entry.joinedAt) ?? '' }]
        : [];
    }),
  );
}

/** A stored registry, null when it is not one (an older version's, or damaged). */
function readRegistry(stored: unknown): Registry | null {
  if (!isObject(stored) || !Array.isArray(stored.zaps)) return null;
  const secret = stringOrNull(stored.secret);
  if (!secret) return null;
  return {
    secret,
    zaps: readSubscribers(stored.zaps),
    gone: stringList(stored.gone),
    ...(stored.partial === true ? { partial: true } : {}),
    ...(typeof stored.keptSince === 'string' ? { keptSince: stored.keptSince } : {}),
    refreshedAt: stringOrNull(stored.refreshedAt) ?? '',
  };
}
