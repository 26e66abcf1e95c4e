import { agentSessionUpdatedTrigger } from '../../src/triggers/agent_session_updated';
import { deliver, documentedDelivery, itBehavesLikeAHookTrigger } from '../helpers/hook-trigger';

describe('agent_session_updated', () => {
  itBehavesLikeAHookTrigger(agentSessionUpdatedTrigger, { events: ['agent_session_updated'] });

  it('hands the Zap the action and the agent, and no time the payload does not give', async () => {
    const [output] = await deliver(
      agentSessionUpdatedTrigger,
      documentedDelivery('agent_session_updated'),
    );
    expect(output).toMatchObject({
      event: 'agent_session_updated',
      action: 'user_logged_in',
      user: {
        email: 'john.doe@gmail.com',
        name: 'John Doe',
        available: false,
        lastUpdatedAt: '2024-02-21T12:02:47Z',
      },
    });
    // team_member.md: lastUpdatedAt is the last status update, not when this session changed.
    expect(output).not.toHaveProperty('created_at');
  });
});
