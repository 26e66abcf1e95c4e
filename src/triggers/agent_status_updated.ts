import { agentOutput, agentOutputFields } from '../shapes/agent';
import type { EventMapper } from '../webhooks/events';
import { hookTrigger } from '../webhooks/hook-trigger';
import { isoTime, objectOrNull } from '../values';
import type { HookExample } from '../example';

export const mapAgentStatusUpdated: EventMapper = (payload) => ({
  created_at: isoTime(payload.lastUpdatedAt),
  ...agentOutput(payload),
  userCustomStatus: objectOrNull(payload.userCustomStatus),
});

export const agentStatusUpdatedTrigger = hookTrigger({
  key: 'agent_status_updated',
  noun: 'Agent Status',
  label: 'Agent Status Updated',
  description: 'Triggers when an agent becomes available or away, or changes custom status.',
  mappers: { agent_status_updated: mapAgentStatusUpdated },
  sample: {
    id: 'john.doe@gmail.com-5c7e8d81dec2fc6b',
    event: 'agent_status_updated',
    created_at: '2024-02-21T12:02:47Z',
    email: 'john.doe@gmail.com',
    name: 'John Doe',
    firstName: 'John',
    lastName: 'Doe',
    available: false,
    lastUpdatedAt: '2024-02-21T12:02:47Z',
    userCustomStatus: {
      updatedAt: '2025-02-04T20:21:31Z',
      id: '0d6041a2-8b88-49ec-a99b-a88a078a16c1',
      name: 'Vacationing',
      emoji: '🌴',
    },
  },
  outputFields: [
    ...agentOutputFields(''),
    { key: 'userCustomStatus__name', label: 'Custom Status' },
    { key: 'userCustomStatus__emoji', label: 'Custom Status Emoji' },
  ],
});

/** The example run the tests and docs/operations.md are built from (src/example.ts). */
export const example: HookExample = { input: {}, event: 'agent_status_updated' };
