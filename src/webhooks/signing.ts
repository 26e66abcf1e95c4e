import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { isObject, stringOrNull, type JsonObject } from '../values';
import { stableJson } from './event-id';
import type { Delivery } from './events';

/**
 * Callbell signs nothing it delivers (webhooks/introduction.md documents no signature or
 * secret header), and any Zap's hook URL accepts any POST. So the account's Zaps share a
 * secret, made by the first Zap and kept in every Zap's subscribe data: the webhook's URL
 * carries a token made from it (only Callbell and the app know that URL), and every relay
 * from the Zap Callbell posts to the others carries a signature made with it.
 */
export function newSecret(): string {
  return randomBytes(32).toString('hex');
}

function hmac(secret: string, text: string): string {
  return createHmac('sha256', secret).update(text).digest('hex');
}

function sameText(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/** The query parameter of the webhook's URL that says a POST came from Callbell's webhook. */
export const TOKEN_PARAM = 'callbell_zapier';

function webhookToken(secret: string, zapUrl: string): string {
  return hmac(secret, `webhook ${zapUrl}`).slice(0, 32);
}

/**
 * The URL Callbell's webhook is set to for this Zap: its hook URL with the token. Zapier hands
 * a REST hook's perform the URL's query string in `bundle.cleanedRequest.querystring`
 * (docs/_build/triggers/cli-hook-trigger.md, zapier/visual-builder).
 */
export function webhookUrl(secret: string, zapUrl: string): string {
  const url = new URL(zapUrl);
  url.searchParams.set(TOKEN_PARAM, webhookToken(secret, zapUrl));
  return url.toString();
}

/** Whether a POST to this Zap carried the webhook's token for it. */
export function hasWebhookToken(secret: string, zapUrl: string, token: string | null): boolean {
  return token !== null && sameText(token, webhookToken(secret, zapUrl));
}

/** What a relay carries beside the delivery. */
export interface RelayMark {
  /** The event's id: the receiver sees a retried relay as the same event. */
  id: string;
  signature: string;
}

export const RELAY_KEY = 'callbell_zapier_relay';

/** The signature covers the event, its payload, its time, its id and the Zap it is meant for. */
function relaySignature(secret: string, to: string, id: string, body: JsonObject): string {
  const { event, payload, createdAt } = body;
  return hmac(secret, stableJson({ event, payload, createdAt, id, to }));
}

/**
 * The body of a relay of `delivery` to the Zap at `to`. It carries the delivery's time as
 * Callbell's log does (`createdAt`), so the receiver gives the event the owner's id.
 */
export function relayBody(secret: string, to: string, id: string, delivery: Delivery): JsonObject {
  const body: JsonObject = {
    event: delivery.event,
    payload: delivery.payload,
    createdAt: delivery.deliveredAt ?? null,
  };
  const mark: RelayMark = { id, signature: relaySignature(secret, to, id, body) };
  return { ...body, [RELAY_KEY]: mark };
}

/** The relay mark of a body, whether or not it is genuine; null when the body has none. */
export function relayMarkOf(body: unknown): RelayMark | 'malformed' | null {
  if (!isObject(body) || body[RELAY_KEY] === undefined) return null;
  const mark = body[RELAY_KEY];
  const id = isObject(mark) ? stringOrNull(mark.id) : null;
  const signature = isObject(mark) ? stringOrNull(mark.signature) : null;
  return id && signature ? { id, signature } : 'malformed';
}

/** Whether a relay was made by a Zap of this account for this Zap, untouched since. */
export function isGenuineRelay(
  secret: string,
  self: string,
  mark: RelayMark,
  body: JsonObject,
): boolean {
  return sameText(mark.signature, relaySignature(secret, self, mark.id, body));
}
