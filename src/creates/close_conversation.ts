import { conversationAction } from './conversation-action';

export const closeConversationCreate = conversationAction({
  key: 'close_conversation',
  label: 'Close Conversation',
  description: "Closes a contact's conversation, e.g. once an order is delivered.",
  change: { method: 'POST', action: 'conversation/close', purpose: 'close conversations' },
});
