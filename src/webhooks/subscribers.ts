import type { Bundle, ZObject } from 'zapier-platform-core';
import { apiKeyOf } from '../api/account-cache';
import { latestDeliveries, subscribeWebhook, unsubscribeWebhook } from '../api/webhooks';
import { isOutcomeUnknown } from '../client/errors';
import { shorten } from '../user-message';
import { startStepClock, stepOf } from '../client/step';
import { isObject, stringOrNull } from '../values';
import { accountIdentity } from './account';
import { CALLBELL_EVENTS, type CallbellEvent } from './events';
import { isGone } from './fan-out';
import {
  CacheDoubt,
  messageOf,
  RegistryBusy,
  registryKey,
  RegistryStore,
  type Registry,
  type RegistryContent,
  type Subscriber,
} from './registry';
import { replayMissed } from './replay';
import { newSecret, webhookUrl } from './signing';
import { ownUrl, readSubscribeData, type KnownData, type SubscribeData } from './subscribe-data';

/**
 * Callbell keeps one webhook per account (webhooks_api/subscribe.md: "Each account can only
 * register 1 webhook") while Zapier gives every Zap its own URL. So the newest Zap of the
 * account owns the webhook: turning a Zap on points Callbell at it, for every event any Zap
 * wants, and its subscribe data lists every other Zap; it passes each delivery on to them
 * (receive.ts). How this survives Zapier's and Callbell's faults: docs/webhooks.md.
 */

/** Bounds the registry, and so the owner's forwards per delivery. */
export const MAX_SUBSCRIBERS = 100;
/** Tries of one change of Callbell's webhook, each only with this much of the step left. */
const MAX_WEBHOOK_TRIES = 3;
const RETRY_MIN_MS = 5_000;
/** Time a turn-on keeps for pointing the webhook back at its Zap so far (`handBack`). */
const HAND_BACK_MS = 5_000;
/** Zaps probed, newest first, when the webhook must move to the newest live one. */
const MAX_PROBES = 3;
/** A note of the delivery seen when a turn-on found no registry (see `confirmUnclaimed`). */
const UNCLAIMED_NOTE = 'unclaimed';
const UNCLAIMED_TTL_S = 7 * 24 * 60 * 60;
/**
 * A webhook that delivered nothing for this long has no Zap of this app behind it: an owner
 * writes the registry back at every delivery and every connection check Callbell makes
 * "periodically" (webhooks/introduction.md), so a day without either and without a registry
 * means no owner (the webhook was deleted, or its receiver is gone).
 */
const QUIET_MS = 24 * 60 * 60 * 1000;
/** How far back a turn-off looks for deliveries its own URL refused before it ran. */
const TURN_OFF_GAP_MS = 60_000;
/** See `keeperOwned`. */
const KEEPER_OWNED_AFTER_MS = 15 * 60 * 1000;
/**
 * What a failed turn-on's repair needs: the cache's answers, a probe (which leaves Callbell
 * 10 s, fan-out.ts) and the change of the webhook.
 */
const REPAIR_MIN_MS = 15_000;
/** Time the owner gets, after a delivery, to write the registry back. */
const RESTORE_GRACE_MS = 60_000;

/**
 * Turning a Zap on: it joins the registry, then takes Callbell's webhook for every event the
 * account's Zaps want. When the cache fails, refuses the write or is busy, the turn-on fails
 * before Callbell is asked anything, so no Zap loses the webhook to a Zap it does not know of.
 */
export async function joinZap(
  z: ZObject,
  bundle: Bundle,
  url: string,
  events: CallbellEvent[],
): Promise<SubscribeData> {
  startStepClock(z);
  const identity = await accountIdentity(z, apiKeyOf(bundle));
  const store = new RegistryStore(z, registryKey(identity));
  // Set once this turn-on has probed the webhook's Zap and found it live: nothing to repair.
  let ownerLive = false;
  try {
    return await store.locked(async function joinLocked() {
      const current = await store.read();
      if (!current) await confirmUnclaimed(z, store);
      let others = (current?.zaps ?? []).filter((zap) => zap.url !== url);
      if (others.length >= MAX_SUBSCRIBERS) throw tooManyZaps(z);
      const gone = (current?.gone ?? []).filter((goneUrl) => goneUrl !== url);
      // The webhook's Zap so far: if it is gone, what Callbell sent it since is passed on below.
      const previous = others.at(-1);
      const deadOwner = previous && (await isGone(z, previous.url)) ? previous : null;
      ownerLive = previous !== undefined && !deadOwner;
      if (deadOwner) {
        others = others.slice(0, -1);
        gone.push(deadOwner.url);
      }
      const secret = current?.secret ?? newSecret();
      const zaps = [...others, { url, events, joinedAt: new Date().toISOString() }];
      const partial = current?.partial ? { partial: true } : {};
      // A turn-off's "kept" mark stays until the webhook has moved and what it missed is passed on.
      const kept = current?.keptSince ? { keptSince: current.keptSince } : {};
      await store.write({ secret, zaps, gone, ...partial, ...kept });
      // No list, or a partial one, may miss Zaps: the webhook then keeps every event, so Callbell
      // still sends what they want and the owner's log says what they may have missed.
      const wanted = !current || current.partial ? [...CALLBELL_EVENTS] : eventUnion(zaps);
      // Only a Zap known to have had the webhook gets it back (a partial list may not name it).
      const handBackTo = previous && !deadOwner && !current?.keptSince ? previous : null;
      const backTo = handBackTo && { zap: handBackTo, others, partial: current?.partial };
      const { createdAt } = await takeWebhook(z, secret, url, wanted, backTo);
      const missedSince = earliest(deadOwner && joinedTime(deadOwner), keptTime(current));
      if (missedSince !== null) await replayMissed(z, secret, others, missedSince);
      if (current?.keptSince) await saveOrSay(z, store, { secret, zaps, gone, ...partial });
      return {
        id: url,
        url,
        subscriptions: events,
        createdAt,
        registry: store.key,
        secret,
        zaps: others.map((zap) => ({ url: zap.url, events: zap.events })),
        ...(current ? {} : { unlistedSince: new Date().toISOString() }),
      };
    });
  } catch (error) {
    if (error instanceof CacheDoubt && !ownerLive) await repairUnlocked(z, store);
    throw doubtOnTurnOn(z, error);
  }
}

export interface Left {
  status: string;
}

/**
 * Turning a Zap off: it leaves the registry. When it owned the webhook (it was the newest),
 * the newest live Zap left takes it, and when it was the last Zap wanting an event, the
 * webhook stops sending that event; only when the registry, read without doubt, lists no
 * other Zap is the webhook deleted. On doubt the webhook is kept and the step says so: Zapier
 * turns the Zap off anyway and does not retry (zapier/zapier-platform-cli#261), so what it
 * leaves must work, and the next turn-on or turn-off repairs the rest.
 */
const KEPT_UNSURE =
  "Callbell: kept the account's webhook: this Zap took it when Zapier's cache had no list of the account's Zaps, so older Callbell Zaps may still need it. If none is left on, nothing is lost; the next Zap turned on takes the webhook.";

const KEPT_UNLOCKED =
  "Callbell: kept the account's webhook: the list of Zaps, read without its lock, names no other Zap, but one may be being turned on. The next Zap turned on takes the webhook.";

const KEPT_OVERTAKEN =
  "Callbell: left the account's webhook as it is: another Zap of this account is being turned on or off and changes it.";

export async function leaveZap(z: ZObject, bundle: Bundle): Promise<Left> {
  startStepClock(z);
  const self = ownUrl(bundle);
  const data = readSubscribeData(bundle.subscribeData);
  const key = data.registry ?? registryKey(await accountIdentity(z, apiKeyOf(bundle)));
  const store = new RegistryStore(z, key);
  const leaveAsListed = async (locked: boolean): Promise<Left> => {
    const current = await store.read();
    if (!current) {
      // Without the lock, a Zap being turned on may be writing a new list: never overwrite it.
      if (locked) await restorePartial(z, store, data, self);
      throw new NoList();
    }
    return leave(z, store, current, self, data, locked);
  };
  try {
    return await store.locked(() => leaveAsListed(true));
  } catch (error) {
    if (!(error instanceof CacheDoubt) || error instanceof NoList || !(await lockFree(z, store)))
      throw doubtOnTurnOff(z, error);
    // Zapier's cache failed the lock, not another Zap: the list, read again, still says what to do.
    return leaveAsListed(false).catch((again: unknown) => {
      throw doubtOnTurnOff(z, again);
    });
  }
}

class NoList extends CacheDoubt {
  constructor() {
    super("Zapier's cache has no list of this account's Zaps");
  }
}

/**
 * Whether no other Zap holds the registry's lock, after the cache failed this Zap's attempt to
 * take it (a refused write, a failed call). Then no Zap is changing the list (its own lock
 * would be seen), so acting on the list as read is what the locked step would do; the list's
 * writes may fail, and say so. A lock that cannot be read is doubt.
 */
async function lockFree(z: ZObject, store: RegistryStore): Promise<boolean> {
  try {
    if (await store.isLocked()) return false;
  } catch {
    return false;
  }
  z.console.log(
    "Callbell: Zapier's cache failed; no Zap holds the Zap list's lock, so this step acts on the list as read.",
  );
  return true;
}

/**
 * A turn-on that failed on the cache changed nothing, yet it may find what the next step must
 * repair: the webhook's Zap gone (turned off or deleted without its turn-off). It then does
 * what a turn-off of a Zap not listed would: the webhook moves to the newest live Zap and what
 * the gone one missed is passed on. A repair that finds nothing to change writes nothing.
 */
async function repairUnlocked(z: ZObject, store: RegistryStore): Promise<void> {
  if (stepOf(z).remaining() < REPAIR_MIN_MS) {
    z.console.log(
      "Callbell: too little time was left to check the webhook's Zap; the next Zap turned on or off does.",
    );
    return;
  }
  try {
    const current = (await lockFree(z, store)) ? await store.read() : null;
    if (current) await leave(z, store, current, null, readSubscribeData(null), false);
  } catch (error) {
    z.console.log(
      `Callbell: the webhook may not have been repaired (${messageOf(error)}); the next Zap turned on or off checks it again.`,
    );
  }
}

async function leave(
  z: ZObject,
  store: RegistryStore,
  current: Registry,
  self: string | null,
  data: KnownData,
  locked: boolean,
): Promise<Left> {
  const owned = current.zaps.at(-1)?.url === self || isNewestUnlisted(current, self, data);
  // The Zaps this one knew when it was turned on are facts the cache may have lost: added back,
  // older than every Zap listed (those gone answer 410 and leave again).
  const known = new Set([...current.zaps.map((zap) => zap.url), ...current.gone]);
  const older = data.zaps.filter((zap) => !known.has(zap.url));
  let rest = [...older, ...current.zaps].filter((zap) => zap.url !== self);
  const gone = [...current.gone, ...(self ? [self] : [])];
  let moveWebhook = owned || (await keeperOwned(z, current));
  let since = Date.now() - TURN_OFF_GAP_MS;
  // The newest Zap left should own the webhook; if it is gone, its turn-off did not finish.
  for (let probes = 0; probes < MAX_PROBES; probes += 1) {
    const newest = rest.at(-1);
    if (!newest || !(await isGone(z, newest.url))) break;
    z.console.log(
      "Callbell: the Zap that received the webhook is gone (turned off or deleted without its turn-off); the newest live Zap takes it. Events Callbell sent it since then reached no Zap: Callbell's webhook log lists them as failed.",
    );
    rest = rest.slice(0, -1);
    gone.push(newest.url);
    since = Math.min(since, joinedTime(newest));
    moveWebhook = true;
  }
  const partial = current.partial ? { partial: true } : {};
  const next: RegistryContent = { secret: current.secret, zaps: rest, gone, ...partial };
  const successor = rest.at(-1);
  // Without the lock the list may lack a Zap being turned on: the webhook keeps every event it had.
  const narrows = !current.partial && locked;
  const narrower = narrows && !sameEvents(eventUnion(rest), eventUnion(current.zaps));
  // A Zap that took the webhook when the cache had no list may not know older live Zaps: its
  // list naming no other Zap is doubt, not "no Zap needs the webhook".
  const unsure = current.partial || data.unlistedSince !== null;
  // Read without the lock: a Zap that has taken it since is changing the webhook itself. The
  // lock was free a moment ago, so a check that fails is the cache's fault, not such a Zap.
  const overtaken = !locked && (await store.isLocked().catch(() => false));
  if (overtaken) z.console.log(KEPT_OVERTAKEN);
  if (
    overtaken ||
    (!moveWebhook && !(successor && narrower)) ||
    (!successor && (unsure || !locked))
  ) {
    if (!successor && unsure) z.console.log(KEPT_UNSURE);
    else if (!successor && !locked) z.console.log(KEPT_UNLOCKED);
    const stillKept = current.keptSince ? { keptSince: current.keptSince } : {};
    if (locked && gone.length > current.gone.length)
      await saveOrSay(z, store, { ...next, ...stillKept });
    return { status: keptFor(rest.length) };
  }
  if (!successor) {
    // The registry was read without doubt and lists no other Zap: none needs the webhook.
    const result = await idempotently(z, () => unsubscribeWebhook(z));
    await saveOrSay(z, store, next);
    return result;
  }
  const wanted = current.partial ? [...CALLBELL_EVENTS] : eventUnion(narrows ? rest : current.zaps);
  await idempotently(z, () =>
    subscribeWebhook(z, webhookUrl(current.secret, successor.url), wanted),
  );
  // Read without the lock, the list is left as it is: a Zap being turned on may be writing it,
  // and the owner's next delivery drops the Zaps that answer 410 (receive.ts).
  if (locked) await saveOrSay(z, store, next);
  // Zapier stops this Zap's URL before its turn-off runs: what Callbell sent meanwhile, or to
  // a gone owner, failed and is passed on.
  const kept = keptTime(current);
  if (moveWebhook || kept !== null)
    await replayMissed(z, current.secret, rest, Math.min(since, kept ?? since));
  return { status: keptFor(rest.length) };
}

interface HandBack {
  zap: Subscriber;
  others: Subscriber[];
  partial: boolean | undefined;
}

/**
 * Points the webhook at this Zap. When Callbell's answer leaves unknown whether it moved, the
 * webhook is put back on the Zap that had it (time is kept for that) and the turn-on fails
 * saying so; an answer that says nothing changed (401, 403, 429, a request not sent) is the
 * turn-on's error as it is.
 */
async function takeWebhook(
  z: ZObject,
  secret: string,
  url: string,
  wanted: CallbellEvent[],
  backTo: HandBack | null,
): Promise<{ createdAt: string | null }> {
  const reserve = backTo ? HAND_BACK_MS : 0;
  try {
    return await idempotently(
      z,
      () => subscribeWebhook(z, webhookUrl(secret, url), wanted, untilReserve(z, reserve)),
      reserve,
    );
  } catch (error) {
    if (!isOutcomeUnknown(error)) throw error;
    z.console.log(`Callbell: moving the webhook to this Zap failed (${messageOf(error)}).`);
    throw notMoved(z, backTo !== null && (await handBack(z, secret, backTo)));
  }
}

/**
 * A turn-on whose move of the webhook failed may still have moved it (Callbell can apply a
 * change it answered too late), and Zapier does not turn this Zap on: the webhook is pointed
 * back at the Zap that had it, once, so Callbell does not post to a Zap that is off until the
 * next turn-on or turn-off finds it gone.
 */
async function handBack(
  z: ZObject,
  secret: string,
  { zap, others, partial }: HandBack,
): Promise<boolean> {
  const wanted = partial ? [...CALLBELL_EVENTS] : eventUnion(others);
  try {
    await subscribeWebhook(z, webhookUrl(secret, zap.url), wanted);
    z.console.log(
      "Callbell: this Zap's turn-on failed; the webhook is back on the Zap that had it.",
    );
    return true;
  } catch (error) {
    z.console.log(
      `Callbell: the webhook could not be put back on the Zap that had it (${messageOf(error)}); the next Zap turned on or off repairs it.`,
    );
    return false;
  }
}

function notMoved(z: ZObject, handedBack: boolean): Error {
  const others = handedBack
    ? ' Your other Callbell Zaps still get their events.'
    : ' If your other Callbell Zaps stop getting events, turning this one on repairs it.';
  return new z.errors.Error(
    `Turn this Zap on again in a minute: Callbell did not confirm pointing its webhook at this Zap.${others}`,
    'WebhookNotMoved',
  );
}

/**
 * Whether the Zap whose turn-off kept the webhook (finding no list) owned it after all: a live
 * owner writes the list back, without that mark, at its next delivery or connection check
 * (webhooks/introduction.md: Callbell checks "periodically" and emails the admin after 10
 * minutes without an answer), and none answered a delivery since the mark (Callbell's log).
 * Then the webhook is moved to the newest Zap left. A log that cannot be read is doubt: kept.
 */
async function keeperOwned(z: ZObject, registry: Registry): Promise<boolean> {
  const kept = keptTime(registry);
  if (kept === null || Date.now() - kept <= KEEPER_OWNED_AFTER_MS) return false;
  try {
    const deliveries = await latestDeliveries(z, 10);
    return !deliveries.some(
      (delivery) => delivery.success && Date.parse(delivery.createdAt) > kept,
    );
  } catch (error) {
    z.console.log(
      `Callbell: the webhook was kept (its delivery log could not be read: ${messageOf(error)}).`,
    );
    return false;
  }
}

/** The earlier of two times, either of which may be unknown. */
function earliest(a: number | null | false, b: number | null): number | null {
  const known = [a, b].filter((time): time is number => typeof time === 'number');
  return known.length ? Math.min(...known) : null;
}

/** Since when a turn-off that found no list may have left Callbell posting to a Zap that is off. */
function keptTime(registry: Registry | null): number | null {
  const kept = Date.parse(registry?.keptSince ?? '');
  return Number.isNaN(kept) ? null : kept;
}

/** When a Zap took the webhook; a Zap with no time on record, a minute ago. */
function joinedTime(zap: Subscriber): number {
  return Date.parse(zap.joinedAt) || Date.now() - TURN_OFF_GAP_MS;
}

/**
 * Whether a Zap the registry does not list is still the newest: every Zap listed is one its
 * subscribe data names, so all were on before it (a registry written back partly, or one that
 * lost its entry). It then owns the webhook, and leaving it there would leave Callbell posting
 * to a Zap that is off.
 */
function isNewestUnlisted(current: Registry, self: string | null, data: KnownData): boolean {
  const older = new Set(data.zaps.map((zap) => zap.url));
  return (
    self !== null &&
    current.zaps.length > 0 &&
    !current.zaps.some((zap) => zap.url === self) &&
    current.zaps.every((zap) => older.has(zap.url))
  );
}

/**
 * A turn-off that finds no registry writes back what its own subscribe data knows (the Zaps
 * older than it), marked partial, so the next Zap turned on does not take the webhook knowing
 * none of them. Only a Zap with a secret can; a failure changes nothing.
 */
async function restorePartial(
  z: ZObject,
  store: RegistryStore,
  data: KnownData,
  self: string | null,
): Promise<void> {
  if (!data.secret || !data.zaps.length) return;
  try {
    await store.write({
      secret: data.secret,
      zaps: data.zaps,
      gone: self ? [self] : [],
      partial: true,
      keptSince: new Date().toISOString(),
    });
  } catch (error) {
    z.console.log(`Callbell: the Zap list was not written back (${messageOf(error)}).`);
  }
}

/**
 * A change of Callbell's webhook, tried again while the step has time when its outcome is
 * unknown (an answer that refuses it is final): subscribing the same URL for the same events,
 * or deleting a webhook already gone (404 is success), does the same the second time
 * (webhooks_api/subscribe.md: "creates a new webhook or updates an existing one"), and a
 * turn-off that gives up leaves Callbell posting to a Zap that is off.
 */
async function idempotently<T>(z: ZObject, change: () => Promise<T>, reserveMs = 0): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await change();
    } catch (error) {
      if (!isOutcomeUnknown(error) || attempt >= MAX_WEBHOOK_TRIES) throw error;
      if (untilReserve(z, reserveMs) < RETRY_MIN_MS) throw error;
      z.console.log(`Callbell: changing the webhook failed (${messageOf(error)}); trying again.`);
    }
  }
}

/** The step's time left before the time kept for what must follow. */
function untilReserve(z: ZObject, reserveMs: number): number {
  return stepOf(z).remaining() - reserveMs;
}

/** A write after Callbell changed: its failure is only said, since Callbell already has. */
async function saveOrSay(z: ZObject, store: RegistryStore, next: RegistryContent): Promise<void> {
  try {
    await store.write(next);
  } catch (error) {
    z.console.log(
      `Callbell: the Zap registry was not updated (${messageOf(error)}); the next delivery or turn-on repairs it.`,
    );
  }
}

/**
 * A turn-on that finds no registry: the account's first Zap, or a cache that forgot (evicted,
 * cleared, a new major version). Callbell cannot say where its webhook points, but its
 * delivery log says whether it lately delivered to anyone who answered. If it did, the Zap
 * receiving it writes the registry back at its next delivery (receive.ts), so this turn-on
 * fails and asks to be tried again after that; if a later delivery came and still no
 * registry, or none came for a day, the receiver is no Zap of this app (a webhook set by
 * hand, or deleted), and the Zap takes it.
 */
async function confirmUnclaimed(z: ZObject, store: RegistryStore): Promise<void> {
  const deliveries = await latestDeliveries(z, 10);
  const answered = deliveries.filter((delivery) => delivery.success);
  if (!answered.length) return;
  const latest = Math.max(...answered.map((delivery) => Date.parse(delivery.createdAt)));
  const note: unknown = await store.getNote(UNCLAIMED_NOTE);
  const seenAt = isObject(note) ? Date.parse(stringOrNull(note.seenAt) ?? '') : NaN;
  const age = Date.now() - latest;
  if (age > QUIET_MS || (latest > seenAt && age > RESTORE_GRACE_MS)) return;
  await store.setNote(UNCLAIMED_NOTE, { seenAt: new Date(latest).toISOString() }, UNCLAIMED_TTL_S);
  throw new z.errors.Error(
    "Turn this Zap on again after Callbell's next event (e.g. a new message): Callbell's webhook is in use and Zapier's cache lost the list of Zaps sharing it, which is rebuilt then. Nothing was changed.",
    'ZapListRebuilding',
  );
}

function doubtOnTurnOn(z: ZObject, error: unknown): unknown {
  if (error instanceof RegistryBusy)
    return new z.errors.Error(
      'Turn this Zap on again in a minute: another Zap of this Callbell account was being turned on or off. Nothing was changed.',
      'RegistryBusy',
    );
  if (error instanceof CacheDoubt)
    return new z.errors.Error(
      `Turn this Zap on again in a minute: Zapier's cache, which lists the Zaps sharing Callbell's one webhook, failed (${shorten(error.message, 60)}).`,
      'RegistryUnavailable',
    );
  return error;
}

function doubtOnTurnOff(z: ZObject, error: unknown): unknown {
  if (!(error instanceof CacheDoubt) && !(error instanceof RegistryBusy)) return error;
  z.console.log(`Callbell: turning off with the webhook kept (${messageOf(error)}).`);
  return new z.errors.Error(
    "If your other Callbell Zaps stop getting events, turn one off and on again: this Zap is off, but Callbell's webhook was kept for them because Zapier's cache could not say which Zaps share it.",
    'WebhookKept',
  );
}

/** Every event any of these Zaps wants, in Callbell's order. */
function eventUnion(zaps: Subscriber[]): CallbellEvent[] {
  return CALLBELL_EVENTS.filter((event) => zaps.some((zap) => zap.events.includes(event)));
}

function sameEvents(a: CallbellEvent[], b: CallbellEvent[]): boolean {
  return a.length === b.length && a.every((event) => b.includes(event));
}

function keptFor(count: number): string {
  return `webhook kept for ${count} other Zap(s)`;
}

function tooManyZaps(z: ZObject): Error {
  return new z.errors.Error(
    `Turn off a Zap with a Callbell trigger first: one Callbell account serves at most ${MAX_SUBSCRIBERS} such Zaps at a time.`,
    'TooManyZaps',
  );
}
