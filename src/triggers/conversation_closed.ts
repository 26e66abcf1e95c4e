import {
  conversationOutput,
  conversationOutputFields,
  sampleConversation,
} from '../shapes/conversation';
import type { EventMapper } from '../webhooks/events';
import { hookTrigger } from '../webhooks/hook-trigger';
import type { HookExample } from '../example';

export const mapConversationClosed: EventMapper = (payload) => conversationOutput(payload);

export const conversationClosedTrigger = hookTrigger({
  key: 'conversation_closed',
  noun: 'Conversation',
  label: 'Conversation Closed',
  description: 'Triggers when a conversation is closed, with the closing reason.',
  mappers: { conversation_closed: mapConversationClosed },
  sample: {
    id: 'eb2b914a977e4ab896e7b886698b3eac-d6f8644817a888f9',
    event: 'conversation_closed',
    ...sampleConversation,
    closedAt: '2023-11-20T17:14:22Z',
    closingReason: 'issue_resolved',
  },
  outputFields: conversationOutputFields,
});

/** The example run the tests and docs/operations.md are built from (src/example.ts). */
export const example: HookExample = { input: {}, event: 'conversation_closed' };
