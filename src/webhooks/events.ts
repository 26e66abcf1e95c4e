import { isDeeperThan, isObject, isoTime, type JsonObject } from '../values';
import { CALLBELL_EVENTS, type CallbellEvent, type Delivery } from '../api/webhooks';
import type { EventFields } from '../shapes/event';
import { digest } from './event-id';

/** Callbell's own definitions (api/webhooks.ts), for the webhook layer's many importers. */
export { CALLBELL_EVENTS, type CallbellEvent, type Delivery };

/**
 * What a Zap receives for one delivery: `id`, `event`, `created_at` (when the event happened,
 * ISO 8601, null when a payload does not say; left out by events whose payload never says or
 * whose own fields already give it, so no output is always null or given twice) and the event's
 * own fields, with contacts always in the shape of `contactOutput`. Nested objects are
 * flattened by Zapier (`contact__name`).
 */
export interface HookOutput extends EventFields {
  id: string;
  event: CallbellEvent;
}

/** A trigger's reading of one event's payload. Never throws, whatever the payload holds. */
export type EventMapper = (payload: JsonObject) => EventFields;

function isCallbellEvent(value: unknown): value is CallbellEvent {
  return typeof value === 'string' && (CALLBELL_EVENTS as readonly string[]).includes(value);
}

/**
 * The event guard: a body is a delivery only if it names a known event and carries an
 * object payload. Callbell's periodic connection checks have an undocumented body, so
 * anything else (pings, empty bodies, arrays, strings) is not an event and runs no Zap.
 */
export function readDelivery(body: unknown): Delivery | null {
  if (!isObject(body) || !isCallbellEvent(body.event) || !isObject(body.payload)) return null;
  const deliveredAt = isoTime(body.createdAt) ?? new Date(Date.now()).toISOString();
  return { event: body.event, payload: withinDepth(body.payload), deliveredAt };
}

/** Callbell's documented payloads nest 6 levels; a Zap's output need not go past this. */
const MAX_PAYLOAD_DEPTH = 32;

/**
 * The payload, with anything nested deeper than 32 levels replaced by a note and a digest of
 * what it held: readers, Zapier's output and event ids then never meet a body deep enough to
 * overflow the stack (a 10 MB webhook body can nest millions of levels), and two payloads that
 * differ only down there still get different ids.
 */
function withinDepth(payload: JsonObject): JsonObject {
  return isDeeperThan(payload, MAX_PAYLOAD_DEPTH) ? cut(payload, MAX_PAYLOAD_DEPTH) : payload;
}

function cut(value: JsonObject, depth: number): JsonObject {
  return Object.fromEntries(
    Object.entries(value).map(([key, nested]) => [key, cutValue(nested, depth - 1)]),
  );
}

function cutValue(value: unknown, depth: number): unknown {
  if (typeof value !== 'object' || value === null) return value;
  if (depth <= 0) return `[nested too deeply: ${digest(value)}]`;
  if (Array.isArray(value)) return value.map((item) => cutValue(item, depth - 1));
  return isObject(value) ? cut(value, depth) : value;
}
