import { isObject, type JsonObject } from '../outputs/values';

/** Every event Callbell delivers through an account's webhook. */
export const CALLBELL_EVENTS = [
  'message_created',
  'message_status_updated',
  'contact_created',
  'contact_updated',
  'contact_deleted',
  'conversation_opened',
  'conversation_closed',
  'agent_status_updated',
  'agent_session_updated',
  'team_membership_updated',
] as const;

export type CallbellEvent = (typeof CALLBELL_EVENTS)[number];

/** One delivery: Callbell POSTs `{event, payload}` to the webhook URL. */
export interface Delivery {
  event: CallbellEvent;
  payload: JsonObject;
}

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
  return { event: body.event, payload: body.payload };
}
