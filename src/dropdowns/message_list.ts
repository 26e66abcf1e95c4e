import { EXAMPLE_IDS, type Example } from '../example';
import { contactMessagesPage, type ConversationMessage } from '../api/contacts';
import { templatePreview } from '../api/templates';
import { InputError } from '../input-error';
import { optionalText, stringOrNull } from '../values';
import { dropdownTrigger, type Choice } from './dropdown-trigger';

function choice(message: ConversationMessage): Choice {
  const sentAt = (stringOrNull(message.createdAt) ?? '').replace('T', ' ').slice(0, 16);
  const text = templatePreview(stringOrNull(message.text) ?? undefined) || '(attachment)';
  return { id: message.uuid ?? '', name: sentAt ? `${sentAt}: ${text}` : text };
}

/**
 * The messages sent to the contact chosen in the same step, newest first, a page at a time
 * (contacts_api/get_contact_messages.md): so a message is chosen, not typed by its ID
 * (integration check D004). Only sent messages have a delivery status, and Callbell's example
 * shows a uuid on some messages only: others cannot be looked up and are left out.
 */
export const messageListDropdown = dropdownTrigger({
  key: 'message_list',
  noun: 'Message',
  paginated: true,
  list: async (z, page, bundle) => {
    const contact = optionalText(bundle.inputData.message_contact_uuid);
    if (!contact) {
      // Find Message Status's Contact field (message_contact_uuid) feeds this list.
      throw new InputError(
        'Contact',
        'choose the contact first: this list shows the messages sent to them. Or map the Message ID a send step returned.',
      );
    }
    const { items } = await contactMessagesPage(z, contact, page);
    return items.filter((message) => message.status === 'sent' && message.uuid).map(choice);
  },
});

/** The example run the tests and docs/operations.md are built from (src/example.ts). */
export const example: Example = {
  input: { message_contact_uuid: EXAMPLE_IDS.contact },
  requests: [`GET /contacts/${EXAMPLE_IDS.contact}/messages`],
};
