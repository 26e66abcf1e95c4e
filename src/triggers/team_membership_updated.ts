import { agentOutput, agentOutputFields } from '../shapes/agent';
import type { EventMapper } from '../webhooks/events';
import { hookTrigger } from '../webhooks/hook-trigger';
import { isoTime, objectOrEmpty, stringOrNull } from '../values';
import type { HookExample } from '../example';

export const mapTeamMembershipUpdated: EventMapper = (payload) => ({
  created_at: isoTime(payload.lastUpdateAt),
  reason: stringOrNull(payload.reason),
  team: objectOrEmpty(payload.team),
  user: agentOutput(payload.user),
});

export const teamMembershipUpdatedTrigger = hookTrigger({
  key: 'team_membership_updated',
  noun: 'Team Membership',
  label: 'Team Membership Updated',
  description: 'Triggers when an agent is added to or removed from a team.',
  mappers: { team_membership_updated: mapTeamMembershipUpdated },
  sample: {
    id: 'john.doe@gmail.com-4ee5d3ff934ce115',
    event: 'team_membership_updated',
    created_at: '2024-02-21T18:34:18Z',
    reason: 'agent_added',
    team: {
      name: 'Support Team',
      uuid: '35402552d90c4041b6bcb9a3249c0263',
      default: false,
      members: 3,
      createdAt: '2024-02-16T10:12:55Z',
    },
    user: {
      email: 'john.doe@gmail.com',
      name: null,
      firstName: null,
      lastName: null,
      available: true,
      lastUpdatedAt: '2024-02-06T15:02:30Z',
    },
  },
  outputFields: [
    { key: 'reason', label: 'Reason (agent_added or agent_removed)' },
    { key: 'team__uuid', label: 'Team ID' },
    { key: 'team__name', label: 'Team Name' },
    ...agentOutputFields('user__'),
  ],
});

/** The example run the tests and docs/operations.md are built from (src/example.ts). */
export const example: HookExample = { input: {}, event: 'team_membership_updated' };
