import type { Bundle, ZObject } from 'zapier-platform-core';
import { callbell, callbellOrNull } from '../client/request';
import type { CallbellEvent } from './events';

/** What performSubscribe keeps for the Zap (Zapier hands it back as `bundle.subscribeData`). */
export interface SubscribeData {
  id: string;
  url: string;
  subscriptions: CallbellEvent[];
  createdAt: string | null;
}

interface SubscribeAnswer {
  webhook?: { url?: string; subscriptions?: string[]; createdAt?: string; enabled?: boolean };
}

/**
 * Points the account's one webhook at this Zap's URL for exactly these events. Callbell
 * replaces any webhook the account had: the reason every trigger's help text warns of it.
 */
export async function subscribeWebhook(
  z: ZObject,
  bundle: Bundle,
  events: CallbellEvent[],
): Promise<SubscribeData> {
  const url = bundle.targetUrl;
  if (!url)
    throw new z.errors.Error('Zapier did not provide a webhook URL to subscribe.', 'NoTargetUrl');
  const answer = await callbell<SubscribeAnswer>(z, {
    method: 'POST',
    path: '/webhooks/subscribe',
    body: { url, subscriptions: events },
  });
  return { id: url, url, subscriptions: events, createdAt: answer.webhook?.createdAt ?? null };
}

/** Removes the account's webhook. Already gone (404) is success: a Zap can always be turned off. */
export async function unsubscribeWebhook(z: ZObject): Promise<{ status: string }> {
  const answer = await callbellOrNull<{ status?: string }>(z, {
    method: 'DELETE',
    path: '/webhooks/unsubscribe',
  });
  return { status: answer?.status ?? 'webhook was already removed' };
}
