import type { ZObject } from 'zapier-platform-core';
import { callbell } from '../client/request';
import type { Contact, ConversationMessage } from '../client/types';
import type { CallbellEvent, Delivery } from './events';

/** How many recent events the Zap editor's "test trigger" asks for. */
const RECENT_EVENTS = 10;

interface DeliveryLog {
  webhook_events?: { event?: unknown; payload?: unknown }[];
}

/** Real recent deliveries of these events from the account webhook's delivery log. */
export async function loggedDeliveries(z: ZObject, events: CallbellEvent[]): Promise<unknown[]> {
  const log = await callbell<DeliveryLog>(z, {
    path: '/webhooks/events',
    params: { subscriptions: events.join(','), items: RECENT_EVENTS, page: 1 },
  });
  return Array.isArray(log.webhook_events) ? log.webhook_events : [];
}

/**
 * When the log has nothing yet (a new account, a new webhook), real records from the matching
 * list endpoint in the shape of a delivery: contacts for contact events, the messages of the
 * first contact Callbell lists for new messages. Other events have no such list: the Zap
 * editor then offers the trigger's static sample.
 */
export async function deliveriesFromRecords(z: ZObject, event: CallbellEvent): Promise<Delivery[]> {
  if (event === 'contact_created' || event === 'contact_updated') {
    const contacts = await recentContacts(z);
    return contacts.map((contact) => ({ event, payload: { ...contact } }));
  }
  if (event === 'message_created') return recentMessages(z);
  return [];
}

async function recentContacts(z: ZObject): Promise<Contact[]> {
  const answer = await callbell<{ contacts?: Contact[] }>(z, {
    path: '/contacts',
    params: { page: 1 },
  });
  return (answer.contacts ?? []).slice(0, RECENT_EVENTS);
}

async function recentMessages(z: ZObject): Promise<Delivery[]> {
  const [contact] = await recentContacts(z);
  if (!contact?.uuid) return [];
  const answer = await callbell<{ messages?: ConversationMessage[] }>(z, {
    path: `/contacts/${encodeURIComponent(contact.uuid)}/messages`,
    params: { page: 1 },
  });
  return (answer.messages ?? [])
    .filter((message) => message.status !== 'note')
    .slice(0, RECENT_EVENTS)
    .map((message) => ({
      event: 'message_created',
      payload: { ...message, contact: { ...contact } },
    }));
}
