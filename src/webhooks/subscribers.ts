import type { Bundle, ZObject } from 'zapier-platform-core';
import { apiKeyOf } from '../api/account-cache';
import { subscribeWebhook, unsubscribeWebhook } from '../api/webhooks';
import { startStepClock } from '../client/step';
import { isObject, stringOrNull } from '../values';
import { CALLBELL_EVENTS, type CallbellEvent, type Delivery } from './events';
import { describeForwards, forwardDelivery, isGone } from './fan-out';
import {
  messageOf,
  RegistryBusy,
  RegistryStore,
  RegistryUnavailable,
  type Change,
  type Registry,
  type Subscriber,
  type Webhook,
} from './registry';

/**
 * Callbell keeps one webhook per account (webhooks_api/subscribe.md: "Each account can only
 * register 1 webhook") while Zapier gives every Zap its own URL. So the Zaps of one API key
 * share a registry: Callbell's webhook points at one of them, the owner, for every event any
 * of them wants, and the owner passes each delivery on to the others (`fanOut`).
 */

/** Forwards run at once, so this bounds the owner's work on each delivery. */
export const MAX_SUBSCRIBERS = 100;
/** Zaps probed, one after the other, when the owner leaves and its successor is picked. */
const MAX_PROBES = 3;
/** A delivery does not wait long for the registry's lock: the next delivery tidies instead. */
const TIDY_WAIT_MS = 2_000;

export interface Joined {
  createdAt: string | null;
}

/**
 * Turning a Zap on: it joins the registry. The first Zap becomes the owner and points
 * Callbell's webhook at itself; a later one changes Callbell's webhook only when the events
 * wanted grow, or when the owner's Zap turns out to be gone.
 */
export async function joinZap(
  z: ZObject,
  apiKey: string,
  url: string,
  events: CallbellEvent[],
): Promise<Joined> {
  const joiner: Subscriber = { url, events, joinedAt: new Date().toISOString() };
  return withRegistry(
    z,
    apiKey,
    (store) =>
      store.change(async (current) => {
        const others = (current?.subscribers ?? []).filter((zap) => zap.url !== url);
        if (others.length >= MAX_SUBSCRIBERS) throw tooManyZaps(z);
        let subscribers = [...others, joiner];
        let owner = current?.webhook?.url;
        if (!owner || !subscribers.some((zap) => zap.url === owner)) owner = url;
        else if (owner !== url && (await isGone(z, owner))) {
          z.console.log('Callbell: the Zap that received the webhook is gone; this Zap takes it.');
          subscribers = subscribers.filter((zap) => zap.url !== owner);
          owner = url;
        }
        const { webhook, createdAt } = await pointWebhook(z, current?.webhook ?? null, {
          url: owner,
          events: eventUnion(subscribers),
        });
        return { next: { subscribers, webhook }, result: { createdAt } };
      }),
    async () => subscribeWebhook(z, url, events),
  );
}

export interface Left {
  status: string;
}

/**
 * Turning a Zap off: it leaves the registry, and never disconnects another live Zap. When the
 * owner leaves, the oldest Zap that is still there takes the webhook (one subscribe with its
 * URL and the events still wanted); only the last Zap out deletes the webhook.
 */
export async function leaveZap(z: ZObject, apiKey: string, url: string | null): Promise<Left> {
  return withRegistry(
    z,
    apiKey,
    (store) =>
      store.change(async (current): Promise<Change<Left>> => {
        if (!current?.subscribers.length) {
          z.console.log('Callbell: no Zap registry for this account; removing its webhook.');
          return { next: null, result: await unsubscribeWebhook(z) };
        }
        if (!url || !current.subscribers.some((zap) => zap.url === url)) {
          z.console.log(
            `Callbell: this Zap is not in the registry; the webhook stays for the ${current.subscribers.length} Zap(s) in it.`,
          );
          return { next: 'unchanged', result: { status: keptFor(current.subscribers.length) } };
        }
        let subscribers = current.subscribers.filter((zap) => zap.url !== url);
        let owner = current.webhook?.url;
        if (!owner || !subscribers.some((zap) => zap.url === owner)) {
          const successor = await liveSuccessor(z, subscribers);
          subscribers = successor.subscribers;
          owner = successor.url;
        }
        // No owner is left exactly when no Zap is: liveSuccessor gives the first remaining one.
        if (!owner) return { next: null, result: await unsubscribeWebhook(z) };
        const { webhook } = await pointWebhook(z, current.webhook, {
          url: owner,
          events: eventUnion(subscribers),
        });
        return {
          next: { subscribers, webhook },
          result: { status: keptFor(subscribers.length) },
        };
      }),
    async () => unsubscribeWebhook(z),
  );
}

/**
 * On a delivery straight from Callbell, the owner passes it on to every other Zap that wants
 * its event, drops Zaps that are gone (410) and renews the registry's lifetime. Nothing here
 * fails the owner's own run: every problem ends in a log line.
 */
export async function fanOut(z: ZObject, bundle: Bundle, delivery: Delivery): Promise<void> {
  // Stryker disable next-line CallExpression: otherwise the clock starts at the first forward, a cache read later.
  startStepClock(z);
  const apiKey = apiKeyOf(bundle);
  if (!apiKey) return;
  const store = RegistryStore.of(z, apiKey);
  let registry: Registry | null;
  try {
    registry = await store.read();
  } catch (error) {
    z.console.log(singleZapNotice(error));
    return;
  }
  if (!registry) return;
  const self = ownUrl(bundle) ?? registry.webhook?.url;
  const targets = registry.subscribers
    .filter((zap) => zap.url !== self && zap.events.includes(delivery.event))
    .map((zap) => zap.url);
  const results = await forwardDelivery(z, targets, delivery);
  if (results.length) z.console.log(describeForwards(delivery.event, results));
  const gone = results.filter((result) => result.outcome === 'gone').map((result) => result.url);
  if (gone.length || RegistryStore.dueForRefresh(registry)) await tidy(z, store, gone);
}

/** Drops gone Zaps and renews the registry; skipped (and said) when another Zap holds it. */
async function tidy(z: ZObject, store: RegistryStore, gone: string[]): Promise<void> {
  try {
    await store.change(async (current) => {
      if (!current) return { next: 'unchanged', result: undefined };
      const subscribers = current.subscribers.filter((zap) => !gone.includes(zap.url));
      return { next: { subscribers, webhook: current.webhook }, result: undefined };
    }, TIDY_WAIT_MS);
  } catch (error) {
    z.console.log(`Callbell: the Zap registry was not tidied this time (${messageOf(error)}).`);
  }
}

/**
 * Runs `work` on the account's registry; when Zapier's cache is not there (outside Zapier,
 * `zapier invoke`, a test without the cache) the Zap behaves as a single Zap did before:
 * `alone` takes or removes the account's webhook, and a log line says so.
 */
async function withRegistry<T>(
  z: ZObject,
  apiKey: string,
  work: (store: RegistryStore) => Promise<T>,
  alone: () => Promise<T>,
): Promise<T> {
  // Waiting for the lock and probing Zaps spend the step's one 25 s budget, with Callbell's
  // request, so turning a Zap on or off ends inside Zapier's 30 s.
  startStepClock(z);
  try {
    return await work(RegistryStore.of(z, apiKey));
  } catch (error) {
    if (error instanceof RegistryBusy)
      throw new z.errors.Error(
        'Another Zap of this Callbell account is being turned on or off. Wait a minute, then turn this Zap on or off again.',
        'RegistryBusy',
      );
    if (!(error instanceof RegistryUnavailable)) throw error;
    z.console.log(singleZapNotice(error));
    return alone();
  }
}

function singleZapNotice(error: unknown): string {
  return `Callbell: Zapier's cache is unavailable (${messageOf(error)}), so this Zap uses the account's webhook alone, as a single Zap; other Zaps of the account are not reached.`;
}

/** Points Callbell's webhook at `wanted` unless it already is. */
async function pointWebhook(
  z: ZObject,
  current: Webhook | null,
  wanted: Webhook,
): Promise<{ webhook: Webhook; createdAt: string | null }> {
  if (current && current.url === wanted.url && sameEvents(current.events, wanted.events))
    return { webhook: current, createdAt: null };
  const { createdAt } = await subscribeWebhook(z, wanted.url, wanted.events);
  return { webhook: wanted, createdAt };
}

/**
 * The oldest remaining Zap that is not gone, probing at most MAX_PROBES of them (a Zap
 * deleted without Zapier telling the app answers 410); the gone ones leave the list.
 */
async function liveSuccessor(
  z: ZObject,
  subscribers: Subscriber[],
): Promise<{ url: string | undefined; subscribers: Subscriber[] }> {
  let remaining = subscribers;
  for (const candidate of subscribers.slice(0, MAX_PROBES)) {
    if (!(await isGone(z, candidate.url))) return { url: candidate.url, subscribers: remaining };
    remaining = remaining.filter((zap) => zap.url !== candidate.url);
  }
  return { url: remaining[0]?.url, subscribers: remaining };
}

/** Every event any of these Zaps wants, in Callbell's order. */
function eventUnion(subscribers: Subscriber[]): CallbellEvent[] {
  return CALLBELL_EVENTS.filter((event) => subscribers.some((zap) => zap.events.includes(event)));
}

function sameEvents(a: CallbellEvent[], b: CallbellEvent[]): boolean {
  return a.length === b.length && a.every((event) => b.includes(event));
}

function keptFor(count: number): string {
  return `webhook kept for ${count} other Zap(s)`;
}

function tooManyZaps(z: ZObject): Error {
  return new z.errors.Error(
    `Turn off a Zap with a Callbell trigger first: one Callbell API key serves at most ${MAX_SUBSCRIBERS} such Zaps at a time.`,
    'TooManyZaps',
  );
}

/** The Zap's own hook URL, when Zapier says it (subscribe data keeps it as `url` and `id`). */
export function ownUrl(bundle: Bundle): string | undefined {
  const data: unknown = bundle.subscribeData;
  return (
    stringOrNull(bundle.targetUrl) ??
    (isObject(data) ? (stringOrNull(data.url) ?? stringOrNull(data.id)) : null) ??
    undefined
  );
}
