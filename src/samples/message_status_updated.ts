import type { HookOutput } from '../webhooks/map-delivery';
import { sampleContact } from './contact';

/** What the message_status_updated trigger outputs for the delivery Callbell documents. */
export const messageStatusUpdatedSample: HookOutput = {
  id: 'adf3d1216d4c4dcd908199d6700f2381-read',
  event: 'message_status_updated',
  created_at: '2023-06-12T09:58:33.000Z',
  uuid: 'adf3d1216d4c4dcd908199d6700f2381',
  status: 'read',
  failure_reason: null,
  metadata: {},
  contact: sampleContact,
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
