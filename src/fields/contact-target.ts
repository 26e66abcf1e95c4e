import type { PlainInputField } from 'zapier-platform-core';
import type { ContactTarget } from '../api/contacts';
import { InputError } from '../input-error';
import { toDigits } from '../phone';
import { optionalText } from '../values';
import { channelField, defaultCountryField } from './common';

const CONTACT_LABEL = 'Contact';
const PHONE_LABEL = 'Contact Phone Number';

/**
 * A contact chosen from the dropdown, mapped from a Callbell trigger, or found by a search step
 * (D014: a search connector needs a dynamic dropdown beside it).
 */
function contactField(helpText: string): PlainInputField {
  return {
    key: 'contact_uuid',
    label: CONTACT_LABEL,
    dynamic: 'contact_list.id.name',
    search: 'find_contact.uuid',
    helpText,
  };
}

/** Which contact an action is about: chosen or mapped, or a phone number to look it up by. */
export const contactTargetFields: PlainInputField[] = [
  contactField(
    'Choose the contact, or map it from a Callbell trigger or a Find Contact step. Leave empty to find the contact by phone number instead.',
  ),
  {
    key: 'phone',
    label: PHONE_LABEL,
    helpText:
      "The contact's WhatsApp phone number in any format, used when Contact is empty. Looking the contact up costs one more request.",
  },
  defaultCountryField,
  channelField(
    'The WhatsApp channel to find the contact by phone number on. Leave empty for your main WhatsApp channel.',
  ),
];

/** The contact the step names: its ID as given, or else its phone number as digits. */
export function readContactTarget(input: Record<string, unknown>): ContactTarget {
  const uuid = optionalText(input.contact_uuid);
  if (uuid) return { uuid };
  if (optionalText(input.phone) === undefined) {
    throw new InputError(
      CONTACT_LABEL,
      'choose or map the contact, or fill in Contact Phone Number to find the contact by.',
    );
  }
  const digits = toDigits({
    value: input.phone,
    defaultCountry: input.default_country,
    fieldLabel: PHONE_LABEL,
  });
  const channelUuid = optionalText(input.channel_uuid);
  return channelUuid ? { digits, channelUuid } : { digits };
}
