import type { Bundle, ZObject } from 'zapier-platform-core';
import { startStepClock } from '../client/step';
import { isObject, stringOrNull } from '../values';
import { digest, eventId } from './event-id';
import type { Delivery } from './events';
import { describeForwards, forwardDelivery, type ForwardResult } from './fan-out';
import { messageOf, RegistryStore, uniqueZaps, type Registry, type Subscriber } from './registry';
import {
  hasWebhookToken,
  isGenuineRelay,
  relayMarkOf,
  TOKEN_PARAM,
  type RelayMark,
} from './signing';
import { ownUrl, readSubscribeData, type KnownData } from './subscribe-data';
import { MAX_SUBSCRIBERS } from './subscribers';

/** A delivery does not wait long for the registry's lock: the next delivery tidies instead. */
const TIDY_WAIT_MS = 2_000;
/**
 * A Zap newer than the owner that answers 410 may be one being turned on (it joins the registry
 * before it takes the webhook); within a minute, two steps' time, it is not taken for gone.
 */
const JOINING_MS = 60_000;
/** How long a relayed event's id is remembered, so a retried relay runs the Zap once. */
const SEEN_TTL_S = 60 * 60;
/**
 * How long an owner that took the webhook knowing no list says, on each delivery, that older
 * Zaps may miss it: a week of runs, so whoever looks for a quiet Zap's events finds why.
 */
const UNLISTED_NOTICE_MS = 7 * 24 * 60 * 60 * 1000;

/** A Zap that knows the account's secret, so it can tell genuine posts from others. */
interface Member {
  data: KnownData & { secret: string; registry: string };
  self: string;
}

/**
 * Decides whether a POST to this Zap may run it, and when it came from Callbell's webhook,
 * passes it on to the account's other Zaps. A POST is genuine when it came through the webhook
 * (its URL's token, signing.ts) or is a relay signed for this Zap; anything else (a forged or
 * tampered relay, an event posted straight to the Zap's URL) runs nothing and is never passed
 * on. A Zap with no secret (turned on by an earlier version, or run outside Zapier) is a
 * single Zap and takes what it gets, as before. Callbell's periodic connection checks
 * (webhooks/introduction.md) are no event, but they come through the webhook: the owner then
 * writes the registry back if the cache lost it, so a lost registry comes back even on an
 * account with no events.
 */
export async function receive(
  z: ZObject,
  bundle: Bundle,
  delivery: Delivery | null,
): Promise<boolean> {
  const data = readSubscribeData(bundle.subscribeData);
  const self = ownUrl(bundle);
  const mark = relayMarkOf(bundle.cleanedRequest);
  const { secret, registry } = data;
  if (!secret || !registry || !self) {
    if (mark) z.console.log('Callbell: ignored a relay: this Zap was turned on without a secret.');
    return !mark && delivery !== null;
  }
  const member: Member = { data: { ...data, secret, registry }, self };
  if (mark) return delivery !== null && receiveRelay(z, member, mark, bundle.cleanedRequest);
  if (!hasWebhookToken(secret, self, tokenOf(bundle))) {
    if (delivery)
      z.console.log(
        "Callbell: ignored an event that did not come through Callbell's webhook (its URL's token is missing or wrong).",
      );
    return false;
  }
  await fanOut(z, member, delivery);
  return delivery !== null;
}

async function receiveRelay(
  z: ZObject,
  { data, self }: Member,
  mark: RelayMark | 'malformed',
  body: unknown,
): Promise<boolean> {
  if (mark === 'malformed' || !isObject(body) || !isGenuineRelay(data.secret, self, mark, body)) {
    z.console.log('Callbell: ignored a relay that no Zap of this account signed; it runs nothing.');
    return false;
  }
  if (await firstTime(z, data.registry, self, mark.id)) return true;
  z.console.log('Callbell: this Zap already ran this event (a forward sent again); it runs once.');
  return false;
}

/**
 * Whether this Zap has not run this event yet: a relay retried after an answer that was lost
 * carries the same id. The cache only helps here: when it fails, the event runs.
 */
async function firstTime(z: ZObject, registry: string, self: string, id: string): Promise<boolean> {
  try {
    return await new RegistryStore(z, registry).claim(
      `seen:${digest(self)}:${digest(id)}`,
      SEEN_TTL_S,
    );
  } catch {
    return true;
  }
}

/** The webhook's token, from the parsed or the raw query string (cli-docs.md, bundle.rawRequest). */
function tokenOf(bundle: Bundle): string | null {
  const cleaned: unknown = bundle.cleanedRequest;
  const query = isObject(cleaned) ? cleaned.querystring : undefined;
  if (isObject(query)) return stringOrNull(query[TOKEN_PARAM]);
  const raw: unknown = bundle.rawRequest;
  const text = isObject(raw) ? stringOrNull(raw.querystring) : null;
  return text ? new URLSearchParams(text).get(TOKEN_PARAM) : null;
}

/**
 * The owner passes a delivery on to every other Zap that wants its event: those its subscribe
 * data lists (durable) and those the registry adds (joined since), less those gone. Then it
 * writes the registry back if the cache lost it, drops Zaps that answered 410 and renews its
 * lifetime. Nothing here fails the owner's own run: every problem ends in a log line.
 */
async function fanOut(
  z: ZObject,
  { data, self }: Member,
  delivery: Delivery | null,
): Promise<void> {
  // Stryker disable next-line CallExpression: otherwise the clock starts at the first forward, a cache read later.
  startStepClock(z);
  const store = new RegistryStore(z, data.registry);
  let registry: Registry | null = null;
  let readable = true;
  try {
    registry = await store.read();
  } catch (error) {
    readable = false;
    z.console.log(
      `Callbell: Zapier's cache failed (${messageOf(error)}); passing this on to the ${data.zaps.length} Zap(s) this Zap knows of.`,
    );
  }
  const own = registry?.secret === data.secret ? registry : null;
  if (registry && !own)
    z.console.log("Callbell: the cache's Zap registry has another secret; it is left as it is.");
  const results = delivery ? await passOn(z, { data, self }, own, delivery) : [];
  if (delivery && tookUnlisted(data)) z.console.log(unlistedNotice(delivery));
  const newlyGone = results.filter((result) => result.outcome === 'gone').map((r) => r.url);
  if (readable && (registry === null || own)) await tidy(z, store, { data, self }, own, newlyGone);
}

/**
 * Whether this owner took the webhook lately finding no list of the account's Zaps: it cannot
 * tell the account's first Zap from a cache that forgot the others (docs/webhooks.md, "Doubt
 * is never 'no Zap'"), and older Zaps it does not know of get nothing from it.
 */
function tookUnlisted(data: KnownData): boolean {
  return data.unlistedSince !== null && Date.now() - data.unlistedSince < UNLISTED_NOTICE_MS;
}

function unlistedNotice(delivery: Delivery): string {
  return `Callbell: this Zap took Callbell's webhook when Zapier's cache had no list of this account's Zaps, so an older Callbell Zap on this account may have missed this ${delivery.event} event: if one did, turn it off and on again.`;
}

/** Forwards the delivery to every Zap known to want it (subscribe data, then registry). */
async function passOn(
  z: ZObject,
  { data, self }: Member,
  registry: Registry | null,
  delivery: Delivery,
): Promise<ForwardResult[]> {
  const gone = new Set(registry?.gone ?? []);
  const targets = uniqueZaps([...data.zaps, ...(registry?.zaps ?? [])])
    .filter((zap) => zap.url !== self && !gone.has(zap.url))
    .filter((zap) => zap.events.includes(delivery.event))
    .slice(0, MAX_SUBSCRIBERS)
    .map((zap) => zap.url);
  const relay = { secret: data.secret, id: eventId(delivery), delivery };
  const results = await forwardDelivery(z, targets, relay);
  if (results.length) z.console.log(describeForwards(delivery.event, results));
  return results;
}

/** Writes the registry back, tidied, when it needs it; skipped (and said) when it is busy. */
async function tidy(
  z: ZObject,
  store: RegistryStore,
  { data, self }: Member,
  seen: Registry | null,
  newlyGone: string[],
): Promise<void> {
  if (seen && !needsWrite(seen, data, self, newlyGone)) return;
  try {
    await store.locked(async function tidyLocked() {
      const current = await store.read();
      if (current && current.secret !== data.secret) return;
      const base = current?.zaps ?? [];
      const gone = new Set([
        ...(current?.gone ?? []),
        ...newlyGone.filter((url) => !isJoining(base, self, url)),
      ]);
      const older = data.zaps.filter((zap) => !base.some((known) => known.url === zap.url));
      const selfEntry = base.some((zap) => zap.url === self)
        ? []
        : [{ url: self, events: data.events, joinedAt: '' }];
      const zaps = [...older, ...base, ...selfEntry].filter((zap) => !gone.has(zap.url));
      const partial = current?.partial ? { partial: true } : {};
      await store.write({ secret: data.secret, zaps, gone: [...gone], ...partial });
    }, TIDY_WAIT_MS);
  } catch (error) {
    z.console.log(`Callbell: the Zap registry was not tidied this time (${messageOf(error)}).`);
  }
}

/**
 * Whether the Zap at `url` was turned on after the owner, a moment ago: it joins the registry
 * before it takes the webhook, and its URL may not take posts yet, so its 410 is not "gone".
 */
function isJoining(zaps: Subscriber[], self: string, url: string): boolean {
  const index = zaps.findIndex((zap) => zap.url === url);
  const joinedAt = Date.parse(zaps[index]?.joinedAt ?? '') || 0;
  return index > zaps.findIndex((zap) => zap.url === self) && Date.now() - joinedAt < JOINING_MS;
}

/**
 * Whether the registry needs writing back: it misses a Zap this owner knows of (itself
 * included), names Zaps that answered 410, is due for renewal, or carries a turn-off's "kept"
 * mark, which a live owner clears (the webhook does reach a Zap that is on).
 */
function needsWrite(seen: Registry, data: KnownData, self: string, newlyGone: string[]): boolean {
  return (
    newlyGone.length > 0 ||
    seen.keptSince !== undefined ||
    RegistryStore.dueForRefresh(seen) ||
    lacks(seen, data, self)
  );
}

/** Whether the registry misses a Zap this owner knows of (itself included). */
function lacks(registry: Registry, data: KnownData, self: string): boolean {
  const known = new Set([...registry.zaps.map((zap) => zap.url), ...registry.gone]);
  return !known.has(self) || data.zaps.some((zap) => !known.has(zap.url));
}
