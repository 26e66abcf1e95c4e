import type { ZObject } from 'zapier-platform-core';
import { failedDeliveries } from '../api/webhooks';
import { eventId } from './event-id';
import { readDelivery, type Delivery } from './events';
import { forwardDelivery, type ForwardResult } from './fan-out';
import { messageOf, type Subscriber } from './registry';

/** Failed deliveries read from Callbell's log when the webhook's Zap turns out to be gone. */
const MAX_REPLAYED = 25;
/** Failures older than this are not replayed: no repair looks further back. */
const MAX_AGE_MS = 24 * 60 * 60 * 1000;

/**
 * Callbell's log times have whole seconds (webhooks_api/events.md: "2022-11-08T15:41:49Z"), so
 * times are compared by the second: within the second a Zap was turned on, it counts as on.
 */
function second(time: number): number {
  return Math.floor(time / 1000);
}

/** Whether a Zap wants this event and was on when Callbell failed to deliver it. */
function wasOnFor(zap: Subscriber, delivery: Delivery): boolean {
  const joinedAt = second(Date.parse(zap.joinedAt) || 0);
  return (
    zap.events.includes(delivery.event) &&
    joinedAt <= second(Date.parse(delivery.deliveredAt ?? ''))
  );
}

/**
 * When Callbell's webhook pointed at a Zap that was gone (turned off or deleted without its
 * turn-off finishing), Callbell's deliveries since then failed and reached no Zap. Callbell's
 * log keeps them (`status=failed`), so the Zap that repairs the webhook passes them on, signed,
 * to the Zaps that want them; each Zap runs an event's id once, so a second repair runs
 * nothing twice while the cache works. What cannot be passed on is said in the log.
 */
export async function replayMissed(
  z: ZObject,
  secret: string,
  zaps: Subscriber[],
  since: number,
): Promise<void> {
  let logged: unknown[];
  try {
    logged = await failedDeliveries(z, MAX_REPLAYED);
  } catch (error) {
    z.console.log(
      `Callbell: events the gone Zap missed were not passed on (Callbell's log could not be read: ${messageOf(error)}); Callbell's webhook log lists them as failed.`,
    );
    return;
  }
  const after = second(Math.max(since, Date.now() - MAX_AGE_MS));
  const missed = logged
    .map(readDelivery)
    .filter((delivery): delivery is Delivery => delivery !== null)
    .filter((delivery) => second(Date.parse(delivery.deliveredAt ?? '')) >= after);
  const results: ForwardResult[] = [];
  for (const delivery of missed) {
    const targets = zaps.filter((zap) => wasOnFor(zap, delivery)).map((zap) => zap.url);
    const relay = { secret, id: eventId(delivery), delivery };
    results.push(...(await forwardDelivery(z, targets, relay)));
  }
  if (!missed.length) return;
  const delivered = results.filter((result) => result.outcome === 'delivered').length;
  z.console.log(
    `Callbell: passed on ${missed.length} event(s) the gone Zap missed, from Callbell's log of failed deliveries: ${delivered} of ${results.length} forward(s) delivered.`,
  );
}
