import type { PlainInputField } from 'zapier-platform-core';
import { CHANNEL_TYPES, type ChannelType } from '../api/channels';
import { InputError } from '../input-error';
import { toE164 } from '../phone';
import { bsuidField, channelField, defaultCountryField } from './common';
import { oneOf, optionalText } from '../values';

const TO_LABEL = 'To (Phone Number or Contact ID)';

/** Who a message goes to and from which channel: shared by both send actions. */
export const recipientFields: PlainInputField[] = [
  channelField('The Callbell channel to send from. Leave empty to send from your main channel.'),
  {
    key: 'from',
    label: 'Channel Type',
    choices: CHANNEL_TYPES,
    default: 'whatsapp',
    required: true,
    helpText:
      'The kind of channel the message goes through. WhatsApp unless you send on another network.',
  },
  {
    key: 'to',
    label: TO_LABEL,
    required: false,
    helpText:
      "For WhatsApp, the contact's phone number in any format, e.g. `+1 (201) 555-0123` or, with a Default Country, `0612345678`. For Instagram, Messenger and Telegram, the contact's ID as Callbell shows it. Required unless a BSUID is given.",
  },
  bsuidField(
    'The WhatsApp Business Suite User ID, for contacts who hide their phone number with a WhatsApp username. Used only when To is empty.',
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
export function readRecipient(input: Record<string, unknown>): Recipient {
  const from = oneOf(input.from, CHANNEL_TYPES, 'Channel Type') ?? 'whatsapp';
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
    'a recipient is required: map the phone number (or, outside WhatsApp, the contact ID), or fill in WhatsApp BSUID.',
  );
}
