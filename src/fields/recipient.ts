import type { PlainInputField } from 'zapier-platform-core';
import { CHANNEL_TYPES, type ChannelType } from '../api/channels';
import { InputError } from '../input-error';
import { toE164 } from '../phone';
import { bsuidField, channelField, defaultCountryField } from './common';
import { oneOf, optionalText, quote } from '../values';

const TO_LABEL = 'To';

/** Template messages are WhatsApp's alone (messages_api/post_send_messages.md). */
export const WHATSAPP_ONLY = { whatsapp: CHANNEL_TYPES.whatsapp };

/** The kind of channel a message goes through; required, so it comes first (BG "Fields"). */
export function channelTypeField(choices: Partial<Record<ChannelType, string>>): PlainInputField {
  return {
    key: 'from',
    label: 'Channel Type',
    choices,
    default: 'whatsapp',
    required: true,
    helpText:
      Object.keys(choices).length > 1
        ? 'The kind of channel the message goes through. WhatsApp unless you send on another network.'
        : 'Template messages go through WhatsApp only.',
  };
}

/** Who a message goes to and from which channel: shared by both send actions. */
export const recipientFields: PlainInputField[] = [
  channelField('The Callbell channel to send from. Leave empty to send from your main channel.'),
  {
    key: 'to',
    label: TO_LABEL,
    helpText:
      "For WhatsApp, the contact's phone number in any format, e.g. `+1 (201) 555-0123` or, with a Default Country, `0612345678`. For Instagram, Messenger and Telegram, the contact's identifier as Callbell shows it. Required unless a WhatsApp User is given.",
  },
  bsuidField(
    'For contacts who hide their phone number behind a WhatsApp username: choose them, or map **WhatsApp BSUID** from a Callbell trigger. Used only when To is empty.',
  ),
  defaultCountryField,
];

export interface Recipient {
  from: ChannelType;
  to?: string;
  bsuid?: string;
  channel_uuid?: string;
}

/** The recipient part of a send, checked before anything is sent. */
export function readRecipient(
  input: Record<string, unknown>,
  channelTypes: Partial<Record<ChannelType, string>> = CHANNEL_TYPES,
): Recipient {
  const from = oneOf(input.from, CHANNEL_TYPES, 'Channel Type') ?? 'whatsapp';
  if (!Object.hasOwn(channelTypes, from)) {
    throw new InputError(
      'Channel Type',
      `${quote(from)} is not one of the choices. Use one of: ${Object.keys(channelTypes).join(', ')}.`,
    );
  }
  const to = optionalText(input.to);
  const bsuid = optionalText(input.bsuid);
  const channel_uuid = optionalText(input.channel_uuid);
  if (to) {
    const address =
      from === 'whatsapp'
        ? toE164({ value: to, defaultCountry: input.default_country, fieldLabel: TO_LABEL })
        : to;
    return { from, to: address, channel_uuid };
  }
  if (bsuid) return { from, bsuid, channel_uuid };
  throw new InputError(
    TO_LABEL,
    'a recipient is required: map the phone number (or, outside WhatsApp, the contact ID), or choose a WhatsApp User.',
  );
}
