import { conversationAction } from '../conversations';

export const openConversationCreate = conversationAction({
  key: 'open_conversation',
  label: 'Reopen Conversation',
  description: "Reopens a contact's closed conversation in Callbell so your team sees it again.",
  method: 'POST',
  action: 'open',
});
