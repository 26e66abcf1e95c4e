import type { ZObject } from 'zapier-platform-core';
import { callbell } from './client/request';
import type { Contact } from './client/types';
import { single } from './client/unwrap';
import { contactOutput, type ContactOutput } from './outputs/contact';
import { isObject, objectOrEmpty, stringOrNull, type JsonObject } from './outputs/values';

interface SendAnswer {
  message?: {
    uuid?: string;
    status?: string;
    contact?: Contact | Contact[];
    conversation?: JsonObject;
  };
}

export interface MessageResult extends JsonObject {
  id: string;
  uuid: string | null;
  status: string | null;
  conversationHref: string | null;
  contact: ContactOutput;
  conversation: JsonObject | null;
}

/**
 * One POST /messages/send, never repeated: a send that fails is reported, not retried, so a
 * customer never gets a message twice. Callbell is asked for the contact and conversation
 * so the Zap can use them in later steps without another request.
 */
export async function sendMessage(z: ZObject, body: JsonObject): Promise<MessageResult> {
  const answer = await callbell<SendAnswer>(z, {
    method: 'POST',
    path: '/messages/send',
    body: { ...body, fields: 'contact,conversation' },
  });
  const message = objectOrEmpty(answer.message);
  // Without the contact in the answer the output keeps its keys, all null.
  const contact = contactOutput(single(message.contact));
  const conversation = isObject(message.conversation) ? message.conversation : null;
  const uuid = stringOrNull(message.uuid);
  return {
    id: uuid ?? '',
    uuid,
    status: stringOrNull(message.status),
    conversationHref: stringOrNull(conversation?.href) ?? contact.conversationHref,
    contact,
    conversation,
  };
}
