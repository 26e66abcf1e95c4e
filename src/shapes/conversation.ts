import type { PlainOutputField } from 'zapier-platform-core';
import type { EventFields } from './event';
import { outputTime, stringOrNull, type JsonObject } from '../values';
import { contactOutput, contactOutputFields, sampleContact } from './contact';

/**
 * A conversation as the conversation_opened and conversation_closed events carry it. The event
 * time is its own `createdAt` or `closedAt`, so it is not repeated as `created_at`.
 */
export function conversationOutput(payload: JsonObject): EventFields {
  return {
    source: stringOrNull(payload.source),
    href: stringOrNull(payload.href),
    createdAt: outputTime(payload.createdAt),
    closedAt: outputTime(payload.closedAt),
    closingReason: stringOrNull(payload.closingReason),
    contact: contactOutput(payload.contact),
  };
}

export const conversationOutputFields: PlainOutputField[] = [
  { key: 'source', label: 'Channel Type' },
  { key: 'href', label: 'Conversation Link' },
  { key: 'createdAt', label: 'Conversation Started At', type: 'datetime' },
  { key: 'closedAt', label: 'Closed At', type: 'datetime' },
  { key: 'closingReason', label: 'Closing Reason' },
  ...contactOutputFields('contact__', 'Contact: '),
];

/** The conversation in Callbell's documented conversation_opened body. */
export const sampleConversation = {
  source: 'whatsapp',
  href: 'https://dash.callbell.eu/chat/f3670b13446b412796238b1cd78899f9',
  createdAt: '2023-11-20T17:14:22Z',
  closedAt: null,
  closingReason: null,
  // Callbell documents conversation events without the conversation link on the contact.
  contact: { ...sampleContact, conversationHref: null },
};
