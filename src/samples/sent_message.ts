import type { MessageResult } from '../messages';
import { sampleContact } from './contact';

/** What the send actions output: Callbell's answer to POST /messages/send with contact and conversation. */
export const sentMessageSample: MessageResult = {
  id: 'adf3d1216d4c4dcd908199d6700f2381',
  uuid: 'adf3d1216d4c4dcd908199d6700f2381',
  status: 'enqueued',
  conversationHref: 'https://dash.callbell.eu/chat/f3670b13446b412796238b1cd78899f9',
  contact: sampleContact,
  conversation: {
    href: 'https://dash.callbell.eu/chat/f3670b13446b412796238b1cd78899f9',
    source: 'whatsapp',
    createdAt: '2022-10-12T15:57:16Z',
  },
};
