import type { HookOutput } from '../webhooks/map-delivery';
import { sampleContact } from './contact';

/** What the conversation_closed trigger outputs for the delivery Callbell documents. */
export const conversationClosedSample: HookOutput = {
  id: 'eb2b914a977e4ab896e7b886698b3eac-95e7987c405b71cc',
  event: 'conversation_closed',
  created_at: '2023-11-20T17:14:22Z',
  source: 'whatsapp',
  href: 'https://dash.callbell.eu/chat/f3670b13446b412796238b1cd78899f9',
  createdAt: '2023-11-20T17:14:22Z',
  closedAt: '2023-11-20T17:14:22Z',
  closingReason: 'issue_resolved',
  // Callbell documents conversation events without the conversation link on the contact.
  contact: { ...sampleContact, conversationHref: null },
};
