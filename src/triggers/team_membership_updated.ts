import { teamMembershipUpdatedSample } from '../samples/team_membership_updated';
import { hookTrigger } from '../webhooks/hook-trigger';
import { agentOutputFields } from '../webhooks/output-fields';

export const teamMembershipUpdated = hookTrigger({
  key: 'team_membership_updated',
  noun: 'Team Membership',
  label: 'Team Membership Updated',
  description: 'Triggers when a team member is added to or removed from a Callbell team.',
  events: () => ['team_membership_updated'],
  sample: teamMembershipUpdatedSample,
  outputFields: [
    { key: 'reason', label: 'Reason (agent_added or agent_removed)' },
    { key: 'team__uuid', label: 'Team ID' },
    { key: 'team__name', label: 'Team Name' },
    ...agentOutputFields('user__'),
  ],
});
