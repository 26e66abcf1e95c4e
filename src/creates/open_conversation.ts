import { changeConversation } from '../api/contacts';
import { conversationAction } from './conversation-action';

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
