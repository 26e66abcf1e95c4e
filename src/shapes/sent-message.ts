import type { PlainOutputField } from 'zapier-platform-core';
import { single } from '../client/unwrap';
import { isObject, objectOrEmpty, stringOrNull, type JsonObject } from '../values';
import {
  contactOutput,
  contactOutputFields,
  sampleContact,
  type Contact,
  type ContactOutput,
} from './contact';

/** Callbell's answer to POST /messages/send, asked with `fields=contact,conversation`. */
export interface SendAnswer {
  message?: {
    uuid?: string;
    status?: string;
    contact?: Contact | Contact[];
    conversation?: JsonObject;
  };
}

/** What both send actions hand the Zap. */
export interface SentMessage extends JsonObject {
  id: string;
  uuid: string | null;
  status: string | null;
  conversationHref: string | null;
  contact: SentContact;
  conversation: JsonObject | null;
}

/** The contact of a send, with the email the send's answer may carry. */
export type SentContact = ContactOutput & { email: string | null };

/**
 * post_send_messages.md shows the answer's contact as `{uuid, name, phone, email}`, while
 * object_types/message_send_request.md types it as a Contact (`phoneNumber`, no email): both
 * are read, so the phone number and email reach the Zap whichever Callbell sends. Without the
 * contact in the answer the output keeps its keys, all null.
 */
function sentContact(value: unknown): SentContact {
  const raw = objectOrEmpty(single(value));
  const phoneNumber = raw.phoneNumber ?? raw.phone;
  return { ...contactOutput({ ...raw, phoneNumber }), email: stringOrNull(raw.email) };
}

export function sentMessage(answer: SendAnswer): SentMessage {
  const message = objectOrEmpty(answer.message);
  const contact = sentContact(message.contact);
  const conversation = isObject(message.conversation) ? message.conversation : null;
  const uuid = stringOrNull(message.uuid);
  // The conversation's link is `conversationHref` alone, so the Zap is not offered it twice.
  const { href, ...conversationRest } = conversation ?? {};
  return {
    id: uuid ?? '',
    uuid,
    status: stringOrNull(message.status),
    conversationHref: stringOrNull(href) ?? contact.conversationHref,
    contact,
    conversation: conversation ? conversationRest : null,
  };
}

export const sentMessageOutputFields: PlainOutputField[] = [
  { key: 'id', label: 'ID' },
  { key: 'uuid', label: 'Message ID' },
  { key: 'status', label: 'Status' },
  { key: 'conversationHref', label: 'Conversation Link' },
  { key: 'conversation__source', label: 'Conversation Channel Type' },
  { key: 'conversation__createdAt', label: 'Conversation Started At', type: 'datetime' },
  ...contactOutputFields('contact__', 'Contact: '),
  { key: 'contact__email', label: 'Contact: Email' },
];

export const sentMessageSample: SentMessage = {
  id: 'adf3d1216d4c4dcd908199d6700f2381',
  uuid: 'adf3d1216d4c4dcd908199d6700f2381',
  status: 'enqueued',
  conversationHref: 'https://dash.callbell.eu/chat/f3670b13446b412796238b1cd78899f9',
  contact: { ...sampleContact, email: null },
  conversation: {
    source: 'whatsapp',
    createdAt: '2022-10-12T15:57:16Z',
  },
};
