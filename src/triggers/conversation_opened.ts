import { conversationOpenedSample } from '../samples/conversation_opened';
import { hookTrigger } from '../webhooks/hook-trigger';
import { conversationOutputFields } from '../webhooks/output-fields';

export const conversationOpened = hookTrigger({
  key: 'conversation_opened',
  noun: 'Conversation',
  label: 'Conversation Opened',
  description: 'Triggers when a conversation is opened or reopened in Callbell.',
  events: () => ['conversation_opened'],
  sample: conversationOpenedSample,
  outputFields: conversationOutputFields,
});
