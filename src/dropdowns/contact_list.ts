import { listContacts } from '../api/contacts';
import type { Contact } from '../shapes/contact';
import { dropdownTrigger } from './dropdown-trigger';
import type { Example } from '../example';

/**
 * What a Zap author recognises a contact by: its name and number, or `fallback` (its uuid)
 * when it has neither.
 */
export function contactName({ uuid, name, phoneNumber }: Contact, fallback = uuid): string {
  const label = [name, phoneNumber].filter(Boolean).join(', ');
  return label || fallback;
}

/**
 * Contacts as Callbell lists them, a page at a time. It gives contact fields the dynamic
 * dropdown that a search connector needs (integration checks D004, D014).
 */
export const contactListDropdown = dropdownTrigger({
  key: 'contact_list',
  noun: 'Contact',
  paginated: true,
  list: async (z, page) => {
    const contacts = await listContacts(z, page);
    return contacts
      .filter((contact) => typeof contact.uuid === 'string' && contact.uuid !== '')
      .map((contact) => ({ id: contact.uuid, name: contactName(contact) }));
  },
});

/** The example run the tests and docs/operations.md are built from (src/example.ts). */
export const example: Example = {
  input: {},
  requests: ['GET /contacts'],
};
