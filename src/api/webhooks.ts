import type { ZObject } from 'zapier-platform-core';
import { callbell, callbellOrNull } from '../client/request';
import type { JsonObject } from '../values';

const MANAGE_WEBHOOKS = { action: 'manage webhooks', thing: 'webhook' };

interface SubscribeAnswer {
  webhook?: { url?: string; subscriptions?: string[]; createdAt?: string; enabled?: boolean };
}

/**
 * Points the account's one webhook at this URL for exactly these events: Callbell "creates a
 * new webhook or updates an existing one", replacing whatever the account had. `maxMs` keeps
 * time for what the step must do if Callbell does not answer.
 */
export async function subscribeWebhook(
  z: ZObject,
  url: string,
  events: CallbellEvent[],
  maxMs?: number,
): Promise<{ createdAt: string | null }> {
  const answer = await callbell<SubscribeAnswer>(z, {
    method: 'POST',
    path: '/webhooks/subscribe',
    body: { url, subscriptions: events },
    about: MANAGE_WEBHOOKS,
    maxMs,
  });
  return { createdAt: answer.webhook?.createdAt ?? null };
}

/** Removes the account's webhook. Already gone (404) is success: a Zap can always be turned off. */
export async function unsubscribeWebhook(z: ZObject): Promise<{ status: string }> {
  const answer = await callbellOrNull<{ status?: string }>(z, {
    method: 'DELETE',
    path: '/webhooks/unsubscribe',
    about: MANAGE_WEBHOOKS,
  });
  return { status: answer?.status ?? 'webhook was already removed' };
}

interface DeliveryLog {
  webhook_events?: { event?: unknown; payload?: unknown; success?: unknown; createdAt?: unknown }[];
}

type LogEntry = NonNullable<DeliveryLog['webhook_events']>[number];

/**
 * The first page of the account webhook's delivery log (webhooks_api/events.md), filtered by
 * `params`; an account without a webhook (404) has no deliveries.
 */
async function deliveryLog(
  z: ZObject,
  params: { subscriptions?: string; status?: 'failed'; items: number },
): Promise<LogEntry[]> {
  const log = await callbellOrNull<DeliveryLog>(z, {
    path: '/webhooks/events',
    params: { ...params, page: 1 },
    about: { action: 'read the webhook delivery log', thing: 'webhook' },
  });
  return Array.isArray(log?.webhook_events) ? log.webhook_events : [];
}

/**
 * Recent deliveries of these events from the account webhook's delivery log; none when the
 * account has no webhook yet (404).
 */
export async function loggedDeliveries(
  z: ZObject,
  events: CallbellEvent[],
  items: number,
): Promise<unknown[]> {
  return deliveryLog(z, { subscriptions: events.join(','), items });
}

export interface LoggedDelivery {
  success: boolean;
  createdAt: string;
}

/**
 * The newest deliveries of the account's webhook, whatever their event: whether Callbell has
 * lately delivered to someone. None when the account has no webhook (404) or no deliveries.
 */
export async function latestDeliveries(z: ZObject, items: number): Promise<LoggedDelivery[]> {
  const entries = await deliveryLog(z, { items });
  return entries.flatMap((entry) =>
    typeof entry.createdAt === 'string' && !Number.isNaN(Date.parse(entry.createdAt))
      ? [{ success: entry.success === true, createdAt: entry.createdAt }]
      : [],
  );
}

/**
 * The newest deliveries Callbell could not make (`status=failed`, webhooks_api/events.md): the
 * webhook's URL answered no 2xx, so no Zap got them. None when the account has no webhook.
 */
export async function failedDeliveries(z: ZObject, items: number): Promise<unknown[]> {
  return deliveryLog(z, { status: 'failed', items });
}

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
  /**
   * When it was delivered: the `createdAt` of an entry of the delivery log, or, for a POST
   * being handled now, now. Records read from other lists have none.
   */
  deliveredAt?: string;
}
