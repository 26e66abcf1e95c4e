import { agentStatusUpdatedSample } from '../samples/agent_status_updated';
import { hookTrigger } from '../webhooks/hook-trigger';
import { agentOutputFields } from '../webhooks/output-fields';

export const agentStatusUpdated = hookTrigger({
  key: 'agent_status_updated',
  noun: 'Agent Status',
  label: 'Agent Status Updated',
  description:
    'Triggers when a team member becomes available or unavailable in Callbell, or changes their custom status.',
  events: () => ['agent_status_updated'],
  sample: agentStatusUpdatedSample,
  outputFields: [
    ...agentOutputFields(''),
    { key: 'userCustomStatus__name', label: 'Custom Status' },
    { key: 'userCustomStatus__emoji', label: 'Custom Status Emoji' },
  ],
});
