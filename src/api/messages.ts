import type { ZObject } from 'zapier-platform-core';
import { pathId } from '../client/path';
import { callbell, callbellOrNull } from '../client/request';
import { sentMessage, type SendAnswer, type SentMessage } from '../shapes/sent-message';
import type { JsonObject } from '../values';
import { sendingChannel, type ChannelType } from './channels';

/** A POST /messages/send body before its channel is settled. */
export interface SendBody extends JsonObject {
  from: ChannelType;
  channel_uuid?: string;
}

/**
 * Whether `fields` goes in the body or the query is not settled by the docs: the parameter table
 * and the release note of 2024-09-24 ("request body") say body, the example headings
 * ("with `fields=contact`") read like a query (post_send_messages.md). Both carry it.
 */
const SEND_FIELDS = 'contact,conversation';

/**
 * One POST /messages/send, never repeated: a send that fails is reported, not retried, so a
 * customer never gets a message twice. The body always names its channel (`channel_uuid` is
 * required: docs/api/reference/messages_api/post_send_messages.md). Callbell is asked for the
 * contact and conversation so the Zap can use them in later steps without another request.
 */
export async function sendMessage(
  z: ZObject,
  apiKey: string,
  body: SendBody,
): Promise<SentMessage> {
  const channel = await sendingChannel(z, apiKey, body.from, body.channel_uuid);
  try {
    const answer = await callbell<SendAnswer>(z, {
      method: 'POST',
      path: '/messages/send',
      params: { fields: SEND_FIELDS },
      body: { ...body, channel_uuid: channel.uuid, fields: SEND_FIELDS },
      about: { action: 'send messages', thing: 'recipient' },
      expects: { key: 'message', as: 'record' },
    });
    return sentMessage(answer);
  } catch (error) {
    if (mayBeStaleChannel(error)) await channel.forget();
    throw error;
  }
}

/**
 * A remembered channel may have been discarded since: a refusal that names the channel, or a
 * 404, makes the next send look it up afresh. Other refusals (the 24-hour window, a bad
 * number) keep it, so they do not cost every later send a look-up.
 */
function mayBeStaleChannel(error: unknown): boolean {
  return error instanceof Error && /channel|HTTP 404/i.test(error.message);
}

/** A message's delivery status, or null when Callbell knows no message with this uuid. */
export async function getMessageStatus(
  z: ZObject,
  uuid: string,
): Promise<{ message?: unknown } | null> {
  return callbellOrNull<{ message?: unknown }>(z, {
    // 32 hex digits in every example, but no page states a format (delete_message.md: "UUID or
    // external ID"): any id that can be one path segment goes.
    path: `/messages/status/${pathId(uuid, { label: 'Message ID', from: 'input' })}`,
    about: { action: 'read message statuses', thing: 'message', id: uuid },
    expects: { key: 'message', as: 'record' },
  });
}
