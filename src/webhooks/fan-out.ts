import type { HttpRequestOptions, ZObject } from 'zapier-platform-core';
import { isZapierHookUrl } from '../client/config';
import { retryAfterSeconds } from '../client/errors';
import { stepOf } from '../client/step';
import { unloggedJsonBody } from '../client/unlogged-body';
import { isObject } from '../values';
import type { Delivery } from './events';
import { relayBody } from './signing';

/**
 * How long one POST to a Zap may take. Zapier's hook service answers as soon as it has queued
 * the run; the owner's step must end inside Zapier's 30 s (docs/_build/troubleshooting/
 * operating-constraints.md) after forwarding to every Zap.
 */
export const FORWARD_TIMEOUT_MS = 5_000;

/** Forwards in flight at once: a 100-Zap account never opens 100 sockets in one run. */
export const MAX_CONCURRENT_FORWARDS = 8;

/**
 * The largest delivery passed on. Callbell's payloads carry attachment links, not files; a
 * body past this is no event Callbell documents, and copying it to 99 Zaps would cost the
 * owner's run 99 times its size. What is not passed on is said in the owner's log.
 */
export const MAX_FORWARD_BYTES = 256 * 1024;

/**
 * Tries per forward. Zapier's guidance for its hook service is to retry anything that is not
 * a 200; its 429 and 5xx answers mean the payload was not taken. A retried relay carries the
 * same event id, and the receiving Zap runs it only once (subscribers.ts, `firstTime`).
 * Time-outs and broken connections are not retried: the payload may have been taken.
 */
const MAX_TRIES = 3;
/** The wait before a retry when the answer names none; a Retry-After past the budget ends it. */
const RETRY_PAUSE_MS = 1_000;

/**
 * A probe never takes the time the step's own Callbell request needs: turning a Zap off may
 * wait for the registry's lock, probe a few Zaps and then point the webhook, all inside the
 * step's one budget (src/client/step.ts).
 */
const KEPT_FOR_CALLBELL_MS = 10_000;

/** A probe is not worth sending with less time than this: its Zap counts as alive. */
const MIN_PROBE_MS = 1_000;
/** Nor is a forward: it is logged as lost instead. */
const MIN_FORWARD_MS = 1_000;

/** A probe: no event, so a live Zap's perform runs nothing. */
const PROBE_BODY = { callbell_zapier_probe: true };

/**
 * `unsure`: the hook service did not answer in time, so the forward may or may not have been
 * taken; it is not retried (a Zap run twice is worse) and the log says it may be missing.
 */
export type ForwardOutcome = 'delivered' | 'gone' | 'failed' | 'unsure' | 'refused';

export interface ForwardResult {
  url: string;
  outcome: ForwardOutcome;
  /** Why it failed or was refused, in words for the log (never the URL). */
  reason?: string;
}

export interface Relay {
  secret: string;
  /** The event's id, the same for every Zap and every try. */
  id: string;
  delivery: Delivery;
}

/** Passes one delivery on to each of these Zaps, a few at a time. Never throws. */
export async function forwardDelivery(
  z: ZObject,
  urls: string[],
  relay: Relay,
): Promise<ForwardResult[]> {
  const size = Buffer.byteLength(JSON.stringify(relay.delivery.payload));
  if (size > MAX_FORWARD_BYTES) {
    const reason = `${Math.ceil(size / 1024)} KB, more than ${MAX_FORWARD_BYTES / 1024} KB`;
    return urls.map((url) => ({ url, outcome: 'failed', reason }));
  }
  const results: ForwardResult[] = [];
  const queue = [...urls];
  const forwardNext = async (): Promise<void> => {
    for (let url = queue.shift(); url !== undefined; url = queue.shift())
      results.push(await forwardWithRetries(z, url, relay));
  };
  await Promise.all(Array.from({ length: MAX_CONCURRENT_FORWARDS }, forwardNext));
  return results;
}

async function forwardWithRetries(z: ZObject, url: string, relay: Relay): Promise<ForwardResult> {
  const body = relayBody(relay.secret, url, relay.id, relay.delivery);
  for (let attempt = 1; ; attempt += 1) {
    // A timeout of 0 would be none at all (node-fetch): what the step cannot send is said.
    if (forwardTimeout(z) < MIN_FORWARD_MS)
      return { url, outcome: 'failed', reason: 'no time left in this run' };
    const answer = await post(z, url, body, forwardTimeout(z));
    if (!('retryAfterMs' in answer)) return answer;
    const pause = answer.retryAfterMs ?? RETRY_PAUSE_MS * attempt;
    if (attempt >= MAX_TRIES || stepOf(z).remaining() - pause < FORWARD_TIMEOUT_MS)
      return answer.result;
    await new Promise((resolve) => setTimeout(resolve, pause));
  }
}

function forwardTimeout(z: ZObject): number {
  return Math.max(0, Math.min(FORWARD_TIMEOUT_MS, stepOf(z).remaining()));
}

/**
 * Whether the Zap behind a hook URL no longer exists. The probe is a body that is no event, so
 * a live Zap runs nothing: Zapier answers 410 Gone for a Zap that is off or deleted ("If your
 * app receives a 410 response, that webhook subscription is no longer active",
 * docs/_build/triggers/hook-trigger.md). Anything else, a failure included, counts as alive,
 * and so does a Zap there is no time left to probe.
 */
export async function isGone(z: ZObject, url: string): Promise<boolean> {
  const timeout = Math.min(FORWARD_TIMEOUT_MS, stepOf(z).remaining() - KEPT_FOR_CALLBELL_MS);
  if (timeout < MIN_PROBE_MS) return false;
  const answer = await post(z, url, PROBE_BODY, timeout);
  return 'outcome' in answer && answer.outcome === 'gone';
}

type Answer = ForwardResult | { result: ForwardResult; retryAfterMs: number | undefined };

/**
 * One POST to a Zap's hook URL, the way every REST hook reaches a Zap. Only Zapier's hook
 * origin is ever called, redirects are not followed, and `src/client/middleware.ts` adds the
 * Callbell key to Callbell's base URL alone, so a forward never carries it. The body goes as a
 * stream (`unloggedJsonBody`), made afresh for every try: core neither logs it nor reads it as
 * a template, where it would refuse a body holding `{{bundle.…}}` or `{{process.…}}` text
 * (`throwForCurlies` in zapier-platform-core's src/http-middlewares/before/prepare-request.js),
 * and a customer may write exactly that.
 */
async function post(z: ZObject, url: string, body: object, timeout: number): Promise<Answer> {
  if (!isZapierHookUrl(url)) return { url, outcome: 'refused', reason: 'not a Zapier hook URL' };
  try {
    const request: HttpRequestOptions & { url: string } = {
      method: 'POST',
      url,
      ...unloggedJsonBody(body),
      timeout,
      redirect: 'manual',
      skipThrowForStatus: true,
    };
    const response = await z.request(request);
    if (response.status === 410) return { url, outcome: 'gone' };
    // Redirects are not followed (redirect: 'manual'), so a 3xx is a forward that did not land.
    if (response.status < 300) return { url, outcome: 'delivered' };
    const result: ForwardResult = { url, outcome: 'failed', reason: `HTTP ${response.status}` };
    if (response.status !== 429 && response.status < 500) return result;
    const header = response.getHeader('retry-after') ?? undefined;
    return { result, retryAfterMs: header ? retryAfterSeconds(header) * 1000 : undefined };
  } catch (error) {
    // node-fetch's timeout is a FetchError of type `request-timeout`; its message holds the URL.
    if (isObject(error) && error.type === 'request-timeout')
      return { url, outcome: 'unsure', reason: 'timed out' };
    // Stryker disable next-line StringLiteral: z.request only ever rejects with an Error.
    return { url, outcome: 'failed', reason: error instanceof Error ? error.name : 'error' };
  }
}

/** One log line for a delivery's forwards: counts and reasons, never the Zaps' URLs. */
export function describeForwards(event: string, results: ForwardResult[]): string {
  const count = (outcome: ForwardOutcome) => results.filter((r) => r.outcome === outcome).length;
  const reasons = [...new Set(results.flatMap((result) => result.reason ?? []))];
  const failed = count('failed');
  return (
    `Callbell: passed ${event} on to ${count('delivered')} of ${results.length} other Zap(s)` +
    (count('gone') ? `; ${count('gone')} no longer exist(s) and left the registry` : '') +
    (failed
      ? `; LOST for ${failed} Zap(s), which did not get this event: find it in Callbell`
      : '') +
    (count('unsure')
      ? `; ${count('unsure')} Zap(s) did not answer in time and may have missed it: check in Callbell`
      : '') +
    (count('refused') ? `; ${count('refused')} refused` : '') +
    (reasons.length ? ` (${reasons.join(', ')})` : '') +
    '.'
  );
}
