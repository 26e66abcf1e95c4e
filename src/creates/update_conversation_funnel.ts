import { updateConversationFunnel } from '../api/contacts';
import { requiredText } from '../values';
import { conversationAction } from './conversation-action';

export const updateConversationFunnelCreate = conversationAction({
  key: 'update_conversation_funnel',
  label: 'Move Conversation to Funnel Stage',
  description: "Moves a contact's conversation to another stage of your sales funnel.",
  fields: [
    {
      key: 'funnel_id',
      label: 'Funnel Stage',
      dynamic: 'funnel_list.id.name',
      required: true,
      helpText: 'The funnel stage to move the conversation to.',
    },
  ],
  read: (input) => requiredText(input.funnel_id, 'Funnel Stage', 'a funnel stage'),
  change: updateConversationFunnel,
});
