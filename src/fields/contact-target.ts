import type { PlainInputField, ZObject } from 'zapier-platform-core';
import { findContactByPhone } from '../contacts';
import { InputError } from '../input-error';
import { toDigits } from '../phone';
import { defaultCountryField } from './common';
import { optionalText } from './values';

const UUID_LABEL = 'Contact ID';
const PHONE_LABEL = 'Contact Phone Number';

/** Which contact an action is about: its Callbell ID, or a phone number to look it up by. */
export const contactTargetFields: PlainInputField[] = [
  {
    key: 'contact_uuid',
    label: UUID_LABEL,
    search: 'find_contact.uuid',
    required: false,
    helpText:
      'The Callbell contact ID (`uuid`), e.g. from a Callbell trigger or a Find Contact step. Leave empty to find the contact by phone number instead.',
  },
  {
    key: 'phone',
    label: PHONE_LABEL,
    required: false,
    helpText:
      "The contact's WhatsApp phone number in any format, used when Contact ID is empty. Looking the contact up costs one more request.",
  },
  defaultCountryField,
];

/**
 * The uuid of the contact an action targets: the given ID as is (no request), or one look-up
 * by phone number. A phone number Callbell does not know is an error naming the number.
 */
export async function resolveContactUuid(
  z: ZObject,
  input: Record<string, unknown>,
): Promise<string> {
  const uuid = optionalText(input.contact_uuid);
  if (uuid) return uuid;
  if (optionalText(input.phone) === undefined) {
    throw new InputError(
      UUID_LABEL,
      'map the Callbell contact ID, or fill in Contact Phone Number to find the contact by.',
    );
  }
  const digits = toDigits({
    value: input.phone,
    defaultCountry: input.default_country,
    fieldLabel: PHONE_LABEL,
  });
  const contact = await findContactByPhone(z, digits);
  if (!contact?.uuid) {
    throw new z.errors.Error(
      `Callbell has no contact with the phone number +${digits}. Check the number, or create the contact first (e.g. with Find or Create Contact).`,
      'ContactNotFound',
      404,
    );
  }
  return contact.uuid;
}
