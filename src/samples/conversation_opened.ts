import type { HookOutput } from '../webhooks/map-delivery';
import { sampleContact } from './contact';

/** What the conversation_opened trigger outputs for the delivery Callbell documents. */
export const conversationOpenedSample: HookOutput = {
  id: 'eb2b914a977e4ab896e7b886698b3eac-5c7a0675cc67df9f',
  event: 'conversation_opened',
  created_at: '2023-11-20T17:14:22Z',
  source: 'whatsapp',
  href: 'https://dash.callbell.eu/chat/f3670b13446b412796238b1cd78899f9',
  createdAt: '2023-11-20T17:14:22Z',
  closedAt: null,
  closingReason: null,
  // Callbell documents conversation events without the conversation link on the contact.
  contact: { ...sampleContact, conversationHref: null },
};
