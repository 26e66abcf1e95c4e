import { agentSessionUpdated } from '../../src/triggers/agent_session_updated';
import { deliver, documentedDelivery, itBehavesLikeAHookTrigger } from '../helpers/hook-trigger';

describe('agent_session_updated', () => {
  itBehavesLikeAHookTrigger(agentSessionUpdated, { events: ['agent_session_updated'] });

  it('hands the Zap the action and the agent', async () => {
    const [output] = await deliver(
      agentSessionUpdated,
      documentedDelivery('agent_session_updated'),
    );
    expect(output).toMatchObject({
      event: 'agent_session_updated',
      created_at: '2024-02-21T12:02:47Z',
      action: 'user_logged_in',
      user: { email: 'john.doe@gmail.com', name: 'John Doe', available: false },
    });
  });
});
