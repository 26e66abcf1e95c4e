import { conversationOpened } from '../../src/triggers/conversation_opened';
import { itBehavesLikeAHookTrigger, itMapsAConversationEvent } from '../helpers/hook-trigger';

describe('conversation_opened', () => {
  itBehavesLikeAHookTrigger(conversationOpened, { events: ['conversation_opened'] });
  itMapsAConversationEvent(conversationOpened, 'conversation_opened', {
    createdAt: '2023-11-20T17:14:22Z',
  });
});
