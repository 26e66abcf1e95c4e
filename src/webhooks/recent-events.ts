import type { ZObject } from 'zapier-platform-core';
import { contactMessages, recentContacts } from '../api/contacts';
import type { Contact } from '../shapes/contact';
import { loggedDeliveries } from '../api/webhooks';
import { errorCodeOf } from '../client/errors';
import { pathId } from '../client/path';
import { isObject, stringOrNull } from '../values';
import type { CallbellEvent, Delivery } from './events';

/** How many recent events the Zap editor's "test trigger" asks for. */
const RECENT_EVENTS = 10;

/**
 * A source of examples that is not there (404: no webhook yet, so no delivery log) has
 * nothing to show, and the next source is tried. Any other failure (an outage, a refusal, an
 * answer the app cannot read, a rejected key) is the Zap editor's test failing with what to
 * do: taken for "nothing", it would make the editor fall back to the static sample as if the
 * account had no events (integration checks D006: the polling fallback "fetches a (real)
 * recent" item; Zapier uses the sample itself when the user skips the test).
 */
async function orNothing<T>(read: () => Promise<T[]>): Promise<T[]> {
  try {
    return await read();
  } catch (error) {
    if (isNotFound(error)) return [];
    throw error;
  }
}

/** Callbell's 404, as src/client/errors.ts words it (a `z.errors.Error` with its code). */
function isNotFound(error: unknown): boolean {
  return (
    error instanceof Error && error.name === 'AppError' && errorCodeOf(error) === 'CallbellNotFound'
  );
}

/** Newest first by an ISO-8601 `createdAt`; entries without one keep their place, last. */
function newestFirst<T>(items: T[], createdAt: (item: T) => unknown): T[] {
  const time = (item: T) => {
    const value = createdAt(item);
    return typeof value === 'string' ? Date.parse(value) || 0 : 0;
  };
  return [...items].sort((a, b) => time(b) - time(a));
}

/** Real recent deliveries of these events from the account webhook's delivery log. */
export async function recentDeliveries(z: ZObject, events: CallbellEvent[]): Promise<unknown[]> {
  const logged = await loggedDeliveries(z, events, RECENT_EVENTS);
  return newestFirst(logged, (entry) => (isObject(entry) ? entry.createdAt : undefined));
}

/**
 * When the log has nothing yet (a new account, a new webhook), real records from the matching
 * list endpoint in the shape of a delivery: contacts for contact events, conversations (read
 * off contacts: open or closed) for conversation events, the messages of the first contact
 * Callbell lists for new messages. The other events have no list to read them from: deleted
 * contacts are gone, message statuses and agent or team changes are only ever delivered. For
 * those the Zap editor offers the trigger's static sample.
 */
export function deliveriesFromRecords(z: ZObject, event: CallbellEvent): Promise<Delivery[]> {
  return orNothing(async () => {
    if (event === 'message_created') return recentMessages(z);
    if (!RECORD_EVENTS.includes(event)) return [];
    const contacts = newestFirst(await recentContacts(z), (contact) => contact.createdAt);
    return contacts
      .filter((contact) => wantsContact(event, contact))
      .slice(0, RECENT_EVENTS)
      .map((contact) => ({ event, payload: payloadFromContact(event, contact) }));
  });
}

const RECORD_EVENTS: CallbellEvent[] = [
  'contact_created',
  'contact_updated',
  'conversation_opened',
  'conversation_closed',
];

function wantsContact(event: CallbellEvent, contact: Contact): boolean {
  if (event === 'conversation_closed') return Boolean(contact.closedAt);
  if (event === 'conversation_opened')
    return !contact.closedAt && Boolean(contact.conversationHref);
  return true;
}

/**
 * A contact as its event delivers it; a conversation as conversation events deliver it
 * (webhooks/conversation_events: source, href, createdAt, closedAt, closingReason, contact),
 * with what the contact does not say left out.
 */
function payloadFromContact(event: CallbellEvent, contact: Contact): Record<string, unknown> {
  if (event === 'contact_created' || event === 'contact_updated') return { ...contact };
  return {
    source: contact.source,
    href: contact.conversationHref,
    closedAt: contact.closedAt,
    contact: { ...contact },
  };
}

async function recentMessages(z: ZObject): Promise<Delivery[]> {
  const [contact] = newestFirst(await recentContacts(z), (item) => item.createdAt);
  const uuid = stringOrNull(contact?.uuid);
  if (!contact || !uuid) return [];
  pathId(uuid, { label: 'contact ID', from: 'answer', hex32: true });
  const messages = newestFirst(await contactMessages(z, uuid), (item) => item.createdAt);
  return messages
    .filter((message) => message.status !== 'note')
    .slice(0, RECENT_EVENTS)
    .map((message) => ({
      event: 'message_created',
      payload: { ...message, contact: { ...contact } },
    }));
}
