import { agentSessionUpdatedSample } from '../samples/agent_session_updated';
import { hookTrigger } from '../webhooks/hook-trigger';
import { agentOutputFields } from '../webhooks/output-fields';

export const agentSessionUpdated = hookTrigger({
  key: 'agent_session_updated',
  noun: 'Agent Session',
  label: 'Agent Logged In or Out',
  description:
    'Triggers when a team member logs in to or out of Callbell, or is logged out by the system.',
  events: () => ['agent_session_updated'],
  sample: agentSessionUpdatedSample,
  outputFields: [
    { key: 'action', label: 'Action (user_logged_in, user_logged_out, system_logged_out)' },
    ...agentOutputFields('user__'),
  ],
});
