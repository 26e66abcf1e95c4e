import { conversationClosedSample } from '../samples/conversation_closed';
import { hookTrigger } from '../webhooks/hook-trigger';
import { conversationOutputFields } from '../webhooks/output-fields';

export const conversationClosed = hookTrigger({
  key: 'conversation_closed',
  noun: 'Conversation',
  label: 'Conversation Closed',
  description: 'Triggers when a conversation is closed in Callbell, with the closing reason.',
  events: () => ['conversation_closed'],
  sample: conversationClosedSample,
  outputFields: conversationOutputFields,
});
