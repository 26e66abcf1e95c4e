import type { PlainInputField } from 'zapier-platform-core';
import { InputError } from '../input-error';
import { asText, quote, isObject } from '../values';

const LABEL = 'Metadata';
const MAX_KEYS = 10;
const MAX_KEY_LENGTH = 50;
const MAX_VALUE_LENGTH = 500;

export const metadataField: PlainInputField = {
  key: 'metadata',
  label: LABEL,
  dict: true,
  helpText:
    'Up to 10 key-value pairs kept with the message and echoed in Callbell webhook events, e.g. `order_id` → the Shopify order number. Keys up to 50 characters, values up to 500. Do not put sensitive data here. With fewer than 10 pairs, `sent_by_zap` → `true` is added, so New Message knows a Zap sent it.',
};

/**
 * Callbell's metadata limits, checked before sending so a Zap gets a clear message: "up to 10
 * key-value pairs. The key must be a string with a maximum length of 50 characters, and the
 * value must be a string with a maximum length of 500 characters" (messages_api/post_send_messages.md).
 */
export function readMetadata(value: unknown): Record<string, string> | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  if (!isObject(value)) {
    throw new InputError(LABEL, 'must be key-value pairs (one key and one value per row).');
  }
  const entries = Object.entries(value).filter(([key]) => key.trim() !== '');
  if (entries.length > MAX_KEYS) {
    throw new InputError(
      LABEL,
      `has ${entries.length} keys; Callbell accepts at most ${MAX_KEYS}. Remove some rows.`,
    );
  }
  const metadata: [string, string][] = [];
  for (const [rawKey, rawValue] of entries) {
    const key = rawKey.trim();
    const text = asText(rawValue);
    if (text === undefined) {
      throw new InputError(
        LABEL,
        `the value of ${quote(key)} must be text, not ${quote(rawValue)}.`,
      );
    }
    if (key.length > MAX_KEY_LENGTH) {
      throw new InputError(
        LABEL,
        `the key ${quote(key)} is ${key.length} characters; Callbell accepts at most ${MAX_KEY_LENGTH}.`,
      );
    }
    if (text.length > MAX_VALUE_LENGTH) {
      throw new InputError(
        LABEL,
        `the value of ${quote(key)} is ${text.length} characters; Callbell accepts at most ${MAX_VALUE_LENGTH}.`,
      );
    }
    metadata.push([key, text]);
  }
  // fromEntries defines own keys: "__proto__" stays a key, where assigning it would not.
  return entries.length ? Object.fromEntries(metadata) : undefined;
}

/**
 * The mark every message this integration sends carries in Callbell's `metadata`, which the
 * `message_created` webhook echoes (webhooks/message_events/message_created.md: "Metadata
 * attached to the message"), so New Message can tell a Zap's own reply from a contact's message.
 */
export const SENT_BY_ZAP = { key: 'sent_by_zap', value: 'true' } as const;

/**
 * The Zap's metadata with the mark added. Callbell keeps at most 10 pairs: a Zap that fills all
 * ten keeps them, unmarked; a key of its own named like the mark keeps its own value.
 */
export function readSentMetadata(value: unknown): Record<string, string> {
  const metadata = readMetadata(value) ?? {};
  if (Object.keys(metadata).length >= MAX_KEYS || Object.hasOwn(metadata, SENT_BY_ZAP.key))
    return metadata;
  return { ...metadata, [SENT_BY_ZAP.key]: SENT_BY_ZAP.value };
}

/** Whether a message's metadata carries the mark of a message sent by this integration. */
export function isSentByZap(metadata: unknown): boolean {
  return isObject(metadata) && metadata[SENT_BY_ZAP.key] === SENT_BY_ZAP.value;
}
