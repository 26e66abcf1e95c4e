import type { Bundle, Search, ZObject } from 'zapier-platform-core';
import { findContactByBsuid, findContactByPhone, findContactByUuid } from '../api/contacts';
import { bsuidField, channelField, defaultCountryField } from '../fields/common';
import { optionalText } from '../values';
import { InputError } from '../input-error';
import { toDigits } from '../phone';
import {
  contactResultOutputFields,
  contactResultSample,
  type ContactResult,
} from '../shapes/contact';
import type { Example } from '../example';

const PHONE_LABEL = 'Phone Number';

/** One look-up by the most precise key given; "not found" is an empty result, not an error. */
async function lookUp(z: ZObject, input: Record<string, unknown>): Promise<ContactResult | null> {
  const uuid = optionalText(input.contact_uuid);
  if (uuid) return findContactByUuid(z, uuid);
  if (optionalText(input.phone)) {
    const digits = toDigits({
      value: input.phone,
      defaultCountry: input.default_country,
      fieldLabel: PHONE_LABEL,
    });
    return findContactByPhone(z, digits, optionalText(input.channel_uuid));
  }
  const bsuid = optionalText(input.bsuid);
  if (bsuid) return findContactByBsuid(z, bsuid);
  throw new InputError(
    PHONE_LABEL,
    'fill in a phone number, choose a Contact or choose a WhatsApp User to search by.',
  );
}

export async function performFindContact(z: ZObject, bundle: Bundle): Promise<ContactResult[]> {
  const contact = await lookUp(z, bundle.inputData);
  return contact ? [contact] : [];
}

export const findContactSearch = {
  key: 'find_contact',
  noun: 'Contact',
  display: {
    label: 'Find Contact',
    description: 'Finds a contact by phone number, contact or WhatsApp username.',
  },
  operation: {
    inputFields: [
      {
        key: 'phone',
        label: PHONE_LABEL,
        helpText:
          'The WhatsApp phone number in any format, e.g. `+1 (201) 555-0123`, or `0612345678` with a Default Country.',
      },
      defaultCountryField,
      channelField('The WhatsApp channel to look in. Leave empty for your main WhatsApp channel.'),
      {
        key: 'contact_uuid',
        label: 'Contact',
        dynamic: 'contact_list.id.name',
        helpText:
          'Choose the contact, or map its ID from a Callbell trigger. Used instead of the phone number when filled in.',
      },
      bsuidField(
        'For contacts who use a WhatsApp username: choose them, or map **WhatsApp BSUID** from a Callbell trigger.',
      ),
    ],
    perform: performFindContact,
    sample: contactResultSample,
    outputFields: contactResultOutputFields,
  },
} satisfies Search;

/** The example run the tests and docs/operations.md are built from (src/example.ts). */
export const example: Example = {
  input: { phone: '+31 6 12345678' },
  requests: ['GET /contacts/phone/31612345678'],
};
