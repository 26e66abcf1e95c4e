import { agentStatusUpdatedTrigger } from '../../src/triggers/agent_status_updated';
import { deliver, documentedDelivery, itBehavesLikeAHookTrigger } from '../helpers/hook-trigger';

describe('agent_status_updated', () => {
  itBehavesLikeAHookTrigger(agentStatusUpdatedTrigger, { events: ['agent_status_updated'] });

  it('hands the Zap the agent, availability and custom status', async () => {
    const [output] = await deliver(
      agentStatusUpdatedTrigger,
      documentedDelivery('agent_status_updated'),
    );
    expect(output).toMatchObject({
      id: expect.stringMatching(/^john\.doe@gmail\.com-[0-9a-f]{16}$/),
      event: 'agent_status_updated',
      created_at: '2024-02-21T12:02:47Z',
      email: 'john.doe@gmail.com',
      name: 'John Doe',
      available: false,
      userCustomStatus: { name: 'Vacationing', emoji: '🌴' },
    });
  });
});
