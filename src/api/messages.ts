import type { ZObject } from 'zapier-platform-core';
import { pathId } from '../client/path';
import { callbell, callbellOrNull } from '../client/request';
import { sentMessage, type SendAnswer, type SentMessage } from '../shapes/sent-message';
import type { JsonObject } from '../values';

/**
 * One POST /messages/send, never repeated: a send that fails is reported, not retried, so a
 * customer never gets a message twice. Callbell is asked for the contact and conversation
 * so the Zap can use them in later steps without another request.
 */
export async function sendMessage(z: ZObject, body: JsonObject): Promise<SentMessage> {
  const answer = await callbell<SendAnswer>(z, {
    method: 'POST',
    path: '/messages/send',
    body: { ...body, fields: 'contact,conversation' },
    about: { action: 'send messages', thing: 'recipient' },
    expects: { key: 'message', as: 'record' },
  });
  return sentMessage(answer);
}

/** A message's delivery status, or null when Callbell knows no message with this uuid. */
export async function getMessageStatus(
  z: ZObject,
  uuid: string,
): Promise<{ message?: unknown } | null> {
  return callbellOrNull<{ message?: unknown }>(z, {
    // 32 hex digits in every example (get_message_status.md, the send answers).
    path: `/messages/status/${pathId(uuid, { label: 'Message ID', from: 'input', hex32: true })}`,
    about: { action: 'read message statuses', thing: 'message', id: uuid },
    expects: { key: 'message', as: 'record' },
  });
}
