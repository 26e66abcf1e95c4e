import type { ZObject } from 'zapier-platform-core';
import { contactMessages, recentContacts } from '../api/contacts';
import { loggedDeliveries } from '../api/webhooks';
import { pathId } from '../client/path';
import { stringOrNull } from '../values';
import type { CallbellEvent, Delivery } from './events';

/** How many recent events the Zap editor's "test trigger" asks for. */
const RECENT_EVENTS = 10;

/** Real recent deliveries of these events from the account webhook's delivery log. */
export function recentDeliveries(z: ZObject, events: CallbellEvent[]): Promise<unknown[]> {
  return loggedDeliveries(z, events, RECENT_EVENTS);
}

/**
 * When the log has nothing yet (a new account, a new webhook), real records from the matching
 * list endpoint in the shape of a delivery: contacts for contact events, the messages of the
 * first contact Callbell lists for new messages. Other events have no such list: the Zap
 * editor then offers the trigger's static sample.
 */
export async function deliveriesFromRecords(z: ZObject, event: CallbellEvent): Promise<Delivery[]> {
  if (event === 'contact_created' || event === 'contact_updated') {
    const contacts = (await recentContacts(z)).slice(0, RECENT_EVENTS);
    return contacts.map((contact) => ({ event, payload: { ...contact } }));
  }
  if (event === 'message_created') return recentMessages(z);
  return [];
}

async function recentMessages(z: ZObject): Promise<Delivery[]> {
  const [contact] = await recentContacts(z);
  const uuid = stringOrNull(contact?.uuid);
  if (!contact || !uuid) return [];
  pathId(uuid, { label: 'contact ID', from: 'answer', hex32: true });
  const messages = await contactMessages(z, uuid);
  return messages
    .filter((message) => message.status !== 'note')
    .slice(0, RECENT_EVENTS)
    .map((message) => ({
      event: 'message_created',
      payload: { ...message, contact: { ...contact } },
    }));
}
