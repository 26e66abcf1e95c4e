import { agentOutput, agentOutputFields } from '../shapes/agent';
import type { EventMapper } from '../webhooks/events';
import { hookTrigger } from '../webhooks/hook-trigger';
import { stringOrNull } from '../values';
import type { HookExample } from '../example';

/**
 * No `created_at`: the payload gives no time for the log-in or log-out, and the agent's
 * `lastUpdatedAt` is "the date of the last status update" (object_types/team_member.md), which
 * a log-in need not change. The agent's own field keeps it, under its own name.
 */
export const mapAgentSessionUpdated: EventMapper = (payload) => ({
  action: stringOrNull(payload.action),
  user: agentOutput(payload.user),
});

export const agentSessionUpdatedTrigger = hookTrigger({
  key: 'agent_session_updated',
  noun: 'Agent Session',
  label: 'Agent Login or Logout',
  description: 'Triggers when an agent logs in or out, or is logged out automatically.',
  mappers: { agent_session_updated: mapAgentSessionUpdated },
  sample: {
    id: 'john.doe@gmail.com-6d7b5822f5471599',
    event: 'agent_session_updated',
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
