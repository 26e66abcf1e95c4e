import { agentOutput, agentOutputFields } from '../shapes/agent';
import type { EventMapper } from '../webhooks/events';
import { hookTrigger } from '../webhooks/hook-trigger';
import { isoTime, stringOrNull } from '../values';
import type { HookExample } from '../example';

export const mapAgentSessionUpdated: EventMapper = (payload) => {
  const user = agentOutput(payload.user);
  return { created_at: isoTime(user.lastUpdatedAt), action: stringOrNull(payload.action), user };
};

export const agentSessionUpdated = hookTrigger({
  key: 'agent_session_updated',
  noun: 'Agent Session',
  label: 'Agent Login or Logout',
  description: 'Triggers when an agent logs in or out, or is logged out automatically.',
  mappers: { agent_session_updated: mapAgentSessionUpdated },
  sample: {
    id: 'john.doe@gmail.com-6d7b5822f5471599',
    event: 'agent_session_updated',
    created_at: '2024-02-21T12:02:47Z',
    action: 'user_logged_in',
    user: {
      email: 'john.doe@gmail.com',
      name: 'John Doe',
      firstName: 'John',
      lastName: 'Doe',
      available: false,
      lastUpdatedAt: '2024-02-21T12:02:47Z',
    },
  },
  outputFields: [
    { key: 'action', label: 'Action (user_logged_in, user_logged_out, system_logged_out)' },
    ...agentOutputFields('user__'),
  ],
});

/** The example run the tests and docs/operations.md are built from (src/example.ts). */
export const example: HookExample = { input: {}, event: 'agent_session_updated' };
