import type { HookOutput } from '../webhooks/map-delivery';

/** What the agent_status_updated trigger outputs for the delivery Callbell documents. */
export const agentStatusUpdatedSample: HookOutput = {
  id: 'john.doe@gmail.com-5c7e8d81dec2fc6b',
  event: 'agent_status_updated',
  created_at: '2024-02-21T12:02:47Z',
  email: 'john.doe@gmail.com',
  name: 'John Doe',
  available: false,
  lastUpdatedAt: '2024-02-21T12:02:47Z',
  userCustomStatus: {
    updatedAt: '2025-02-04T20:21:31Z',
    id: '0d6041a2-8b88-49ec-a99b-a88a078a16c1',
    name: 'Vacationing',
    emoji: '🌴',
  },
};
