import type { Bundle, ZObject } from 'zapier-platform-core';
import { asText } from '../values';

/**
 * Facts about one Callbell account kept in Zapier's cache (`z.cache`) between steps, so that a
 * step does not re-read what rarely changes. The account is named by a digest of its API key,
 * never by the key itself. The cache is an optimisation only: it throws outside Zapier (no RPC,
 * e.g. `zapier invoke` without a deploy key) and can fail inside it, and then every step simply
 * asks Callbell again.
 */
export interface AccountCache {
  get(): Promise<unknown>;
  set(value: unknown): Promise<void>;
  forget(): Promise<void>;
}

/** A digest that names an API key in cache keys without holding it. */
export function keyDigest(z: ZObject, apiKey: string): string {
  return z.hash('sha256', `callbell-zapier:${apiKey}`).slice(0, 40);
}

/** Zapier publishes no default TTL for z.cache, so every entry names its own (seconds). */
export function accountCache(
  z: ZObject,
  apiKey: string,
  name: string,
  ttlSeconds: number,
): AccountCache {
  const key = `callbell:${name}:${keyDigest(z, apiKey)}`;
  return {
    get: () => attempt(z, () => z.cache.get(key) as Promise<unknown>, null),
    set: (value) =>
      attempt(z, async () => void (await z.cache.set(key, value, ttlSeconds)), undefined),
    forget: () => attempt(z, async () => void (await z.cache.delete(key)), undefined),
  };
}

async function attempt<T>(z: ZObject, use: () => Promise<T>, fallback: T): Promise<T> {
  try {
    return await use();
  } catch (error) {
    z.console.log(`Zapier's cache is unavailable (${describe(error)}); asking Callbell instead.`);
    return fallback;
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message.slice(0, 120) : 'unknown error';
}

/** The connected account's API key, as the request middleware sends it. */
export function apiKeyOf(bundle: Bundle): string {
  return asText(bundle.authData?.api_key)?.trim() ?? '';
}
