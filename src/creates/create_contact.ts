import type { Bundle, Create, ZObject } from 'zapier-platform-core';
import { CHANNEL_TYPES } from '../api/channels';
import { createContact } from '../api/contacts';
import { assignmentFields, readAssignment } from '../fields/assignment';
import {
  contactDetailFields,
  legacyCheckboxFields,
  readContactDetails,
} from '../fields/contact-details';
import { channelField, defaultCountryField } from '../fields/common';
import { definedEntries, oneOf, optionalText, requiredText } from '../values';
import { toDigits } from '../phone';
import {
  contactResultOutputFields,
  contactResultSample,
  type ContactResult,
} from '../shapes/contact';
import type { Example } from '../example';

const IDENTIFIER_LABEL = 'Phone Number';

/**
 * A WhatsApp contact's identifier goes as digits, the form every snippet of POST /contacts
 * sends ("identifier": "123456789", `_post_contacts.mdx`) and the form the look-up by phone
 * takes (contacts_api/get_contact_by_phone.md): nothing in the docs says a contact created as
 * "+31612345678" is found by the digits, and Find or Create Contact must find what it created.
 */
export async function performCreateContact(z: ZObject, bundle: Bundle): Promise<ContactResult> {
  const input = bundle.inputData;
  const source = oneOf(input.source, CHANNEL_TYPES, 'Channel Type') ?? 'whatsapp';
  const identifier =
    source === 'whatsapp'
      ? toDigits({
          value: input.phone,
          defaultCountry: input.default_country,
          fieldLabel: IDENTIFIER_LABEL,
        })
      : requiredText(input.phone, IDENTIFIER_LABEL, "the contact's ID on this channel");
  const body = definedEntries({
    identifier,
    source,
    name: requiredText(input.name, 'Name', "the contact's name"),
    channel_uuid: optionalText(input.channel_uuid),
    ...readContactDetails(input),
    ...readAssignment(input),
  });
  return createContact(z, body);
}

export const createContactCreate = {
  key: 'create_contact',
  noun: 'Contact',
  display: {
    label: 'Create Contact',
    description: 'Creates a contact with tags, custom fields, a note and an assignee.',
  },
  operation: {
    inputFields: [
      {
        key: 'phone',
        label: IDENTIFIER_LABEL,
        required: true,
        helpText:
          "For WhatsApp, the phone number in any format, e.g. `+1 (201) 555-0123`, or `0612345678` with a Default Country. For Instagram, Messenger and Telegram, the contact's identifier on that network.",
      },
      {
        key: 'name',
        label: 'Name',
        required: true,
      },
      {
        key: 'source',
        label: 'Channel Type',
        choices: CHANNEL_TYPES,
        default: 'whatsapp',
        required: true,
        helpText: 'The network the contact is reached on.',
      },
      defaultCountryField,
      channelField(
        'The Callbell channel the contact belongs to. Leave empty for your main channel.',
      ),
      ...contactDetailFields,
      legacyCheckboxFields,
      ...assignmentFields,
    ],
    perform: performCreateContact,
    sample: contactResultSample,
    outputFields: contactResultOutputFields,
  },
} satisfies Create;

/** The example run the tests and docs/operations.md are built from (src/example.ts). */
export const example: Example = {
  input: { phone: '+81 90-1234-5678', name: 'Yuki' },
  requests: ['POST /contacts'],
};
