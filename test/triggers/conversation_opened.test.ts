import { conversationOpenedTrigger } from '../../src/triggers/conversation_opened';
import { itBehavesLikeAHookTrigger, itMapsAConversationEvent } from '../helpers/hook-trigger';

describe('conversation_opened', () => {
  itBehavesLikeAHookTrigger(conversationOpenedTrigger, { events: ['conversation_opened'] });
  itMapsAConversationEvent(conversationOpenedTrigger, 'conversation_opened', {
    createdAt: '2023-11-20T17:14:22Z',
  });
});
