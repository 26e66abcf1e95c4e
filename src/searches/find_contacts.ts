import type { Bundle, PlainOutputField, Search, ZObject } from 'zapier-platform-core';
import { CHANNEL_TYPES } from '../api/channels';
import { contactsPage, type ContactFilters } from '../api/contacts';
import type { Contact } from '../shapes/contact';
import { walkPages } from '../api/page-walk';
import { readTags } from '../fields/contact-details';
import { InputError } from '../input-error';
import {
  contactOutput,
  contactOutputFields,
  contactResultOutputFields,
  contactResultSample,
  sampleContact,
  type ContactOutput,
  type ContactResult,
} from '../shapes/contact';
import { oneOf, optionalText } from '../values';
import type { Example } from '../example';

/** A guard on requests: Callbell documents no page size, and a step has 30 seconds. */
const MAX_PAGES = 5;

/** Line items handed to the Zap: the newest contacts found. */
const MAX_LINE_ITEMS = 100;

type FoundContacts = ContactResult & {
  count: number;
  complete: boolean;
  contacts: ContactOutput[];
};

/** The filters GET /contacts documents (contacts_api/get_contacts.md); at least one is asked. */
function readFilters(input: Record<string, unknown>): ContactFilters {
  const tags = readTags(input.tags);
  const filters: ContactFilters = {
    tags: tags?.join(','),
    source: oneOf(input.source, CHANNEL_TYPES, 'Channel Type'),
    team_uuid: optionalText(input.team_uuid),
  };
  if (!filters.tags && !filters.source && !filters.team_uuid) {
    throw new InputError('Tags', 'fill in tags, a Channel Type or a Team to search by.');
  }
  return { ...filters, include_field_types: true };
}

/** Newest first: Callbell's list has no sort parameter, so the contacts read are sorted here. */
function newestFirst(contacts: ContactOutput[]): ContactOutput[] {
  const time = (contact: ContactOutput) => Date.parse(contact.createdAt ?? '') || 0;
  return [...contacts].sort((a, b) => time(b) - time(a));
}

export async function performFindContacts(z: ZObject, bundle: Bundle): Promise<FoundContacts[]> {
  const filters = readFilters(bundle.inputData);
  const { items, complete } = await walkPages<Contact>((page) => contactsPage(z, filters, page), {
    maxPages: MAX_PAGES,
    keyOf: (contact) => String(contact.uuid),
  });
  const contacts = newestFirst(items.map(contactOutput));
  const [newest] = contacts;
  if (!newest) return [];
  return [
    {
      id: newest.uuid ?? '',
      ...newest,
      count: contacts.length,
      complete,
      contacts: contacts.slice(0, MAX_LINE_ITEMS),
    },
  ];
}

const outputFields: PlainOutputField[] = [
  ...contactResultOutputFields,
  { key: 'count', label: 'Number of Contacts Found', type: 'integer' },
  { key: 'complete', label: 'All Pages Read', type: 'boolean' },
  ...contactOutputFields('contacts[]', 'Contacts: '),
];

export const findContactsSearch = {
  key: 'find_contacts',
  noun: 'Contact',
  display: {
    label: 'Find Contacts',
    description:
      'Finds the contacts with given tags, channel type and/or team, newest first, as line items.',
  },
  operation: {
    inputFields: [
      {
        key: 'tags',
        label: 'Tags',
        list: true,
        helpText: 'Contacts with all of these tags; case does not matter.',
      },
      {
        key: 'source',
        label: 'Channel Type',
        choices: CHANNEL_TYPES,
      },
      {
        key: 'team_uuid',
        label: 'Team',
        dynamic: 'team_list.id.name',
      },
    ],
    perform: performFindContacts,
    sample: {
      ...contactResultSample,
      count: 1,
      complete: true,
      contacts: [sampleContact],
    },
    outputFields,
  },
} satisfies Search;

/** The example run the tests and docs/operations.md are built from (src/example.ts). */
export const example: Example = {
  input: { tags: ['VIP'] },
  // Page 2 too: GET /contacts shows no meta (contacts_api/get_contacts.md), so only an empty
  // page says the list has ended.
  requests: ['GET /contacts', 'GET /contacts'],
};
