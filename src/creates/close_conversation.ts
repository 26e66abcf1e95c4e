import { changeConversation } from '../api/contacts';
import { conversationAction } from './conversation-action';

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
