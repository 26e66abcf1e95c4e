import { changeConversation } from '../api/contacts';
import { conversationAction } from './conversation-action';
import { EXAMPLE_IDS, type Example } from '../example';

export const closeConversationCreate = conversationAction({
  key: 'close_conversation',
  label: 'Close Conversation',
  description: "Closes a contact's conversation, e.g. once an order is delivered.",
  read: () => undefined,
  change: (z, uuid) =>
    changeConversation(z, uuid, {
      method: 'POST',
      action: 'conversation/close',
      purpose: 'close conversations',
    }),
});

/** The example run the tests and docs/operations.md are built from (src/example.ts). */
export const example: Example = {
  input: { contact_uuid: EXAMPLE_IDS.contact },
  requests: [`POST /contacts/${EXAMPLE_IDS.contact}/conversation/close`],
};
