import { changeConversation } from '../api/contacts';
import { conversationAction } from './conversation-action';
import { EXAMPLE_IDS, type Example } from '../example';

export const openConversationCreate = conversationAction({
  key: 'open_conversation',
  label: 'Reopen Conversation',
  description: "Reopens a contact's closed conversation so your team sees it again.",
  read: () => undefined,
  change: (z, uuid) =>
    changeConversation(z, uuid, {
      method: 'POST',
      action: 'conversation/open',
      purpose: 'open conversations',
    }),
});

/** The example run the tests and docs/operations.md are built from (src/example.ts). */
export const example: Example = {
  input: { contact_uuid: EXAMPLE_IDS.contact },
  requests: [`POST /contacts/${EXAMPLE_IDS.contact}/conversation/open`],
};
