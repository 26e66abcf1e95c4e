import type { ZObject } from 'zapier-platform-core';
import { isZapierHookUrl } from '../client/config';
import { stepOf } from '../client/step';
import { unloggedJsonBody } from '../client/unlogged-body';
import { isObject } from '../values';
import type { Delivery } from './events';

/**
 * Marks a delivery this app passed on to another Zap. A relayed delivery is never passed on
 * again, so deliveries cannot loop between Zaps whatever the registry says.
 */
const RELAY_KEY = 'relayed_by';
const RELAY_MARK = 'callbell-zapier';

/**
 * How long a forward may take. Zapier's hook service answers as soon as it has queued the
 * run; the owner's step must end inside Zapier's 30 s (docs/_build/troubleshooting/
 * operating-constraints.md) after forwarding to every Zap at once.
 */
export const FORWARD_TIMEOUT_MS = 5_000;

/**
 * A probe never takes the time the step's own Callbell request needs: turning a Zap off may
 * wait for the registry's lock, probe up to three Zaps and then point the webhook, all inside
 * the step's one budget (src/client/step.ts).
 */
export const KEPT_FOR_CALLBELL_MS = 10_000;

/** A probe is not worth sending with less time than this: its Zap counts as alive. */
const MIN_PROBE_MS = 1_000;

export function isRelayed(body: unknown): boolean {
  return isObject(body) && body[RELAY_KEY] !== undefined;
}

export type ForwardOutcome = 'delivered' | 'gone' | 'failed' | 'refused';

export interface ForwardResult {
  url: string;
  outcome: ForwardOutcome;
  /** Why it failed or was refused, in words for the log (never the URL). */
  reason?: string;
}

/** Passes one delivery on to each of these Zaps at once. Never throws. */
export function forwardDelivery(
  z: ZObject,
  urls: string[],
  { event, payload }: Delivery,
): Promise<ForwardResult[]> {
  const timeout = Math.min(FORWARD_TIMEOUT_MS, stepOf(z).remaining());
  return Promise.all(urls.map((url) => post(z, url, { event, payload }, timeout)));
}

/**
 * Whether the Zap behind a hook URL no longer exists. The probe is a relayed body that is no
 * event, so a live Zap runs nothing: Zapier answers 410 Gone for a Zap that is off or deleted
 * ("If your app receives a 410 response, that webhook subscription is no longer active",
 * docs/_build/triggers/hook-trigger.md). Anything else, a failure included, counts as alive,
 * and so does a Zap there is no time left to probe.
 */
export async function isGone(z: ZObject, url: string): Promise<boolean> {
  const timeout = Math.min(FORWARD_TIMEOUT_MS, stepOf(z).remaining() - KEPT_FOR_CALLBELL_MS);
  if (timeout < MIN_PROBE_MS) return false;
  return (await post(z, url, { probe: true }, timeout)).outcome === 'gone';
}

/**
 * One POST to a Zap's hook URL, the way every REST hook reaches a Zap. Only Zapier's hook
 * origin is ever called, redirects are not followed, and `src/client/middleware.ts` adds the
 * Callbell key to Callbell's base URL alone, so a forward never carries it. A forward is
 * never retried: a second POST could run the Zap twice.
 */
async function post(
  z: ZObject,
  url: string,
  body: object,
  timeout: number,
): Promise<ForwardResult> {
  if (!isZapierHookUrl(url)) return { url, outcome: 'refused', reason: 'not a Zapier hook URL' };
  try {
    const response = await z.request({
      method: 'POST',
      url,
      ...unloggedJsonBody({ ...body, [RELAY_KEY]: RELAY_MARK }),
      timeout,
      redirect: 'manual',
      skipThrowForStatus: true,
    });
    if (response.status === 410) return { url, outcome: 'gone' };
    // Redirects are not followed (redirect: 'manual'), so a 3xx is a forward that did not land.
    if (response.status < 300) return { url, outcome: 'delivered' };
    return { url, outcome: 'failed', reason: `HTTP ${response.status}` };
  } catch (error) {
    return { url, outcome: 'failed', reason: failureReason(error) };
  }
}

/** node-fetch's timeout is a FetchError of type `request-timeout`; its message holds the URL. */
function failureReason(error: unknown): string {
  if (isObject(error) && error.type === 'request-timeout') return 'timed out';
  // Stryker disable next-line StringLiteral: z.request only ever rejects with an Error.
  return error instanceof Error ? error.name : 'error';
}

/** One log line for a delivery's forwards: counts and reasons, never the Zaps' URLs. */
export function describeForwards(event: string, results: ForwardResult[]): string {
  const count = (outcome: ForwardOutcome) => results.filter((r) => r.outcome === outcome).length;
  const reasons = [...new Set(results.flatMap((result) => result.reason ?? []))];
  return (
    `Callbell: passed ${event} on to ${count('delivered')} of ${results.length} other Zap(s)` +
    (count('gone') ? `; ${count('gone')} no longer exist(s) and left the registry` : '') +
    (count('failed') ? `; ${count('failed')} failed, not retried` : '') +
    (count('refused') ? `; ${count('refused')} refused` : '') +
    (reasons.length ? ` (${reasons.join(', ')})` : '') +
    '.'
  );
}
