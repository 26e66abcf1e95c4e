import type { HookOutput } from '../webhooks/map-delivery';

/** What the message_status_updated trigger outputs for the delivery Callbell documents. */
export const messageStatusUpdatedSample: HookOutput = {
  id: 'adf3d1216d4c4dcd908199d6700f2381-read',
  event: 'message_status_updated',
  created_at: '2023-06-12T09:58:33.000Z',
  uuid: 'adf3d1216d4c4dcd908199d6700f2381',
  status: 'read',
  failure_reason: null,
  metadata: {},
  contact: {
    uuid: 'eb2b914a977e4ab896e7b886698b3eac',
    name: 'John Doe',
    phoneNumber: '331122334455',
    phoneNumberE164: '+331122334455',
    source: 'whatsapp',
    href: 'https://dash.callbell.eu/contacts/eb2b914a977e4ab896e7b886698b3eac',
    conversationHref: 'https://dash.callbell.eu/chat/f3670b13446b412796238b1cd78899f9',
    avatarUrl: null,
    createdAt: '2022-10-12T15:57:16Z',
    closedAt: null,
    blockedAt: null,
    assignedUser: null,
    funnelId: null,
    bsuid: null,
    note: null,
    tags: ['Lead'],
    customFields: {},
    team: null,
    channel: null,
  },
  messageStatusPayload: {
    id: 'gBGGM2MSRxl_Aglqmg5KQXU7ABC',
    gsId: '2b34bfb7-2631-4763-89fb-1b3c65a4babc',
    type: 'read',
    payload: {
      ts: 1686563913,
    },
    destination: '1122334455',
  },
};
