import { createHash, randomUUID } from 'node:crypto';
import type { ZObject } from 'zapier-platform-core';
import { isObject, stringList, stringOrNull } from '../values';
import { CALLBELL_EVENTS, type CallbellEvent } from './events';

/** z.cache as core 19 types it (get/set/delete; set takes ttl, scope and nx). */
export type Cache = ZObject['cache'];

/** One live Zap with a Callbell trigger. */
export interface Subscriber {
  /** The Zap's hook URL (`bundle.targetUrl` when it was turned on). */
  url: string;
  /** The events this Zap wants. */
  events: CallbellEvent[];
  /** When it joined (ISO 8601). */
  joinedAt: string;
}

/** What Callbell's one webhook of the account is set to, as this app last set it. */
export interface Webhook {
  /** The owner: the subscriber Callbell POSTs to, which forwards to the others. */
  url: string;
  events: CallbellEvent[];
}

/** Every live Zap of one Callbell API key, kept in Zapier's cache. */
export interface Registry {
  /** In the order they joined: the oldest live one is next in line to own the webhook. */
  subscribers: Subscriber[];
  webhook: Webhook | null;
  /** When it was last written; a delivery rewrites it (renewing its lifetime) after an hour. */
  refreshedAt: string;
}

/**
 * How long the registry lives without a write. Zapier documents no TTL default or maximum for
 * z.cache (core 19 only checks that ttl is an integer; its unit is seconds by every
 * convention in core's own tests), so the app renews it itself: every subscribe, unsubscribe
 * and, at most once an hour, a delivery rewrites it.
 */
export const REGISTRY_TTL_S = 30 * 24 * 60 * 60;
const REFRESH_AFTER_MS = 60 * 60 * 1000;
/** A lock outlives no step: Zapier stops every step after 30 s. */
const LOCK_TTL_S = 30;
/** How long turning a Zap on or off waits for another Zap's change of the registry. */
const LOCK_WAIT_MS = 4_000;

/** Zapier's cache failed (outside Zapier it throws "No token found - cannot call RPC"). */
export class RegistryUnavailable extends Error {
  constructor(cause: unknown) {
    super(cause instanceof Error ? cause.message : String(cause));
    // Stryker disable next-line StringLiteral: a name for stack traces; the app tells errors apart by class.
    this.name = 'RegistryUnavailable';
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
 * The registry's cache key: a digest of the API key (never the key itself), with no z.cache
 * scope, so every Zap connected with this key shares it whoever's Zap it is: `['user']` or
 * `['auth']` would split Zaps of one Callbell account by Zapier user or connection.
 */
export function registryKey(apiKey: string): string {
  const digest = createHash('sha256').update(`callbell-zapier:${apiKey.trim()}`).digest('hex');
  return `callbell:zaps:v1:${digest}`;
}

/** What a change stores (the store stamps `refreshedAt`): a registry, none, or no write. */
export type NextRegistry = Omit<Registry, 'refreshedAt'> | null | 'unchanged';

export interface Change<T> {
  next: NextRegistry;
  result: T;
}

/** The account's registry in z.cache, read and changed under a lock taken with `nx`. */
export class RegistryStore {
  constructor(
    private readonly cache: Cache,
    readonly key: string,
    private readonly log: (line: string) => void,
  ) {}

  static of(z: ZObject, apiKey: string): RegistryStore {
    return new RegistryStore(z.cache, registryKey(apiKey), (line) => z.console.log(line));
  }

  /** The registry, null when there is none; throws RegistryUnavailable when the cache fails. */
  async read(): Promise<Registry | null> {
    const stored: unknown = await this.guard(() => this.cache.get(this.key));
    if (stored === null || stored === undefined) return null;
    const registry = readRegistry(stored);
    if (!registry) this.log('Callbell: the Zap registry could not be read; starting a new one.');
    return registry;
  }

  /**
   * Runs `change` on the current registry while holding the account's lock, then stores what
   * it answers. Throws RegistryBusy when the lock stays taken for `waitMs`, RegistryUnavailable
   * when the cache fails before `change` ran; a failure to store afterwards is only logged,
   * since `change` may already have told Callbell.
   */
  async change<T>(
    change: (current: Registry | null) => Promise<Change<T>>,
    waitMs = LOCK_WAIT_MS,
  ): Promise<T> {
    const token = await this.guard(() => this.lock(waitMs));
    if (!token) throw new RegistryBusy();
    try {
      const { next, result } = await change(await this.read());
      await this.store(next);
      return result;
    } finally {
      await this.unlock(token);
    }
  }

  /** Whether a delivery should rewrite the registry to renew its lifetime. */
  static dueForRefresh(registry: Registry, now = Date.now()): boolean {
    return !(now - Date.parse(registry.refreshedAt) < REFRESH_AFTER_MS);
  }

  private async store(next: NextRegistry): Promise<void> {
    if (next === 'unchanged') return;
    try {
      if (next === null) await this.cache.delete(this.key);
      else await this.cache.set(this.key, copyForCache(next), REGISTRY_TTL_S);
    } catch (error) {
      this.log(`Callbell: the Zap registry could not be saved (${messageOf(error)}).`);
    }
  }

  private get lockKey(): string {
    return `${this.key}:lock`;
  }

  /** A unique token once the lock is ours, null if it stayed taken for `waitMs`. */
  private async lock(waitMs: number): Promise<string | null> {
    const token = randomUUID();
    const deadline = Date.now() + waitMs;
    for (let pause = 25; ; pause = Math.min(pause * 2, 400)) {
      if (await this.tryLock(token)) return token;
      if (Date.now() + pause > deadline) return null;
      await new Promise((resolve) => setTimeout(resolve, pause));
    }
  }

  /**
   * `nx` (set only if absent) is the lock on Zapier's cache. What `set` answers when it did
   * not store is undocumented (typed `boolean | null`), so the token is read back; looking
   * first also keeps two Zaps apart on a cache that ignores `nx`, as core's app tester's does.
   */
  private async tryLock(token: string): Promise<boolean> {
    if ((await this.cache.get(this.lockKey)) !== null) return false;
    if ((await this.cache.set(this.lockKey, token, LOCK_TTL_S, undefined, true)) === false)
      return false;
    return (await this.cache.get(this.lockKey)) === token;
  }

  /** Frees the lock if it is still ours; if that fails it expires by itself within 30 s. */
  private async unlock(token: string): Promise<void> {
    try {
      if ((await this.cache.get(this.lockKey)) === token) await this.cache.delete(this.lockKey);
    } catch (error) {
      this.log(`Callbell: the Zap registry's lock could not be freed (${messageOf(error)}).`);
    }
  }

  private async guard<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      throw new RegistryUnavailable(error);
    }
  }
}

/**
 * A fresh JSON copy, stamped: core's z.cache refuses a value holding one object twice (its
 * JSON check, src/tools/ensure-json-encodable.js, never forgets an object it has seen, and
 * calls a repeat "Circular structure"), and subscribers may share an events list.
 */
function copyForCache(next: Omit<Registry, 'refreshedAt'>): Registry {
  const copy = JSON.parse(JSON.stringify(next)) as Omit<Registry, 'refreshedAt'>;
  return { ...copy, refreshedAt: new Date().toISOString() };
}

export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function eventsIn(value: unknown): CallbellEvent[] {
  const names = stringList(value);
  return CALLBELL_EVENTS.filter((event) => names.includes(event));
}

/** A stored registry, read defensively: entries that are not a subscriber are dropped. */
function readRegistry(stored: unknown): Registry | null {
  if (!isObject(stored) || !Array.isArray(stored.subscribers)) return null;
  const subscribers = stored.subscribers.flatMap((entry: unknown): Subscriber[] => {
    if (!isObject(entry)) return [];
    const url = stringOrNull(entry.url);
    const events = eventsIn(entry.events);
    return url && events.length
      ? [{ url, events, joinedAt: stringOrNull(entry.joinedAt) ?? '' }]
      : [];
  });
  const webhook = isObject(stored.webhook) ? stored.webhook : {};
  const webhookUrl = stringOrNull(webhook.url);
  return {
    subscribers,
    webhook: webhookUrl ? { url: webhookUrl, events: eventsIn(webhook.events) } : null,
    refreshedAt: stringOrNull(stored.refreshedAt) ?? '',
  };
}
