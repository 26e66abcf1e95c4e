import { conversationAction } from '../conversations';

export const closeConversationCreate = conversationAction({
  key: 'close_conversation',
  label: 'Close Conversation',
  description: "Closes a contact's conversation in Callbell, e.g. once an order is delivered.",
  method: 'POST',
  action: 'close',
});
