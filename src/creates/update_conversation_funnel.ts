import { conversationAction } from '../conversations';
import { requiredText } from '../fields/values';

export const updateConversationFunnelCreate = conversationAction({
  key: 'update_conversation_funnel',
  label: 'Move Conversation to Funnel Stage',
  description: "Moves a contact's conversation to another stage of your Callbell sales funnel.",
  method: 'PUT',
  action: 'update_funnel',
  fields: [
    {
      key: 'funnel_id',
      label: 'Funnel Stage',
      dynamic: 'funnel_list.id.name',
      required: true,
      helpText: 'The funnel stage to move the conversation to.',
    },
  ],
  body: (input) => ({ funnel_id: requiredText(input.funnel_id, 'Funnel Stage', 'a funnel stage') }),
});
