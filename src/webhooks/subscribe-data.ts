import type { Bundle } from 'zapier-platform-core';
import { isObject, stringOrNull } from '../values';
import type { CallbellEvent } from './events';
import { eventsIn, readSubscribers, type Subscriber } from './registry';

/**
 * What performSubscribe returns. Zapier keeps it with the Zap, durably, and hands it back to
 * perform and performUnsubscribe as `bundle.subscribeData` ("available in the perform and
 * performUnsubscribe method for webhooks", docs/_reference/cli-docs.md, zapier/visual-builder).
 * So the routing lives here, not in Zapier's cache: a Zap turned on takes Callbell's webhook
 * and keeps the list of every other Zap it then knew.
 */
export interface SubscribeData {
  id: string;
  url: string;
  subscriptions: CallbellEvent[];
  createdAt: string | null;
  /** The registry's cache key: the account it belongs to (account.ts). */
  registry: string;
  /** The account's shared secret (signing.ts). */
  secret: string;
  /** The account's other Zaps when this one was turned on, oldest first. */
  zaps: { url: string; events: CallbellEvent[] }[];
  /**
   * When this Zap took the webhook finding no list of the account's Zaps (the account's first
   * Zap, or a cache that forgot them before any event let the owner write it back): absent when
   * it knew the list.
   */
  unlistedSince?: string;
}

/**
 * The parts of `bundle.subscribeData` this app relies on. A Zap turned on by an earlier version
 * of the app (or a step run outside Zapier) has no secret: it is a single Zap and passes nothing
 * on (docs/webhooks.md, "Upgrading").
 */
export interface KnownData {
  url: string | null;
  registry: string | null;
  secret: string | null;
  zaps: Subscriber[];
  events: CallbellEvent[];
  /** When this Zap took the webhook knowing no list (ms), or null. */
  unlistedSince: number | null;
}

export function readSubscribeData(value: unknown): KnownData {
  const data = isObject(value) ? value : {};
  return {
    url: stringOrNull(data.url) ?? stringOrNull(data.id),
    registry: stringOrNull(data.registry),
    secret: stringOrNull(data.secret),
    zaps: readSubscribers(data.zaps),
    events: eventsIn(data.subscriptions),
    unlistedSince: Date.parse(stringOrNull(data.unlistedSince) ?? '') || null,
  };
}

/** The Zap's own hook URL, when Zapier says it: `targetUrl`, else its subscribe data. */
export function ownUrl(bundle: Bundle): string | null {
  return stringOrNull(bundle.targetUrl) ?? readSubscribeData(bundle.subscribeData).url;
}
