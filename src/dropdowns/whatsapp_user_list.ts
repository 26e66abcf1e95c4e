import type { Example } from '../example';
import { listContacts } from '../api/contacts';
import type { Contact } from '../shapes/contact';
import { stringOrNull } from '../values';
import { contactName } from './contact_list';
import { dropdownTrigger, type Choice } from './dropdown-trigger';

/**
 * Callbell pages read for one page of the dropdown. Few contacts have a BSUID (only WhatsApp
 * Cloud API contacts known by a username, object_types/contact.md), and a dropdown page with
 * no option ends "load more": each page reads a fixed run of Callbell pages, so it stays
 * within Zapier's 30 s and needs no cursor.
 */
const CALLBELL_PAGES_PER_PAGE = 5;

function choice(contact: Contact): Choice {
  const bsuid = contact.bsuid ?? '';
  return { id: bsuid, name: contactName(contact, bsuid) };
}

/**
 * Contacts known by their WhatsApp BSUID, so a send or a search can name such a contact
 * without anyone typing the ID (integration check D004).
 */
export const whatsappUserListDropdown = dropdownTrigger({
  key: 'whatsapp_user_list',
  noun: 'WhatsApp User',
  paginated: true,
  list: async (z, page) => {
    const first = (page - 1) * CALLBELL_PAGES_PER_PAGE + 1;
    const choices: Choice[] = [];
    let previous: Contact[] | undefined;
    for (let read = first; read < first + CALLBELL_PAGES_PER_PAGE; read += 1) {
      const contacts = await listContacts(z, read, previous);
      if (!contacts.length) break;
      previous = contacts;
      choices.push(...contacts.filter((contact) => stringOrNull(contact.bsuid)).map(choice));
    }
    return choices;
  },
});

/** The example run the tests and docs/operations.md are built from (src/example.ts). */
export const example: Example = {
  input: {},
  // The sandbox's contacts fit one page: the second, empty, ends the list.
  requests: ['GET /contacts', 'GET /contacts'],
};
