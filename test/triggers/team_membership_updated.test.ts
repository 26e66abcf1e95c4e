import { teamMembershipUpdatedTrigger } from '../../src/triggers/team_membership_updated';
import { deliver, documentedDelivery, itBehavesLikeAHookTrigger } from '../helpers/hook-trigger';

describe('team_membership_updated', () => {
  itBehavesLikeAHookTrigger(teamMembershipUpdatedTrigger, { events: ['team_membership_updated'] });

  it('hands the Zap the team, the agent and the reason', async () => {
    const [output] = await deliver(
      teamMembershipUpdatedTrigger,
      documentedDelivery('team_membership_updated'),
    );
    expect(output).toMatchObject({
      id: expect.stringMatching(/^john\.doe@gmail\.com-[0-9a-f]{16}$/),
      created_at: '2024-02-21T18:34:18Z',
      reason: 'agent_added',
      team: { uuid: '35402552d90c4041b6bcb9a3249c0263', name: 'Support Team' },
      // Callbell spells this one "lastUpdateAt"; the output uses one name for every agent.
      user: {
        email: 'john.doe@gmail.com',
        available: true,
        lastUpdatedAt: '2024-02-06T15:02:30Z',
        name: null,
      },
    });
  });
});
