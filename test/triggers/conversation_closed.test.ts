import { conversationClosedTrigger } from '../../src/triggers/conversation_closed';
import {
  deliver,
  documentedDelivery,
  itBehavesLikeAHookTrigger,
  itMapsAConversationEvent,
} from '../helpers/hook-trigger';

describe('conversation_closed', () => {
  itBehavesLikeAHookTrigger(conversationClosedTrigger, { events: ['conversation_closed'] });
  itMapsAConversationEvent(conversationClosedTrigger, 'conversation_closed', {
    closedAt: '2023-11-20T17:14:22Z',
  });

  it('says why and when the conversation was closed', async () => {
    const [output] = await deliver(
      conversationClosedTrigger,
      documentedDelivery('conversation_closed'),
    );
    expect(output).toMatchObject({
      closingReason: 'issue_resolved',
      closedAt: '2023-11-20T17:14:22Z',
    });
  });
});
