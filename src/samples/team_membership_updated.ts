import type { HookOutput } from '../webhooks/map-delivery';

/** What the team_membership_updated trigger outputs for the delivery Callbell documents. */
export const teamMembershipUpdatedSample: HookOutput = {
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
    available: true,
    lastUpdatedAt: '2024-02-06T15:02:30Z',
  },
};
