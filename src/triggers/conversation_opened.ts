import {
  conversationOutput,
  conversationOutputFields,
  sampleConversation,
} from '../shapes/conversation';
import type { EventMapper } from '../webhooks/events';
import { hookTrigger } from '../webhooks/hook-trigger';
import type { HookExample } from '../example';

export const mapConversationOpened: EventMapper = (payload) => conversationOutput(payload);

export const conversationOpenedTrigger = hookTrigger({
  key: 'conversation_opened',
  noun: 'Conversation',
  label: 'Conversation Opened',
  description: 'Triggers when a conversation is opened or reopened.',
  mappers: { conversation_opened: mapConversationOpened },
  sample: {
    id: 'eb2b914a977e4ab896e7b886698b3eac-03531870dcfd7b8c',
    event: 'conversation_opened',
    ...sampleConversation,
  },
  outputFields: conversationOutputFields,
});

/** The example run the tests and docs/operations.md are built from (src/example.ts). */
export const example: HookExample = { input: {}, event: 'conversation_opened' };
