import type { HookOutput } from '../webhooks/map-delivery';

/** What the agent_session_updated trigger outputs for the delivery Callbell documents. */
export const agentSessionUpdatedSample: HookOutput = {
  id: 'john.doe@gmail.com-6d7b5822f5471599',
  event: 'agent_session_updated',
  created_at: '2024-02-21T12:02:47Z',
  action: 'user_logged_in',
  user: {
    email: 'john.doe@gmail.com',
    name: 'John Doe',
    available: false,
    lastUpdatedAt: '2024-02-21T12:02:47Z',
  },
};
