import { requiredText } from '../values';
import { conversationAction } from './conversation-action';

export const updateConversationFunnelCreate = conversationAction({
  key: 'update_conversation_funnel',
  label: 'Move Conversation to Funnel Stage',
  description: "Moves a contact's conversation to another stage of your sales funnel.",
  change: {
    method: 'PUT',
    action: 'conversation/update_funnel',
    purpose: 'move conversations between funnel stages',
    notFound: 'contact or funnel stage',
  },
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
